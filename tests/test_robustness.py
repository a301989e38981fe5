"""Bad input never corrupts a model or silently drops data (issue 6, runtime side).

- the wrong message type or garbage bytes fail with one documented error each;
- a model is immutable: nothing handed in or out shares state with it;
- unknown fields, unknown enum values, nanoseconds and extreme durations survive;
- literals nested 1,000 deep (built in memory) convert, compare and hash; bytes
  nested deeper than protobuf decodes raise ``DecodeError``;
- many threads reading one model's lazy properties agree;
- pickling and copying give equal models, and hashes do not depend on the process;
- the fuzz target (``python -m fuzz``) runs briefly and finds nothing.

Random messages of every type are covered by ``test_properties``.
"""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path
from typing import Any

import pytest
from flyteidl.core import identifier_pb2, literals_pb2
from flytemodels.admin.agent import Resource
from flytemodels.admin.common import Notification
from flytemodels.admin.execution import Execution
from flytemodels.admin.launch_plan import LaunchPlanMetadata
from flytemodels.core.compiler import ConnectionSet
from flytemodels.core.execution import WorkflowExecution
from flytemodels.core.identifier import Identifier, ResourceType
from flytemodels.core.literals import Literal, LiteralCollection, LiteralMap, Primitive, Scalar
from google.protobuf import any_pb2
from google.protobuf.message import DecodeError as PbDecodeError
from google.protobuf.unknown_fields import UnknownFieldSet

from flytemodels._runtime import Message
from flytemodels.errors import DecodeError
from tests.support import catalog
from tests.support.samples import execution_pb, integer, unknown_field, varint

ROOT = Path(__file__).resolve().parents[1]


# -- the wrong message type, garbage bytes -------------------------------------------


def test_from_flyte_idl_with_the_wrong_message_names_both_types() -> None:
    with pytest.raises(TypeError) as raised:
        Literal.from_flyte_idl(identifier_pb2.Identifier(project="p"))
    assert "flyteidl.core.Literal" in str(raised.value) and "flyteidl.core.Identifier" in str(raised.value)
    for wrong in (integer(1), b"\x08\x01", {"scalar": {}}, None):  # a model, bytes, a dict: not messages
        with pytest.raises(
            TypeError, match=rf"Literal\.from_flyte_idl expected a flyteidl\.core\.Literal .*got {type(wrong).__name__}"
        ):
            Literal.from_flyte_idl(wrong)
    with pytest.raises(TypeError, match=r"flyteidl\.core\.Literal .*flyteidl\.core\.Scalar"):
        Literal.wrap(literals_pb2.Scalar())  # the no-copy entry point checks too


GARBAGE = {
    "truncated": b"\x0a\x05ab",
    "bad wire type": b"\x0f",
    "field number 0": b"\x00\x01",
    "overlong varint": b"\x08" + b"\xff" * 11,
    "length past the end": b"\x1a\xff\xff\xff\xff\x0f",
    "invalid UTF-8 in a string": b"\x22\x02\xc3\x28",  # Literal.hash = 4
    "end group without start": b"\x0c",
}


@pytest.mark.parametrize("data", GARBAGE.values(), ids=GARBAGE.keys())
def test_from_bytes_on_garbage_raises_decode_error_naming_the_class(data: bytes) -> None:
    with pytest.raises(DecodeError) as raised:
        Literal.from_bytes(data)
    assert type(raised.value) is DecodeError  # the documented type, not protobuf's
    assert not isinstance(raised.value, PbDecodeError)
    assert raised.value.__cause__ is None and raised.value.__suppress_context__
    assert str(raised.value).startswith("cannot decode Literal (flyteidl.core.Literal): ")


def test_decode_error_names_nested_classes_by_their_qualified_name() -> None:
    with pytest.raises(
        DecodeError, match=r"^cannot decode ConnectionSet\.IdList \(flyteidl\.core\.ConnectionSet\.IdList\)"
    ):
        ConnectionSet.IdList.from_bytes(b"\x0a\x05ab")


def test_decode_error_is_a_value_error_and_documented() -> None:
    assert issubclass(DecodeError, ValueError)
    assert DecodeError.__module__ == "flytemodels.errors"
    assert "from_bytes" in (DecodeError.__doc__ or "")
    assert "DecodeError" in (Message.from_bytes.__doc__ or "")


def test_a_corrupt_any_from_the_wire_still_prints() -> None:
    """text_format unpacks an Any to print it; a corrupt one must not make repr/str raise."""
    pb = LaunchPlanMetadata().to_flyte_idl()
    pb.launch_conditions.type_url = "type.googleapis.com/flyteidl.core.Identifier"
    pb.launch_conditions.value = b"\x12\x05ab"  # Identifier.project, truncated
    model = LaunchPlanMetadata.from_bytes(pb.SerializeToString())
    for text in (repr(model), str(model), model.short_string(), model.verbose_string(), model._repr_html_()):
        assert "flyteidl.core.Identifier" in text
    assert LaunchPlanMetadata.from_text(model.verbose_string()) == model


# -- immutability ------------------------------------------------------------------------


def test_mutating_the_message_given_to_from_flyte_idl_does_not_change_the_model() -> None:
    pb = execution_pb()
    model = Execution.from_flyte_idl(pb)
    before = model.to_flyte_idl()
    labels = model.spec.labels  # cached and nested: they must not share pb's memory either
    pb.id.project = "changed"
    pb.spec.labels.values["team"] = "b"
    pb.closure.started_at.seconds = 0
    pb.ClearField("spec")
    assert model.to_flyte_idl() == before
    assert model.id.project == "p" and model.spec.labels.values == {"team": "a"} and labels.values == {"team": "a"}
    assert model.closure.started_at == dt.datetime.fromtimestamp(1_700_000_000, dt.UTC)


def test_mutating_the_message_from_to_flyte_idl_does_not_change_the_model() -> None:
    model = Execution.from_flyte_idl(execution_pb())
    out = model.to_flyte_idl()
    out.id.project = "changed"
    out.spec.labels.values.clear()
    out.closure.Clear()
    assert model.id.project == "p" and model.spec.labels.values == {"team": "a"}
    assert model.to_flyte_idl() == execution_pb()
    assert model.to_flyte_idl() is not model.to_flyte_idl()


def test_mutating_returned_lists_and_dicts_does_not_change_the_model() -> None:
    collection = LiteralCollection(literals=[integer(1), integer(2)])
    collection.literals.append(integer(3))
    collection.literals.clear()
    assert collection.literals == [integer(1), integer(2)]

    mapping = LiteralMap(literals={"a": integer(1)})
    mapping.literals["b"] = integer(2)
    del mapping.literals["a"]
    assert mapping.literals == {"a": integer(1)}

    notification = Notification(phases=[WorkflowExecution.Phase.FAILED])
    notification.phases.append(WorkflowExecution.Phase.SUCCEEDED)
    assert notification.phases == [WorkflowExecution.Phase.FAILED]

    literal = Literal(metadata={"k": "v"})
    literal.metadata["k"] = "changed"
    assert literal.metadata == {"k": "v"}


def test_mutating_a_returned_struct_or_any_does_not_change_the_model() -> None:
    resource = Resource(custom_info={"outer": {"inner": [1, 2]}})
    info = resource.custom_info
    info["added"] = True
    info["outer"]["inner"].append(3)  # nested, too
    assert resource.custom_info == {"outer": {"inner": [1.0, 2.0]}}

    packed = any_pb2.Any()
    packed.Pack(identifier_pb2.Identifier(project="p"))
    metadata = LaunchPlanMetadata(launch_conditions=packed)
    metadata.launch_conditions.type_url = "changed"
    packed.type_url = "changed too"  # the message handed to the constructor
    assert metadata.launch_conditions.type_url == "type.googleapis.com/flyteidl.core.Identifier"


def test_properties_are_read_only() -> None:
    model = integer(1)
    with pytest.raises(AttributeError):
        model.scalar = Scalar()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del model.scalar  # type: ignore[misc]
    identifier = Identifier(project="p")
    with pytest.raises(AttributeError):
        identifier.project = "q"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        identifier.not_a_field = 1  # type: ignore[attr-defined]
    assert model == integer(1) and identifier == Identifier(project="p")


def test_no_property_has_a_setter() -> None:
    """Every property of every IDL-family class, generated or hand-written, is read-only."""
    writable = [
        f"{klass.__qualname__}.{name}"
        for idl in (catalog.FLYTEIDL, catalog.FLYTEIDL2)
        for case in idl.messages()
        for klass in case.model.__mro__
        if klass.__module__.startswith("flytemodels.")
        for name, value in vars(klass).items()
        if isinstance(value, property) and (value.fset is not None or value.fdel is not None)
    ]
    assert writable == []


# -- nothing lost ---------------------------------------------------------------------------


def _unknowns(pb: Any) -> list[tuple[int, bytes]]:
    return [(field.field_number, field.data) for field in UnknownFieldSet(pb)]


def test_unknown_fields_from_a_newer_idl_survive_at_every_level() -> None:
    """Fields a newer flyteidl added: at the top, in a nested message, in a list item and in a map value."""
    leaf = literals_pb2.Literal(hash="h").SerializeToString() + unknown_field(900, b"in the leaf")
    collection = unknown_field(901, b"in the collection") + b"\x0a" + varint(len(leaf)) + leaf
    data = b"\x12" + varint(len(collection)) + collection + unknown_field(902, b"at the top") + b"\x22\x01x"
    model = Literal.from_bytes(data)
    assert model.hash == "x" and model.collection.literals[0].hash == "h"  # properties read past them
    copies = [
        model.to_flyte_idl(),
        Literal.from_flyte_idl(model.to_flyte_idl()).to_flyte_idl(),
        Literal.from_bytes(model.serialize_to_string()).to_flyte_idl(),
        pickle.loads(pickle.dumps(model)).to_flyte_idl(),
    ]
    for back in copies:
        assert back == literals_pb2.Literal.FromString(data)
        assert _unknowns(back) == [(902, b"at the top")]
        assert _unknowns(back.collection) == [(901, b"in the collection")]
        assert _unknowns(back.collection.literals[0]) == [(900, b"in the leaf")]
    rebuilt = Literal(collection=model.collection, hash="x").to_flyte_idl()  # a child handed to a new parent
    assert _unknowns(rebuilt) == []
    assert _unknowns(rebuilt.collection) == [(901, b"in the collection")]
    assert _unknowns(rebuilt.collection.literals[0]) == [(900, b"in the leaf")]

    entry = b"\x0a\x01k" + b"\x12" + varint(len(leaf)) + leaf  # LiteralMap.literals["k"] = leaf
    in_map = LiteralMap.from_bytes(b"\x0a" + varint(len(entry)) + entry)
    for back in (in_map.to_flyte_idl(), LiteralMap(literals=in_map.literals).to_flyte_idl()):
        assert _unknowns(back.literals["k"]) == [(900, b"in the leaf")]


def test_unknown_enum_values_survive() -> None:
    pb = identifier_pb2.Identifier(resource_type=97, project="p")  # 97: no ResourceType lists it
    model = Identifier.from_flyte_idl(pb)
    assert model.resource_type == 97 and isinstance(model.resource_type, ResourceType)
    assert model.resource_type.name == "UNKNOWN_97"
    assert model.to_flyte_idl() == pb
    assert Identifier.from_bytes(pb.SerializeToString()) == model
    assert Identifier(resource_type=model.resource_type, project="p") == model  # and back in
    phases = Notification(phases=[WorkflowExecution.Phase.FAILED, 1234])
    assert Notification.from_bytes(phases.serialize_to_string()).phases == [WorkflowExecution.Phase.FAILED, 1234]


@pytest.mark.parametrize(
    ("seconds", "nanos"),
    [(1_700_000_000, 123_456_789), (0, 1), (-1, 999_999_999), (-62_135_596_800, 0), (253_402_300_799, 999_999_999)],
)
def test_nanosecond_timestamps_survive(seconds: int, nanos: int) -> None:
    pb = literals_pb2.Primitive()
    pb.datetime.seconds, pb.datetime.nanos = seconds, nanos
    model = Primitive.from_flyte_idl(pb)
    expected = dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=seconds, microseconds=nanos // 1000)
    assert model.datetime == expected  # datetime holds microseconds ...
    for back in (model.to_flyte_idl(), Primitive.from_bytes(model.serialize_to_string()).to_flyte_idl()):
        assert (back.datetime.seconds, back.datetime.nanos) == (seconds, nanos)  # ... the model all of it
    assert pickle.loads(pickle.dumps(model)).to_flyte_idl() == pb


@pytest.mark.parametrize(
    ("seconds", "nanos"),
    [
        (-1, -1),
        (0, -999_999_999),
        (-86_400 * 365, -500_000_000),
        (315_576_000_000, 999_999_999),  # the Duration range's ends: 10,000 years
        (-315_576_000_000, -999_999_999),
    ],
)
def test_negative_and_huge_durations_survive(seconds: int, nanos: int) -> None:
    pb = literals_pb2.Primitive()
    pb.duration.seconds, pb.duration.nanos = seconds, nanos
    model = Primitive.from_flyte_idl(pb)
    back = Primitive.from_bytes(model.serialize_to_string()).to_flyte_idl()
    assert model.to_flyte_idl() == pb and back == pb
    assert model.duration == dt.timedelta(seconds=seconds, microseconds=int(nanos / 1000))
    rebuilt = Primitive(duration=model.duration).to_flyte_idl().duration  # whole microseconds, same sign
    assert (rebuilt.seconds, rebuilt.nanos) == (seconds, int(nanos / 1000) * 1000)


@pytest.mark.parametrize(("field", "seconds"), [("datetime", 253_402_300_800), ("duration", 315_576_000_001)])
def test_well_known_values_beyond_python_or_spec_survive_and_refuse_to_convert(field: str, seconds: int) -> None:
    """Out of spec from the wire: kept as is; the property says which field it cannot convert."""
    pb = literals_pb2.Primitive()
    getattr(pb, field).seconds = seconds
    model = Primitive.from_flyte_idl(pb)
    assert model.to_flyte_idl() == pb and Primitive.from_bytes(model.serialize_to_string()) == model
    with pytest.raises(ValueError, match=rf"^Primitive\.{field}: .*seconds={seconds}.* is outside"):
        getattr(model, field)
