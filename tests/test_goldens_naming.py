"""The golden models whose names Python cannot spell as protobuf does, at run time.

The _pb2 modules are protoc's, written now, as in ``test_goldens_runtime``
(where mypy --strict runs over these goldens too). The cases:

- ``fixtures/odd-names.proto``, ``fixtures/async/class.proto``: a hyphen, keyword
  directories and file names;
- ``fixtures/collisions.proto``: members named like their types;
- ``fixtures/alias_collisions.proto``: members named like the module's private names (``_fast``, ``_typing``);
- ``fixtures/keywords.proto``: enum values renamed in Python keep their proto names;
- ``fixtures/runtime_members.proto``: fields and enum values named like the runtime's own members,
  Python's own names (``__len__``) and names Python mangles (``__x``);
- ``fixtures/protobuf_members.proto``: fields named like the members of protobuf's own message classes;
- ``fixtures/service.proto``: each service is reported, not skipped silently.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from codegen.model import naming
from tests.goldens.harness import FIXTURES_CONFIG, generate, importable_goldens


@pytest.fixture(scope="module")
def goldens(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """``goldenmodels`` importable, over _pb2 modules protoc writes now."""
    with importable_goldens(tmp_path_factory.mktemp("pb2")):
        yield


def module(name: str) -> Any:
    return importlib.import_module(f"goldenmodels.{name}")


def round_trip(model: Any) -> Any:
    """The model rebuilt from its message, its bytes, its dict and its pickle; all must agree."""
    cls = type(model)
    again = cls.from_flyte_idl(model.to_flyte_idl())
    assert again == model
    assert cls.from_bytes(model.serialize_to_string()) == model
    assert cls.from_dict(model.to_dict()) == model
    assert pickle.loads(pickle.dumps(model)) == model
    return again


# -- file paths: a hyphen and keywords -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("proto_file", "module", "pb2", "importable"),
    [
        ("onnx/onnx-data.proto", "m.onnx.onnx_data", "onnx.onnx_data_pb2", True),
        ("my-dir/x-y.proto", "m.my_dir.x_y", "my_dir.x_y_pb2", True),
        ("fixtures/async/class.proto", "m.fixtures.async_.class_", "fixtures.async.class_pb2", False),
        ("v1/3d.proto", "m.v1._3d", "v1.3d_pb2", False),
        ("match/type.proto", "m.match.type", "match.type_pb2", True),  # soft keywords are names
    ],
)
def test_path_mapping(proto_file: str, module: str, pb2: str, importable: bool) -> None:
    """``naming.module_part`` per path part; the _pb2 module as protoc names it; whether a statement imports it."""
    assert naming.module_name(proto_file, "", "m") == module
    assert naming.pb2_module(proto_file) == pb2
    assert naming.importable(pb2) is importable


def test_hyphen_and_keyword_paths_are_modules_that_import_protocs_pb2(goldens: None) -> None:
    odd, awaited_module = module("odd_names"), module("async_.class_")
    awaited = awaited_module.Awaited
    assert (odd.Odd._PB.__module__, awaited._PB.__module__) == ("fixtures.odd_names_pb2", "fixtures.async.class_pb2")
    chain = awaited(name="a", mode=awaited.Mode.MODE_LAZY, next=awaited(name="b"))
    model = round_trip(odd.Odd(awaited=chain, many=[chain, awaited()], mode=1))
    assert type(model.awaited) is awaited and model.awaited.next.name == "b"
    assert model.mode is awaited.Mode.MODE_LAZY and [m.name for m in model.many] == ["a", ""]
    with pytest.raises(TypeError, match=r"Odd\.awaited: expected Awaited \(fixtures\.async\.Awaited\)"):
        odd.Odd(awaited=odd.Odd())


def test_keyword_path_models_pickle_by_their_public_path(goldens: None) -> None:
    awaited = module("async_.class_").Awaited
    data = pickle.dumps(awaited(name="x"))
    assert b"goldenmodels.async_.class_" in data
    assert pickle.loads(data) == awaited(name="x")


# -- members named like their types -----------------------------------------------------------------------


def test_fields_named_like_their_types(goldens: None) -> None:
    collisions = module("collisions")
    bar, holder = collisions.Bar, collisions.Holder
    inner = holder.Inner(Bar=bar(size=3), Holder=holder(Colour=collisions.Colour.COLOUR_RED))
    model = round_trip(holder(Bar=bar(size=1), Colour=1, bars=[bar(size=2)], by_name={"k": bar()}, inner=inner))
    assert type(model.Bar) is bar and model.Bar.size == 1
    assert model.Colour is collisions.Colour.COLOUR_RED
    assert model.inner.Bar.size == 3 and model.inner.Holder.Colour is collisions.Colour.COLOUR_RED
    assert (model.bars, model.by_name) == ([bar(size=2)], {"k": bar()})
    with pytest.raises(TypeError, match=r"Holder\.Bar: expected Bar"):
        holder(Bar=holder())


# -- members named like the module's private names ---------------------------------------------------------


def test_members_named_like_the_modules_private_names_keep_them(goldens: None) -> None:
    """The module's private names step aside (``_fast_``); the members keep their proto names."""
    collisions = module("alias_collisions")
    holder, message = collisions.Holder, collisions._Message
    source = Path(collisions.__file__).read_text(encoding="utf-8")
    assert "from flytemodels._runtime import fast as _fast_\n" in source and "import typing as _typing_\n" in source
    assert '    _fm_model__target_ = _fast_.FieldModel("_target")\n' in source  # the field keeps _fm_model__target
    assert '    _fm_members_mode_ = _fast_.FieldMembers("mode")\n' in source  # ...and _fm_members_mode
    common = module("imports.common")
    when = dt.datetime(2024, 5, 6, tzinfo=dt.UTC)
    values: dict[str, Any] = {
        "_fast": "f", "_datetime": when, "_typing": {"a": 1.0}, "_abc": ["x"],
        "_imports_common": common.Item(id="i"), "_fixtures_imports_common_pb2": [common.Item(id="j")],
        "_target": message(_pb2="t"), "_sub": message(_pb2="s"), "getattr": 1, "setattr": 2, "from_": "w",
        "int": 3, "_builtins": "b", "_index": "n", "_Message": message(_pb2="m"), "_alias_collisions": "a",
        "mode": holder.Mode.MODE_ON, "open": 0, "_fm_model__target": "c",
        "_fm_members_mode": "e",
    }  # fmt: skip
    # A Struct has no fast path: without it every guard admits its value (the fast path and its
    # writer), with it the constructor takes the checked path.
    built = holder(**{name: value for name, value in values.items() if name != "_typing"})
    checked = holder(**values)
    assert built._pb is None and checked._pb is not None
    pb = checked.to_flyte_idl()
    assert (pb._fast, pb._target._pb2, pb._sub._pb2, pb.setattr, getattr(pb, "from")) == ("f", "t", "s", 2, "w")
    assert built.to_flyte_idl() == holder.from_flyte_idl(pb).replace(_typing=None).to_flyte_idl()
    for model in (round_trip(checked), holder.from_flyte_idl(pb)):
        assert {name: getattr(model, name) for name in values} == values
        assert type(model._target) is message and type(model._imports_common) is common.Item
    assert round_trip(message(_pb2="p"))._pb2 == "p" and issubclass(message, collisions._Message_)


# -- members named like the runtime's own, or Python's ------------------------------------------------------


def test_fields_named_like_the_runtimes_private_members(goldens: None) -> None:
    """``_values``, ``_message``, ``_fm_fill``, ``_VALIDATE``: the runtime keeps its own; the fields get ``_``."""
    members = module("runtime_members")
    private, child, level = members.Private, members.Child, members.Level
    values: dict[str, Any] = {
        "_values_": "v", "_message_": child(size=1), "_VALIDATE_": level._missing__, "_fm_fill_": "f",
        "_fm_new_": "n", "_IDL_PB_": "i", "_present_": ["p", "q"], "mro_": "m",
    }  # fmt: skip
    built = private(**values)
    assert built._pb is None and built._values[0] == "v"  # value-built: the runtime's _values holds the arguments
    pb = built.to_flyte_idl()
    assert (pb._values, pb._message.size, pb._VALIDATE, pb._fm_fill, pb.mro) == ("v", 1, 2, "f", "m")
    assert private.from_flyte_idl(pb).to_flyte_idl() == pb
    for model in (built, private.from_flyte_idl(pb), round_trip(built), private.from_dict(built.to_dict())):
        assert {name: getattr(model, name) for name in values} == values
    assert type(round_trip(built)._message_) is child and built._VALIDATE_ is level._missing__
    assert private._IDL_PB is private._PB and private._VALIDATE is False  # the runtime's own members
    assert private.from_text(built.verbose_string()) == built and repr(built).startswith("Private.from_text(")


def test_fields_named_like_pythons_own_names(goldens: None) -> None:
    """``__len__`` (Python's) and ``__x`` (mangled in a class body) end in ``___``; the message keeps its names."""
    members = module("runtime_members")
    dunder, child, level = members.Dunder, members.Child, members.Level
    values: dict[str, Any] = {
        "__len___": "i", "__slots___": "s", "__bool___": False, "__x___": child(size=2), "__mode___": level.__deep___,
    }  # fmt: skip
    built = dunder(**values)
    pb = built.to_flyte_idl()
    assert [getattr(pb, name) for name in ("__len__", "__slots__", "__bool__", "__mode")] == ["i", "s", False, 5]
    assert getattr(pb, "__x").size == 2
    assert dunder.from_flyte_idl(pb).to_flyte_idl() == pb
    for model in (built, dunder.from_flyte_idl(pb), round_trip(built)):
        assert {name: getattr(model, name) for name in values} == values
        assert bool(model) is True and dunder.__slots__ == ()  # Python's own names keep their meaning
    assert dunder() == dunder.from_flyte_idl(type(pb)()) and dunder().__x___ is None


def test_fields_named_like_protobufs_own_members(goldens: None) -> None:
    """A field hides protobuf's member of its name on the message's instances (``pb.ByteSize`` is the field),
    not on its class: the runtime calls protobuf's methods through the class, and the model works as any other.
    """
    members = module("protobuf_members")
    hidden, holder = members.Hidden, members.Holder
    names = list(inspect.signature(hidden).parameters)  # every member a field may hide: test_protobuf_names
    values: dict[str, Any] = {name: f"v{i}" for i, name in enumerate(names)}
    values.update(ByteSize=3, Clear=True, UnknownFields=["u"])
    built = hidden(**values)
    pb = built.to_flyte_idl()
    assert (pb.ByteSize, pb.Clear, pb.__eq__) == (3, True, values["__eq___"])  # the fields, on the instance
    again = round_trip(built)
    for model in (built, again, hidden.from_flyte_idl(pb)):
        assert {name: getattr(model, name) for name in values} == values
        assert model.is_initialized() and model.missing_fields() == [] and not model.is_empty
        assert hash(model) == hash(built) and eval(repr(model), {"Hidden": hidden}) == built
    assert hidden().is_empty and hidden.from_flyte_idl(type(pb)()).is_empty
    assert built.replace(ByteSize=None, Clear=False).to_flyte_idl().ByteSize == 0
    parent = holder(one=built, many=[built, again], by_key={"k": built})
    assert round_trip(parent).by_key["k"] == built and holder.from_text(parent.verbose_string()) == parent


def test_enum_values_named_like_enum_and_runtime_members(goldens: None) -> None:
    level = module("runtime_members").Level
    assert [member.name for member in level] == [
        "LEVEL_UNSPECIFIED", "_name__", "_missing__", "enum_to_string_", "__init___", "__deep___",
    ]  # fmt: skip
    assert [level.enum_to_string(n) for n in range(1, 6)] == [
        "_name_",
        "_missing_",
        "enum_to_string",
        "__init__",
        "__deep",
    ]
    assert level.string_to_enum("__deep") is level.__deep___ and str(level._name__) == "_name_"
    assert level(9).name == "UNKNOWN_9"  # _missing_ is still the runtime's


def test_fields_named_like_the_flytekit_familys_members_keep_their_names_here(goldens: None) -> None:
    """``PB``, ``fm_pb``, ``_hidden`` clash with nothing in this family; ``to_flyte_idl`` does."""
    members = module("runtime_members")
    stored = members.Stored(PB="p", fm_pb="f", SHAPES={"k": "v"}, to_flyte_idl_="t", _hidden="h")
    pb = stored.to_flyte_idl()
    assert (pb.PB, pb.fm_pb, dict(pb.SHAPES), pb.to_flyte_idl, pb._hidden) == ("p", "f", {"k": "v"}, "t", "h")
    again = round_trip(stored)
    assert (again.PB, again.fm_pb, again.SHAPES, again.to_flyte_idl_, again._hidden) == ("p", "f", {"k": "v"}, "t", "h")


# -- enum values renamed in Python keep their proto names ------------------------------------------------


def test_enum_to_string_prints_the_proto_name_of_a_renamed_value(goldens: None) -> None:
    constant = module("keywords").Reserved.Constant
    assert [constant.enum_to_string(m.value) for m in constant] == [
        "None", "True", "False", "class", "name", "value", "mro", "real", "bit_length",
    ]  # fmt: skip
    assert constant.enum_to_string(99) == "99"
    assert [str(m) for m in constant] == [constant.enum_to_string(m.value) for m in constant]  # str agrees
    assert constant.string_to_enum("None") is constant.None_ and constant.string_to_enum("mro") is constant.mro_
    assert constant.string_to_enum("None_") is constant.None_  # the Python spelling still works
    with pytest.raises(ValueError, match="has no member named 'nothing'"):
        constant.string_to_enum("nothing")


def test_enum_without_renamed_values_is_unchanged(goldens: None) -> None:
    colour = module("collisions").Colour
    assert colour.enum_to_string(1) == "COLOUR_RED" and colour.string_to_enum("COLOUR_RED") is colour.COLOUR_RED


# -- services and extensions without a model ---------------------------------------------------------------


def test_each_service_and_extension_not_generated_is_reported(tmp_path: Path) -> None:
    printed = generate(FIXTURES_CONFIG, tmp_path)
    skipped = [line for line in printed.splitlines() if "not generated" in line]
    assert skipped == [
        "codegen: not generated: extension fixtures.extensions.unit of google.protobuf.FieldOptions"
        " (fixtures/extensions.proto); that message has no model here",
        "codegen: not generated: service fixtures.service.Pinger (fixtures/service.proto); services get no models",
    ]
