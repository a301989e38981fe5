"""Property tests (Hypothesis) over every flyteidl message type.

The strategies (``fuzz/strategies.py``) draw a seed for the descriptor-driven
filler (``tests/support/filler.py``), so Hypothesis shrinks a failure to a small
seed; the bytes strategy corrupts valid encodings. For every one of the 437
message types:

- a random message (unknown fields and enum values included) round-trips
  losslessly through the model: IDL, bytes, pickle, with an equal hash;
- the constructor rebuilds the model from its own property values, passing
  only the fields that are set: it never fails, and gives the same message up
  to what the Python types cannot hold (nanoseconds below a microsecond);
- random and corrupted bytes into ``from_bytes`` raise only ``DecodeError``, or
  give a model that behaves (the fuzz target's check).

Examples are few per type (``EXAMPLES``) and derandomized, so CI runs the same
cases every time; ``make fuzz`` is the long, random run.
"""

from __future__ import annotations

import pickle
from dataclasses import replace
from functools import cache
from typing import Any

import pytest
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from hypothesis import HealthCheck, given, settings

from fuzz import strategies, target
from tests import support
from tests.support import catalog, filler

CASES = catalog.messages()
EXAMPLES = 20

PROPERTY_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# What the constructor cannot be handed back: unknown fields of the message itself.
NO_UNKNOWN_FIELDS = replace(filler.DEFAULT, unknown_fields=False)


def _ids(cases: tuple[catalog.MessageCase, ...]) -> list[str]:
    return [case.full_name for case in cases]


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_random_messages_round_trip_losslessly(case: catalog.MessageCase) -> None:
    @PROPERTY_SETTINGS
    @given(strategies.messages(case))
    def check(pb: Any) -> None:
        model = case.model.from_flyte_idl(pb)
        assert model.to_flyte_idl() == pb
        wire = pb.SerializeToString(deterministic=True)
        assert model.serialize_to_string() == wire
        for other in (case.model.from_bytes(pb.SerializeToString()), pickle.loads(pickle.dumps(model))):
            assert other == model and hash(other) == hash(model)
            assert other.serialize_to_string() == wire
        support.tally["property: round trips"] += 1

    check()


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_constructor_rebuilds_a_model_from_its_own_values(case: catalog.MessageCase) -> None:
    @PROPERTY_SETTINGS
    @given(strategies.messages(case, NO_UNKNOWN_FIELDS))
    def check(pb: Any) -> None:
        model = case.model.from_flyte_idl(pb)
        arguments = {attribute: getattr(model, attribute) for attribute in _set_fields(case, pb)}
        rebuilt = case.model(**arguments)
        assert rebuilt.to_flyte_idl() == _to_microseconds(pb), sorted(arguments)
        support.tally["property: rebuilds"] += 1

    check()


@pytest.mark.parametrize("index", range(len(CASES)), ids=_ids(CASES))
def test_random_bytes_raise_only_decode_error(index: int) -> None:
    @PROPERTY_SETTINGS
    @given(strategies.garbage(CASES[index]))
    def check(data: bytes) -> None:
        target.check(target.encode(index, data))  # raises on anything but a DecodeError naming the class
        support.tally["property: garbage inputs"] += 1

    check()


# -- helpers -------------------------------------------------------------------------


def _set_fields(case: catalog.MessageCase, pb: Any) -> list[str]:
    """The Python names of the fields to hand back: unset presence fields and oneof members are left out."""
    names = _attributes(case.model)
    return [
        names[field.name]
        for field in case.descriptor.fields
        if not (field.has_presence and not pb.HasField(field.name))  # implicit proto3 fields always pass their value
    ]


@cache
def _attributes(model: type) -> dict[str, str]:
    """Proto field name -> Python attribute (a reserved name gets a trailing ``_``)."""
    properties = {name for klass in model.__mro__ for name, value in vars(klass).items() if isinstance(value, property)}
    return {field: field if field in properties else f"{field}_" for field in model._FIELDS}  # type: ignore[attr-defined]


def _to_microseconds(pb: Any) -> Any:
    """``pb`` with its own Timestamp/Duration fields cut to microseconds (what datetime/timedelta hold).

    Only direct fields: nested models are handed to the constructor whole.
    """
    copy = type(pb)()
    copy.CopyFrom(pb)
    for field, value in copy.ListFields():
        for item in _message_values(field, value):
            if item.DESCRIPTOR.full_name == "google.protobuf.Timestamp":
                item.nanos -= item.nanos % 1000  # nanos >= 0: floor
            elif item.DESCRIPTOR.full_name == "google.protobuf.Duration":
                item.nanos = int(item.nanos / 1000) * 1000  # toward zero, keeping the sign
    return copy


def _message_values(field: FieldDescriptor, value: Any) -> list[Any]:
    message: Descriptor | None = field.message_type
    if message is None:
        return []
    if message.GetOptions().map_entry:
        return list(value.values()) if message.fields_by_name["value"].message_type is not None else []
    return list(value) if field.is_repeated else [value]
