"""Construction validates: a wrong value never gets into a model silently (issue 6).

Every constructor argument goes through the field's spec, which raises
``TypeError`` naming ``Message.field``, the expected type and the type given,
or ``ValueError`` naming the field for a value outside the field's range.
``None`` means unset. That constructing from a model's own values never fails
is checked for random messages of every type in ``test_properties``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any

import pytest
from flyteidl.core import literals_pb2
from flytemodels.admin.agent import Agent, TaskExecutionMetadata
from flytemodels.admin.common import NamedEntityListRequest, Notification, UrlBlob
from flytemodels.admin.execution import ExecutionSpec
from flytemodels.admin.launch_plan import LaunchPlanMetadata
from flytemodels.core.execution import WorkflowExecution
from flytemodels.core.identifier import Identifier, ResourceType
from flytemodels.core.literals import (
    Binary,
    Literal,
    LiteralCollection,
    LiteralMap,
    LiteralOffloadedMetadata,
    Primitive,
    Scalar,
)
from flytemodels.core.workflow import ArrayNode
from google.protobuf import any_pb2, timestamp_pb2


class NotFlyte(enum.IntEnum):
    """An int enum of someone else's, whose members are ints but not ResourceTypes."""

    TASK = 1


# (model, keyword arguments, field label, expected type as named in the error, type given)
WRONG_TYPES: list[tuple[Any, dict[str, Any], str, str, str]] = [
    # scalars
    (Identifier, {"project": 3}, "Identifier.project", "str", "int"),
    (Identifier, {"project": b"p"}, "Identifier.project", "str", "bytes"),
    (Primitive, {"integer": 1.5}, "Primitive.integer", "int", "float"),
    (Primitive, {"integer": True}, "Primitive.integer", "int", "bool"),  # bool is an int in Python, not here
    (Primitive, {"integer": "1"}, "Primitive.integer", "int", "str"),
    (Primitive, {"boolean": 1}, "Primitive.boolean", "bool", "int"),
    (Primitive, {"float_value": "1.0"}, "Primitive.float_value", "float", "str"),
    (Primitive, {"float_value": False}, "Primitive.float_value", "float", "bool"),
    (Binary, {"value": "abc"}, "Binary.value", "bytes", "str"),
    (Binary, {"tag": b"t"}, "Binary.tag", "str", "bytes"),
    # enums: the enum or its int value, nothing else
    (Identifier, {"resource_type": "TASK"}, "Identifier.resource_type", "ResourceType", "str"),
    (Identifier, {"resource_type": 1.0}, "Identifier.resource_type", "ResourceType", "float"),
    (Identifier, {"resource_type": True}, "Identifier.resource_type", "ResourceType", "bool"),
    (Identifier, {"resource_type": NotFlyte.TASK}, "Identifier.resource_type", "ResourceType", "NotFlyte"),
    # nested models: the field's class, not another model, not a pb message
    (Literal, {"scalar": Primitive(integer=1)}, "Literal.scalar", "Scalar", "Primitive"),
    (Literal, {"scalar": literals_pb2.Scalar()}, "Literal.scalar", "Scalar", "Scalar"),
    (Literal, {"scalar": {"primitive": {"integer": 1}}}, "Literal.scalar", "Scalar", "dict"),
    (Literal, {"collection": LiteralMap()}, "Literal.collection", "LiteralCollection", "LiteralMap"),
    # repeated fields: a list (not a str, dict or scalar) of the right items
    (LiteralCollection, {"literals": Literal()}, "LiteralCollection.literals", "a list", "Literal"),
    (LiteralCollection, {"literals": [Literal(), 3]}, "LiteralCollection.literals: [1]", "Literal", "int"),
    (LiteralCollection, {"literals": [Literal(), Scalar()]}, "LiteralCollection.literals: [1]", "Literal", "Scalar"),
    (Notification, {"phases": "SUCCEEDED"}, "Notification.phases", "a list", "str"),
    (Notification, {"phases": [4, "FAILED"]}, "Notification.phases: [1]", "WorkflowExecution.Phase", "str"),
    # maps: a dict with keys and values of the right types
    (LiteralMap, {"literals": [("a", Literal())]}, "LiteralMap.literals", "a dict", "list"),
    (LiteralMap, {"literals": {1: Literal()}}, "LiteralMap.literals: [1]", "str", "int"),
    (LiteralMap, {"literals": {"a": 3}}, "LiteralMap.literals: ['a']", "Literal", "int"),
    (TaskExecutionMetadata, {"labels": {"a": 1}}, "TaskExecutionMetadata.labels: ['a']", "str", "int"),
    (Literal, {"metadata": {"a": None}}, "Literal.metadata: ['a']", "str", "NoneType"),
    # well-known types
    (Primitive, {"datetime": "2024-01-01"}, "Primitive.datetime", "datetime.datetime", "str"),
    (Primitive, {"datetime": dt.date(2024, 1, 1)}, "Primitive.datetime", "datetime.datetime", "date"),
    (Primitive, {"datetime": timestamp_pb2.Timestamp()}, "Primitive.datetime", "datetime.datetime", "Timestamp"),
    (Primitive, {"duration": 5}, "Primitive.duration", "datetime.timedelta", "int"),
    (Primitive, {"duration": dt.datetime(2024, 1, 1)}, "Primitive.duration", "datetime.timedelta", "datetime"),
    (Scalar, {"generic": [1, 2]}, "Scalar.generic", "dict", "list"),
    (ExecutionSpec, {"interruptible": 1}, "ExecutionSpec.interruptible", "bool", "int"),
    (ExecutionSpec, {"interruptible": "yes"}, "ExecutionSpec.interruptible", "bool", "str"),
    (
        LaunchPlanMetadata,
        {"launch_conditions": Identifier()},
        "LaunchPlanMetadata.launch_conditions",
        "Any",
        "Identifier",
    ),
    (LaunchPlanMetadata, {"launch_conditions": b"x"}, "LaunchPlanMetadata.launch_conditions", "Any", "bytes"),
]


@pytest.mark.parametrize(
    ("model", "arguments", "label", "expected", "given"),
    WRONG_TYPES,
    ids=[f"{label} got {given}" for _, _, label, _, given in WRONG_TYPES],
)
def test_wrong_type_names_field_expected_and_given(
    model: Any, arguments: dict[str, Any], label: str, expected: str, given: str
) -> None:
    with pytest.raises(TypeError) as raised:
        model(**arguments)
    message = str(raised.value)
    assert re.match(rf"{re.escape(label)}:? ", message), message
    assert re.search(rf"expected .*\b{re.escape(expected)}\b", message), message
    assert re.search(rf"got .*\b{re.escape(given)}\b", message), message


def test_struct_with_values_json_cannot_hold_is_refused() -> None:
    with pytest.raises(TypeError, match=r"^Scalar\.generic: expected a JSON-like dict"):
        Scalar(generic={"a": object()})
    with pytest.raises(TypeError, match=r"^Scalar\.generic: expected a JSON-like dict"):
        Scalar(generic={1: "non-str key"})


# (model, field, the field's low and high ends): one field per integer kind of flyteidl.
INT_FIELDS: list[tuple[Any, str, int, int]] = [
    (TaskExecutionMetadata, "max_attempts", -(2**31), 2**31 - 1),  # int32
    (NamedEntityListRequest, "limit", 0, 2**32 - 1),  # uint32
    (ArrayNode, "parallelism", 0, 2**32 - 1),  # optional uint32
    (UrlBlob, "bytes", -(2**63), 2**63 - 1),  # int64
    (Primitive, "integer", -(2**63), 2**63 - 1),  # int64 in a oneof
    (LiteralOffloadedMetadata, "size_bytes", 0, 2**64 - 1),  # uint64
    (Identifier, "resource_type", -(2**31), 2**31 - 1),  # enum (int32 on the wire)
]


@pytest.mark.parametrize(
    ("model", "name", "low", "high"), INT_FIELDS, ids=[f"{m.__name__}.{n}" for m, n, _, _ in INT_FIELDS]
)
def test_ints_out_of_range_are_refused(model: Any, name: str, low: int, high: int) -> None:
    for inside in (low, high):
        assert getattr(model(**{name: inside}), name) == inside
    for outside in (low - 1, high + 1, high * 2**64):
        with pytest.raises(ValueError, match=rf"^{model.__name__}\.{name}: {outside} is outside"):
            model(**{name: outside})


def test_out_of_range_items_of_repeated_and_map_fields_are_refused() -> None:
    with pytest.raises(ValueError, match=r"^Notification\.phases: \[1\] 2147483648 is outside"):
        Notification(phases=[1, 2**31])


def test_floats_beyond_float32_are_refused_not_made_infinite() -> None:
    assert ArrayNode(min_success_ratio=3.4028234663852886e38).min_success_ratio == 3.4028234663852886e38
    assert ArrayNode(min_success_ratio=float("inf")).min_success_ratio == float("inf")  # asked for, so kept
    with pytest.raises(ValueError, match=r"^ArrayNode\.min_success_ratio: 1e\+300 is outside the float32 range"):
        ArrayNode(min_success_ratio=1e300)
    with pytest.raises(ValueError, match=r"^Primitive\.float_value: \d+ is outside the double range"):
        Primitive(float_value=10**400)  # an int no double holds


def test_strings_protobuf_cannot_encode_are_refused_naming_the_field() -> None:
    with pytest.raises(ValueError, match=r"^Identifier\.project: .*surrogates not allowed"):
        Identifier(project="\ud800")  # a lone surrogate is not UTF-8
    with pytest.raises(ValueError, match=r"^Agent\.supported_task_types: \[1\] .*surrogates not allowed"):
        Agent(supported_task_types=["ok", "\udfff"])
    with pytest.raises(ValueError, match=r"^TaskExecutionMetadata\.labels: \['\\ud800'\] .*surrogates not allowed"):
        TaskExecutionMetadata(labels={"\ud800": "x"})


def test_enum_members_and_their_int_values_are_accepted() -> None:
    assert Identifier(resource_type=ResourceType.TASK).resource_type is ResourceType.TASK
    assert Identifier(resource_type=1).resource_type is ResourceType.TASK
    unknown = Identifier(resource_type=99).resource_type  # proto3 enums are open: kept, not refused
    assert unknown == 99 and isinstance(unknown, ResourceType)
    assert Notification(phases=[WorkflowExecution.Phase.FAILED, 4]).phases == [
        WorkflowExecution.Phase.FAILED,
        WorkflowExecution.Phase.SUCCEEDED,
    ]


def test_none_means_unset() -> None:
    # Every field None is the empty message, whatever the field's kind.
    assert Literal(scalar=None, collection=None, map=None, hash=None, metadata=None) == Literal()
    assert Identifier(resource_type=None, project=None, name=None).to_flyte_idl().ByteSize() == 0
    primitive = Primitive(integer=None, datetime=None)
    assert primitive.integer is None and primitive.datetime is None and primitive.which_oneof("value") is None
    spec = ExecutionSpec(interruptible=None, launch_plan=None)
    assert spec.interruptible is None and spec.launch_plan is None
    assert not spec.to_flyte_idl().HasField("interruptible")
    # A present default is not None: it is set.
    assert ExecutionSpec(interruptible=False).to_flyte_idl().HasField("interruptible")
    assert Primitive(integer=0).which_oneof("value") == "integer"
    assert ArrayNode(parallelism=0).to_flyte_idl().HasField("parallelism")
    # None as an item or a map value is not "unset": it is a wrong value.
    with pytest.raises(TypeError, match=r"^LiteralCollection\.literals: \[0\] expected Literal"):
        LiteralCollection(literals=[None])


def test_two_members_of_one_oneof_are_refused() -> None:
    with pytest.raises(ValueError, match=r"^Primitive\.float_value: 'integer' is already set; oneof 'value'"):
        Primitive(integer=1, float_value=2.0)
    assert Primitive(integer=1, float_value=None).integer == 1


def test_a_bad_argument_leaves_nothing_behind() -> None:
    # A failed constructor raises; no half-built model exists to be used later.
    with pytest.raises(TypeError):
        Literal(scalar=Scalar(), hash=3)
    good = Literal(scalar=Scalar(), hash="h")
    assert good.hash == "h" and good.scalar == Scalar()


def test_any_takes_an_any_message() -> None:
    packed = any_pb2.Any()
    packed.Pack(Identifier(project="p").to_flyte_idl())
    metadata = LaunchPlanMetadata(launch_conditions=packed)
    assert metadata.launch_conditions == packed
