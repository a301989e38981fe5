"""proto2 semantics at run time: required fields, partial models and closed enums.

The fixtures (``protos/fixtures/proto2_required.proto``, ``closed_enums.proto``,
``closed_enums_editions.proto``) go through protoc's Python plugin into a
temporary directory, as in ``test_goldens_runtime``. What is checked:

- a constructor (fast path or checked path) and ``replace`` refuse to leave a
  required field unset, naming the message and the parameters in declaration order;
- bytes, text, dicts and JSON may lack required fields: such a *partial* model
  reads, compares, hashes, pickles, prints and serializes, and
  ``is_initialized()``/``missing_fields()`` say what it lacks;
- a closed enum's field takes declared numbers only, on every path; an
  undeclared number from the wire stays in the unknown fields, losslessly;
- the generator decides what protobuf decides (required, closed), and flyteidl
  and flyteidl2 (proto3) have neither.
"""

from __future__ import annotations

import copy
import datetime as dt
import importlib
import pickle
from collections.abc import Iterator
from typing import Any

import pytest
from google.protobuf import descriptor_pb2, descriptor_pool

from codegen.model import symbols
from tests.goldens.harness import importable_goldens
from tests.support import catalog

DRAWN = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)


@pytest.fixture(scope="module", autouse=True)
def goldens(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """``goldenmodels`` importable, over _pb2 modules protoc writes now."""
    with importable_goldens(tmp_path_factory.mktemp("pb2")):
        yield


def module(name: str) -> Any:
    return importlib.import_module(f"goldenmodels.{name}")


def pb2(name: str) -> Any:
    return importlib.import_module(f"fixtures.{name}_pb2")


def shape(**changes: Any) -> Any:
    """A complete ``Shape``, every required field set, with ``changes`` applied to the arguments."""
    required = module("proto2_required")
    arguments = {"name": "square", "origin": required.Point(x=1), "drawn": DRAWN, **changes}
    return required.Shape(**arguments)


# -- required fields: constructors -------------------------------------------------------------


def test_a_constructor_names_every_missing_required_field_in_declaration_order() -> None:
    required = module("proto2_required")
    with pytest.raises(TypeError, match=r"^Shape is missing required fields: name, origin, drawn$"):
        required.Shape()
    with pytest.raises(TypeError, match=r"^Shape is missing required field: origin$"):
        required.Shape(drawn=DRAWN, name="square")
    with pytest.raises(TypeError, match=r"^Point is missing required field: x$"):
        required.Point(y=2)
    with pytest.raises(TypeError, match=r"^Point is missing required field: x$"):
        required.Point(x=None, y=2)  # None means unset, for a required field too
    with pytest.raises(TypeError, match=r"^Shape\.Label is missing required field: text$"):
        required.Shape.Label(lang="en")


def test_errors_name_the_constructor_parameters_of_keyword_fields() -> None:
    with pytest.raises(TypeError, match=r"^Ticket is missing required fields: from_, id$"):
        module("proto2_required").Ticket(note="n")


def test_fast_and_checked_paths_agree_on_required_fields() -> None:
    required = module("proto2_required")
    fast = shape()
    assert fast._pb is None  # value-built: every guard admitted its value
    # A non-ASCII name takes the checked path (protobuf checks its UTF-8): same error, same result.
    with pytest.raises(TypeError, match=r"^Shape is missing required field: origin$"):
        required.Shape(name="carré", drawn=DRAWN)
    with pytest.raises(TypeError, match=r"^Shape is missing required field: origin$"):
        required.Shape(name="square", drawn=DRAWN)
    checked = shape(name="carré")
    assert checked._pb is not None
    assert checked.to_flyte_idl() == fast.replace(name="carré").to_flyte_idl()
    assert fast.is_initialized() and checked.is_initialized() and fast.missing_fields() == []


def test_a_required_field_no_guard_admits_makes_every_call_checked() -> None:
    settings = module("proto2_required").Settings
    with pytest.raises(TypeError, match=r"^Settings is missing required field: values$"):
        settings(version=2)
    built = settings(values={"retries": 3}, version=2)
    assert built.values == {"retries": 3.0} and built.is_initialized()
    assert settings(values={}).values == {}  # an empty Struct was given: present


def test_editions_legacy_required_is_required() -> None:
    door = module("closed_enums_editions").Door
    with pytest.raises(TypeError, match=r"^Door is missing required field: id$"):
        door(gate=1)
    assert door(id=0).id == 0


def test_replace_refuses_to_clear_a_required_field() -> None:
    model = shape()
    with pytest.raises(TypeError, match=r"^Shape is missing required fields: name, drawn$"):
        model.replace(drawn=None, parent=None, name=None)  # named in declaration order
    assert model.replace(label=None, name="circle").name == "circle"
    partial = type(model).from_text('name: "a"')
    assert partial.replace(name="b").missing_fields() == ["origin", "drawn"]  # other gaps stay as they were


def test_required_fields_are_documented() -> None:
    required = module("proto2_required")
    assert "Required: a constructor refuses to leave it unset." in (required.Shape.origin.__doc__ or "")
    assert "Required" not in (required.Shape.parent.__doc__ or "")


# -- partial models ---------------------------------------------------------------------------------


def partial_shapes() -> list[Any]:
    """One partial ``Shape`` from each way in that does not check required fields."""
    required, messages = module("proto2_required"), pb2("proto2_required")
    shape_class = required.Shape
    pb = messages.Shape(name="a")
    pb.corners.add(y=2)
    return [
        shape_class.from_bytes(pb.SerializePartialToString()),
        shape_class.from_flyte_idl(pb),
        shape_class.wrap(pb),
        shape_class.from_text('name: "a" corners { y: 2 }'),
        shape_class.from_dict({"name": "a", "corners": [{"y": 2}]}),
        shape_class.from_json('{"name": "a", "corners": [{"y": 2}]}'),
    ]


def test_every_reader_accepts_a_partial_message_and_says_what_is_missing() -> None:
    models = partial_shapes()
    for model in models:
        assert not model.is_initialized()
        assert model.missing_fields() == ["origin", "drawn", "corners[0].x"]
        assert (model.name, model.origin, model.drawn) == ("a", None, None)  # a missing field reads None
        assert model.corners[0].x is None and not model.corners[0].is_initialized()
        assert model == models[0] and hash(model) == hash(models[0])


def test_nothing_fails_on_a_partial_model() -> None:
    model = partial_shapes()[0]
    expected = model.to_flyte_idl().SerializePartialToString(deterministic=True)
    assert model.serialize_to_string() == expected  # serializing never raises; is_initialized() tells
    assert type(model).from_bytes(expected) == model
    assert pickle.loads(pickle.dumps(model)) == model
    assert isinstance(hash(model), int)
    assert eval(repr(model), {"Shape": type(model)}) == model
    assert model.to_dict() == {"name": "a", "corners": [{"y": 2}]}
    assert type(model).from_json(model.to_json()) == model
    assert copy.copy(model) is model and copy.deepcopy(model) is model
    assert str(model) and model.verbose_string() and "corners" in model._repr_html_()
    assert model != shape(name="a")


def test_an_empty_partial_model_prints_as_text_that_reads_back() -> None:
    point = module("proto2_required").Point
    empty = point.from_bytes(b"")
    assert repr(empty) == "Point.from_text('')"  # not Point(), which would raise
    assert eval(repr(empty), {"Point": point}) == empty
    assert empty.is_empty and empty.serialize_to_string() == b"" and empty.missing_fields() == ["x"]


def test_a_constructed_parent_of_a_partial_child_is_partial() -> None:
    required = module("proto2_required")
    child = required.Point.from_text("y: 1")
    parent = shape(origin=child, label=required.Shape.Label.from_bytes(b""))
    assert not parent.is_initialized()
    assert parent.missing_fields() == ["origin.x", "label.text"]
    assert type(parent).from_bytes(parent.serialize_to_string()) == parent


def test_models_without_required_fields_are_always_initialized() -> None:
    from flytemodels.core.identifier import Identifier

    assert Identifier().is_initialized() and Identifier().missing_fields() == []
    assert module("closed_enums").Order.from_bytes(b"").is_initialized()


# -- closed enums -----------------------------------------------------------------------------------


def test_a_closed_enum_field_refuses_undeclared_numbers() -> None:
    closed = module("closed_enums")
    order = closed.Order
    allowed = r"allowed: SMALL \(1\), LARGE \(3\)$"
    with pytest.raises(ValueError, match=rf"^Order\.size: 2 is not a value of the closed enum Size; {allowed}"):
        order(size=2)
    with pytest.raises(ValueError, match=rf"^Order\.sizes: \[1\] 0 is not a value of the closed enum Size; {allowed}"):
        order(sizes=[1, 0])
    flavors = r"1 is not a value of the closed enum Order\.Flavor; allowed: VANILLA \(0\), CHOCOLATE \(2\)$"
    with pytest.raises(ValueError, match=rf"^Order\.by_name: \['a'\] {flavors}"):
        order(by_name={"a": 1})
    with pytest.raises(ValueError, match=rf"^Order\.flavor: {flavors}"):
        order(flavor=1)
    with pytest.raises(ValueError, match=r"^Order\.size: 5 is not a value"):
        order(size=1).replace(size=5)


def test_a_closed_enum_class_has_no_stand_in_for_an_undeclared_number() -> None:
    closed = module("closed_enums")
    with pytest.raises(ValueError, match=r"^7 is not a valid Size$"):
        closed.Size(7)
    with pytest.raises(ValueError, match=r"^1 is not a valid Order\.Flavor$"):
        closed.Order.Flavor(1)
    assert closed.Size(3) is closed.Size.LARGE
    assert module("closed_enums_editions").Level(5).name == "UNKNOWN_5"  # open: a stand-in keeps the number


def test_a_closed_enum_field_takes_its_declared_values() -> None:
    closed = module("closed_enums")
    assert closed.Order(size=3, flavor=closed.Order.Flavor.CHOCOLATE)._pb is None  # the fast path admits both
    order = closed.Order(size=3, sizes=[closed.Size.SMALL, 3], by_name={"a": 2}, flavor=0)
    assert order.size is closed.Size.LARGE and order.sizes == [closed.Size.SMALL, closed.Size.LARGE]
    assert order.by_name == {"a": closed.Order.Flavor.CHOCOLATE} and order.flavor is closed.Order.Flavor.VANILLA
    assert closed.Order.from_bytes(order.serialize_to_string()) == order


def test_editions_enums_are_open_unless_declared_closed() -> None:
    editions = module("closed_enums_editions")
    gates = r"allowed: GATE_SHUT \(0\), GATE_OPEN \(1\)$"
    with pytest.raises(ValueError, match=rf"^Door\.gate: 5 is not a value of the closed enum Gate; {gates}"):
        editions.Door(id=1, gate=5)
    with pytest.raises(ValueError, match=r"^Door\.size: 2 is not a value of the closed enum Size"):
        editions.Door(id=1, size=2)  # a proto2 enum stays closed in an editions file
    door = editions.Door(id=1, level=5)  # open: an unknown number is kept
    assert door.level == 5 and door.level.name == "UNKNOWN_5"
    assert editions.Door.from_bytes(door.serialize_to_string()) == door


def test_an_undeclared_closed_value_from_the_wire_survives_the_round_trip() -> None:
    order_class, order_pb = module("closed_enums").Order, pb2("closed_enums").Order
    size, sizes = b"\x08", b"\x10"  # field 1 (size) and field 2 (sizes), varints
    data = size + b"\x07" + sizes + b"\x01" + sizes + b"\x09"  # size=7 and sizes=[1, 9]: 7 and 9 are undeclared
    pb = order_pb.FromString(data)
    model = order_class.from_flyte_idl(pb)
    assert model.size is None and model.sizes == [1]  # protobuf keeps 7 and 9 among the unknown fields
    assert model.to_flyte_idl() == pb
    assert model.to_flyte_idl().SerializeToString() == pb.SerializeToString()
    read = order_class.from_bytes(data)
    assert read.serialize_to_string() == pb.SerializeToString(deterministic=True)
    assert order_class.from_bytes(read.serialize_to_string()).serialize_to_string() == read.serialize_to_string()
    assert pickle.loads(pickle.dumps(read)).serialize_to_string() == read.serialize_to_string()
    assert hash(read) == hash(order_class(sizes=[1]))  # hash leaves unknown fields out, as == does


# -- the generator and the descriptors agree ------------------------------------------------------


def fixture_files() -> list[descriptor_pb2.FileDescriptorProto]:
    files = []
    for name in ("closed_enums", "closed_enums_editions", "proto2_required", "proto2_defaults", "editions"):
        proto = descriptor_pb2.FileDescriptorProto()
        pb2(name).DESCRIPTOR.CopyToProto(proto)
        files.append(proto)
    return files


def test_the_generator_finds_the_closed_enums_protobuf_finds() -> None:
    table = symbols.index(fixture_files())
    enums = {name: symbol for name, symbol in table.items() if symbol.is_enum}
    assert len(enums) == 5
    for full_name, symbol in enums.items():
        descriptor = descriptor_pool.Default().FindEnumTypeByName(full_name.removeprefix("."))
        assert bool(symbol.closed_numbers) == descriptor.is_closed, full_name
    assert table[".fixtures.closed_enums.Size"].closed_numbers == (1, 3)
    assert table[".fixtures.closed_enums_editions.Level"].closed_numbers == ()


def test_flyteidl_has_no_required_fields_and_no_closed_enums() -> None:
    for idl in (catalog.FLYTEIDL, catalog.FLYTEIDL2):
        required = [f.full_name for case in idl.messages() for f in case.descriptor.fields if f.is_required]
        closed = [case.full_name for case in idl.enums() if case.descriptor.is_closed]
        assert (required, closed) == ([], []), idl.package


def test_an_editions_file_may_close_its_enums() -> None:
    file = descriptor_pb2.FileDescriptorProto(name="f.proto", package="p", syntax="editions")
    file.options.features.enum_type = descriptor_pb2.FeatureSet.CLOSED
    file.enum_type.add(name="Closed").value.add(name="A", number=2)
    reopened = file.enum_type.add(name="Open")
    reopened.value.add(name="B", number=0)
    reopened.options.features.enum_type = descriptor_pb2.FeatureSet.OPEN
    table = symbols.index([file])
    assert (table[".p.Closed"].closed_numbers, table[".p.Open"].closed_numbers) == ((2,), ())
