"""Value-built models (the constructor's fast path) against the checked path they stand in for.

A generated constructor keeps arguments that pass its guards as given and
writes the message later; anything else goes through ``Message._build``, which
checks field by field. The two paths must be indistinguishable: same message,
same errors, same immutability.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from flytemodels.core.identifier import Identifier, ResourceType
from flytemodels.core.literals import (
    Binding,
    BindingData,
    Literal,
    LiteralCollection,
    LiteralMap,
    Primitive,
    RetryStrategy,
    Scalar,
)
from flytemodels.core.tasks import Resources
from flytemodels.core.types import LiteralType, OutputReference, SimpleType, TypeAnnotation
from flytemodels.core.workflow import Node, NodeMetadata

from flytemodels._runtime import Message, constraints
from tests.support import catalog, filler
from tests.test_roundtrip import _attributes, _to_microseconds

CASES = catalog.FLYTEIDL.messages() + catalog.FLYTEIDL2.messages()


def _checked(model_class: Any, values: list[Any]) -> Any:
    """A model built through the checked path alone."""
    model = model_class.__new__(model_class)
    model._build(*values)
    return model


def _values_of(case: catalog.MessageCase, seed: int) -> tuple[Any, list[Any]]:
    """A model read from a message of plain (ASCII) random values, and its properties in field order."""
    pb = _to_microseconds(filler.fill(case.pb_class, random.Random(f"{case.full_name}/{seed}"), filler.DEFAULT.plain()))
    model = case.model.from_flyte_idl(pb)
    return model, [getattr(model, attribute) for attribute in _attributes(case.model)]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.full_name)
def test_constructor_writes_what_the_checked_path_writes(case: catalog.MessageCase) -> None:
    for seed in range(3):
        model, values = _values_of(case, seed)
        with constraints.unchecked():
            built = case.model(*values)
            checked = _checked(case.model, values)
        assert built.to_flyte_idl() == checked.to_flyte_idl() == model.to_flyte_idl(), case.full_name
        assert built == checked == model and hash(built) == hash(checked), case.full_name


def test_plain_arguments_are_kept_and_written_when_needed() -> None:
    identifier = Identifier(ResourceType.TASK, "project", "domain", "name", "v1")
    assert identifier._pb is None  # value-built: no message yet
    first, second = identifier.to_flyte_idl(), identifier.to_flyte_idl()
    first.project = "changed"  # the caller's message: the model is not affected
    assert second.project == "project" and identifier.to_flyte_idl().project == "project"
    assert identifier._pb is None
    assert identifier.project == "project"  # a property needs the message: now kept
    assert identifier._pb is not None and identifier.to_flyte_idl() == second


def test_a_changed_argument_does_not_change_the_model() -> None:
    literals = [Literal(scalar=Scalar(primitive=Primitive(integer=1)))]
    metadata = {"k": "v"}
    collection = LiteralCollection(literals)
    literal = Literal(collection=collection, metadata=metadata)
    literals.append(Literal(scalar=Scalar(primitive=Primitive(integer=2))))
    metadata["other"] = "x"
    assert len(collection.literals) == 1 and literal.metadata == {"k": "v"}


def test_a_value_built_child_is_written_into_each_parent() -> None:
    shared = Literal(scalar=Scalar(primitive=Primitive(string_value="s")))
    parents = [LiteralMap({"a": shared}), LiteralMap({"b": shared, "c": shared})]
    assert [parent.to_flyte_idl().literals["a" if i == 0 else "c"] for i, parent in enumerate(parents)] == [
        shared.to_flyte_idl()
    ] * 2
    assert shared._pb is None  # writing it into its parents kept no message of its own


def test_empty_children_are_present() -> None:
    literal = Literal(scalar=Scalar(primitive=Primitive()))
    assert literal.to_flyte_idl().scalar.HasField("primitive")
    assert Primitive(datetime=dt.datetime(1970, 1, 1)).to_flyte_idl().HasField("datetime")


def test_children_given_only_zeros_are_present() -> None:
    """A write of any value, a zero or "" too, makes a sub-message present: parents do not mark it again."""
    binding = Binding(var="", binding=BindingData(promise=OutputReference(node_id="", var=""))).to_flyte_idl()
    assert binding.HasField("binding") and binding.binding.HasField("promise")
    metadata = NodeMetadata(retries=RetryStrategy(retries=0), interruptible=False).to_flyte_idl()
    assert metadata.HasField("retries") and metadata.WhichOneof("interruptible_value") == "interruptible"
    literal = Literal(scalar=Scalar(primitive=Primitive(integer=0))).to_flyte_idl()
    assert literal.scalar.primitive.WhichOneof("value") == "integer"
    assert Primitive(duration=dt.timedelta(0)).to_flyte_idl().HasField("duration")


@pytest.mark.parametrize(
    ("model_class", "arguments"),
    [
        (Binding, {"binding": BindingData(promise=OutputReference())}),  # empty two levels down
        (Node, {"metadata": NodeMetadata(), "inputs": [Binding()]}),  # and in a list
        (LiteralMap, {"literals": {"k": Literal()}}),  # and in a map
        (LiteralType, {"annotation": TypeAnnotation()}),  # a class whose only field takes the checked path
    ],
)
def test_children_given_no_values_are_present(model_class: Any, arguments: dict[str, Any]) -> None:
    """A child given nothing writes nothing, and makes itself present: as the checked path makes it."""
    built = model_class(**arguments)
    assert built._pb is None
    checked = _checked(model_class, [arguments.get(name) for name in model_class._FIELDS])
    assert built.to_flyte_idl() == checked.to_flyte_idl()
    assert built.to_flyte_idl().ByteSize() > 0


class _Delta(dt.timedelta):
    """A timedelta subclass: the guards leave it to the checked path (``wellknown.duration_to_proto``)."""


class _Moment(dt.datetime):
    """A datetime subclass: the guards leave it to the checked path (``wellknown.timestamp_to_proto``)."""


@pytest.mark.parametrize(
    "delta",
    [
        dt.timedelta(0),
        dt.timedelta(microseconds=1),
        dt.timedelta(microseconds=-1),
        dt.timedelta(seconds=-1.5),
        dt.timedelta(days=-3, microseconds=7),
        dt.timedelta(days=3_652_498, seconds=86_399, microseconds=999_999),  # the largest the guard admits
        -dt.timedelta(days=3_652_497, seconds=86_399, microseconds=999_999),  # the most negative (days -3,652,498)
    ],
)
def test_durations_are_written_as_the_checked_path_writes(delta: dt.timedelta) -> None:
    fast, checked = Primitive(duration=delta), Primitive(duration=_Delta(delta.days, delta.seconds, delta.microseconds))
    assert fast._pb is None and checked._pb is not None
    assert fast.to_flyte_idl() == checked.to_flyte_idl()
    assert fast.duration == checked.duration == delta


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(1970, 1, 1),
        dt.datetime(1970, 1, 1, tzinfo=dt.UTC),
        dt.datetime(1969, 12, 31, 23, 59, 59, 500_000),  # before the epoch, with microseconds
        dt.datetime(2024, 2, 29, 12, 30, 5, 7, tzinfo=dt.UTC),
        dt.datetime(1, 1, 1),
        dt.datetime(9999, 12, 31, 23, 59, 59, 999_999, tzinfo=dt.UTC),
    ],
)
def test_timestamps_are_written_as_the_checked_path_writes(moment: dt.datetime) -> None:
    fast = Primitive(datetime=moment)
    checked = Primitive(datetime=_Moment.combine(moment.date(), moment.timetz()))
    assert fast._pb is None and checked._pb is not None
    assert fast.to_flyte_idl() == checked.to_flyte_idl()
    assert fast.datetime == checked.datetime == moment.replace(tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("arguments", "fast"),
    [
        ({"inputs": (Binding(var="a"),), "upstream_node_ids": ("x",)}, True),  # tuples, as lists
        ({"inputs": iter([Binding(var="a")]), "upstream_node_ids": iter(["x"])}, False),  # other iterables: checked
        ({"upstream_node_ids": ["x", "naïve"]}, False),  # text the guards leave to protobuf
    ],
)
def test_lists_the_guards_admit_or_leave_to_the_checked_path(arguments: dict[str, Any], fast: bool) -> None:
    node = Node(**arguments)
    assert (node._pb is None) is fast
    assert [binding.var for binding in node.inputs] == (["a"] if "inputs" in arguments else [])
    assert node.upstream_node_ids[0] == "x"


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Node(upstream_node_ids=["a", 1]), r"Node\.upstream_node_ids: \[1\] expected str, got int"),
        (lambda: Node(inputs=[Binding(), Literal()]), r"Node\.inputs: \[1\] expected Binding .*got Literal"),
        (lambda: LiteralMap({"k": Literal(), 1: Literal()}), r"LiteralMap\.literals: \[1\] expected str, got int"),
        (lambda: LiteralMap({"k": Binding()}), r"LiteralMap\.literals: \['k'\] expected Literal .*got Binding"),
        (lambda: NodeMetadata(config={"k": "v", "x": 2}), r"NodeMetadata\.config: \['x'\] expected str, got int"),
    ],
)
def test_a_wrong_item_of_a_list_or_map_is_named(build: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        build()


@pytest.mark.parametrize(
    "arguments",
    [
        {"integer": True},  # bool is not an int64
        {"integer": 2**63},  # out of range
        {"integer": 1.0},
        {"string_value": b"bytes"},
        {"integer": 1, "string_value": "two members of one oneof"},
        {"datetime": "2024-01-01"},
        {"duration": dt.timedelta(days=4_000_000)},  # beyond the Duration range
    ],
)
def test_mistakes_raise_the_checked_paths_error(arguments: dict[str, Any]) -> None:
    with pytest.raises((TypeError, ValueError)) as fast:
        Primitive(**arguments)
    with pytest.raises((TypeError, ValueError)) as checked:
        _checked(Primitive, [arguments.get(name) for name in Primitive._FIELDS])
    assert type(fast.value) is type(checked.value) and str(fast.value) == str(checked.value)
    assert "Primitive." in str(fast.value)


def test_a_member_of_another_enum_is_refused() -> None:
    with pytest.raises(TypeError, match=r"Identifier.resource_type: expected ResourceType or int, got SimpleType"):
        Identifier(resource_type=SimpleType.STRING)
    entry = Resources.ResourceEntry(name=Resources.ResourceName.CPU, value="1")
    assert entry._pb is None and entry.name is Resources.ResourceName.CPU


class _Text(str):
    pass


@pytest.mark.parametrize("value", ["naïve ☃", _Text("a str subclass"), "\U0001f600"])
def test_text_the_guards_leave_to_the_checked_path_is_written_the_same(value: str) -> None:
    identifier = Identifier(project=value)
    assert identifier._pb is not None  # built by the checked path
    assert identifier.to_flyte_idl().project == str(value)


def test_text_protobuf_refuses_is_refused_at_construction() -> None:
    with pytest.raises(ValueError, match=r"Identifier\.project: "):
        Identifier(project="\ud800")  # a lone surrogate is not UTF-8


def test_models_of_another_family_are_refused() -> None:
    from flytemodels.flytekit.core.identifier import Identifier as KitIdentifier

    kit = KitIdentifier(1, "p", "d", "n", "v")
    with pytest.raises(TypeError, match=r"Node.*expected Identifier"):
        from flytemodels.core.workflow import Node, TaskNode

        Node(task_node=TaskNode(reference_id=kit))


def test_value_built_and_held_models_are_interchangeable() -> None:
    built = LiteralMap({"x": Literal(scalar=Scalar(primitive=Primitive(float_value=0.5)))})
    held = LiteralMap.from_flyte_idl(built.to_flyte_idl())
    assert built == held and hash(built) == hash(held) and repr(built) == repr(held)
    assert isinstance(built.literals["x"], Message) and built.literals["x"].scalar.primitive.float_value == 0.5


def test_most_plain_models_take_the_fast_path() -> None:
    """The guards are narrow, but not so narrow that the checked path does the work (409 of 1,070 today)."""
    fast = 0
    for case in CASES:
        _, values = _values_of(case, 0)
        with constraints.unchecked():
            fast += case.model(*values)._pb is None
    assert fast >= len(CASES) / 3
