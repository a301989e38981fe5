"""The behaviours every model gets from the runtime, on real flyteidl models.

Identity (``==``, ``hash``), text, bytes, dict/JSON, pickle and copy; oneofs,
maps, repeated fields and open enums; recursive messages built through
constructors; the well-known-type rules; and the override seam, through which
every ``Literal``/``Scalar``/``Primitive`` a parent hands out is the override.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
import subprocess
import sys
import textwrap
from typing import Any

import pytest
from flyteidl.admin import execution_pb2
from flyteidl.core import interface_pb2, literals_pb2
from flytemodels.admin.execution import Execution, ExecutionSpec
from flytemodels.core.condition import BooleanExpression, ComparisonExpression, Operand
from flytemodels.core.execution import TaskLog
from flytemodels.core.identifier import Identifier, ResourceType
from flytemodels.core.interface import Parameter
from flytemodels.core.literals import (
    Binding,
    BindingData,
    BindingDataCollection,
    Literal,
    LiteralBase,
    LiteralCollection,
    LiteralMap,
    Primitive,
    Scalar,
    ScalarBase,
    Union,
)
from flytemodels.core.workflow import BranchNode, IfBlock, IfElseBlock, Node
from hypothesis import given
from hypothesis import strategies as st

from flytemodels._runtime import constraints, registry
from flytemodels._runtime.wellknown import utc_datetime
from flytemodels.errors import DecodeError
from tests.support import catalog

UTC = dt.UTC


def integer(value: int) -> Literal:
    return Literal(scalar=Scalar(primitive=Primitive(integer=value)))


def text(value: str) -> Literal:
    return Literal(scalar=Scalar(primitive=Primitive(string_value=value)))


# -- identity ---------------------------------------------------------------------


def test_equality_is_on_the_message() -> None:
    assert integer(1) == integer(1)
    assert integer(1) != integer(2)
    assert (integer(1) != integer(1)) is False  # __ne__ too
    assert Literal.from_flyte_idl(integer(1).to_flyte_idl()) == integer(1)
    assert integer(1) != 1 and integer(1) != integer(1).to_flyte_idl()  # no equality with other types
    # Same (empty) bytes, different messages.
    assert LiteralMap() != LiteralCollection()


def test_hash_is_on_deterministic_bytes() -> None:
    assert hash(integer(3)) == hash(Literal.from_bytes(integer(3).serialize_to_string()))
    forward = LiteralMap(literals={"a": integer(1), "b": integer(2), "c": integer(3)})
    backward = LiteralMap(literals={"c": integer(3), "b": integer(2), "a": integer(1)})
    assert forward == backward
    assert hash(forward) == hash(backward)
    assert forward.serialize_to_string() == backward.serialize_to_string()
    assert len({forward, backward, integer(1), integer(1)}) == 2
    assert Literal(metadata={"x": "1", "y": "2"}) == Literal(metadata={"y": "2", "x": "1"})


def test_equal_models_with_unknown_fields_in_another_order_hash_equal() -> None:
    known = TaskLog(name="n").serialize_to_string()
    first = TaskLog.from_bytes(known + b"\xc0\x3e\x01" + b"\xc8\x3e\x02")  # fields 1000 and 1001
    second = TaskLog.from_bytes(known + b"\xc8\x3e\x02" + b"\xc0\x3e\x01")
    assert first == second  # protobuf compares unknown fields in any order ...
    assert hash(first) == hash(second)  # ... so the hash must not depend on it
    assert first != TaskLog(name="n")


# -- text -------------------------------------------------------------------------


def test_repr_evaluates_back_to_an_equal_model() -> None:
    model = Literal(scalar=Scalar(primitive=Primitive(string_value='héllo\n"q"')), metadata={"k": "v"})
    assert repr(model).startswith("Literal.from_text(")
    assert eval(repr(model), {"Literal": Literal}) == model
    assert repr(Literal()) == "Literal()"
    log = TaskLog(message_format=97)  # an unknown enum value prints as its number
    assert eval(repr(log), {"TaskLog": TaskLog}) == log
    assert repr(TaskLog.MessageFormat.JSON) == "<MessageFormat.JSON: 2>"


def test_str_and_short_string_are_one_line() -> None:
    model = integer(5)
    assert str(model) == model.short_string() == "<Literal scalar { primitive { integer: 5 } }>"
    assert str(Literal()) == "<Literal>"
    assert "\n" not in str(LiteralMap(literals={"a": integer(1), "b": text("x\ny")}))
    assert model.verbose_string().count("\n") == 5


def test_repr_html_escapes() -> None:
    rendered = text("<script>&")._repr_html_()
    assert rendered.startswith('<details open class="flytemodels"><summary><b>Literal</b>')
    assert "<script>" not in rendered and "&lt;script&gt;&amp;" in rendered


# -- bytes, emptiness, dict and JSON ------------------------------------------------


def test_bytes_round_trip_and_decode_errors() -> None:
    model = LiteralMap(literals={"b": integer(2), "a": text("x")})
    data = model.serialize_to_string()
    assert data == model.to_flyte_idl().SerializeToString(deterministic=True)
    assert LiteralMap.from_bytes(data) == model
    assert LiteralMap.from_bytes(b"") == LiteralMap()
    with pytest.raises(DecodeError, match=r"flyteidl\.core\.LiteralMap"):
        LiteralMap.from_bytes(b"\x0a\x05ab")  # truncated


def test_is_empty() -> None:
    assert Literal().is_empty
    assert Literal(hash="").is_empty  # proto3 default: nothing is written
    assert not Literal(hash="h").is_empty
    assert not Literal(scalar=Scalar()).is_empty  # a present empty submessage is not empty
    assert not TaskLog(message_format=97).is_empty


def test_dict_and_json() -> None:
    model = Literal(scalar=Scalar(primitive=Primitive(integer=2**40)), hash="h", metadata={"k": "v"})
    data = model.to_dict()
    assert data == {"scalar": {"primitive": {"integer": str(2**40)}}, "hash": "h", "metadata": {"k": "v"}}
    assert Literal.from_dict(data) == model
    assert Literal.from_dict(json.loads(model.to_json())) == model
    assert "\n" not in model.to_json(indent=None)
    assert Literal.from_dict({"scalar": {"primitive": {"stringValue": "s"}}}) == text("s")  # JSON names too
    offloaded = Literal.from_dict({"offloadedMetadata": {"uri": "u", "sizeBytes": "3"}}).offloaded_metadata
    assert offloaded is not None and (offloaded.uri, offloaded.size_bytes) == ("u", 3)


def test_json_keeps_unknown_enum_values_but_not_unknown_fields() -> None:
    log = TaskLog(name="n", message_format=97)
    assert log.to_dict() == {"name": "n", "message_format": 97}
    assert TaskLog.from_dict(log.to_dict()).message_format == 97
    with_unknown = TaskLog.from_bytes(log.serialize_to_string() + b"\xc0\x3e\x01")  # field 1000, varint 1
    assert with_unknown != log and with_unknown.to_flyte_idl().SerializeToString().endswith(b"\xc0\x3e\x01")
    assert TaskLog.from_dict(with_unknown.to_dict()) == log


@pytest.mark.xfail(strict=True, reason="protobuf json_format writes FLT_MAX as 3.4028235e+38, then rejects it")
def test_json_float32_max_upstream_limitation() -> None:
    from flytemodels.core.workflow import ArrayNode

    node = ArrayNode(min_success_ratio=3.4028234663852886e38)
    assert ArrayNode.from_dict(node.to_dict()) == node


# -- pickle and copy --------------------------------------------------------------


def _pickled_models() -> list[object]:
    literal = Literal(scalar=Scalar(union=Union(value=integer(7))), metadata={"k": "v"})
    return [
        literal,
        literal.scalar,
        LiteralBase.from_flyte_idl(literal.to_flyte_idl()),  # a generated base pickles as itself
        LiteralMap(literals={"x": text("y")}),
        TaskLog(message_format=97),
        TaskLog.MessageFormat(97),
        Identifier(ResourceType.TASK, "p", "d", "n", "v"),
    ]


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_in_process(protocol: int) -> None:
    models = _pickled_models()
    loaded = pickle.loads(pickle.dumps(models, protocol=protocol))
    assert loaded == models
    assert [type(model) for model in loaded] == [type(model) for model in models]
    assert loaded[0].value.value.value.value.value.value == 7  # Literal -> Scalar -> Union -> Literal -> ...


_LOAD_IN_FRESH_PROCESS = textwrap.dedent(
    """
    import pickle, sys
    assert not any(name.startswith("flytemodels") for name in sys.modules)
    models = pickle.loads(sys.stdin.buffer.read())
    from flytemodels.core.literals import Literal, Scalar
    assert type(models[0]) is Literal and type(models[1]) is Scalar, [type(m) for m in models]
    assert models[0].value.value.value.value.value.value == 7
    sys.stdout.buffer.write(pickle.dumps((models, [hash(model) for model in models])))
    """
)


def test_pickle_across_processes() -> None:
    """Bytes pickled here load in a fresh interpreter, and what it pickles loads here."""
    models = _pickled_models()
    run = subprocess.run(
        [sys.executable, "-c", _LOAD_IN_FRESH_PROCESS], input=pickle.dumps(models), capture_output=True, check=False
    )
    assert run.returncode == 0, run.stderr.decode()
    loaded, hashes = pickle.loads(run.stdout)
    assert loaded == models
    assert hashes == [hash(model) for model in models]  # hashes do not depend on the process


def test_copy_and_deepcopy() -> None:
    model = LiteralMap(literals={"a": integer(1)})
    assert copy.copy(model) == model
    assert copy.deepcopy(model) == model
    assert copy.deepcopy({"m": [model]}) == {"m": [model]}


# -- fields -------------------------------------------------------------------------


def test_oneof_members_are_none_unless_set() -> None:
    model = integer(1)
    assert model.which_oneof("value") == "scalar"
    assert model.collection is None and model.map is None and model.offloaded_metadata is None
    assert Literal().which_oneof("value") is None and Literal().value is None
    zero = Primitive(integer=0)  # a oneof member set to its default is still set
    assert zero.which_oneof("value") == "integer" and zero.integer == 0 and zero.string_value is None
    with pytest.raises(ValueError, match=r"Literal\.collection.*'scalar' is already set"):
        Literal(scalar=Scalar(), collection=LiteralCollection())


def test_maps_and_repeated_fields() -> None:
    model = Literal(collection=LiteralCollection(literals=[integer(1), text("b")]), metadata={"k": "v"})
    items = model.collection.literals
    assert items == [integer(1), text("b")]
    items.append(integer(3))  # properties hand out copies
    assert len(model.collection.literals) == 2
    metadata = model.metadata
    metadata["other"] = "x"
    assert model.metadata == {"k": "v"}
    assert Literal().metadata == {} and LiteralCollection().literals == []
    assert LiteralCollection(literals=(integer(1),)).literals == [integer(1)]  # any iterable


def test_open_enums() -> None:
    log = TaskLog(message_format=97)
    value = log.message_format
    assert value == 97 and isinstance(value, TaskLog.MessageFormat)
    assert value.name == "UNKNOWN_97" and value is TaskLog.MessageFormat(97)
    assert TaskLog.from_bytes(log.serialize_to_string()).message_format == 97
    assert TaskLog.from_flyte_idl(log.to_flyte_idl()).to_flyte_idl().message_format == 97
    assert TaskLog(message_format=TaskLog.MessageFormat.JSON).message_format is TaskLog.MessageFormat.JSON
    assert TaskLog(message_format=2) == TaskLog(message_format=TaskLog.MessageFormat.JSON)
    assert TaskLog().message_format is TaskLog.MessageFormat.UNKNOWN


def test_enum_to_string_names_declared_values_and_prints_unknown_ones() -> None:
    formats = TaskLog.MessageFormat
    assert formats.enum_to_string(formats.JSON) == "JSON" and formats.enum_to_string(2) == "JSON"
    assert formats(96).name == "UNKNOWN_96" and formats.enum_to_string(96) == "96"
    assert formats.enum_to_string(0) == "UNKNOWN"  # a declared member that happens to be called UNKNOWN


def test_constructor_keyword_and_positional_in_field_order() -> None:
    by_keyword = Identifier(resource_type=ResourceType.TASK, project="p", domain="d", name="n", version="v", org="o")
    assert Identifier(ResourceType.TASK, "p", "d", "n", "v", "o") == by_keyword
    assert TaskLog("u", "n", 97) == TaskLog(uri="u", name="n", message_format=97)
    assert Literal(None, None, None, None, "h") == Literal(hash="h")  # declaration order: offloaded_metadata, hash
    with pytest.raises(TypeError):
        Identifier(ResourceType.TASK, "p", "d", "n", "v", "o", "extra")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Identifier(nme="n")  # type: ignore[call-arg]


# -- recursion ------------------------------------------------------------------------


def test_literal_scalar_union_recursion() -> None:
    inner = Literal(scalar=Scalar(union=Union(value=integer(42))))
    outer = Literal(scalar=Scalar(union=Union(value=inner)))
    assert outer.scalar.union.value.scalar.union.value.scalar.primitive.integer == 42
    assert outer.value.value.value.value.value.value.value.value.value == 42
    assert Literal.from_bytes(outer.serialize_to_string()) == outer


def test_node_branch_if_recursion() -> None:
    condition = BooleanExpression(
        comparison=ComparisonExpression(
            operator=ComparisonExpression.Operator.GT,
            left_value=Operand(var="x"),
            right_value=Operand(primitive=Primitive(integer=0)),
        )
    )
    leaf = Node(id="leaf")
    branch = Node(
        id="branch",
        branch_node=BranchNode(
            if_else=IfElseBlock(
                case=IfBlock(condition=condition, then_node=leaf),
                other=[IfBlock(condition=condition, then_node=Node(id="other"))],
                else_node=Node(id="else", branch_node=BranchNode(if_else=IfElseBlock(case=IfBlock(then_node=leaf)))),
            )
        ),
    )
    if_else = Node.from_flyte_idl(branch.to_flyte_idl()).branch_node.if_else
    assert if_else.case.then_node == leaf
    assert if_else.case.condition.comparison.right_value.primitive.value == 0
    assert [block.then_node.id for block in if_else.other] == ["other"]
    assert if_else.which_oneof("default") == "else_node" and if_else.error is None
    assert if_else.else_node.branch_node.if_else.case.then_node.id == "leaf"


# -- well-known types ----------------------------------------------------------------


def test_timestamp_is_an_aware_utc_datetime() -> None:
    moment = dt.datetime(2024, 2, 29, 12, 30, 15, 123456, tzinfo=UTC)
    value = Primitive(datetime=moment).datetime
    assert value == moment and value.utcoffset() == dt.timedelta(0)
    naive = Primitive(datetime=moment.replace(tzinfo=None))
    assert naive == Primitive(datetime=moment)  # naive is taken as UTC
    plus_two = dt.timezone(dt.timedelta(hours=2))
    assert Primitive(datetime=moment.astimezone(plus_two)) == Primitive(datetime=moment)
    assert Primitive(datetime=moment).to_flyte_idl().datetime.nanos == 123_456_000


@pytest.mark.parametrize(
    ("seconds", "nanos", "expected"),
    [
        (0, 0, dt.datetime(1970, 1, 1, tzinfo=UTC)),
        (1_700_000_000, 123_456_789, dt.datetime(2023, 11, 14, 22, 13, 20, 123456, tzinfo=UTC)),
        (-1, 999_999_999, dt.datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)),
        (-62_135_596_800, 0, dt.datetime(1, 1, 1, tzinfo=UTC)),
        (253_402_300_799, 999_999_999, dt.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)),
    ],
)
def test_timestamp_nanoseconds_survive(seconds: int, nanos: int, expected: dt.datetime) -> None:
    pb = literals_pb2.Primitive()
    pb.datetime.seconds, pb.datetime.nanos = seconds, nanos
    model = Primitive.from_flyte_idl(pb)
    assert model.datetime == expected  # microseconds is what datetime holds ...
    assert model.to_flyte_idl() == pb  # ... the message keeps the nanoseconds
    assert Primitive.from_bytes(pb.SerializeToString()).to_flyte_idl().datetime.nanos == nanos


@given(
    st.integers(min_value=-62_135_596_800 - 86_400, max_value=253_402_300_799 + 86_400),
    st.one_of(st.integers(0, 999_999_999), st.integers(-(10**10), 10**10)),  # any int32: a message may hold it
)
def test_timestamp_to_datetime_is_the_epoch_plus_the_timestamp(seconds: int, nanos: int) -> None:
    # utc_datetime asks the C library for the whole seconds: it must agree with plain arithmetic everywhere.
    try:
        expected: Any = dt.datetime(1970, 1, 1, tzinfo=UTC) + dt.timedelta(0, seconds, nanos // 1000)
    except OverflowError:
        expected = OverflowError
    try:
        got: Any = utc_datetime(seconds, nanos)
    except OverflowError:
        got = OverflowError
    assert got == expected


@pytest.mark.parametrize(
    ("delta", "seconds", "nanos"),
    [
        (dt.timedelta(0), 0, 0),
        (dt.timedelta(seconds=90, microseconds=5), 90, 5000),
        (dt.timedelta(seconds=-1.5), -1, -500_000_000),
        (dt.timedelta(microseconds=-1), 0, -1000),
        (dt.timedelta(days=-3, hours=1), -255_600, 0),
        (dt.timedelta(seconds=315_576_000_000, microseconds=999_999), 315_576_000_000, 999_999_000),
        (-dt.timedelta(seconds=315_576_000_000, microseconds=999_999), -315_576_000_000, -999_999_000),
    ],
)
def test_duration_is_a_timedelta(delta: dt.timedelta, seconds: int, nanos: int) -> None:
    model = Primitive(duration=delta)
    pb = model.to_flyte_idl().duration
    assert (pb.seconds, pb.nanos) == (seconds, nanos)  # nanos share the sign of seconds
    assert model.duration == delta
    assert Primitive.from_flyte_idl(model.to_flyte_idl()).duration == delta


@pytest.mark.parametrize(
    "value",
    [
        {"duration": dt.timedelta.max},
        {"duration": dt.timedelta(seconds=-315_576_000_001)},
        {"datetime": dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=2)))},  # year 0 in UTC
    ],
)
def test_values_beyond_the_well_known_ranges_are_refused(value: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"Primitive\.(duration|datetime): .* outside the"):
        Primitive(**value)  # type: ignore[arg-type]


def test_duration_nanoseconds_survive() -> None:
    pb = literals_pb2.Primitive()
    pb.duration.seconds, pb.duration.nanos = -2, -1
    model = Primitive.from_flyte_idl(pb)
    assert model.duration == dt.timedelta(seconds=-2)  # truncated toward zero, like the IDL
    assert model.to_flyte_idl() == pb


def test_struct_is_a_dict() -> None:
    data = {"a": 1, "b": [1, "x", None, {"c": True}], "d": {"e": {}}, "f": 2.5}
    model = Scalar(generic=data)
    assert model.generic == {"a": 1.0, "b": [1.0, "x", None, {"c": True}], "d": {"e": {}}, "f": 2.5}
    assert Scalar.from_bytes(model.serialize_to_string()) == model
    empty = Scalar(generic={})  # present though empty
    assert empty.which_oneof("value") == "generic" and empty.generic == {}
    with pytest.raises(TypeError, match=r"Scalar\.generic"):
        Scalar(generic=[1])  # type: ignore[arg-type]


def test_bool_value_is_an_optional_bool() -> None:
    assert ExecutionSpec().interruptible is None
    assert ExecutionSpec(interruptible=False).interruptible is False  # set, though false
    assert ExecutionSpec(interruptible=False) != ExecutionSpec()
    assert ExecutionSpec(interruptible=True).to_flyte_idl().interruptible.value is True


# -- the override seam -----------------------------------------------------------------


def test_public_literal_is_the_override() -> None:
    assert Literal is not LiteralBase and issubclass(Literal, LiteralBase)
    assert Literal.__module__ == "flytemodels._overrides.core.literals"
    assert type(Literal.from_flyte_idl(literals_pb2.Literal())) is Literal
    assert type(Literal.from_bytes(b"")) is Literal
    assert type(LiteralBase.from_flyte_idl(literals_pb2.Literal())) is LiteralBase


def test_parents_hand_out_overrides() -> None:
    literal_map = LiteralMap.from_flyte_idl(LiteralMap(literals={"a": integer(1), "b": text("s")}).to_flyte_idl())
    assert {type(value) for value in literal_map.literals.values()} == {Literal}
    assert literal_map.literals["b"].value.value.value == "s"
    collection = LiteralCollection.from_flyte_idl(LiteralCollection(literals=[integer(2)]).to_flyte_idl())
    assert type(collection.literals[0]) is Literal and collection.literals[0].value.value.value == 2
    union = Scalar(union=Union(value=text("u"))).union
    assert type(union.value) is Literal and union.value.value.value.value == "u"


def test_binding_data_hands_out_override_scalars() -> None:
    scalar = Scalar(primitive=Primitive(string_value="s"))
    binding = Binding.from_flyte_idl(
        Binding(
            var="x",
            binding=BindingData(collection=BindingDataCollection(bindings=[BindingData(scalar=scalar)])),
        ).to_flyte_idl()
    )
    inner = binding.binding.collection.bindings[0].scalar
    assert type(inner) is Scalar and type(inner.primitive) is Primitive
    assert inner.value.value == "s"


def test_execution_inputs_are_override_literals() -> None:
    pb = execution_pb2.Execution()
    pb.spec.inputs.literals["n"].scalar.primitive.integer = 5
    pb.closure.started_at.GetCurrentTime()
    execution = Execution.from_flyte_idl(pb)
    literal = execution.spec.inputs.literals["n"]
    assert type(literal) is Literal and literal.value.value.value == 5
    assert execution.closure.started_at.tzinfo is not None


def _message_fields(case: catalog.MessageCase) -> list[Any]:
    """The singular message fields of ``case`` whose type has a model (not a well-known type, not foreign)."""
    return [
        field
        for field in case.descriptor.fields
        if field.message_type is not None
        and not field.is_repeated
        and field.message_type.file.package != "google.protobuf"
        and registry.models(registry.tree_of(case.model), field.message_type.file.name)
    ]


@pytest.mark.parametrize("idl", [catalog.FLYTEIDL, catalog.FLYTEIDL2], ids=["flyteidl", "flyteidl2"])
def test_every_message_field_hands_out_the_registrys_class(idl: catalog.Catalog) -> None:
    """A property wraps its child itself (generated code), in the class the registry gives: the public one.

    Held (from the message) and value-built alike, for every singular message field
    of every model; among them, overrides reached from another module (``Parameter.default``).
    """
    handed_out: set[type] = set()
    for case in idl.messages():
        for field in _message_fields(case):
            expected = registry.model_class(field.message_type, idl.tree)
            pb = case.pb_class()
            getattr(pb, field.name).SetInParent()
            held = case.model.from_flyte_idl(pb)
            attribute = field.name if isinstance(getattr(case.model, field.name, None), property) else field.name + "_"
            child = getattr(held, attribute)
            assert type(child) is expected, (case.full_name, field.name, type(child))
            assert child.to_flyte_idl() == getattr(pb, field.name)
            with constraints.unchecked():  # random parents break flyteidl2's buf.validate rules
                built = case.model(**{attribute: expected.from_flyte_idl(getattr(pb, field.name))})
            assert type(getattr(built, attribute)) is expected, (case.full_name, field.name)
            handed_out.add(expected)
    assert handed_out, idl.package
    if idl is catalog.FLYTEIDL:
        assert {Literal, Scalar, Primitive, BindingData} <= handed_out  # the overrides in src/
        assert (
            type(Parameter.from_flyte_idl(interface_pb2.Parameter(default=literals_pb2.Literal())).default) is Literal
        )


def test_a_property_of_a_generated_base_hands_out_the_public_class() -> None:
    """The class is the registry's, whichever class of the hierarchy read it first."""
    pb = literals_pb2.Literal()
    pb.scalar.primitive.integer = 1
    assert type(LiteralBase.from_flyte_idl(pb).scalar) is Scalar
    assert type(ScalarBase.from_flyte_idl(pb.scalar).primitive) is Primitive
    assert type(Literal.from_flyte_idl(pb).scalar) is Scalar


def test_a_child_shares_nothing_its_reader_can_change() -> None:
    """A child holds its parent's sub-message; what callers get from either is a copy of their own."""
    pb = literals_pb2.Literal()
    pb.scalar.primitive.integer = 1
    model = Literal.from_flyte_idl(pb)
    pb.scalar.primitive.integer = 2  # the caller's message, after the conversion
    child = model.scalar
    assert child.primitive.integer == 1
    out = child.to_flyte_idl()
    out.primitive.integer = 3
    assert model.scalar.primitive.integer == 1 and child.primitive.integer == 1
    assert model.to_flyte_idl().scalar.primitive.integer == 1


# An unknown field, number 1000 (varint 1), after a message's known fields.
_UNKNOWN = b"\xc0\x3e\x01"


def test_copies_keep_unknown_fields() -> None:
    """from_flyte_idl, to_flyte_idl, a child's to_flyte_idl and replace copy unknown fields too, at any depth."""
    inner = literals_pb2.Scalar.FromString(Scalar(primitive=Primitive(integer=1)).serialize_to_string() + _UNKNOWN)
    pb = literals_pb2.Literal(scalar=inner, hash="h")
    pb = literals_pb2.Literal.FromString(pb.SerializeToString() + _UNKNOWN)
    wire = pb.SerializeToString()
    model = Literal.from_flyte_idl(pb)
    assert model.to_flyte_idl().SerializeToString() == wire
    assert model.serialize_to_string() == wire
    assert model.scalar.to_flyte_idl().SerializeToString() == inner.SerializeToString()
    assert model.scalar.to_flyte_idl().SerializeToString().endswith(_UNKNOWN)
    assert model.replace(hash="g").to_flyte_idl().SerializeToString().endswith(_UNKNOWN)
    assert hash(model) == hash(
        Literal.from_flyte_idl(
            literals_pb2.Literal(scalar=Scalar(primitive=Primitive(integer=1)).to_flyte_idl(), hash="h")
        )
    )


def test_from_flyte_idl_of_an_unset_sub_message() -> None:
    """A sub-message protobuf hands out while unset converts to an empty model and leaves its parent unset."""
    parent = literals_pb2.Literal()
    model = Scalar.from_flyte_idl(parent.scalar)
    assert model == Scalar() and model.to_flyte_idl() == literals_pb2.Scalar()
    assert not parent.HasField("scalar")


def test_from_flyte_idl_refuses_another_message_type() -> None:
    with pytest.raises(TypeError, match=r"Scalar\.from_flyte_idl expected a flyteidl\.core\.Scalar message"):
        Scalar.from_flyte_idl(literals_pb2.Literal())
