"""``codegen diff`` on field presence, from small .proto files compiled by protoc.

Each row of a table is an old and a new ``x/a.proto`` that differ in one way,
and every change the diff must report for it (kind, element, detail, breaks
wire, breaks API), and nothing else. The presence the surface records is
checked against protobuf's own view of the same descriptors (``has_presence``,
``is_required``), and records of formats 1 and 2, written before presence was
recorded, still read and compare without reporting it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from google.protobuf.descriptor_pb2 import FileDescriptorProto

from codegen.errors import GenerateError
from codegen.inputs.config import Config, Source
from codegen.inputs.sources import Origin
from codegen.upgrade import diff, presence, report, state
from codegen.upgrade.surface import Surface
from tests.test_idl_diff_wire import (
    EDITION,
    PROTO2,
    PROTO3,
    Compiler,
    changes,
    fixture_files,
    format_1,
    format_2,
    protobufs_view,
    recorded_fields,
)

#: Writes a record as an earlier release of this tool did.
Writer = Callable[[state.Record], str]

EDITION_2024 = 'edition = "2024";\npackage x;\n'
FILE_IMPLICIT = "option features.field_presence = IMPLICIT;\n"
IMPLICIT = "[features.field_presence = IMPLICIT]"
REQUIRED = "[features.field_presence = LEGACY_REQUIRED]"
N = "message M { %s n = 1; }\n"  # one field, spelled per syntax: N % "optional int32"

TO_EXPLICIT = "now reads None while unset"
TO_IMPLICIT = "now reads its default while unset"
ZERO = "wire: implicit presence does not write a zero, which a reader with presence sees as unset"
REJECTED = "a peer that requires it rejects a message without it"


def presence_changed(field: str, before: str, after: str, *effects: str, wire: bool, api: bool) -> tuple[object, ...]:
    """The expected ``field presence changed`` of ``x.M.n`` (or ``field``), ``field`` being its type as described."""
    name, _, described = field.partition(":")
    detail = f"{described} in x/a.proto: {before} → {after} presence ({'; '.join(effects)})"
    return ("field presence changed", f"x.M.{name}", detail, wire, api)


#: (why, old .proto, new .proto, expected changes)
CHANGES = [
    ("proto3 `optional` added: the property gains None; the wire keeps", PROTO3 + N % "int32",
     PROTO3 + N % "optional int32",
     [presence_changed("n:optional int32", "implicit", "explicit", TO_EXPLICIT, ZERO, wire=False, api=True)]),
    ("proto3 `optional` removed", PROTO3 + N % "optional string", PROTO3 + N % "string",
     [presence_changed("n:string", "explicit", "implicit", TO_IMPLICIT, ZERO, wire=False, api=True)]),
    ("an editions field set to IMPLICIT", EDITION + N % "int32", EDITION + N.replace("1;", f"1 {IMPLICIT};") % "int32",
     [presence_changed("n:int32", "explicit", "implicit", TO_IMPLICIT, ZERO, wire=False, api=True)]),
    ("a file's IMPLICIT reaches its scalars; not a message field, a oneof member, a field set EXPLICIT",
     EDITION + "message M { int32 n = 1; M m = 2; oneof o { int32 c = 3; } "
     "int32 e = 4 [features.field_presence = EXPLICIT]; Kind k = 5; repeated int32 r = 6; }\nenum Kind { K = 0; }\n",
     EDITION + FILE_IMPLICIT + "message M { int32 n = 1; M m = 2; oneof o { int32 c = 3; } "
     "int32 e = 4 [features.field_presence = EXPLICIT]; Kind k = 5; repeated int32 r = 6; }\nenum Kind { K = 0; }\n",
     [presence_changed("k:x.Kind", "explicit", "implicit", TO_IMPLICIT, ZERO, wire=False, api=True),
      presence_changed("n:int32", "explicit", "implicit", TO_IMPLICIT, ZERO, wire=False, api=True)]),
    ("a proto2 file that becomes proto3: its scalars lose presence, its message fields and packing keep",
     PROTO2 + "message M { optional int32 n = 1; optional M m = 2; repeated int32 r = 3 [packed = true]; }",
     PROTO3 + "message M { int32 n = 1; M m = 2; repeated int32 r = 3; }",
     [presence_changed("n:int32", "explicit", "implicit", TO_IMPLICIT, ZERO, wire=False, api=True)]),
    ("a proto2 file that becomes editions keeps every presence: its `optional` labels are no change",
     PROTO2 + "message M { optional int32 n = 1; required string s = 2; optional M m = 3; }",
     EDITION + f"message M {{ int32 n = 1; string s = 2 {REQUIRED}; M m = 3; }}", []),
    ("edition 2024 defaults to explicit presence as 2023 does",
     EDITION + N % "int32" + "message P { int32 q = 1 " + IMPLICIT + "; }",
     EDITION_2024 + N % "int32" + "message P { int32 q = 1 " + IMPLICIT + "; }", []),
    ("a message field always has presence: proto3 `optional` on it is no change", PROTO3 + N % "M",
     PROTO3 + N % "optional M", []),
    ("proto2 `required`: a constructor refuses to leave it unset, and a peer rejects a message without it",
     PROTO2 + N % "optional int32", PROTO2 + N % "required int32",
     [presence_changed("n:required int32", "explicit", "required", "a constructor refuses to leave it unset",
                       REJECTED, wire=True, api=True)]),
    ("no longer required: the property was already typed with None, but old peers still reject",
     PROTO2 + N % "required int32", PROTO2 + N % "optional int32",
     [presence_changed("n:optional int32", "required", "explicit", "a constructor may leave it unset", REJECTED,
                       wire=True, api=False)]),
    ("LEGACY_REQUIRED on an editions message field", EDITION + N % "M",
     EDITION + N.replace("1;", f"1 {REQUIRED};") % "M",
     [presence_changed("n:required x.M", "explicit", "required", "a constructor refuses to leave it unset",
                       REJECTED, wire=True, api=True)]),
    ("LEGACY_REQUIRED to IMPLICIT: the property loses None too", EDITION + N.replace("1;", f"1 {REQUIRED};") % "int32",
     EDITION + N.replace("1;", f"1 {IMPLICIT};") % "int32",
     [presence_changed("n:int32", "required", "implicit", TO_IMPLICIT, "a constructor may leave it unset", REJECTED,
                       wire=True, api=True)]),
    ("a field moved into a oneof gains presence too", PROTO3 + N % "int32",
     PROTO3 + "message M { oneof o { int32 n = 1; } }",
     [("field moved between oneofs", "x.M.n", "oneof (none) → o", False, True),
      presence_changed("n:int32", "implicit", "explicit", TO_EXPLICIT, ZERO, wire=False, api=True),
      ("oneof added", "x.M.o", "", False, False)]),
    ("a required field added: old writers never send it", PROTO2 + N % "optional int32",
     PROTO2 + "message M { optional int32 n = 1; required int32 k = 2; }",
     [("field added", "x.M.k", f"required int32 ({REJECTED})", True, True)]),
    ("a required field removed: new writers never send it",
     PROTO2 + "message M { optional int32 n = 1; required int32 k = 2; }", PROTO2 + N % "optional int32",
     [("field removed", "x.M.k", f"required int32 ({REJECTED})", True, True)]),
    ("retyped and given implicit presence: one line", EDITION + N % "int32",
     EDITION + N.replace("1;", f"1 {IMPLICIT};") % "int64",
     [("field retyped", "x.M.n", "int32 → int64, explicit → implicit presence", False, True)]),
    ("bool to BoolValue gains presence with the type: the retype says it",
     PROTO3 + 'import "google/protobuf/wrappers.proto";\n' + N % "bool",
     PROTO3 + 'import "google/protobuf/wrappers.proto";\n' + N % "google.protobuf.BoolValue",
     [("field retyped", "x.M.n", "bool → google.protobuf.BoolValue", True, True)]),
    ("renumbered and given presence", PROTO3 + N % "int32", PROTO3 + "message M { optional int32 n = 2; }",
     [("field renumbered", "x.M.n", "number 1 → 2, implicit → explicit presence", True, True)]),
    ("a message field retyped to one with a required field the old one lacks breaks the wire",
     PROTO2 + "message P { optional int32 v = 1; }\nmessage Q { optional int32 v = 1; required int32 w = 2; }\n"
     "message M { optional P f = 1; }",
     PROTO2 + "message P { optional int32 v = 1; }\nmessage Q { optional int32 v = 1; required int32 w = 2; }\n"
     "message M { optional Q f = 1; }",
     [("field retyped", "x.M.f", "x.P → x.Q", True, True)]),
    ("... and to one whose field is no longer required, too",
     PROTO2 + "message P { required int32 v = 1; }\nmessage Q { optional int32 v = 1; }\n" + N % "optional P",
     PROTO2 + "message P { required int32 v = 1; }\nmessage Q { optional int32 v = 1; }\n" + N % "optional Q",
     [("field retyped", "x.M.n", "x.P → x.Q", True, True)]),
    ("... while presence alone keeps it", PROTO3 + "message P { int32 v = 1; }\nmessage Q { optional int64 v = 1; }\n"
     "message M { P f = 1; }",
     PROTO3 + "message P { int32 v = 1; }\nmessage Q { optional int64 v = 1; }\nmessage M { Q f = 1; }",
     [("field retyped", "x.M.f", "x.P → x.Q", False, True)]),
]  # fmt: skip


@pytest.fixture
def protoc(tmp_path: Path) -> Compiler:
    return Compiler(tmp_path)


@pytest.mark.parametrize(("why", "old", "new", "expected"), CHANGES, ids=[row[0] for row in CHANGES])
def test_each_rule(protoc: Compiler, why: str, old: str, new: str, expected: list[tuple[object, ...]]) -> None:
    before, after = protoc.surface(old), protoc.surface(new)
    assert changes(before, after) == expected, why
    assert changes(before, before) == changes(after, after) == []


def test_the_report_line(protoc: Compiler) -> None:
    """One line per field: the kind, the field's full name, its type and file, old → new, and what that does."""
    old = protoc.surface(EDITION + N % "int32")
    new = protoc.surface(EDITION + FILE_IMPLICIT + N % "int32")
    assert report.text("v1", "v2", diff.compare(old, new)) == (
        "v1 → v2: 1 field presence changed\n"
        "\n"
        "Breaks the Python API (1):\n"
        "  field presence changed      x.M.n  [int32 in x/a.proto: explicit → implicit presence "
        f"({TO_IMPLICIT}; {ZERO})]\n"
    )


# -- what the surface records ---------------------------------------------------------------------------

#: Beside the fixtures: each way protobuf decides presence, in each syntax and edition.
CASES = [
    PROTO2 + "message M { optional int32 a = 1; required int32 b = 2; optional M m = 3; required M rm = 4; "
    "repeated int32 r = 5; oneof o { int32 c = 6; } optional group G = 7 { optional int32 v = 1; } "
    "map<string, int32> mp = 8; extensions 100 to 199; }\n"
    "extend M { optional int32 e = 100; repeated int32 er = 101; optional M em = 102; }\n",
    PROTO3 + 'import "google/protobuf/descriptor.proto";\n'
    "message M { int32 a = 1; optional int32 b = 2; M m = 3; optional M om = 4; oneof o { int32 c = 5; } "
    "repeated int32 r = 6; map<string, int32> mp = 7; Color col = 8; optional Color ocol = 9; bytes by = 10; }\n"
    "enum Color { RED = 0; }\nextend google.protobuf.FieldOptions { string unit = 50001; }\n",
    EDITION + f"message M {{ int32 a = 1; int32 b = 2 {IMPLICIT}; int32 c = 3 {REQUIRED}; M m = 4; "
    f"M d = 5 [features.message_encoding = DELIMITED]; oneof o {{ int32 e = 6; }} repeated int32 r = 7; "
    f"Color col = 8; Color icol = 9 {IMPLICIT}; M rm = 10 {REQUIRED}; extensions 100 to 199; }}\n"
    "enum Color { RED = 0; }\nextend M { int32 x = 100; M xm = 101; }\n",
    EDITION + FILE_IMPLICIT + f"message M {{ int32 a = 1; int32 b = 2 [features.field_presence = EXPLICIT]; "
    f"int32 c = 3 {REQUIRED}; M m = 4; oneof o {{ int32 e = 6; }} string s = 7; extensions 100 to 199; }}\n"
    "extend M { int32 x = 100; }\n",
    EDITION_2024 + f"message M {{ int32 a = 1; int32 b = 2 {IMPLICIT}; }}\n",
]  # fmt: skip


def test_presence_agrees_with_protobuf(protoc: Compiler) -> None:
    """Every field and extension: presence when protobuf's loaded descriptor has_presence, required when is_required."""
    checked = [_check_against_protobuf(fixture_files(), "fixtures")]
    checked += [_check_against_protobuf(protoc.files(text), "x") for text in CASES]
    assert checked[0] > 200 and all(count >= 7 for count in checked[1:-1]) and checked[-1] == 2


def _check_against_protobuf(files: list[FileDescriptorProto], root: str) -> int:
    recorded = recorded_fields(files, root)
    checked = 0
    for name, loaded in protobufs_view(files, (root + "/",)):
        shape = recorded[name]
        assert (shape.presence is None) == loaded.is_repeated, name
        assert (shape.presence in presence.TRACKED) == loaded.has_presence, name
        assert (shape.presence == presence.REQUIRED) == loaded.is_required, name
        checked += 1
    return checked


def test_the_record_writes_presence_only_where_its_other_facts_do_not_say_it(protoc: Compiler) -> None:
    """Explicit editions scalars and required fields; no proto3 or proto2 `optional` field, no message field."""
    config = Config(source=Source(), proto_root="x", package="xm", output=protoc.root)
    for text, written in [
        (CASES[0], {"b": "required", "rm": "required"}),
        (CASES[1], {}),
        (CASES[2], {"a": "explicit", "c": "required", "col": "explicit", "rm": "required"}),
        (CASES[3], {"b": "explicit", "c": "required"}),
    ]:
        recorded = state.record(protoc.files(text), config, Origin("xidl", "1"))
        document = json.loads(state.dumps(recorded))
        fields = document["messages"]["x.M"]["fields"]
        assert {f["name"]: f["presence"] for f in fields if "presence" in f} == written
        assert not any("presence" in x for x in document["extensions"].values())
        assert state.loads(state.dumps(recorded), "here") == recorded


def test_a_malformed_presence(protoc: Compiler) -> None:
    config = Config(source=Source(), proto_root="x", package="xm", output=protoc.root)
    document = json.loads(state.dumps(state.record(protoc.files(PROTO3 + N % "int32"), config, Origin())))
    document["messages"]["x.M"]["fields"][0]["presence"] = "sometimes"
    with pytest.raises(GenerateError, match=r"^here: not a codegen IDL record .*unknown field presence 'sometimes'"):
        state.loads(json.dumps(document), "here")


# -- records of formats 1 and 2 -------------------------------------------------------------------------


def recorded(protoc: Compiler, text: str) -> state.Record:
    config = Config(source=Source(), proto_root="x", package="xm", output=protoc.root)
    return state.record(protoc.files(text), config, Origin("xidl", "1"))


def older(protoc: Compiler, text: str, written_by: Writer) -> Surface:
    """The surface of ``text`` as a record of an earlier format (``format_1``, ``format_2``) reads back."""
    return state.loads(written_by(recorded(protoc, text)), "old.idl.json").surface


EDITIONS_TREE = (
    EDITION + f"message M {{ int32 a = 1; string s = 2; int32 i = 3 {IMPLICIT}; int32 q = 4 {REQUIRED}; M m = 5; }}\n"
)


@pytest.mark.parametrize("written_by", [format_1, format_2], ids=["format 1", "format 2"])
def test_an_unchanged_editions_tree_against_an_older_record(protoc: Compiler, written_by: Writer) -> None:
    """Its explicit fields (``single`` labels, as every format writes them) are no change; presence is not compared."""
    old = older(protoc, EDITIONS_TREE, written_by)
    assert not old.knows_presence and {f.presence for f in old.messages["x.M"].fields} == {None}
    new = protoc.surface(EDITIONS_TREE)
    assert diff.compare(old, new) == diff.compare(new, old) == []
    # A presence that did change is not seen either: such a record cannot say what it was.
    assert diff.compare(old, protoc.surface(EDITION + FILE_IMPLICIT + EDITIONS_TREE.removeprefix(EDITION))) == []


def test_the_note_on_a_record_of_format_2(protoc: Compiler) -> None:
    old, new = older(protoc, EDITIONS_TREE, format_2), protoc.surface(EDITIONS_TREE)
    note = (
        "xidl 1 is a record of format 2, from before field presence was recorded: it is not compared "
        "(a proto3 `optional` added or removed shows as a retyped field)"
    )
    assert report.notes("xidl 1", "installed", old, new) == [note]
    assert report.notes("installed", "xidl 1", new, old) == [note]
    assert f"\nNote: {note}.\n" in report.text("xidl 1", "installed", [], [note])
    assert report.notes("a", "b", new, new) == []


@pytest.mark.parametrize("written_by", [format_1, format_2], ids=["format 1", "format 2"])
def test_proto3_optional_against_an_older_record_is_a_retype_as_before(protoc: Compiler, written_by: Writer) -> None:
    """Such a record's labels still say it, so the change is reported as those formats did."""
    old = older(protoc, PROTO3 + N % "int32", written_by)
    assert changes(old, protoc.surface(PROTO3 + N % "optional int32")) == [
        ("field retyped", "x.M.n", "int32 → optional int32", False, True)
    ]


POINT_AT = "message Point { int32 x = 1; }\nmessage %s { Point at = 1; int32 n = 2; }\n"


@pytest.mark.parametrize("written_by", [format_1, format_2], ids=["format 1", "format 2"])
def test_a_renamed_message_against_an_older_record(protoc: Compiler, written_by: Writer) -> None:
    """The fields compare alike but for what the record does not say (a message field's encoding, presence)."""
    old = older(protoc, PROTO3 + POINT_AT % "Place", written_by)
    assert changes(old, protoc.surface(PROTO3 + POINT_AT % "Spot")) == [
        ("message renamed", "x.Place", "→ x.Spot (same fields and numbers)", False, True)
    ]
