"""Docstrings from another source's comments (``[comments]``, ``codegen.inputs.comments`` and ``codegen.inputs.npm``).

Each test fabricates the pair the generator meets with flyteidl: descriptors
without comments (as an installed package's ``_pb2`` modules are) and an older
release of the .proto files that has comments but lacks what was added since.
Nothing here reaches a registry: the tarball is put in the cache, or the
registry is a function that serves it.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import tarfile
import textwrap
from pathlib import Path
from typing import Any

import pytest
from google.protobuf.descriptor_pb2 import FileDescriptorProto, FileDescriptorSet

from codegen import cli
from codegen.errors import GenerateError
from codegen.inputs import comments, npm, sources
from codegen.inputs.config import Comments, Config, Source, load_config
from codegen.model import load
from codegen.upgrade import state

#: The older release: commented, without the field, enum value and message added since.
OLDER = """
syntax = "proto3";
package fx;

// A color.
enum Color {
  // Nobody said.
  COLOR_UNSPECIFIED = 0;
  RED = 1;  // Like a fire engine.
}

// A thing with a color.
message Thing {
  // What to call it.
  string name = 1;
  // Its color.
  Color color = 2;
  int32 size = 3;
  // Either one.
  oneof shape {
    string round = 4;
    string square = 5;
  }
}
"""

#: The newer descriptors: ``color`` renumbered, ``weight``, ``BLUE`` and ``Box`` added.
NEWER = """
syntax = "proto3";
package fx;

enum Color {
  COLOR_UNSPECIFIED = 0;
  RED = 1;
  BLUE = 2;
}

message Thing {
  string name = 1;
  Color color = 7;
  int32 size = 3;
  oneof shape {
    string round = 4;
    string square = 5;
  }
  double weight = 6;
}

message Box {
  repeated Thing things = 1;
}
"""

ABSENT = (
    "field fx.Thing.weight",
    "message fx.Box",
    "field fx.Box.things",
    "enum value fx.Color.BLUE",
)


def compiled(tmp_path: Path, text: str, where: str) -> list[FileDescriptorProto]:
    """``fx/things.proto`` holding ``text``, compiled with its comments."""
    root = tmp_path / where
    (root / "fx").mkdir(parents=True)
    (root / "fx" / "things.proto").write_text(textwrap.dedent(text), encoding="utf-8")
    return sources.from_proto_files((root,), ("fx/things.proto",))


def uncommented(files: list[FileDescriptorProto]) -> list[FileDescriptorProto]:
    """The files as an installed package's ``_pb2`` modules carry them: no SourceCodeInfo."""
    for file in files:
        file.ClearField("source_code_info")
    return files


def config(output: Path) -> Config:
    return Config(source=Source(), proto_root="fx", package="fxmodels", output=output)


def test_comments_are_matched_by_name_and_the_missing_elements_listed(tmp_path: Path) -> None:
    newer = uncommented(compiled(tmp_path, NEWER, "newer"))
    donor = comments.comments_by_name(compiled(tmp_path, OLDER, "older"))
    grafted, coverage = comments.graft(newer, donor, "fx 1.0 (npm)", config(tmp_path))
    assert coverage.absent == ABSENT
    assert coverage.commented == {"message": 1, "field": 2, "oneof": 1, "enum": 1, "enum value": 2}
    assert coverage.uncommented == {"message": 0, "field": 3, "oneof": 0, "enum": 0, "enum value": 0}
    assert not newer[0].HasField("source_code_info"), "the input is copied, not changed"
    (file,) = load.build_tree(grafted, config(tmp_path)).files
    color, thing, box = file.enums[0], file.messages[0], file.messages[1]
    assert [value.doc for value in color.values] == ["Nobody said.", "Like a fire engine.", ""]
    docs = {field.proto_name: field.doc for field in thing.fields}
    assert docs["color"] == "Its color.", "renumbered since, and matched by name"
    assert docs["size"] == "``size``: int32, field 3.", "no comment in the source: the type and number"
    assert docs["weight"] == "``weight``: double, field 6.", "not in the source: the type and number"
    assert (thing.doc, box.doc) == ("A thing with a color.", "The ``fx.Box`` message.")
    assert file.docstrings_from == ""  # named by the configuration's [comments], not given here


# -- through `python -m codegen`, with the release as an npm tarball -------------------------------------


def tarball(tmp_path: Path) -> bytes:
    """An npm package's tarball holding the older release under ``package/protos/``, and a README."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, text in (("package/protos/fx/things.proto", OLDER), ("package/README.md", "# fx\n")):
            data = textwrap.dedent(text).encode()
            member = tarfile.TarInfo(name)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
    return buffer.getvalue()


def integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def pinned(tmp_path: Path, data: bytes) -> Comments:
    return Comments("@fx/idl", "1.0.0", integrity(data), "package/protos", tmp_path / "cache")


def write_config(tmp_path: Path, pin: Comments) -> Path:
    """A configuration reading the newer descriptors from a descriptor set, comments from the pinned tarball."""
    descriptors = tmp_path / "newer.pb"
    newer = uncommented(compiled(tmp_path, NEWER, "newer"))
    descriptors.write_bytes(FileDescriptorSet(file=newer).SerializeToString())
    path = tmp_path / "fx.toml"
    path.write_text(
        textwrap.dedent(f"""
            [source]
            descriptor_set = "newer.pb"

            [generate]
            proto_root = "fx"
            package = "fxmodels"
            output = "out"

            [comments]
            npm = "{pin.package}@{pin.version}"
            integrity = "{pin.integrity}"
            proto_path = "{pin.proto_path}"
            cache = "cache"
        """),
        encoding="utf-8",
    )
    return path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(list(argv))
    return status, out.getvalue(), err.getvalue()


def test_generate_names_the_source_and_records_what_it_lacks(tmp_path: Path) -> None:
    data = tarball(tmp_path)
    pin = pinned(tmp_path, data)
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "fx-idl-1.0.0.tgz").write_bytes(data)  # as a fetch leaves it
    path = write_config(tmp_path, pin)
    status, out, err = run("--config", str(path))
    assert status == 0, err
    lines = out.splitlines()
    assert (
        "codegen: docstrings from @fx/idl 1.0.0 (npm): 7 elements commented, 3 without a comment there, 4 not in it"
        in lines
    )
    assert [line for line in lines if "no docstring" in line] == [
        f"codegen: no docstring: {element} is not in @fx/idl 1.0.0 (npm)" for element in ABSENT
    ]
    module = (tmp_path / "out" / "fxmodels" / "things.py").read_text(encoding="utf-8")
    assert module.splitlines()[:2] == [
        "# @generated by codegen from fx/things.proto. DO NOT EDIT.",
        "# Docstrings: comments of @fx/idl 1.0.0 (npm), matched by name.",
    ]
    assert '"""Its color."""' in module and '"""A thing with a color."""' in module
    record = json.loads((tmp_path / "out" / "fxmodels.idl.json").read_text(encoding="utf-8"))
    assert record["docstrings"]["source"] == "@fx/idl 1.0.0 (npm)"
    assert record["docstrings"]["absent"] == list(ABSENT)
    assert state.loads(json.dumps(record), "here").docstrings == comments.Coverage.from_json(record["docstrings"])
    assert run("--config", str(path), "--check")[0] == 0


def test_a_missing_tarball_is_fetched_once_and_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tarball(tmp_path)
    pin = pinned(tmp_path, data)
    document = {"dist": {"integrity": pin.integrity, "tarball": "https://mirror.example/fx-idl-1.0.0.tgz"}}
    served = {
        "https://mirror.example/reg/@fx%2Fidl/1.0.0": json.dumps(document).encode(),
        document["dist"]["tarball"]: data,
    }
    asked: list[str] = []

    def get(url: str) -> bytes:
        asked.append(url)
        return served[url]

    monkeypatch.setattr(npm, "_get", get)
    monkeypatch.setenv("npm_config_registry", "https://mirror.example/reg/")
    assert npm.tarball(pin).read_bytes() == data
    assert npm.tarball(pin).read_bytes() == data
    assert asked == list(served), "fetched once, then read from the cache"


def test_a_tarball_other_than_the_pinned_one_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tarball(tmp_path)
    pin = pinned(tmp_path, b"other bytes")
    document = {"dist": {"tarball": "https://registry.example/fx.tgz"}}
    monkeypatch.setattr(npm, "_get", lambda url: json.dumps(document).encode() if url.endswith("1.0.0") else data)
    with pytest.raises(GenerateError, match=r"@fx/idl@1.0.0: the tarball fetched is not the pinned one \(sha512-"):
        npm.tarball(pin)
    assert not (tmp_path / "cache" / "fx-idl-1.0.0.tgz").exists()


def test_without_the_registry_generation_stops_and_says_how_to_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable(url: str) -> Any:
        raise GenerateError(f"cannot fetch {url}: [Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(npm, "_get", unreachable)
    path = write_config(tmp_path, pinned(tmp_path, tarball(tmp_path)))
    status, _, err = run("--config", str(path))
    assert status == 1 and not (tmp_path / "out").exists()
    assert err.startswith("codegen: error: @fx/idl@1.0.0: cannot fetch https://registry.npmjs.org/@fx%2Fidl/1.0.0")
    assert "generating without it would give other bytes" in err
    assert f"put the release's tarball at {tmp_path / 'cache' / 'fx-idl-1.0.0.tgz'}" in err


@pytest.mark.parametrize(
    ("table", "error"),
    [
        ('npm = "@fx/idl@^1.0"\nintegrity = "sha512-x"', "give one exact release"),
        ('npm = "@fx/idl"\nintegrity = "sha512-x"', "give one exact release"),
        ('npm = "@fx/idl@1.0.0"\nintegrity = "x"', "give the registry's dist.integrity"),
        ('npm = "@fx/idl@1.0.0"\nintegrity = "sha512-x"', "missing key 'proto_path'"),
    ],
)
def test_comment_source_configuration_errors(tmp_path: Path, table: str, error: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(f'[source]\n[generate]\nproto_root = "fx"\npackage = "p"\noutput = "o"\n[comments]\n{table}\n')
    with pytest.raises(GenerateError, match=error):
        load_config(path)


def test_the_flyteidl_configuration_pins_its_comment_source() -> None:
    """Docstrings of generated/ come from the pinned npm release; its record says what that release lacks."""
    from tests.goldens.harness import FLYTEIDL_CONFIG

    flyteidl = load_config(FLYTEIDL_CONFIG)
    assert flyteidl.comments is not None and flyteidl.comments.integrity.startswith("sha512-")
    recorded = state.read(flyteidl)
    assert recorded is not None and recorded.docstrings is not None
    assert recorded.docstrings.source == flyteidl.comments.label
    assert all(element.split()[-1].startswith("flyteidl.") for element in recorded.docstrings.absent)
