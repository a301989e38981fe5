"""The golden compatibility family (``goldencompat``, from ``protos/fixtures/compat_table.toml``) at run time.

Each test exercises the table option its entry stands for, on the generated code
imported over _pb2 modules protoc writes now.
"""

from __future__ import annotations

import datetime
import importlib
import pickle
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.goldens.harness import importable_goldens


@pytest.fixture(scope="module")
def family(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with importable_goldens(tmp_path_factory.mktemp("pb2")):
        yield importlib.import_module("goldencompat")


def module(name: str) -> Any:
    return importlib.import_module(f"goldencompat.{name}")


def test_the_package_imports_what_the_table_says(family: ModuleType) -> None:
    assert family.maps.Maps and family.choices.Choice  # imported by the package, as `imports` lists
    assert module("maps").Choice is module("choices").Choice  # a family re-export
    assert module("maps").dumps.__module__ == "json"  # an outside re-export


def test_renamed_parameter_and_attribute_and_if_none(family: ModuleType) -> None:
    maps = module("maps")
    built = maps.Maps({"a": "b"})
    assert built.messages == {} and built._by_name == {}  # if_none, stored under the table's attribute
    built._by_name["k"] = maps.Entry("note")  # a mutation flytekit-style code makes
    pb = built.to_flyte_idl()
    assert pb.string_to_message["k"].note == "note" and dict(pb.string_to_string) == {"a": "b"}
    held = maps.Maps.from_flyte_idl(pb)
    assert held.messages["k"].note == "note" and maps.Maps.DEFAULT_SIZE == 3


def test_holders_and_setters(family: ModuleType) -> None:
    maps = module("maps")
    assert maps.Level.enum_to_string(1) == "HIGH" and maps.Level.enum_to_string(7) == "<UNKNOWN>"
    entry = maps.Entry("a")
    entry.note = "b"
    assert entry.to_flyte_idl().note == "b"


def test_oneof_members_enum_fields_and_keyword_only_extras(family: ModuleType) -> None:
    choices = module("choices")
    choice = choices.Choice("label", mode=choices.Choice.Mode.FAST, tags=["t"])
    pb = choice.to_flyte_idl()
    assert pb.WhichOneof("value") == "mode" and list(pb.tags) == ["t"]
    held = choices.Choice.from_flyte_idl(pb)
    assert held.mode is choices.Choice.Mode.FAST and held.number is None and held.word is None
    assert choices.Choice.from_flyte_idl(type(pb)()).label is None  # empty_is_none


def test_dataclass_style(family: ModuleType) -> None:
    wellknown = module("wellknown")
    when = datetime.datetime(2024, 1, 2, tzinfo=datetime.UTC)
    three = datetime.timedelta(seconds=3)
    value = wellknown.WellKnown(timestamp=when, duration=three, struct={"a": 1}, bool_value=True)
    held = wellknown.WellKnown.from_flyte_idl(value.to_flyte_idl())
    assert held == value  # a dataclass compares its fields
    assert (held.timestamp, held.struct, held.bool_value) == (when, {"a": 1.0}, True)
    with pytest.raises(TypeError):
        hash(value)  # a mutable dataclass, as flytekit's are


def test_nested_classes_and_empty_unset_messages(family: ModuleType) -> None:
    nesting = module("nesting")
    inner = nesting.Outer.Middle.Inner("n")
    outer = nesting.Outer(nesting.Outer.Middle(inner, [inner]))
    held = nesting.Outer.from_flyte_idl(outer.to_flyte_idl())
    assert held.middle.inners[0].name == "n"
    empty = nesting.Outer.from_flyte_idl(type(outer.to_flyte_idl())())
    assert isinstance(empty.middle, nesting.Outer.Middle)  # unset = "empty"
    assert not empty.to_flyte_idl().HasField("middle")  # and reading it does not set it


def test_a_pb2_module_at_a_keyword_path_is_imported_by_name(family: ModuleType) -> None:
    """``fixtures/async/class.proto``: ``from fixtures.async import class_pb2`` is not valid Python."""
    awaiting = module("awaiting")
    pb2 = importlib.import_module("fixtures.async.class_pb2")
    assert awaiting.Awaited._PB is pb2.Awaited
    built = awaiting.Awaited("outer", awaiting.Awaited("inner"), mode=1)
    pb = built.to_flyte_idl()
    assert (pb.name, pb.next.name, pb.mode) == ("outer", "inner", 1)
    held = awaiting.Awaited.from_flyte_idl(pb)
    assert type(held.next) is awaiting.Awaited and held.next.name == "inner" and held.next.next is None
    assert held == built and held.mode == 1


def test_fields_named_like_the_familys_members_live_clear_of_them(family: ModuleType) -> None:
    """``members:Stored``: ``PB``, ``fm_pb``, ``SHAPES``, ``fm_read`` would overwrite ``_PB``, ``_fm_pb``...

    Their attributes are ``_PB_`` and so on; the class's own members stay what the runtime reads.
    """
    members = module("members")
    stored, child = members.Stored, members.Child
    pb2 = importlib.import_module("fixtures.runtime_members_pb2")
    extras = {"EAGER": "e", "fm_public": "u", "FM_UNREAD": "r", "fm_write_values": "w", "to_flyte_idl_": "t"}
    built = stored("p", "f", {"k": "v"}, child(3), **extras, _hidden="h", short_class_string_="s")
    assert (built._PB_, built._fm_pb_, built._SHAPES_, built._fm_read_.size) == ("p", "f", {"k": "v"}, 3)
    assert vars(built)["__hidden___"] == "h" and built._hidden == "h"  # not __hidden, which Python mangles
    assert built._fm_pb is None and stored._PB is pb2.Stored and stored._EAGER is False  # the runtime's own
    assert set(stored._SHAPES) >= {"_PB_", "_fm_pb_", "_SHAPES_", "_fm_read_", "__hidden___"}
    pb = built.to_flyte_idl()
    written = (pb.PB, pb.fm_pb, dict(pb.SHAPES), pb.fm_read.size, pb.EAGER, pb.fm_public, pb.FM_UNREAD)
    assert written == ("p", "f", {"k": "v"}, 3, "e", "u", "r")
    assert (pb.fm_write_values, pb.to_flyte_idl, pb._hidden, pb.short_class_string) == ("w", "t", "h", "s")

    held = stored.from_flyte_idl(pb)
    assert type(held)._FM_UNREAD and held.to_flyte_idl() == pb  # unread: its message, as read
    assert stored.from_flyte_idl(pb).to_flyte_idl() == pb
    assert held == built and hash(held) == hash(stored.from_flyte_idl(pb))
    read = (held.PB, held.fm_pb, held.SHAPES, held.fm_read.size, held.EAGER, held.fm_public, held.FM_UNREAD)
    assert read == written and type(held) is stored and type(held.fm_read) is child  # converted on first read
    assert (held.fm_write_values, held.to_flyte_idl_, held._hidden, held.short_class_string_) == ("w", "t", "h", "s")
    assert held.to_flyte_idl() == pb  # converted, written from its attributes
    held.PB = "q"  # a setter the table names
    assert held.to_flyte_idl().PB == "q" and built.to_flyte_idl().PB == "p"
    assert repr(stored) == "<class 'goldencompat.members.Stored'>"  # FlyteType's repr calls short_class_string
    assert pickle.loads(pickle.dumps(stored.from_flyte_idl(pb))) == built


def test_fields_named_like_protobufs_own_members(family: ModuleType) -> None:
    """``hidden:Hidden``: a field hides protobuf's member of its name on the message's instances, not on its
    class; the family calls protobuf's methods through the class (``SerializeToString``, ``ByteSize``, ``Clear``).
    """
    hidden, holder = module("hidden").Hidden, module("hidden").Holder
    pb2 = importlib.import_module("fixtures.protobuf_members_pb2")
    built = hidden(3, True, "s", IsInitialized="i", __eq___="e")
    pb = built.to_flyte_idl()
    assert (pb.ByteSize, pb.Clear, pb.SerializeToString, pb.IsInitialized, pb.__eq__) == (3, True, "s", "i", "e")
    assert built.serialize_to_string() == pb2.Hidden.SerializeToString(pb) and not built.is_empty
    held = hidden.from_flyte_idl(pb)
    assert held == built and hash(held) == hash(built) and not held.is_empty and "ByteSize: 3" in str(held)
    assert (held.ByteSize, held.Clear, held.SerializeToString, held.IsInitialized) == (3, True, "s", "i")
    assert pickle.loads(pickle.dumps(held)) == built and hidden.from_flyte_idl(pb2.Hidden()).is_empty
    held.Clear = False  # a setter the table names
    assert held.to_flyte_idl().Clear is False and held.serialize_to_string() != built.serialize_to_string()
    partial = hidden(3, True, "s", IsInitialized="i")
    del partial._IsInitialized  # the inline writer gives up, clears its target and leaves it to the generic one
    assert partial.to_flyte_idl() == pb2.Hidden(ByteSize=3, Clear=True, SerializeToString="s")
    parent = holder(built, [built], {"k": held})
    again = holder.from_flyte_idl(parent.to_flyte_idl())
    assert again == parent and again.one == built and again.by_key["k"].Clear is False
    assert holder.from_flyte_idl(pb2.Holder(one=pb2.Hidden())).one is None  # empty_is_none asks for ByteSize
