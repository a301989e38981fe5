"""Differential tests: flytekit.models and flytemodels.flytekit give the same messages.

For every flytekit class whose counterpart is a flytemodels model, seeded random
messages (the descriptor-driven filler, without unknown fields or enum values,
which flytekit's models cannot carry) go through flytekit's
``from_flyte_idl(pb).to_flyte_idl()`` and through ours. Ours must give back
``pb`` itself; flytekit's must equal ours up to the documented deviations
(``tests/flytekit_compat/roundtrip.py``, applied by ``normalize``). Then every
property flytekit's class has must give the same value on ours
(``tests/flytekit_compat/values.py``), up to ``deviations.VALUES``, and
flytekit's constructor and ours, given the same positional arguments, must
build the same message.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import random
from typing import Any

import pytest
from google.protobuf.message import Message as PbMessage

from flytemodels._runtime import Message, registry
from tests.flytekit_compat import deviations, normalize, table, values
from tests.flytekit_compat.roundtrip import BY_MESSAGE, Kind
from tests.support import filler

INSTANCES = 25
PROPERTY_INSTANCES = 10
OPTIONS = filler.Options().plain()
ROWS = [row for row in table.rows() if isinstance(row.pair.ours, type) and issubclass(row.pair.ours, Message)]


def flytekit_round_trip(flytekit_class: Any, pb: Any) -> Any:
    """flytekit's ``from_flyte_idl(pb).to_flyte_idl()``; its ``None`` (for "empty", either way) as an empty message."""
    model = flytekit_class.from_flyte_idl(pb)
    result = None if model is None else model.to_flyte_idl()
    return type(pb)() if result is None else result


def _param(row: table.Row) -> Any:
    pending = deviations.PENDING.get(row.pair.key)
    marks = [pytest.mark.xfail(reason=pending, strict=True)] if pending else []
    return pytest.param(row, id=row.pair.key, marks=marks)


@pytest.mark.parametrize("row", [_param(row) for row in ROWS])
def test_same_messages_as_flytekit(row: table.Row) -> None:
    ours, theirs, key = row.pair.ours, row.pair.flytekit, row.pair.key
    rng = random.Random(key)
    compared = 0
    for index in range(INSTANCES):
        pb = filler.fill(ours._PB, rng, OPTIONS)
        context = f"{key} #{index}: {pb}"
        assert ours.from_flyte_idl(pb).to_flyte_idl() == pb, context
        pb = normalize.flytekit_input(pb, key)
        if not normalize.compared(pb, key):
            continue
        mine = ours.from_flyte_idl(pb).to_flyte_idl()
        theirs_pb = flytekit_round_trip(theirs, pb)
        assert normalize.comparable(theirs_pb, key) == normalize.comparable(mine, key), context
        compared += 1
    assert compared >= INSTANCES // 2, f"{key}: only {compared} of {INSTANCES} instances compared"


_NOT_KEPT = (Kind.DROPS, Kind.CORRUPTS, Kind.REJECTS, Kind.REWRITES)


def _compared_properties(row: table.Row) -> list[str]:
    """flytekit's properties of the class, less ``is_empty`` (a function of the message) and documented ones."""
    name = row.pair.ours._PB.DESCRIPTOR.full_name
    lost = {
        field
        for rule in BY_MESSAGE.get(name, ())
        if rule.kind in _NOT_KEPT and rule.applies_to(row.pair.key)
        for field in rule.fields
    }
    skipped = (
        lost
        | {"is_empty"}
        | {key.rpartition(".")[2] for key in deviations.VALUES if key.rpartition(".")[0] == row.pair.key}
    )
    return [prop for prop in values.properties(row.pair.flytekit) if prop not in skipped]


@pytest.mark.parametrize("row", [pytest.param(row, id=row.pair.key) for row in ROWS])
def test_same_property_values_as_flytekit(row: table.Row) -> None:
    """Every property flytekit has gives the same value on ours, for the same message (up to the deviations)."""
    ours, theirs, key = row.pair.ours, row.pair.flytekit, row.pair.key
    rng = random.Random(key)
    names = _compared_properties(row)
    for index in range(PROPERTY_INSTANCES):
        pb = normalize.flytekit_input(filler.fill(ours._PB, rng, OPTIONS), key)
        if not normalize.compared(pb, key):
            continue
        mine, fk = ours.from_flyte_idl(pb), theirs.from_flyte_idl(pb)
        for name in names:
            try:
                expected = values.canonical(getattr(fk, name), key)
            except Exception:  # flytekit cannot give or convert it (its crashes are documented elsewhere)
                continue
            assert values.canonical(getattr(mine, name), key) == expected, f"{key}.{name} #{index}: {pb}"


@pytest.mark.parametrize("row", [pytest.param(row, id=row.pair.key) for row in ROWS])
def test_same_messages_from_flytekit_constructor_arguments(row: table.Row) -> None:
    """The same positional arguments give the same message: flytekit's constructor and ours.

    The arguments are a flytekit model's own attribute values (read from a
    filled message), passed positionally in flytekit's order, converted to our
    models where they are flytekit models or protobuf messages.
    """
    ours, theirs, key = row.pair.ours, row.pair.flytekit, row.pair.key
    positional, keywords = _parameters(theirs)
    rng = random.Random(key)
    for index in range(PROPERTY_INSTANCES):
        pb = normalize.flytekit_input(filler.fill(ours._PB, rng, OPTIONS), key)
        if not normalize.compared(pb, key):
            continue
        fk, mine = theirs.from_flyte_idl(pb), ours.from_flyte_idl(pb)
        arguments = [_argument(fk, mine, name) for name in positional]
        named = {name: _argument(fk, mine, name) for name in keywords}
        expected = flytekit_round_trip_of(theirs(*arguments, **named), pb)
        built = ours(*map(_ours, arguments), **{name: _ours(value) for name, value in named.items()}).to_flyte_idl()
        assert normalize.comparable(built, key) == normalize.comparable(expected, key), f"{key} #{index}: {pb}"


def _parameters(flytekit_class: type) -> tuple[list[str], list[str]]:
    """flytekit's positional and keyword-only parameters; ``*args`` stands for its base class's positional ones."""
    found = inspect.signature(flytekit_class).parameters.values()
    positional = [p.name for p in found if p.kind is p.POSITIONAL_OR_KEYWORD]
    if any(p.kind is p.VAR_POSITIONAL for p in found):  # NodeExecutionGetDataResponse(*args, dynamic_workflow=None)
        positional += _parameters(flytekit_class.__mro__[1])[0]
    return positional, [p.name for p in found if p.kind is p.KEYWORD_ONLY]


def _argument(fk: Any, mine: Any, name: str) -> Any:
    """flytekit's value for a constructor parameter (ours where flytekit keeps it without an attribute)."""
    if hasattr(fk, name):
        return getattr(fk, name)
    return getattr(mine, name, None)  # e.g. IOStrategy.download_mode; LaunchPlan.auto_activate: no field at all


def flytekit_round_trip_of(model: Any, pb: Any) -> Any:
    result = model.to_flyte_idl()
    return type(pb)() if result is None else result


def _ours(value: Any) -> Any:
    """A flytekit constructor argument as ours takes it: models and messages become our models."""
    if value is None or isinstance(value, (bool, int, float, str, bytes, datetime.datetime, datetime.timedelta)):
        return value
    if isinstance(value, enum.Enum):  # flytekit's enum.Enum holders
        return value.value
    if isinstance(value, PbMessage):
        if value.DESCRIPTOR.file.package == "google.protobuf":
            return value
        return registry.model_class(value.DESCRIPTOR).from_flyte_idl(value)
    if hasattr(value, "to_flyte_idl"):
        return _ours(value.to_flyte_idl())
    if hasattr(value, "items"):
        return {key: _ours(item) for key, item in value.items()}
    return [_ours(item) for item in value]
