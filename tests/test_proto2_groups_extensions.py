"""proto2 groups and extensions in the golden models, at run time.

Groups (``proto2_groups.proto``, and editions' ``DELIMITED`` fields in
``editions_delimited.proto``) are message fields written with group tags: the
models must type them with the group's model and keep the wire form byte for
byte. Extensions (``extensions.proto``) are read and set through typed handles:
``get_extension``, ``has_extension``, ``with_extension``.
"""

from __future__ import annotations

import importlib
import pickle
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from codegen import cli
from codegen.model import naming
from tests.goldens.harness import importable_goldens
from tests.support.filler import Options, fill
from tests.test_codegen_errors import Workspace

# Group tags of field 2 (Order.shipping) and 3 (Order.line): (number << 3) | 3 starts, | 4 ends.
_SHIPPING_START, _SHIPPING_END, _LINE_START = b"\x13", b"\x14", b"\x1b"


@pytest.fixture(scope="module")
def goldens(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with importable_goldens(tmp_path_factory.mktemp("pb2")):
        yield


@pytest.fixture
def groups(goldens: None) -> Any:
    return importlib.import_module("goldenmodels.proto2_groups")


@pytest.fixture
def ext(goldens: None) -> Any:
    return importlib.import_module("goldenmodels.extensions")


def same_everywhere(model: Any) -> Any:
    """The model rebuilt from its message, bytes, dict, text and pickle: all equal, bytes identical."""
    cls, data = type(model), model.serialize_to_string()
    copies = [
        cls.from_flyte_idl(model.to_flyte_idl()),
        cls.from_bytes(data),
        cls.from_dict(model.to_dict()),
        cls.from_text(model.verbose_string()),
        pickle.loads(pickle.dumps(model)),
    ]
    for copy in copies:
        assert copy == model and hash(copy) == hash(model)
        assert copy.serialize_to_string() == data
    return copies[1]


# -- groups ---------------------------------------------------------------------------------


def test_a_group_field_takes_and_gives_its_model(groups: Any) -> None:
    Order = groups.Order
    order = Order(
        id="o1",
        shipping=Order.Shipping(address="a", days=2, tracking=Order.Shipping.Tracking(code="c")),
        line=[Order.Line(sku="s1"), Order.Line(sku="s2", quantity=3)],
    )
    held = same_everywhere(order)
    for model in (order, held):
        assert type(model.shipping) is Order.Shipping and model.shipping.days == 2
        assert type(model.shipping.tracking) is Order.Shipping.Tracking and model.shipping.tracking.code == "c"
        assert [type(line) for line in model.line] == [Order.Line, Order.Line]
        assert [(line.sku, line.quantity) for line in model.line] == [("s1", None), ("s2", 3)]
    assert Order.Line.field_default("quantity") == 1 and Order.field_default("shipping") is None


def test_groups_are_written_with_group_tags(groups: Any) -> None:
    Order = groups.Order
    data = Order(shipping=Order.Shipping(days=1), line=[Order.Line()]).serialize_to_string()
    assert data == _SHIPPING_START + b"\x10\x01" + _SHIPPING_END + _LINE_START + b"\x1c"
    pb = groups.Order._PB()
    pb.shipping.days = 1
    pb.line.add()
    assert pb.SerializeToString() == data  # what protobuf itself writes


def test_group_values_are_checked_like_message_values(groups: Any) -> None:
    Order = groups.Order
    with pytest.raises(
        TypeError, match=r"Order\.shipping: expected Shipping \(fixtures\.proto2_groups\.Order\.Shipping\), got Line"
    ):
        Order(shipping=Order.Line())
    with pytest.raises(TypeError, match=r"Order\.line: \[1\] expected Line"):
        Order(line=[Order.Line(), Order.Shipping()])
    assert Order(id="x").replace(shipping=Order.Shipping(address="b")).shipping == Order.Shipping(address="b")


def test_groups_dict_form_nests_like_messages(groups: Any) -> None:
    Order = groups.Order
    order = Order(shipping=Order.Shipping(tracking=Order.Shipping.Tracking(code="c")), line=[Order.Line(sku="s")])
    assert order.to_dict() == {"shipping": {"tracking": {"code": "c"}}, "line": [{"sku": "s"}]}
    assert Order.from_dict({"line": [{"sku": "s", "quantity": 4}]}).line[0].quantity == 4


@pytest.mark.parametrize("seed", range(25))
def test_random_groups_round_trip_byte_for_byte(groups: Any, seed: int) -> None:
    Order = groups.Order
    pb = fill(Order._PB, random.Random(seed))  # unknown fields inside groups included
    model = Order.from_flyte_idl(pb)
    assert model.to_flyte_idl() == pb
    assert Order.from_bytes(pb.SerializeToString()).serialize_to_string() == pb.SerializeToString(deterministic=True)
    known = fill(Order._PB, random.Random(seed), Options(unknown_fields=False))
    held = Order.from_flyte_idl(known)
    lines = [Order.Line(sku=line.sku, quantity=line.quantity) for line in held.line]
    rebuilt = Order(id=held.id, shipping=held.shipping, line=lines)  # value-built, around a held group
    assert rebuilt.to_flyte_idl().SerializeToString() == known.SerializeToString()


def test_editions_delimited_fields_are_groups_too(goldens: None) -> None:
    delimited = importlib.import_module("goldenmodels.editions_delimited")
    Point, Shape = delimited.Point, delimited.Shape
    shape = Shape(origin=Point(x=1), corners=[Point(y=2)], center=Point(x=3))
    # origin (field 1) and corners (2) in group tags; center (3) length-delimited.
    assert shape.serialize_to_string() == b"\x0b\x08\x01\x0c" + b"\x13\x10\x02\x14" + b"\x1a\x02\x08\x03"
    held = same_everywhere(shape)
    assert type(held.origin) is Point and held.corners == [Point(y=2)] and held.center == Point(x=3)


# -- extensions --------------------------------------------------------------------------


def test_unset_extensions_read_as_unset_fields_do(ext: Any) -> None:
    model = ext.Extendable(name="n")
    assert model.get_extension(ext.priority) is None and not model.has_extension(ext.priority)
    assert model.get_extension(ext.note) is None
    assert model.get_extension(ext.color) is None  # presence, as a field's: the declared default is not read
    assert model.get_extension(ext.tags) == [] and not model.has_extension(ext.tags)


def test_with_extension_returns_a_new_model_and_converts_values(ext: Any) -> None:
    model = ext.Extendable(name="n")
    changed = (
        model.with_extension(ext.priority, 5)
        .with_extension(ext.note, ext.Note(text="hi"))
        .with_extension(ext.color, ext.Color.RED)
        .with_extension(ext.tags, ("a", "b"))
        .with_extension(ext.notes, [ext.Note(text="1")])
        .with_extension(ext.Scope.label, "L")
        .with_extension(ext.from_, "keyword")
        .with_extension(ext.entry, [ext.Entry(key="k")])
    )
    assert model.get_extension(ext.priority) is None  # immutable: the original is unchanged
    assert type(changed) is ext.Extendable and changed.name == "n"
    held = same_everywhere(changed)
    for read in (changed, held):
        assert read.get_extension(ext.priority) == 5
        assert type(read.get_extension(ext.note)) is ext.Note and read.get_extension(ext.note).text == "hi"
        assert read.get_extension(ext.color) is ext.Color.RED
        assert read.get_extension(ext.tags) == ["a", "b"]
        assert read.get_extension(ext.notes) == [ext.Note(text="1")]
        assert read.get_extension(ext.Scope.label) == "L"
        assert read.get_extension(ext.from_) == "keyword"
        assert read.get_extension(ext.entry) == [ext.Entry(key="k")]
        assert all(read.has_extension(handle) for handle in (ext.priority, ext.note, ext.tags, ext.Scope.label))


def test_extensions_survive_conversions_and_replace(ext: Any) -> None:
    pb = ext.Extendable._PB(name="n")
    pb.Extensions[ext.priority.descriptor] = 7
    pb.Extensions[ext.notes.descriptor].add(text="t")
    model = ext.Extendable.from_flyte_idl(pb)
    assert model.get_extension(ext.priority) == 7 and model.get_extension(ext.notes) == [ext.Note(text="t")]
    assert model.to_flyte_idl() == pb
    assert model.to_dict()["[fixtures.extensions.priority]"] == 7
    assert "[fixtures.extensions.priority]: 7" in repr(model)
    assert "[fixtures.extensions.priority]" in model._repr_html_()
    replaced = model.replace(name="m")
    assert replaced.get_extension(ext.priority) == 7 and replaced.name == "m"


def test_none_clears_an_extension(ext: Any) -> None:
    model = ext.Extendable().with_extension(ext.priority, 1).with_extension(ext.tags, ["a"])
    cleared = model.with_extension(ext.priority, None).with_extension(ext.tags, None)
    assert cleared == ext.Extendable() and cleared.is_empty


def test_models_differing_only_in_an_extension_differ(ext: Any) -> None:
    base = ext.Extendable(name="n")
    one, two = base.with_extension(ext.priority, 1), base.with_extension(ext.priority, 2)
    assert one != base and one != two and len({base, one, two}) == 3
    same = base.with_extension(ext.tags, ["x"]).with_extension(ext.priority, 1)
    again = ext.Extendable.from_bytes(one.with_extension(ext.tags, ["x"]).serialize_to_string())
    assert same == again and hash(same) == hash(again)


@pytest.mark.parametrize(
    ("handle", "value", "error", "message"),
    [
        ("priority", "5", TypeError, "extension fixtures.extensions.priority: expected int, got str"),
        ("priority", 2**31, ValueError, "extension fixtures.extensions.priority: 2147483648 is outside"),
        (
            "note",
            "Plain",
            TypeError,
            r"extension fixtures.extensions.note: expected Note \(fixtures.extensions.Note\), got Plain",
        ),
        ("color", 1.5, TypeError, "extension fixtures.extensions.color: expected Color or int, got float"),
        ("tags", "abc", TypeError, "extension fixtures.extensions.tags: expected a list, got str"),
        ("tags", [1], TypeError, r"extension fixtures.extensions.tags: \[0\] expected str, got int"),
        ("notes", ["Plain"], TypeError, r"extension fixtures.extensions.notes: \[0\] expected Note"),
    ],
)
def test_a_wrong_value_names_the_extension(ext: Any, handle: str, value: Any, error: type, message: str) -> None:
    plain = ext.Plain()
    value = [plain] if value == ["Plain"] else plain if value == "Plain" else value
    with pytest.raises(error, match=message):
        ext.Extendable().with_extension(getattr(ext, handle), value)


def test_a_handle_of_another_message_is_refused(ext: Any) -> None:
    expected = (
        r"extension fixtures.extensions.priority extends fixtures.extensions.Extendable; "
        r"Plain \(fixtures.extensions.Plain\) has no such extension"
    )
    for use in ("get_extension", "has_extension"):
        with pytest.raises(TypeError, match=expected):
            getattr(ext.Plain(), use)(ext.priority)
    with pytest.raises(TypeError, match=expected):
        ext.Plain().with_extension(ext.priority, 1)
    with pytest.raises(TypeError, match=r"expected an Extension .*, got FieldDescriptor"):
        ext.Extendable().get_extension(ext.priority.descriptor)


def test_handles_describe_themselves(ext: Any) -> None:
    assert (
        repr(ext.priority) == "<Extension fixtures.extensions.priority of fixtures.extensions.Extendable (field 100)>"
    )
    label = ext.Scope.label
    assert (label.full_name, label.extends, label.number) == (
        "fixtures.extensions.Scope.label",
        "fixtures.extensions.Extendable",
        150,
    )
    assert ext.tags.is_repeated and not ext.note.is_repeated
    # extends google.protobuf.FieldOptions, which has no model: no handle (test_goldens_naming: the run says so)
    assert not hasattr(ext, "unit")


# -- naming ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("proto", "module_level"),
    [
        ("note", "note"),
        ("from", "from_"),
        ("TYPE_CHECKING", "TYPE_CHECKING_"),
        ("annotations", "annotations_"),
        ("_pb2", "_pb2_"),
    ],
)
def test_module_level_handle_names(proto: str, module_level: str) -> None:
    assert naming.extension_name(proto) == module_level


def test_a_handle_in_a_message_is_named_as_a_field_is(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    body = "message M { extensions 10 to 20; }\nmessage S { extend M { optional int32 replace = 10; } }\n"
    ws.configure(ws.proto("named", body, syntax="proto2"))
    assert cli.main(["--config", str(ws.config)]) == 0
    source = (ws.out / "errmodels" / "named.py").read_text(encoding="utf-8")
    assert "    replace_: _typing.Final[_Extension[M, int | None]] = _Extension(" in source


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (
            "message from_ {}\nextend M { optional int32 from = 10; }\n",
            "two definitions map to the Python name 'from_'",
        ),
        (
            "message S { optional int32 replace_ = 1; extend M { optional int32 replace = 10; } }\n",
            "S: two definitions map to the Python name 'replace_'",
        ),
        (
            "message S { message replace_ {} extend M { optional int32 replace = 10; } }\n",
            "S: extension 'replace_' and a nested type share one Python name",
        ),
    ],
)
def test_a_handle_name_clash_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, fragment: str
) -> None:
    ws = Workspace(tmp_path)
    ws.configure(ws.proto("clash", "message M { extensions 10 to 20; }\n" + body, syntax="proto2"))
    assert cli.main(["--config", str(ws.config)]) == 1
    assert fragment in capsys.readouterr().err
