"""The fuzz target: any bytes, read as any flyteidl model, give a model or ``DecodeError``.

An input's first two bytes pick the model class (of the 437 in the catalog), the
rest is what ``from_bytes`` reads. Decoding must either fail with
``flytemodels.errors.DecodeError`` naming that class, or give a model that then
behaves: it re-serializes to bytes that parse back to an equal model, it hashes,
compares, copies and pickles, and every property (recursively) can be read. A
property may refuse only with the documented ``ValueError`` naming its field,
for a well-known value its Python type cannot hold (a Timestamp in year 10000).
Anything else is a crash: it is recorded (one example per exception type and
place) and the run goes on, so one run counts every distinct crash it finds.
"""

from __future__ import annotations

import copy
import pickle
import random
import re
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from google.protobuf.unknown_fields import UnknownFieldSet

from flytemodels._runtime import Message
from flytemodels.errors import DecodeError
from tests.support import catalog, filler

CASES = catalog.messages()


@dataclass
class Tally:
    """What a run tried and found."""

    inputs: int = 0
    decoded: int = 0
    crashes: dict[str, bytes] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        return f"fuzz from_bytes: {self.inputs} inputs tried, {self.decoded} decoded, {len(self.crashes)} crashes"


TALLY = Tally()


def split(data: bytes) -> tuple[catalog.MessageCase, bytes]:
    """The model case an input targets and the bytes it hands to ``from_bytes``."""
    index = int.from_bytes(data[:2], "little") % len(CASES)
    return CASES[index], data[2:]


def encode(case_index: int, payload: bytes) -> bytes:
    """The input that makes ``split`` read ``payload`` as ``CASES[case_index]``."""
    return case_index.to_bytes(2, "little") + payload


def one_input(data: bytes) -> None:
    """Run one input; record a crash instead of raising it."""
    TALLY.inputs += 1
    try:
        check(data)
    except Exception as error:
        key = crash_key(error)
        if key not in TALLY.crashes:
            TALLY.crashes[key] = data
            TALLY.messages[key] = str(error)[:300]


def check(data: bytes) -> None:
    """Raise whatever goes wrong with ``data`` other than a ``DecodeError`` from ``from_bytes``."""
    case, payload = split(data)
    try:
        model = case.model.from_bytes(payload)
    except DecodeError as error:
        if case.model.__name__ not in str(error):
            raise AssertionError(f"DecodeError does not name {case.model.__name__}: {error}") from None
        return
    TALLY.decoded += 1
    exercise(model)


def exercise(model: Message) -> None:
    """Everything a caller may do with a decoded model must work."""
    cls = type(model)
    copies = [
        cls.from_bytes(model.serialize_to_string()),
        cls.from_flyte_idl(model.to_flyte_idl()),
        pickle.loads(pickle.dumps(model)),
        copy.deepcopy(model),
    ]
    if not holds_reencoded_map_entry(model._pb):
        for number, other in enumerate(copies):
            assert other == model and hash(other) == hash(model), f"copy #{number} differs from the model"
    model.short_string()
    for _ in walk(model):
        pass


def walk(model: Message) -> Iterator[Any]:
    """Read every property of ``model`` and of every model inside it (iteratively)."""
    stack = [model]
    while stack:
        current = stack.pop()
        for name in properties(type(current)):
            try:
                value = getattr(current, name)
            except ValueError as error:
                if not OUT_OF_RANGE.match(str(error)) or not str(error).startswith(owner_label(current)):
                    raise
                continue
            yield value
            items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
            stack.extend(item for item in items if isinstance(item, Message))


def holds_reencoded_map_entry(pb: Any) -> bool:
    """True when upb kept a map entry as an unknown field (the entry carried a field of its own).

    upb re-encodes such an entry with the maps inside it in hash-table order,
    which depends on the process (ASLR), and compares unknown fields byte by
    byte: the message can then differ from its own re-parsed bytes. That is
    protobuf's behaviour for malformed input, not the models'; the check is
    skipped for it. Reproducer: a LiteralMap entry carrying an unknown field
    whose Literal value holds a LiteralMap of a few entries.
    """
    stack = [pb]
    while stack:
        message = stack.pop()
        maps = {field.number for field in message.DESCRIPTOR.fields if is_map(field)}
        if maps and any(unknown.field_number in maps for unknown in UnknownFieldSet(message)):
            return True
        for descriptor, value in message.ListFields():
            if descriptor.message_type is None:
                continue
            if is_map(descriptor):
                if descriptor.message_type.fields_by_name["value"].message_type is not None:
                    stack.extend(value.values())
            else:
                stack.extend(value if descriptor.is_repeated else [value])
    return False


def is_map(field: Any) -> bool:
    return field.message_type is not None and field.message_type.GetOptions().map_entry


#: The documented refusal of a property: ``Message.field: <value> is outside <range>``.
OUT_OF_RANGE = re.compile(r"^[\w.]+\.\w+: .+ is outside ")


def owner_label(model: Message) -> str:
    """How errors name ``model``'s message (``Message.`` within its package): any of its fields may refuse.

    An override's convenience property (``Primitive.value``) reads a field, so its
    error names that field (``Primitive.duration``), not the property.
    """
    descriptor = model._pb.DESCRIPTOR
    return f"{descriptor.full_name.removeprefix(descriptor.file.package + '.')}."


@cache
def properties(model_class: type) -> tuple[str, ...]:
    """Every property a model class has, its own and inherited (an override's ``value`` too)."""
    names = {
        name for klass in model_class.__mro__ for name, value in vars(klass).items() if isinstance(value, property)
    }
    return tuple(sorted(names))


def crash_key(error: BaseException) -> str:
    """Exception type and innermost frame (and an assertion's text): one example per distinct crash."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    key = f"{type(error).__name__} at {where}"
    return f"{key}: {error}" if isinstance(error, AssertionError) else key


def seed_corpus(per_case: int = 2, seed: int = 0) -> list[bytes]:
    """Valid encodings of random messages of every type, for the engines to mutate."""
    rng = random.Random(seed)
    corpus = []
    for index, case in enumerate(CASES):
        for _ in range(per_case):
            pb = filler.fill(case.pb_class, rng, filler.Options(max_depth=2))
            corpus.append(encode(index, pb.SerializeToString()))
    return corpus
