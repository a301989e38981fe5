"""`pip install .` gives a wheel that works on its own: one package, no generator needed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import flytemodels

ROOT = Path(__file__).parent.parent

# Runs in a fresh interpreter that sees the unpacked wheel but not this checkout
# (the editable install's .pth puts src/ and generated/ on sys.path; drop them).
PROBE = textwrap.dedent(
    """
    import sys
    checkout = {{{root!r}, {root!r} + "/src", {root!r} + "/generated", ""}}
    sys.path = [p for p in sys.path if p not in checkout]
    sys.path.insert(0, {wheel!r})
    import flytemodels
    from flytemodels.core.literals import Literal, LiteralMap, Primitive, Scalar
    literal = Literal(scalar=Scalar(primitive=Primitive(integer=7)))
    restored = LiteralMap.from_flyte_idl(LiteralMap(literals={{"x": literal}}).to_flyte_idl())
    assert restored.literals["x"].value.value.value == 7
    assert flytemodels.__path__ == [{wheel!r} + "/flytemodels"], flytemodels.__path__
    assert "jinja2" not in sys.modules and "codegen" not in sys.modules and "black" not in sys.modules
    print("ok")
    """
)


def test_wheel_holds_runtime_generated_code_and_overrides(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "flytemodels/__init__.py",
        "flytemodels/py.typed",
        "flytemodels/_runtime/message.py",
        "flytemodels/_overrides/core/literals.py",
        "flytemodels/_index.py",
        "flytemodels/core/literals.py",
        "flytemodels/admin/execution.py",
        "flytemodels/_extras.py",
        f"flytemodels-{flytemodels.__version__}.dist-info/licenses/LICENSE",
    ):
        assert required in names, required
    assert not any(name.startswith("codegen/") for name in names)


def test_wheel_imports_without_the_checkout(tmp_path: Path) -> None:
    unpacked = tmp_path / "site"
    zipfile.ZipFile(_build_wheel(tmp_path)).extractall(unpacked)
    probe = PROBE.format(root=str(ROOT), wheel=str(unpacked))
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "ok", result.stderr


def _build_wheel(tmp_path: Path) -> Path:
    out = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("flytemodels-*.whl")
    return wheel
