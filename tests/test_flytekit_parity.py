"""Differential tests: ``flytemodels.flytekit`` against ``flytekit.models``, class by class.

For every flytekit class backed by a message (ours subclasses ``FlytekitModel``),
seeded random messages from the descriptor-driven filler (without unknown fields
or enum values, which flytekit's models cannot carry):

- ``test_round_trip_keeps_the_message``: ours gives back ``pb`` exactly
  (unknown fields and enum values included, in a second series);
- ``test_reading_everything_keeps_the_message``: after reading every property
  recursively (a full walk), ours still gives back ``pb`` exactly, and every
  model the walk met is of the flytekit family;
- ``test_same_messages_as_flytekit``: flytekit's ``from_flyte_idl(pb).to_flyte_idl()``
  equals ours up to what flytekit loses (``tests/flytekit_compat/roundtrip.py``,
  applied to both sides by ``normalize``);
- ``test_same_property_values_as_flytekit``: every property flytekit's class has
  gives an equal value on ours, in flytekit's shape (``values.differences``: models
  of the counterpart class, dicts, lists, naive or aware datetimes as flytekit's),
  and raises the same exception type where flytekit's raises; properties of fields
  flytekit loses are skipped, ``deviations.VALUES`` lists any other difference;
- ``test_same_messages_from_flytekit_constructor_arguments``: flytekit's
  constructor and ours, given the same arguments (flytekit's own attribute
  values, ours converted to our classes), build equal messages: once with every
  argument, once with the required ones only (flytekit's defaults, such as
  ``NodeMetadata(name)``'s timeout and retries).

``test_every_round_trip_deviation_is_real`` checks that each documented
deviation still describes flytekit: a message setting its fields loses them
in flytekit's round trip. Known bugs of ours are strict xfails
(``deviations.PENDING``).
"""

from __future__ import annotations

import enum
import inspect
import operator
import random
from collections.abc import Mapping
from typing import Any

import pytest
from google.protobuf.message import Message as PbMessage

from flytemodels._flytekit.entity import FlytekitModel
from flytemodels._runtime import Message as IdlMessage
from tests.flytekit_compat import api, deviations, normalize, roundtrip, values
from tests.flytekit_compat.roundtrip import BY_MESSAGE, Kind
from tests.support import filler

INSTANCES = 25
PROPERTY_INSTANCES = 12
OPTIONS = filler.Options().plain()
PAIRS = [pair for pair in api.pairs() if pair.is_class and pair.is_model]


def _params(check: str) -> list[Any]:
    found = []
    for pair in PAIRS:
        pending = deviations.PENDING.get(f"{check} {pair.key}")
        marks = [pytest.mark.xfail(reason=pending, strict=True)] if pending else []
        found.append(pytest.param(pair, id=pair.key, marks=marks))
    return found


def _messages(pair: api.Pair, count: int, options: filler.Options = OPTIONS) -> list[Any]:
    rng = random.Random(pair.key)
    return [filler.fill(pair.ours._PB, rng, options) for _ in range(count)]


def _flytekit_messages(pair: api.Pair, count: int) -> list[Any]:
    """Messages flytekit's round trip can take (fields it rejects cleared, inputs it crashes on left out)."""
    found = (normalize.flytekit_input(pb, pair.key) for pb in _messages(pair, count))
    return [pb for pb in found if normalize.compared(pb, pair.key)]


# -- ours alone ------------------------------------------------------------------------------


@pytest.mark.parametrize("pair", _params("round-trip"))
def test_round_trip_keeps_the_message(pair: api.Pair) -> None:
    ours = pair.ours
    for options in (OPTIONS, filler.DEFAULT):
        for index, pb in enumerate(_messages(pair, INSTANCES, options)):
            assert ours.from_flyte_idl(pb).to_flyte_idl() == pb, f"{pair.key} #{index}: {pb}"
            assert ours.from_bytes(pb.SerializeToString()).to_flyte_idl() == pb, f"{pair.key} #{index}: {pb}"


@pytest.mark.parametrize("pair", _params("reading"))
def test_reading_everything_keeps_the_message(pair: api.Pair) -> None:
    for index, pb in enumerate(_messages(pair, INSTANCES)):
        model = pair.ours.from_flyte_idl(pb)
        for path, value in values.read_everything(model):
            assert not isinstance(value, IdlMessage), f"{pair.key}{path}: an IDL-family {type(value).__name__}"
        assert model.to_flyte_idl() == pb, f"{pair.key} #{index}: {pb}"


# -- against flytekit ------------------------------------------------------------------------


def flytekit_round_trip(flytekit_class: Any, pb: Any) -> Any:
    """flytekit's ``from_flyte_idl(pb).to_flyte_idl()``; its ``None`` (for "empty", either way) as an empty message."""
    model = flytekit_class.from_flyte_idl(pb)
    result = None if model is None else model.to_flyte_idl()
    return type(pb)() if result is None else result


@pytest.mark.parametrize("pair", _params("messages"))
def test_same_messages_as_flytekit(pair: api.Pair) -> None:
    key = pair.key
    compared = _flytekit_messages(pair, INSTANCES)
    for index, pb in enumerate(compared):
        mine = pair.ours.from_flyte_idl(pb).to_flyte_idl()
        theirs = flytekit_round_trip(pair.flytekit, pb)
        assert normalize.comparable(mine, key) == normalize.comparable(theirs, key), f"{key} #{index}: {pb}"
    assert len(compared) >= INSTANCES // 2, f"{key}: only {len(compared)} of {INSTANCES} instances compared"


_NOT_KEPT = (Kind.DROPS, Kind.CORRUPTS, Kind.REJECTS, Kind.REWRITES)


def compared_properties(pair: api.Pair) -> list[str]:
    """flytekit's properties of the class, less those of fields flytekit loses and documented ones."""
    name = pair.ours._PB.DESCRIPTOR.full_name
    lost = {
        field
        for rule in BY_MESSAGE.get(name, ())
        if rule.kind in _NOT_KEPT and rule.applies_to(pair.key)
        for field in rule.fields
    }
    documented = {key.rpartition(".")[2] for key in deviations.VALUES if key.rpartition(".")[0] == pair.key}
    return [prop for prop in values.properties(pair.flytekit) if prop not in lost | documented]


def _read(model: Any, name: str) -> tuple[Any, type[BaseException] | None]:
    try:
        return getattr(model, name), None
    except Exception as error:
        return None, type(error)


@pytest.mark.parametrize("pair", _params("values"))
def test_same_property_values_as_flytekit(pair: api.Pair) -> None:
    key, names = pair.key, compared_properties(pair)
    for index, pb in enumerate(_flytekit_messages(pair, PROPERTY_INSTANCES)):
        mine, theirs = pair.ours.from_flyte_idl(pb), pair.flytekit.from_flyte_idl(pb)
        if theirs is None:  # flytekit's model of an empty message (documented)
            assert key in deviations.FROM_IDL_NONE, f"{key}.from_flyte_idl gives None for {pb}"
            continue
        for name in names:
            if name == "is_empty" and flytekit_round_trip(pair.flytekit, pb) != pb:
                continue  # a function of the message: equal where flytekit's round trip loses nothing
            expected, raised = _read(theirs, name)
            if raised is not None:
                with pytest.raises(raised):
                    getattr(mine, name)
                continue
            found = values.differences(expected, getattr(mine, name), key, name)
            assert not found, f"{key}.{name} #{index}: " + "; ".join(found) + f"\n{pb}"


_TEXTS = ("__repr__", "__str__", "short_string", "_repr_html_", "serialize_to_string", "__hash__")


@pytest.mark.parametrize("pair", _params("text"))
def test_same_text_equality_and_hash_as_flytekit(pair: api.Pair) -> None:
    """``repr``, ``str``, ``short_string``, ``_repr_html_``, bytes and ``hash`` as flytekit's; ``==`` by message.

    Compared on the messages flytekit's round trip keeps byte for byte (the text and hash follow the message).
    """
    for index, pb in enumerate(_flytekit_messages(pair, PROPERTY_INSTANCES)):
        theirs = pair.flytekit.from_flyte_idl(pb)
        same = flytekit_round_trip(pair.flytekit, pb).SerializeToString() == pb.SerializeToString()
        if theirs is None or not same:  # maps in another order print in another order
            continue
        mine = pair.ours.from_flyte_idl(pb)
        for name in _TEXTS:
            expected, raised = _read(theirs, name)
            if raised is not None or getattr(type(theirs), name) in (getattr(object, name, None), None):
                continue  # flytekit's empty SecurityContext has no message to print; object's repr has an address
            found, wanted = getattr(mine, name)(), expected()
            if name == "serialize_to_string":  # maps serialize in no particular order
                found, wanted = type(pb).FromString(found), type(pb).FromString(wanted)
            assert found == wanted or _same_lines(found, wanted), f"{pair.key}.{name} #{index}: {pb}"
        again = pair.ours.from_flyte_idl(pb)
        assert mine == again and operator.ne(mine, again) is False, f"{pair.key} #{index}: {pb}"
        assert (type(mine).__hash__ is None) == (type(theirs).__hash__ is None), f"{pair.key}: hashable or not"


def _same_lines(found: object, wanted: object) -> bool:
    """Texts that differ only in the order of map entries.

    Two equal messages (ours, a C copy; flytekit's, rebuilt from a dict) can iterate a map in
    different orders, and upb's order changes from process to process (it hashes with a seed
    taken from an address): a ``Struct`` prints its entries as lines in either order, and a
    flytekit property holding a ``dict`` prints it on one line in upb's order, where ours gives
    it in key order. So lines may come in another order, and a line showing a ``dict`` may list
    the same characters in another order; any other difference still fails.
    """
    if not isinstance(found, str) or not isinstance(wanted, str):
        return False
    return sorted(map(_entries_unordered, found.splitlines())) == sorted(map(_entries_unordered, wanted.splitlines()))


def _entries_unordered(line: str) -> str:
    return "".join(sorted(line)) if "{" in line else line


@pytest.mark.parametrize("pair", _params("constructor"))
def test_same_messages_from_flytekit_constructor_arguments(pair: api.Pair) -> None:
    """The same arguments give the same message, flytekit's constructor and ours (all, then the required ones).

    The arguments are flytekit's attribute values (read from a filled message), positional in flytekit's order;
    its models and enum members become ours, its protobuf repeated containers lists. Where flytekit's
    constructor raises, ours must raise the same; where flytekit's ``to_flyte_idl`` raises, the crash is
    documented (``deviations.CRASHES``) and ours must work.
    """
    for index, pb in enumerate(_flytekit_messages(pair, PROPERTY_INSTANCES)):
        fk = pair.flytekit.from_flyte_idl(pb)
        for required_only in (False, True):
            context = f"{pair.key} #{index} ({'required' if required_only else 'all'} arguments): {pb}"
            _compare_constructors(pair, *_arguments(pair, fk, required_only), context, to_lists=True)


@pytest.mark.parametrize("pair", _params("containers"))
def test_constructors_take_protobuf_containers(pair: api.Pair) -> None:
    """flytekit's values as they are: protobuf repeated containers, which flytekit's ``from_flyte_idl`` keeps.

    flytekit code passes them on; ours must take them as it takes lists (the same message).
    """
    for index, pb in enumerate(_flytekit_messages(pair, PROPERTY_INSTANCES)):
        positional, named = _arguments(pair, pair.flytekit.from_flyte_idl(pb), required_only=False)
        if not any(map(_is_repeated_container, [*positional, *named.values()])):
            continue
        built = [
            pair.ours(*(ours(v, to_lists) for v in positional), **{n: ours(v, to_lists) for n, v in named.items()})
            for to_lists in (True, False)
        ]
        assert built[1].to_flyte_idl() == built[0].to_flyte_idl(), f"{pair.key} #{index}: {pb}"


def _compare_constructors(
    pair: api.Pair, positional: list[Any], named: dict[str, Any], context: str, to_lists: bool
) -> None:
    def convert(value: Any) -> Any:
        return ours(value, to_lists)

    try:
        theirs_model = pair.flytekit(*positional, **named)
    except Exception as error:
        with pytest.raises(type(error)):
            pair.ours(*map(convert, positional), **{name: convert(value) for name, value in named.items()})
        return
    mine = pair.ours(
        *map(convert, positional), **{name: convert(value) for name, value in named.items()}
    ).to_flyte_idl()
    try:
        theirs = theirs_model.to_flyte_idl()
    except Exception as error:
        assert pair.key in deviations.CRASHES, f"flytekit raises {error!r}; {context}"
        return
    if theirs is None or mine is None:  # flytekit's empty SecurityContext
        assert theirs is mine, context
    else:
        assert normalize.constructed(mine, pair.key) == normalize.constructed(theirs, pair.key), context


def _arguments(pair: api.Pair, fk: Any, required_only: bool) -> tuple[list[Any], dict[str, Any]]:
    positional: list[Any] = []
    named: dict[str, Any] = {}
    for param in inspect.signature(pair.flytekit).parameters.values():
        if param.kind is param.VAR_POSITIONAL:  # NodeExecutionGetDataResponse(*args): its base's parameters
            base = inspect.signature(pair.flytekit.__mro__[1]).parameters
            positional += [_attribute(fk, name) for name in base]
        elif required_only and param.default is not param.empty:
            continue
        elif param.kind is param.POSITIONAL_OR_KEYWORD:
            positional.append(_attribute(fk, param.name))
        elif param.kind is param.KEYWORD_ONLY:
            named[param.name] = _attribute(fk, param.name)
    return positional, named


def _attribute(fk: Any, name: str) -> Any:
    """flytekit's value for a constructor parameter: its property, else its private attribute."""
    if hasattr(fk, name):
        return getattr(fk, name)
    return getattr(fk, f"_{name}", None)


def ours(value: Any, to_lists: bool = True) -> Any:
    """A flytekit value as flytekit code would hand it to ours: its models and enum members become ours."""
    if isinstance(value, enum.Enum):
        holder = api.counterpart(type(value))
        return holder[value.name] if isinstance(holder, type) and issubclass(holder, enum.Enum) else value
    if isinstance(value, (PbMessage, str, bytes)):
        return value
    if isinstance(value, Mapping):
        return {key: ours(item, to_lists) for key, item in value.items()}
    if isinstance(value, list) or (to_lists and _is_repeated_container(value)):
        return [ours(item, to_lists) for item in value]
    if hasattr(value, "to_flyte_idl"):
        cls = api.counterpart(type(value))
        message = value.to_flyte_idl()
        return cls() if message is None else cls.from_flyte_idl(message)  # None: flytekit's empty SecurityContext
    return value


def _is_repeated_container(value: Any) -> bool:
    return type(value).__module__.startswith("google.") and hasattr(value, "__len__") and not isinstance(value, Mapping)


# -- the deviations ---------------------------------------------------------------------------


def _flytekit_classes(message: str, classes: tuple[str, ...]) -> list[api.Pair]:
    return [
        pair for pair in PAIRS if pair.ours._PB.DESCRIPTOR.full_name == message and (not classes or pair.key in classes)
    ]


@pytest.mark.parametrize(
    "rule",
    roundtrip.ROUNDTRIP,
    ids=[f"{rule.message}.{'+'.join(rule.fields)}:{rule.kind.value}" for rule in roundtrip.ROUNDTRIP],
)
def test_every_round_trip_deviation_is_real(rule: roundtrip.Deviation) -> None:
    """Some message setting the rule's fields shows flytekit doing what the rule says."""
    pairs = _flytekit_classes(rule.message, rule.classes)
    assert pairs, f"no flytekit class reads {rule.message}"
    for pair in pairs:
        for pb in _messages(pair, 200):
            if roundtrip.shows(rule, _without_other_rejects(pb, pair.key, rule), _round_trip(pair)):
                return
    pytest.fail(f"{rule}: no instance shows it")


def _without_other_rejects(pb: Any, key: str, rule: roundtrip.Deviation) -> Any:
    """``pb`` less the fields flytekit refuses or rewrites, those of ``rule`` excepted."""
    clean = normalize.flytekit_input(pb, key)
    for name in rule.fields:
        field = pb.DESCRIPTOR.fields_by_name[name]
        if field.is_repeated:
            getattr(clean, name).MergeFrom(getattr(pb, name))
        elif field.message_type is not None:
            if pb.HasField(name):
                getattr(clean, name).CopyFrom(getattr(pb, name))
        else:
            setattr(clean, name, getattr(pb, name))
    return clean


def _round_trip(pair: api.Pair) -> Any:
    return lambda pb: flytekit_round_trip(pair.flytekit, pb)


def test_every_model_class_is_compared() -> None:
    """Every flytekit-family class backed by a message is a flytekit class (no stray generated ones)."""
    assert all(issubclass(pair.ours, FlytekitModel) for pair in PAIRS)
    assert len(PAIRS) > 150
