"""``codegen diff`` on extensions and wire encodings, from small .proto files compiled by protoc.

Each row of a table is an old and a new ``x/a.proto`` that differ in one way,
and every change the diff must report for it (kind, element, detail, breaks
wire, breaks API), and nothing else. The encodings the surface records are
checked against protobuf's own view of the same descriptors (a delimited field
loads as ``TYPE_GROUP``, ``is_packed``), and records of format 1, written
before extensions and encodings were recorded, still read and compare.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from google.protobuf import descriptor_pool
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.descriptor_pb2 import FileDescriptorProto

from codegen.errors import GenerateError
from codegen.inputs import sources
from codegen.inputs.config import Config, Source, load_config
from codegen.inputs.sources import Origin
from codegen.upgrade import diff, report, state
from codegen.upgrade.surface import Surface, surface
from tests.goldens.harness import EXPECTED, FIXTURES_CONFIG, REPO

PROTO2 = 'syntax = "proto2";\npackage x;\n'
PROTO3 = 'syntax = "proto3";\npackage x;\n'
EDITION = 'edition = "2023";\npackage x;\n'
TARGETS = "message Target { optional string name = 1; extensions 100 to 199; }\nmessage Other { extensions 1 to 9; }\n"
TARGET_2023 = "message Target { string name = 1; extensions 100 to 199; }\n"
POINT = "message Point { int32 x = 1; }\n"
OPTIONS = PROTO2 + 'import "google/protobuf/descriptor.proto";\n'
DROPS = "(a reader of one drops the other)"
READS = "(every parser reads both)"
TO_DELIMITED = f"length-prefixed → delimited {DROPS}"
TO_LENGTH_PREFIXED = f"delimited → length-prefixed {DROPS}"


class Compiler:
    """Compiles one ``x/a.proto`` per call, each in a directory of its own."""

    def __init__(self, root: Path) -> None:
        self.root, self.count = root, 0

    def files(self, text: str) -> list[FileDescriptorProto]:
        self.count += 1
        directory = self.root / str(self.count)
        (directory / "x").mkdir(parents=True)
        (directory / "x" / "a.proto").write_text(text, encoding="utf-8")
        return sources.from_proto_files((directory,), ("x/a.proto",))

    def surface(self, text: str) -> Surface:
        return surface(self.files(text), "x")


@pytest.fixture
def protoc(tmp_path: Path) -> Compiler:
    return Compiler(tmp_path)


def changes(old: Surface, new: Surface) -> list[tuple[str, str, str, bool, bool]]:
    return [(c.kind, c.element, c.detail, c.breaks_wire, c.breaks_api) for c in diff.compare(old, new)]


#: (why, old .proto, new .proto, expected changes)
EXTENSIONS = [
    ("an added extension breaks nothing", PROTO2 + TARGETS,
     PROTO2 + TARGETS + "extend Target { optional int32 priority = 100; }",
     [("extension added", "x.priority", "optional int32 = 100 of x.Target", False, False)]),
    ("a removed extension breaks the API (its handle): old bytes stay an unknown field",
     PROTO2 + TARGETS + "extend Target { optional int32 priority = 100; }", PROTO2 + TARGETS,
     [("extension removed", "x.priority", "optional int32 = 100 of x.Target", False, True)]),
    ("a renumbered extension breaks the wire",
     PROTO2 + TARGETS + "extend Target { optional int32 priority = 100; }",
     PROTO2 + TARGETS + "extend Target { optional int32 priority = 101; }",
     [("extension renumbered", "x.priority", "number 100 → 101 of x.Target", True, False)]),
    ("int32 -> int64 is one varint family",
     PROTO2 + TARGETS + "extend Target { optional int32 priority = 100; }",
     PROTO2 + TARGETS + "extend Target { optional int64 priority = 100; }",
     [("extension retyped", "x.priority", "optional int32 → optional int64 (= 100 of x.Target)", False, True)]),
    ("int32 -> string is not",
     PROTO2 + TARGETS + "extend Target { optional int32 priority = 100; }",
     PROTO2 + TARGETS + "extend Target { optional string priority = 100; }",
     [("extension retyped", "x.priority", "optional int32 → optional string (= 100 of x.Target)", True, True)]),
    ("a new name for the same number of the same message is a rename",
     PROTO2 + TARGETS + "extend Target { optional int32 priority = 100; }",
     PROTO2 + TARGETS + "extend Target { optional int32 rank = 100; }",
     [("extension renamed", "x.priority", "→ x.rank (optional int32 = 100 of x.Target)", False, True)]),
    ("declared in a message, then at file level: the handle moves",
     PROTO2 + TARGETS + "message Scope { extend Target { optional string label = 150; } }",
     PROTO2 + TARGETS + "message Scope {}\nextend Target { optional string label = 150; }",
     [("extension renamed", "x.Scope.label", "→ x.label (optional string = 150 of x.Target)", False, True)]),
    ("the number given to another name and type is reused",
     PROTO2 + TARGETS + "extend Target { optional int32 priority = 100; }",
     PROTO2 + TARGETS + "extend Target { optional string tag = 100; }",
     [("extension number reused", "x.priority",
       "100 of x.Target was optional int32 x.priority, is now optional string x.tag", True, True)]),
    ("an extension of another message breaks both",
     PROTO2 + TARGETS + "extend Target { optional int32 priority = 100; }",
     PROTO2 + TARGETS + "extend Other { optional int32 priority = 1; }",
     [("extension moved to another message", "x.priority",
       "optional int32 = 100 of x.Target → optional int32 = 1 of x.Other", True, True)]),
    ("a custom option has no handle: removing it breaks no API",
     OPTIONS + "extend google.protobuf.FieldOptions { optional string unit = 50001; }", OPTIONS,
     [("extension removed", "x.unit", "optional string = 50001 of google.protobuf.FieldOptions", False, False)]),
    ("a delimited extension breaks the wire",
     EDITION + TARGET_2023 + POINT + "extend Target { Point at = 100; }",
     EDITION + TARGET_2023 + POINT + "extend Target { Point at = 100 [features.message_encoding = DELIMITED]; }",
     [("extension encoding changed", "x.at", f"x.Point: {TO_DELIMITED}", True, False)]),
]  # fmt: skip

SHAPE = POINT + "message Shape { Point origin = 1; repeated Point corners = 2; }\n"
SHAPE_MAP = POINT + "message Shape { Point origin = 1; repeated Point corners = 2; map<string, Point> named = 3; }\n"
GROUP = "message Order { optional group Shipping = 2 { repeated string tags = 1; } }\n"
NESTED = "message Order { message Shipping { repeated string tags = 1; } optional Shipping shipping = 2; }\n"
IDS = "message M { repeated int32 ids = 1 %s; }"
P_AND_Q = "message P { Point p = 1; }\nmessage Q { Point p = 1 [features.message_encoding = DELIMITED]; }\n"
DELIMITED_2023 = "message Order { message Shipping { repeated string tags = 1; } Shipping shipping = 2 %s; }\n"

#: (why, old .proto, new .proto, expected changes)
ENCODINGS = [
    ("editions DELIMITED instead of LENGTH_PREFIXED breaks the wire, not the API", EDITION + SHAPE,
     EDITION + SHAPE.replace("origin = 1", "origin = 1 [features.message_encoding = DELIMITED]"),
     [("field encoding changed", "x.Shape.origin", f"x.Point: {TO_DELIMITED}", True, False)]),
    ("a file's DELIMITED reaches each message field of it (a map stays length-prefixed)",
     EDITION + SHAPE_MAP, EDITION + "option features.message_encoding = DELIMITED;\n" + SHAPE_MAP,
     [("field encoding changed", "x.Shape.corners", f"repeated x.Point: {TO_DELIMITED}", True, False),
      ("field encoding changed", "x.Shape.origin", f"x.Point: {TO_DELIMITED}", True, False)]),
    ("a proto2 group that becomes a message field of the same nested type is one wire change",
     PROTO2 + GROUP, PROTO2 + NESTED,
     [("field encoding changed", "x.Order.shipping", f"x.Order.Shipping: {TO_LENGTH_PREFIXED}", True, False)]),
    ("a proto2 group that becomes an editions DELIMITED field keeps its wire", PROTO2 + GROUP,
     EDITION + DELIMITED_2023 % "[features.message_encoding = DELIMITED]", []),
    ("... and without DELIMITED it does not", PROTO2 + GROUP, EDITION + DELIMITED_2023 % "",
     [("field encoding changed", "x.Order.shipping", f"x.Order.Shipping: {TO_LENGTH_PREFIXED}", True, False)]),
    ("proto3 [packed = false] is compatible: every parser reads both forms",
     PROTO3 + IDS % "", PROTO3 + IDS % "[packed = false]",
     [("field encoding changed", "x.M.ids", f"repeated int32: packed → expanded {READS}", False, False)]),
    ("proto2 [packed = true] too",
     PROTO2 + IDS % "", PROTO2 + IDS % "[packed = true]",
     [("field encoding changed", "x.M.ids", f"repeated int32: expanded → packed {READS}", False, False)]),
    ("editions' EXPANDED is the same fact", EDITION + "message M { repeated int32 ids = 1; }",
     EDITION + "option features.repeated_field_encoding = EXPANDED;\n" + "message M { repeated int32 ids = 1; }",
     [("field encoding changed", "x.M.ids", f"repeated int32: packed → expanded {READS}", False, False)]),
    ("a proto2 repeated string has no packing to change",
     PROTO2 + "message M { repeated string s = 1; }", PROTO3 + "message M { repeated string s = 1; }", []),
    ("a retyped message field whose new type writes a field delimited breaks the wire",
     EDITION + SHAPE + P_AND_Q + "message M { P f = 1; }", EDITION + SHAPE + P_AND_Q + "message M { Q f = 1; }",
     [("field retyped", "x.M.f", "x.P → x.Q", True, True)]),
    ("two groups at one number are compared field by field, as messages are",
     PROTO2 + "message P { optional group G = 1 { optional int32 v = 1; } }\n"
     "message Q { optional group G = 1 { optional string v = 1; } }\nmessage M { optional P f = 1; }",
     PROTO2 + "message P { optional group G = 1 { optional int32 v = 1; } }\n"
     "message Q { optional group G = 1 { optional string v = 1; } }\nmessage M { optional Q f = 1; }",
     [("field retyped", "x.M.f", "x.P → x.Q", True, True)]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("why", "old", "new", "expected"), EXTENSIONS + ENCODINGS, ids=[r[0] for r in EXTENSIONS + ENCODINGS]
)
def test_each_rule(protoc: Compiler, why: str, old: str, new: str, expected: list[tuple[str, ...]]) -> None:
    before, after = protoc.surface(old), protoc.surface(new)
    assert changes(before, after) == expected, why
    assert changes(before, before) == changes(after, after) == []


def test_the_report_names_the_element_and_what_changed(protoc: Compiler) -> None:
    old = protoc.surface(PROTO2 + TARGETS + GROUP + "extend Target { optional int32 priority = 100; }")
    new = protoc.surface(PROTO2 + TARGETS + NESTED + "extend Target { optional int32 priority = 101; }")
    assert report.text("v1", "v2", diff.compare(old, new)) == (
        "v1 → v2: 1 extension renumbered, 1 field encoding changed\n"
        "\n"
        "Breaks the wire format (2):\n"
        "  field encoding changed      x.Order.shipping"
        f"  [x.Order.Shipping: {TO_LENGTH_PREFIXED}]\n"
        "  extension renumbered        x.priority  [number 100 → 101 of x.Target]\n"
    )


# -- what the surface records ---------------------------------------------------------------------------


def test_extensions_are_recorded_with_their_scope(protoc: Compiler) -> None:
    found = protoc.surface(
        PROTO2 + TARGETS + "message Scope { extend Target { repeated int32 levels = 150; } }\n"
        "extend Target { optional group Entry = 110 { optional string key = 1; } }\n"
    )
    assert found.extensions is not None
    levels, entry = found.extensions["x.Scope.levels"], found.extensions["x.entry"]
    assert (levels.file, levels.extendee, levels.scope) == ("x/a.proto", "x.Target", "x.Scope")
    assert (levels.field.name, levels.field.describe(), levels.field.encoding) == (
        "levels",
        "repeated int32",
        "expanded",
    )
    assert (entry.scope, entry.field.wire, entry.field.encoding, entry.describe()) == (
        None,
        "group",
        "delimited",
        "x.Entry = 110 of x.Target",
    )
    assert "x.Entry" in found.messages  # a group's message is a message like any other


def fixture_files() -> list[FileDescriptorProto]:
    return sources.read(load_config(FIXTURES_CONFIG).source)


def protobufs_view(files: list[FileDescriptorProto], roots: tuple[str, ...]) -> Iterator[tuple[str, FieldDescriptor]]:
    """(full name, protobuf's loaded descriptor) of each field (not of a map entry) and extension under ``roots``."""
    pool = descriptor_pool.DescriptorPool()
    pending = list(files)
    while pending:  # each file after its imports
        ready = [file for file in pending if all(_loaded(pool, name) for name in file.dependency)]
        assert ready, "an import cycle"
        for file in ready:
            pool.Add(file)
            pending.remove(file)
    for file in files:
        if not file.name.startswith(roots):
            continue
        loaded = pool.FindFileByName(file.name)
        yield from ((x.full_name, x) for x in loaded.extensions_by_name.values())
        pending = list(loaded.message_types_by_name.values())
        while pending:
            message = pending.pop()
            if not message.GetOptions().map_entry:
                yield from ((f.full_name, f) for f in (*message.fields, *message.extensions))
                pending += message.nested_types


def _loaded(pool: descriptor_pool.DescriptorPool, name: str) -> bool:
    try:
        pool.FindFileByName(name)
    except KeyError:
        return False
    return True


#: Beside the fixtures: what they leave out (a file's EXPANDED, proto3's and proto2's explicit packing).
PACKING = [
    EDITION + "option features.repeated_field_encoding = EXPANDED;\n" + TARGET_2023 + POINT
    + "message S { repeated int32 a = 1; repeated int32 b = 2 [features.repeated_field_encoding = PACKED]; }\n"
    "extend Target { repeated int32 c = 100; Point d = 101 [features.message_encoding = DELIMITED]; }\n",
    PROTO3 + "message S { repeated int32 a = 1; repeated int32 b = 2 [packed = false]; repeated bool c = 3; }",
    PROTO2 + "message S { repeated int32 a = 1; repeated int32 b = 2 [packed = true]; repeated Kind c = 3; }\n"
    "enum Kind { K = 0; }",
]  # fmt: skip


def test_encodings_agree_with_protobuf(protoc: Compiler) -> None:
    """Every field and extension: delimited when protobuf loads it as TYPE_GROUP, packed when it is_packed."""
    checked = [_check_against_protobuf(fixture_files(), "fixtures")]
    checked += [_check_against_protobuf(protoc.files(text), "x") for text in PACKING]
    assert checked[0] > 200 and all(count >= 3 for count in checked)


def recorded_fields(files: list[FileDescriptorProto], root: str) -> dict[str, Any]:
    """Every field and extension the surface of ``files`` records, by full name."""
    found = surface(files, root)
    assert found.extensions is not None
    recorded = {name: x.field for name, x in found.extensions.items()}
    return recorded | {f"{name}.{f.name}": f for name, m in found.messages.items() for f in m.fields}


def _check_against_protobuf(files: list[FileDescriptorProto], root: str) -> int:
    recorded = recorded_fields(files, root)
    checked = 0
    for name, loaded in protobufs_view(files, (root + "/",)):
        shape = recorded[name]
        if shape.label == "map":
            continue
        if shape.encoding in ("delimited", "length-prefixed"):
            assert (shape.encoding == "delimited") == (loaded.type == FieldDescriptor.TYPE_GROUP), name
        else:
            assert (shape.encoding == "packed") == loaded.is_packed, name
        checked += 1
    return checked


def test_the_record_round_trips_extensions_and_encodings(tmp_path: Path) -> None:
    config = Config(source=Source(), proto_root="fixtures", package="fm", output=tmp_path)
    recorded = state.record(fixture_files(), config, Origin("fixtures", "1"))
    assert recorded.surface.extensions and "fixtures.extensions.Scope.label" in recorded.surface.extensions
    assert state.loads(state.dumps(recorded), "here") == recorded


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"format": 4}, "format 4, expected one of 1, 2, 3"),
        ({"extensions": None}, "AttributeError"),
        ({"messages": {"x.M": {"file": "f", "oneofs": [], "fields": [{"number": 1, "name": "a", "type": "int32",
                                                                   "label": "repeated", "encoding": "zipped"}]}}},
         "unknown field encoding 'zipped'"),
    ],
)  # fmt: skip
def test_a_malformed_record(tmp_path: Path, change: dict[str, Any], error: str) -> None:
    config = Config(source=Source(), proto_root="fixtures", package="fm", output=tmp_path)
    document = json.loads(state.dumps(state.record(fixture_files(), config, Origin())))
    with pytest.raises(GenerateError, match=f"^here: not a codegen IDL record .*{error}"):
        state.loads(json.dumps(document | change), "here")


# -- records of format 1 --------------------------------------------------------------------------------


def format_1(record: state.Record) -> str:
    """``record`` as the first release of this tool wrote it: no extensions, no ``encoding`` or ``presence`` keys."""
    document = json.loads(format_2(record))
    document["format"] = 1
    del document["extensions"]
    for message in document["messages"].values():
        for f in message["fields"]:
            f.pop("encoding", None)
    return json.dumps(document)


def format_2(record: state.Record) -> str:
    """``record`` as the release before presence wrote it: no ``presence`` keys."""
    document = json.loads(state.dumps(record))
    document["format"] = 2
    for shape in (*document["messages"].values(), {"fields": document["extensions"].values()}):
        for f in shape["fields"]:
            f.pop("presence", None)
    return json.dumps(document)


def old_record(protoc: Compiler, text: str) -> state.Record:
    config = Config(source=Source(), proto_root="x", package="xm", output=protoc.root)
    return state.loads(format_1(state.record(protoc.files(text), config, Origin("xidl", "1"))), "old.idl.json")


def test_a_record_of_format_1_reads_and_compares_what_it_has(protoc: Compiler) -> None:
    text = EDITION + SHAPE.replace("origin = 1", "origin = 1 [features.message_encoding = DELIMITED]")
    old = old_record(protoc, text + TARGET_2023 + "extend Target { int32 n = 100; }")
    assert old.surface.extensions is None
    assert old.surface.messages["x.Shape"].by_name()["origin"].encoding is None  # not known
    new = protoc.surface(text + TARGET_2023 + "extend Target { int64 n = 101; }")
    assert diff.compare(old.surface, new) == []  # the DELIMITED field it did not record is no change
    notes = report.notes(old.label(), "installed", old.surface, new)
    assert notes == [
        "xidl 1 is a record of format 1, from before extensions, wire encodings and field presence were recorded: "
        "they are not compared (but a group's encoding is, and a proto3 `optional` added or removed shows as a "
        "retyped field)"
    ]
    assert "\nNote: xidl 1 is a record of format 1, " in report.text(old.label(), "installed", [], notes)
    assert "\n> Note: xidl 1 is a record of format 1, " in report.markdown(old.label(), "installed", [], notes)
    assert report.notes("a", "b", new, new) == []


@pytest.mark.parametrize(
    ("old", "new"), [(PROTO2 + GROUP, PROTO2 + NESTED), (PROTO2 + NESTED, PROTO2 + GROUP)], ids=["group", "message"]
)
def test_a_group_against_a_record_of_format_1(protoc: Compiler, old: str, new: str) -> None:
    """Format 1 recorded a group's wire type, so a group that became a message field (or back) is still found."""
    found = changes(old_record(protoc, old).surface, protoc.surface(new))
    assert [(kind, element, wire, api) for kind, element, _, wire, api in found] == [
        ("field encoding changed", "x.Order.shipping", True, False)
    ]
    assert changes(old_record(protoc, old).surface, protoc.surface(old)) == []


def test_the_committed_records_read_in_every_format() -> None:
    """What an upgrade compares: today's records, and the same ones as formats 1 and 2 wrote them.

    The fixtures' record is among them: its editions fields, explicit where
    format 2 wrote no presence, are no change against it.
    """
    paths = sorted((REPO / "generated").glob("*.idl.json")) + sorted(EXPECTED.glob("*.idl.json"))
    assert len(paths) == 4
    for path in paths:
        recorded = state.loads(path.read_text(encoding="utf-8"), str(path))
        assert recorded.surface.extensions is not None and recorded.surface.knows_presence
        for older in (format_1(recorded), format_2(recorded)):
            before = state.loads(older, str(path))
            assert diff.compare(before.surface, recorded.surface) == []
            assert diff.compare(recorded.surface, before.surface) == []


#: A record as the previous release of this tool wrote it (format 1): a group has its wire type, nothing more.
FORMAT_1 = """{
  "_note": "@generated by codegen: the IDL this package was generated from. DO NOT EDIT.",
  "format": 1, "distribution": "xidl", "version": "1.0", "proto_root": "x", "package": "xm", "digest": "sha256:0",
  "files": {"x/a.proto": "x"},
  "messages": {
    "x.Order": {"file": "x/a.proto", "oneofs": [], "fields": [
      {"number": 2, "name": "shipping", "type": "x.Order.Shipping", "wire": "group"},
      {"number": 3, "name": "ids", "type": "int32", "label": "repeated"}
    ]},
    "x.Order.Shipping": {"file": "x/a.proto", "oneofs": [], "fields": [
      {"number": 1, "name": "tags", "type": "string", "label": "repeated"}
    ]}
  },
  "enums": {}
}
"""


def test_a_record_written_by_format_1(protoc: Compiler) -> None:
    """Its group became a message field (reported); its proto2 ids were expanded, which it did not say (not)."""
    old = state.loads(FORMAT_1, "old.idl.json")
    new = protoc.surface(PROTO2 + NESTED.replace("shipping = 2;", "shipping = 2; repeated int32 ids = 3;"))
    assert changes(old.surface, new) == [
        ("field encoding changed", "x.Order.shipping", f"x.Order.Shipping: {TO_LENGTH_PREFIXED}", True, False)
    ]
    assert new.messages["x.Order"].by_name()["ids"].encoding == "expanded"
