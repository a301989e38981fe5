"""Which files a run generates, and from where: ``[generate] include``/``exclude`` and namespace packages.

googleapis-common-protos (installed with flyteidl2) is the real case: ``google.type``
is a namespace package (no ``__init__.py``) whose files import ``google/protobuf``,
which one ``proto_root = "google"`` would generate too unless the globs leave it out.
"""

from __future__ import annotations

import importlib
import json
import pickle
import random
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from codegen import cli
from codegen.inputs.config import Config, Source, load_config
from tests.goldens.harness import REPO, generate
from tests.support.filler import Options, fill

GOOGLE_TYPE = """\
[source]
python_package = "google.type"

[generate]
proto_root = "google"
include = ["google/type/*.proto"]
package = "gtmodels"
output = "out"
"""


def config(root: Path, text: str) -> Path:
    path = root / "codegen.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def fixtures_config(root: Path, files: list[str], generate_lines: str) -> Path:
    """The fixture protos named, generated as ``selmodels`` into ``root/out`` with extra ``[generate]`` lines."""
    return config(
        root,
        f'[source]\nproto_path = ["{REPO / "protos"}"]\nproto_files = {files!r}\n\n'
        f'[generate]\nproto_root = "fixtures"\npackage = "selmodels"\noutput = "out"\n{generate_lines}\n',
    )


@pytest.mark.parametrize(
    ("include", "exclude", "name", "generated"),
    [
        ((), (), "g/type/date.proto", True),
        ((), (), "other/date.proto", False),  # outside the proto root, whatever the globs say
        (("g/type/*.proto",), (), "g/type/date.proto", True),
        (("g/type/*.proto",), (), "g/type/deeper/date.proto", False),  # `*` stays in one directory
        (("g/**/*.proto",), (), "g/type/deeper/date.proto", True),
        (("g/**/*.proto",), (), "g/date.proto", True),  # `**/` may span no directory at all
        ((), ("g/protobuf/**",), "g/protobuf/any.proto", False),
        ((), ("g/protobuf/**",), "g/type/date.proto", True),
        (("g/*/d?te.proto",), ("g/protobuf/*",), "g/protobuf/date.proto", False),  # exclude wins
        (("g/type/date.proto",), (), "g/type/dateXproto", False),  # `.` is literal
    ],
)
def test_include_and_exclude_globs(
    include: tuple[str, ...], exclude: tuple[str, ...], name: str, generated: bool
) -> None:
    selection = Config(Source(), "g", "m", Path("out"), include=include, exclude=exclude)
    assert selection.generates(name) is generated


@pytest.mark.parametrize("key", ["include", "exclude"])
@pytest.mark.parametrize("value", ['"google/type/*.proto"', "[1]", "{ a = 1 }"])
def test_a_bad_glob_list_names_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: str
) -> None:
    path = config(tmp_path, GOOGLE_TYPE.replace('include = ["google/type/*.proto"]', f"{key} = {value}"))
    assert cli.main(["--config", str(path)]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"codegen: error: {path}: [generate] {key} must be a list of strings, got ")
    assert not (tmp_path / "out").exists()


def test_nothing_left_to_generate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = fixtures_config(tmp_path, ["fixtures/scalars.proto"], 'exclude = ["fixtures/*"]')
    assert cli.main(["--config", str(path)]) == 1
    expected = "codegen: error: input: no .proto file under fixtures/ is left by [generate] include and exclude\n"
    assert capsys.readouterr().err == expected


def test_an_excluded_file_keeps_its_types_as_protobuf_messages(tmp_path: Path) -> None:
    files = ["fixtures/importer.proto", "fixtures/imports/common.proto"]
    generate(fixtures_config(tmp_path, files, 'exclude = ["fixtures/imports/**"]'))
    out = tmp_path / "out" / "selmodels"
    assert sorted(p.name for p in out.rglob("*.py")) == ["_index.py", "importer.py"]
    source = (out / "importer.py").read_text(encoding="utf-8")
    assert "theirs: _fixtures_imports_common_pb2.Item | None = None," in source
    assert "kind: int | None = None," in source  # an enum without a model is an int


def test_an_excluded_file_at_a_keyword_path_is_annotated_as_any_message(tmp_path: Path) -> None:
    """No import statement can name ``fixtures.async.class_pb2``, so annotations cannot name its classes."""
    files = ["fixtures/odd-names.proto", "fixtures/async/class.proto"]
    generate(fixtures_config(tmp_path, files, 'exclude = ["fixtures/async/*"]'))
    source = (tmp_path / "out" / "selmodels" / "odd_names.py").read_text(encoding="utf-8")
    assert "awaited: _google_protobuf_message.Message | None = None," in source
    assert "from google.protobuf import message as _google_protobuf_message" in source
    assert "importlib" not in source  # nothing at run time names the excluded module's classes


def test_the_selection_is_recorded_for_diff_and_the_override_check(tmp_path: Path) -> None:
    """The recorded surface (what ``codegen diff`` compares) holds the generated files only."""
    files = ["fixtures/importer.proto", "fixtures/imports/common.proto"]
    generate(fixtures_config(tmp_path, files, 'include = ["fixtures/importer.proto"]'))
    record = json.loads((tmp_path / "out" / "selmodels.idl.json").read_text(encoding="utf-8"))
    assert sorted(record["messages"]) == ["fixtures.importer.Basket", "fixtures.importer.Item"]


# -- a namespace package as the source: google.type from googleapis-common-protos ---------------------


@pytest.fixture(scope="module")
def google_type(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, ModuleType]]:
    """``gtmodels``, generated from the installed ``google.type`` into a scratch directory and importable."""
    root = tmp_path_factory.mktemp("google_type")
    printed = generate(config(root, GOOGLE_TYPE))
    sys.path.insert(0, str(root / "out"))
    try:
        yield printed, importlib.import_module("gtmodels")
    finally:
        sys.path.remove(str(root / "out"))


def test_a_namespace_package_source_generates_only_what_the_globs_include(
    google_type: tuple[str, ModuleType],
) -> None:
    printed, package = google_type
    assert "(googleapis-common-protos " in printed  # the release is found though `google` has many
    (root,) = package.__path__  # a namespace package: the top-level package is not generated
    modules = sorted(p.relative_to(root).as_posix() for p in Path(root).rglob("*.py"))
    expected = sorted(f"type/{p.stem.removesuffix('_pb2')}.py" for p in _google_type_directory().glob("*_pb2.py"))
    assert modules == ["_index.py", "type/__init__.py", *expected]  # no google/protobuf


def _google_type_directory() -> Path:
    import google.type

    (directory,) = google.type.__path__
    return Path(directory)


def _models(module: Any) -> Iterator[Any]:
    for value in vars(module).values():
        if isinstance(value, type) and getattr(value, "_PB", None) is not None and value.__module__ == module.__name__:
            yield value


def test_every_google_type_message_round_trips(google_type: tuple[str, ModuleType]) -> None:
    rng = random.Random(11)
    checked = 0
    for path in sorted(_google_type_directory().glob("*_pb2.py")):
        module = importlib.import_module(f"gtmodels.type.{path.stem.removesuffix('_pb2')}")
        for model_class in _models(module):
            for _ in range(5):
                pb = fill(model_class._PB, rng, Options().plain())
                model = model_class.from_flyte_idl(pb)
                assert model.to_flyte_idl() == pb
                assert model_class.from_bytes(model.serialize_to_string()) == model
                assert model_class.from_dict(model.to_dict()) == model
                assert pickle.loads(pickle.dumps(model)) == model
                checked += 1
    assert checked >= 5 * 15


def test_a_module_is_not_a_package_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = config(tmp_path, GOOGLE_TYPE.replace('"google.type"', '"google.type.date_pb2"'))
    assert cli.main(["--config", str(path)]) == 1
    assert capsys.readouterr().err == "codegen: error: google.type.date_pb2: a module, not a package of _pb2 modules\n"


def test_the_loaded_configuration_keeps_the_globs(tmp_path: Path) -> None:
    loaded = load_config(config(tmp_path, GOOGLE_TYPE + 'exclude = ["google/type/money.proto"]\n'))
    assert (loaded.include, loaded.exclude) == (("google/type/*.proto",), ("google/type/money.proto",))
    assert loaded.generates("google/type/date.proto") and not loaded.generates("google/type/money.proto")
