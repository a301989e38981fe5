"""``python -m codegen mypy-config``: the mypy overrides a tree's ``_pb2`` imports need, and ours agree with it.

Each way a package can ship its ``_pb2`` modules (PEP 561) is laid out in a
temporary directory and classified; the drift check runs the command over the
configurations ``make generate`` uses and finds each block it prints, exactly,
in pyproject.toml's ``[[tool.mypy.overrides]]``.
"""

from __future__ import annotations

import contextlib
import io
import tomllib
from pathlib import Path
from typing import Any

import pytest

from codegen import cli, mypy_config
from codegen.mypy_config import Typing
from tests.goldens.harness import GENERATED_CONFIGS, REPO


def lay_out(root: Path, *files: str) -> Path:
    """Empty files at the given paths under ``root`` (a site-packages directory)."""
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).touch()
    return root


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (("idl/__init__.py", "idl/py.typed", "idl/a/x_pb2.py", "idl/a/x_pb2.pyi"), Typing.TYPED),
        (("ns/idl/py.typed", "ns/idl/a/x_pb2.py", "ns/idl/a/x_pb2.pyi"), Typing.TYPED),  # marker under a namespace
        (("idl-stubs/a/x_pb2.pyi", "idl/a/x_pb2.py"), Typing.TYPED),  # a stub package (types-protobuf)
        (("idl/__init__.py", "idl/a/x_pb2.py", "idl/a/x_pb2.pyi"), Typing.UNMARKED_STUBS),
        (("idl/__init__.py", "idl/a/x_pb2.py"), Typing.UNTYPED),
        (("idl/__init__.py", "idl/py.typed", "idl/a/x_pb2.py"), Typing.UNTYPED),  # marked, but gencode is untyped
        (("other/a/x_pb2.py",), Typing.MISSING),
    ],
)
def test_each_layout_is_classified(tmp_path: Path, files: tuple[str, ...], expected: Typing) -> None:
    module = "ns.idl.a.x_pb2" if files[0].startswith("ns/") else "idl.a.x_pb2"
    assert mypy_config.classify(module, [lay_out(tmp_path, *files)]) is expected


def test_the_first_root_that_holds_a_module_decides(tmp_path: Path) -> None:
    first = lay_out(tmp_path / "first", "idl/a/x_pb2.py")
    second = lay_out(tmp_path / "second", "idl/py.typed", "idl/a/x_pb2.py", "idl/a/x_pb2.pyi")
    assert mypy_config.classify("idl.a.x_pb2", [first, second]) is Typing.UNTYPED


def test_patterns_name_the_regular_package_and_never_a_shared_namespace(tmp_path: Path) -> None:
    root = lay_out(tmp_path, "idl/__init__.py", "google/rpc/status_pb2.py", "google/rpc/status_pb2.pyi")
    lay_out(tmp_path, "idl/a/b/x_pb2.py", "idl/a/b/x_pb2.pyi", "google/rpc/context/c_pb2.py")
    assert mypy_config.pattern("idl.a.b.x_pb2", [root]) == "idl.*"
    assert mypy_config.pattern("google.rpc.status_pb2", [root]) == "google.rpc.*"
    modules = ["idl.a.b.x_pb2", "google.rpc.status_pb2", "google.rpc.context.c_pb2", "gone.y_pb2"]
    blocks, missing = mypy_config.overrides(modules, [root])
    assert missing == ["gone.y_pb2"]
    assert [(block.typing, block.modules) for block in blocks] == [
        (Typing.UNMARKED_STUBS, ("google.rpc.*", "idl.*")),
        (Typing.UNTYPED, ("google.rpc.context.*",)),
    ]
    assert tomllib.loads(blocks[1].toml())["tool"]["mypy"]["overrides"] == [
        {"module": ["google.rpc.context.*"], "ignore_missing_imports": True, "follow_imports": "skip"}
    ]


def printed_overrides(*configs: Path) -> list[dict[str, Any]]:
    """What ``python -m codegen mypy-config`` prints for ``configs``, parsed."""
    arguments = [argument for config in configs for argument in ("--config", str(config))]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["mypy-config", *arguments]) == 0
    found: list[dict[str, Any]] = tomllib.loads(out.getvalue()).get("tool", {}).get("mypy", {}).get("overrides", [])
    return found


def test_pyproject_has_the_overrides_our_trees_need() -> None:
    """The drift check: a new IDL, or a dependency that gains or loses stubs, shows here first."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]["overrides"]
    needed = printed_overrides(*GENERATED_CONFIGS)
    assert needed, "flyteidl's stubs come without py.typed: at least one block is needed"
    for block in needed:
        assert block in pyproject, f"pyproject.toml lacks (run `python -m codegen mypy-config`):\n{block}"
