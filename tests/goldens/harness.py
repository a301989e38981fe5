"""Helpers shared by the golden tests and ``python -m tests.goldens``."""

from __future__ import annotations

import contextlib
import difflib
import io
from pathlib import Path

from codegen import cli
from codegen.inputs.config import load_config

REPO = Path(__file__).resolve().parents[2]
FIXTURES_CONFIG = REPO / "protos" / "fixtures" / "fixtures.toml"
FLYTEIDL_CONFIG = REPO / "protos" / "flyteidl.toml"
FLYTEIDL2_CONFIG = REPO / "protos" / "flyteidl2.toml"
COMPAT_FIXTURES_CONFIG = REPO / "protos" / "fixtures" / "compat.toml"
#: What tests/goldens/expected holds: the fixture protos' models, and a compatibility family over them.
FIXTURE_CONFIGS = (FIXTURES_CONFIG, COMPAT_FIXTURES_CONFIG)
FLYTEKIT_CONFIG = REPO / "protos" / "flytekit.toml"
#: Every configuration whose output is committed under ``generated/`` (what ``make generate`` runs).
GENERATED_CONFIGS = (FLYTEIDL_CONFIG, FLYTEIDL2_CONFIG, FLYTEKIT_CONFIG)
GOLDENS = Path(__file__).resolve().parent
EXPECTED = GOLDENS / "expected"
OVERRIDES = GOLDENS / "overrides"

#: Longest diff a failure prints; the rest is summarized in one line.
DIFF_LINES = 200


def generate(config: Path, output: Path | None = None) -> str:
    """Run the generator (``python -m codegen``) in-process and return what it printed.

    Raises:
        RuntimeError: the generator failed; the message is its error line.
    """
    argv = ["--config", str(config)] + (["--output", str(output)] if output is not None else [])
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(argv)
    if status != 0:
        raise RuntimeError(f"python -m codegen {' '.join(argv)} exited {status}: {err.getvalue().strip()}")
    return out.getvalue()


def snapshot(root: Path, pattern: str = "*") -> dict[str, bytes]:
    """Relative path → bytes of every file under ``root`` (``__pycache__`` excluded)."""
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob(pattern))
        if path.is_file() and "__pycache__" not in path.parts
    }


def diff_trees(expected: dict[str, bytes], actual: dict[str, bytes], hint: str) -> str:
    """A readable report of how ``actual`` differs from ``expected``; empty when equal."""
    lines: list[str] = []
    for path in sorted(expected.keys() - actual.keys()):
        lines.append(f"missing from the new output: {path}")
    for path in sorted(actual.keys() - expected.keys()):
        lines.append(f"new file, not in the expected output: {path}")
    for path in sorted(expected.keys() & actual.keys()):
        if expected[path] != actual[path]:
            lines.extend(_diff_file(path, expected[path], actual[path]))
    if not lines:
        return ""
    shown = lines[:DIFF_LINES]
    if len(lines) > DIFF_LINES:
        shown.append(f"... {len(lines) - DIFF_LINES} more lines of difference")
    return "\n".join([*shown, hint])


def _diff_file(path: str, expected: bytes, actual: bytes) -> list[str]:
    old = expected.decode("utf-8", "replace").splitlines(keepends=False)
    new = actual.decode("utf-8", "replace").splitlines(keepends=False)
    diff = list(difflib.unified_diff(old, new, f"expected/{path}", f"new/{path}", lineterm=""))
    # Same text, different bytes: line endings, a trailing newline or encoding.
    return diff or [f"{path}: same lines, different bytes (line endings or final newline)"]


def fixture_protos() -> tuple[tuple[Path, ...], tuple[str, ...]]:
    """The include path and the .proto files of the fixtures, as the config names them."""
    source = load_config(FIXTURES_CONFIG).source
    return source.proto_path, source.proto_files


def compile_pb2(output: Path) -> None:
    """Run protoc's Python plugin over the fixtures, writing ``fixtures/*_pb2.py`` into ``output``."""
    from grpc_tools import protoc

    proto_path, files = fixture_protos()
    well_known = Path(protoc.__file__).parent / "_proto"
    includes = [f"-I{path}" for path in (*proto_path, well_known)]
    status = protoc.main(["protoc", *includes, f"--python_out={output}", *files])
    if status != 0:
        raise RuntimeError(f"protoc --python_out failed ({status}) for {FIXTURES_CONFIG}")
