"""``codegen diff``: the surface of an IDL, the change rules, the report, the record, and reading wheels.

Each change rule of ``codegen.upgrade.diff`` is one row of a table: an old and a new
surface that differ in one way, and the change (kind, element, wire/API
breakage) the diff must report for it, and nothing else.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from google.protobuf import descriptor_pb2, text_format

from codegen.errors import GenerateError
from codegen.inputs import pb2files
from codegen.inputs.config import Config, Source
from codegen.inputs.sources import Origin
from codegen.upgrade import diff, report, state, surface
from codegen.upgrade.surface import EnumShape, FieldShape, MessageShape, Surface

FILE = "x/a.proto"


def field(name: str, number: int, kind: str = "string", **options: str | None) -> FieldShape:
    wire = options.pop("wire", None) or ("message" if kind[0].isupper() or "." in kind else kind)
    return FieldShape(name, number, kind, wire, options.pop("label", None) or "single", **options)  # type: ignore[arg-type]


def message(*fields: FieldShape, oneofs: tuple[str, ...] = (), file: str = FILE) -> MessageShape:
    return MessageShape(file, fields, oneofs)


def idl(messages: dict[str, MessageShape] | None = None, enums: dict[str, EnumShape] | None = None) -> Surface:
    return Surface(messages or {}, enums or {}, {FILE: "x", "x/b.proto": "x"})


def changes(old: Surface, new: Surface) -> list[tuple[str, str, bool, bool]]:
    return [(c.kind, c.element, c.breaks_wire, c.breaks_api) for c in diff.compare(old, new)]


M = "x.M"
BASE = message(field("a", 1), field("b", 2, "int32"))
COLOR = EnumShape(FILE, (("RED", 0), ("GREEN", 1)))

#: (why, old, new, expected changes)
RULES = [
    ("a new field breaks nothing", idl({M: BASE}), idl({M: message(*BASE.fields, field("c", 3))}),
     [("field added", "x.M.c", False, False)]),
    ("a removed field breaks the API only: the model keeps it as an unknown field",
     idl({M: BASE}), idl({M: message(field("a", 1))}), [("field removed", "x.M.b", False, True)]),
    ("a renamed field keeps its number: the wire is safe", idl({M: BASE}),
     idl({M: message(field("a", 1), field("bee", 2, "int32"))}), [("field renamed", "x.M.b", False, True)]),
    ("int32 -> int64 is one varint family", idl({M: BASE}),
     idl({M: message(field("a", 1), field("b", 2, "int64"))}), [("field retyped", "x.M.b", False, True)]),
    ("int32 -> string changes the encoding", idl({M: BASE}),
     idl({M: message(field("a", 1), field("b", 2, "string"))}), [("field retyped", "x.M.b", True, True)]),
    ("gaining proto3 optional keeps the wire", idl({M: BASE}),
     idl({M: message(field("a", 1), field("b", 2, "int32", label="optional"))}),
     [("field retyped", "x.M.b", False, True)]),
    ("singular -> repeated does not", idl({M: BASE}),
     idl({M: message(field("a", 1), field("b", 2, "int32", label="repeated"))}),
     [("field retyped", "x.M.b", True, True)]),
    ("a number given to another field and type is reused", idl({M: BASE}),
     idl({M: message(field("a", 1), field("z", 2, "bytes"))}), [("field number reused", "x.M.b", True, True)]),
    ("a renumbered field breaks the wire", idl({M: BASE}),
     idl({M: message(field("a", 1), field("b", 7, "int32"))}), [("field renumbered", "x.M.b", True, False)]),
    ("renumbered and retyped at once breaks the API too", idl({M: BASE}),
     idl({M: message(field("a", 1), field("b", 7, "int32", label="optional"))}),
     [("field renumbered", "x.M.b", True, True)]),
    ("a field moved into a new oneof", idl({M: BASE}),
     idl({M: message(field("a", 1, oneof="o"), field("b", 2, "int32"), oneofs=("o",))}),
     [("oneof added", "x.M.o", False, False), ("field moved between oneofs", "x.M.a", False, True)]),
    ("a renamed oneof (same members) is one change",
     idl({M: message(field("a", 1, oneof="o"), oneofs=("o",))}),
     idl({M: message(field("a", 1, oneof="p"), oneofs=("p",))}), [("oneof renamed", "x.M.o", False, True)]),
    ("a message moved to another file changes its Python module", idl({M: BASE}),
     idl({M: message(*BASE.fields, file="x/b.proto")}), [("message moved to another file", "x.M", False, True)]),
    ("a removed message that reappears with the same shape was renamed", idl({M: BASE}), idl({"x.N": BASE}),
     [("message renamed", "x.M", False, True)]),
    ("an enum value renamed keeps its number",
     idl(enums={"x.C": COLOR}), idl(enums={"x.C": EnumShape(FILE, (("RED", 0), ("LIME", 1)))}),
     [("enum value renamed", "x.C.GREEN", False, True)]),
    ("an enum value renumbered breaks the wire",
     idl(enums={"x.C": COLOR}), idl(enums={"x.C": EnumShape(FILE, (("RED", 0), ("GREEN", 2)))}),
     [("enum value renumbered", "x.C.GREEN", True, False)]),
    ("an enum value removed is API-only: enums are open",
     idl(enums={"x.C": COLOR}), idl(enums={"x.C": EnumShape(FILE, (("RED", 0),))}),
     [("enum value removed", "x.C.GREEN", False, True)]),
    ("an enum moved and renamed at once is removed and added",
     idl(enums={"x.C": COLOR}), idl(enums={"x.D": EnumShape("x/b.proto", COLOR.values)}),
     [("enum removed", "x.C", False, True), ("enum added", "x.D", False, False)]),
]  # fmt: skip


@pytest.mark.parametrize(("why", "old", "new", "expected"), RULES, ids=[rule[0] for rule in RULES])
def test_each_rule(why: str, old: Surface, new: Surface, expected: list[tuple[str, str, bool, bool]]) -> None:
    assert sorted(changes(old, new)) == sorted(expected), why
    assert changes(old, old) == []


def test_a_retyped_message_field_is_wire_safe_when_the_messages_are_compatible() -> None:
    """``P`` and ``Q`` agree number by number (int32/int64 are one family; extra fields are fine); ``R`` does not."""
    shapes = {
        "x.P": message(field("v", 1, "int32")),
        "x.Q": message(field("v", 1, "int64"), field("w", 2)),
        "x.R": message(field("v", 1, "string")),
    }
    old = idl({M: message(field("m", 1, "x.P")), **shapes})
    assert changes(old, idl({M: message(field("m", 1, "x.Q")), **shapes})) == [("field retyped", "x.M.m", False, True)]
    assert changes(old, idl({M: message(field("m", 1, "x.R")), **shapes})) == [("field retyped", "x.M.m", True, True)]


def test_recursive_messages_compare_without_looping() -> None:
    node = message(field("next", 1, "x.Node"), field("v", 2, "int32"))
    other = message(field("next", 1, "x.Other"), field("v", 2, "uint32"))
    old = idl({M: message(field("n", 1, "x.Node")), "x.Node": node, "x.Other": other})
    new = idl({M: message(field("n", 1, "x.Other")), "x.Node": node, "x.Other": other})
    assert changes(old, new) == [("field retyped", "x.M.n", False, True)]


# -- the surface of descriptors -------------------------------------------------------------------

PROTO = """
name: "x/a.proto" package: "x" syntax: "proto3"
message_type {
  name: "M"
  field { name: "opt" number: 1 type: TYPE_INT32 label: LABEL_OPTIONAL proto3_optional: true oneof_index: 0 }
  field { name: "kind_a" number: 2 type: TYPE_STRING label: LABEL_OPTIONAL oneof_index: 1 }
  field { name: "tags" number: 3 type: TYPE_MESSAGE label: LABEL_REPEATED type_name: ".x.M.TagsEntry" }
  field { name: "color" number: 4 type: TYPE_ENUM label: LABEL_OPTIONAL type_name: ".x.Color" }
  nested_type {
    name: "TagsEntry" options { map_entry: true }
    field { name: "key" number: 1 type: TYPE_STRING label: LABEL_OPTIONAL }
    field { name: "value" number: 2 type: TYPE_INT64 label: LABEL_OPTIONAL }
  }
  oneof_decl { name: "_opt" }
  oneof_decl { name: "kind" }
}
enum_type { name: "Color" value { name: "RED" number: 0 } value { name: "CRIMSON" number: 0 } }
source_code_info { location { path: 4 path: 0 span: 1 span: 2 span: 3 leading_comments: " M.\\n" } }
"""


def file_proto(text: str = PROTO) -> descriptor_pb2.FileDescriptorProto:
    return text_format.Parse(text, descriptor_pb2.FileDescriptorProto())


def test_surface_of_descriptors_folds_maps_and_hides_synthetic_oneofs() -> None:
    found = surface.surface([file_proto()], "x")
    shape = found.messages["x.M"]
    assert shape.oneofs == ("kind",)
    assert [f.describe() for f in shape.fields] == ["optional int32", "string", "map<string, int64>", "x.Color"]
    assert [(f.name, f.oneof, f.wire) for f in shape.fields][1:] == [
        ("kind_a", "kind", "string"),
        ("tags", None, "int64"),
        ("color", None, "enum"),
    ]
    assert found.enums["x.Color"].values == (("RED", 0), ("CRIMSON", 0))
    assert "x.M.TagsEntry" not in found.messages
    assert found.files == {"x/a.proto": "x"}
    assert found.qualname("x.M", "x/a.proto") == "M"
    assert surface.surface([file_proto()], "y").messages == {}


def test_surface_json_round_trip() -> None:
    found = surface.surface([file_proto()], "x")
    assert surface.from_json(surface.to_json(found)) == found


# -- the record in generated/ -----------------------------------------------------------------------


def _config(tmp_path: Path) -> Config:
    return Config(source=Source(), proto_root="x", package="xmodels", output=tmp_path)


def test_record_is_deterministic_and_reads_back(tmp_path: Path) -> None:
    config = _config(tmp_path)
    recorded = state.record([file_proto()], config, Origin("xidl", "1.2.3"))
    text = state.dumps(recorded)
    assert text == state.dumps(state.record([file_proto()], config, Origin("xidl", "1.2.3")))
    assert text.endswith("\n") and "tmp" not in text and '"version": "1.2.3"' in text
    assert state.loads(text, "here") == recorded
    assert recorded.label() == "xidl 1.2.3"
    (tmp_path / state.path(config)).write_text(text, encoding="utf-8")
    assert state.read(config) == recorded


def test_digest_ignores_comments_but_not_content() -> None:
    bare = file_proto()
    bare.ClearField("source_code_info")
    changed = file_proto()
    changed.message_type[0].field[0].number = 9
    assert state.digest([file_proto()]) == state.digest([bare]) != state.digest([changed])
    assert state.record([bare], _config(Path(".")), Origin()).label() == state.digest([bare])[:19]


@pytest.mark.parametrize("text", ["", "[]", '{"format": 99}', '{"format": 1}', "not json"])
def test_a_malformed_record_names_the_file(text: str) -> None:
    with pytest.raises(GenerateError, match=r"^where\.json: not a codegen IDL record"):
        state.loads(text, "where.json")


# -- the report ---------------------------------------------------------------------------------


def test_report_text_and_markdown() -> None:
    found = diff.compare(idl({M: BASE}), idl({M: message(field("a", 1), field("c", 3, "a|b"))}))
    text = report.text("v1", "v2", found)
    assert text.splitlines()[0] == "v1 → v2: 1 field added, 1 field removed"
    assert "Breaks the Python API (1):" in text and "Compatible (1):" in text and "wire" not in text
    markdown = report.markdown("v1", "v2", found)
    assert markdown.startswith("## IDL changes: `v1` → `v2`\n")
    assert "| field added | `x.M.c` | a\\|b |" in markdown
    assert report.is_breaking(found) and not report.is_breaking([])
    assert report.text("v1", "v1", []) == "v1 → v1: no changes\n"


# -- reading _pb2 files and wheels -------------------------------------------------------------------


def _pb2_source(data: bytes, old_style: bool) -> str:
    if old_style:  # protobuf 3.x: a latin-1 str wrapped in _b()
        return (
            f"DESCRIPTOR = _descriptor.FileDescriptor(name='x/a.proto', serialized_pb=_b({data.decode('latin-1')!r}))\n"
        )
    return f"DESCRIPTOR = _descriptor_pool.Default().AddSerializedFile({data!r})\n"


@pytest.mark.parametrize("old_style", [False, True], ids=["AddSerializedFile", "serialized_pb=_b()"])
def test_wheel_descriptors_are_read_without_importing(tmp_path: Path, old_style: bool) -> None:
    proto = file_proto()
    proto.ClearField("source_code_info")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("x/a_pb2.py", _pb2_source(proto.SerializeToString(), old_style) + "raise SystemExit\n")
        archive.writestr("x/__init__.py", "")
    wheel = tmp_path / "x_idl-0.1.0-py3-none-any.whl"
    wheel.write_bytes(buffer.getvalue())
    assert pb2files.from_wheel(wheel) == [proto]
    assert pb2files.wheel_origin(wheel) == ("x_idl", "0.1.0")
    assert pb2files.download("X.Idl==0.1.0", tmp_path) == wheel  # cached: no pip, any spelling of the name


def test_unreadable_wheels_are_one_line_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad-1-py3-none-any.whl"
    bad.write_bytes(b"not a zip")
    with pytest.raises(GenerateError, match="cannot read the wheel"):
        pb2files.from_wheel(bad)
    with pytest.raises(GenerateError, match="give an exact version"):
        pb2files.download("flyteidl", tmp_path)
    with pytest.raises(GenerateError, match="not a wheel file name"):
        pb2files.wheel_origin(tmp_path / "x.zip")


def test_complete_adds_imports_from_installed_modules() -> None:
    proto = file_proto()
    proto.dependency.append("google/protobuf/timestamp.proto")
    names = {f.name for f in pb2files.complete([proto])}
    assert names == {"x/a.proto", "google/protobuf/timestamp.proto"}
    proto.dependency.append("no/such/file.proto")
    with pytest.raises(GenerateError, match=r"no/such/file.proto: imported by the input, and no installed module"):
        pb2files.complete([proto])
