"""Install the built wheel at both ends of its dependency ranges and smoke-test each install (make install-matrix).

For every Python given (default: each ``python3.X`` the classifiers list that runs on this machine), and
with and without the ``flyteidl2`` extra (flytemodels.v2), it makes a fresh venv and installs the wheel twice over:

- ``lowest``: every direct runtime requirement (``dependencies`` and the ``flyteidl2`` extra) held at the lower
  bound of its range with a constraints file, as a resolver's lowest-direct resolution would;
- ``highest``: whatever pip resolves today, the newest releases the ranges allow.

Each venv then runs tools/install_smoke.py outside the checkout. Needs the package registry; takes a few
minutes; not part of ``make test``. Prints a table and exits 1 if any install or check failed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SMOKE = ROOT / "tools/install_smoke.py"
PIP = ("-m", "pip", "--disable-pip-version-check", "--no-input")
EXTRA = "flyteidl2"  # the extra for flytemodels.v2
SHOWN = ("pip", "protobuf", "flyteidl", "flyteidl2", "protovalidate")


@dataclass(frozen=True)
class Cell:
    python: str
    bound: str  # "lowest" or "highest"
    extra: bool  # with the flyteidl2 extra

    @property
    def name(self) -> str:
        return f"{Path(self.python).name}-{self.bound}-{EXTRA if self.extra else 'base'}"


@dataclass(frozen=True)
class Outcome:
    cell: Cell
    passed: bool
    report: dict[str, object]
    seconds: float


def main() -> int:
    arguments = _arguments()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pythons = arguments.python or _supported_pythons(project)
    bounds, extras = ("lowest", "highest"), (False, True)
    cells = [Cell(python, bound, extra) for python in pythons for bound in bounds for extra in extras]
    with tempfile.TemporaryDirectory(prefix="flytemodels-matrix-") as scratch:
        work = Path(scratch)
        wheel = _build_wheel(work / "dist")
        constraints = _lowest_constraints(project, work / "lowest.txt")
        outcomes = [_run_cell(cell, wheel, constraints, work) for cell in cells]
    _print_table(outcomes)
    return 0 if outcomes and all(outcome.passed for outcome in outcomes) else 1


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python tools/install_matrix.py", description=__doc__)
    parser.add_argument("--python", action="append", default=[], help="an interpreter to test with (repeatable)")
    return parser.parse_args()


def _supported_pythons(project: dict[str, Any]) -> list[str]:
    """``python3.X`` for each 3.X the classifiers name that runs here (pyenv shims may exist and fail)."""
    classifiers = "\n".join(project["classifiers"])
    versions = re.findall(r"^Programming Language :: Python :: (3\.\d+)$", classifiers, re.MULTILINE)
    found = []
    for version in versions:
        path = shutil.which(f"python{version}")
        if path and subprocess.run([path, "-c", "pass"], capture_output=True, check=False).returncode == 0:
            found.append(path)
        else:
            print(f"skipped: python{version} does not run here (pass --python PATH to test it)", file=sys.stderr)
    return found


def _build_wheel(out: Path) -> Path:
    """The wheel ``pip install .`` would build (as tests/test_packaging.py builds it)."""
    # With hatchling at hand (the dev venv) build in place; elsewhere pip fetches it into an isolated env.
    isolation = ["--no-build-isolation"] if importlib.util.find_spec("hatchling") else []
    command = [sys.executable, *PIP, "wheel", "--quiet", "--no-deps", *isolation, "-w", str(out), str(ROOT)]
    subprocess.run(command, check=True)
    (wheel,) = out.glob("flytemodels-*.whl")
    print(f"built {wheel.name}", file=sys.stderr)
    return wheel


def _lowest_constraints(project: dict[str, Any], path: Path) -> Path:
    """A constraints file pinning each direct runtime requirement to its range's lower bound (``>=X``)."""
    requirements = [*project["dependencies"], *project["optional-dependencies"][EXTRA]]
    pins = []
    for requirement in requirements:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement)
        lower = re.search(r">=\s*([0-9][0-9A-Za-z.]*)", requirement)
        if name is None or lower is None:
            raise SystemExit(f"pyproject.toml: {requirement!r} has no lower bound (>=) to test")
        pins.append(f"{name.group(0)}=={lower.group(1)}")
    path.write_text("\n".join(pins) + "\n", encoding="utf-8")
    print("lowest: " + ", ".join(pins), file=sys.stderr)
    return path


def _run_cell(cell: Cell, wheel: Path, constraints: Path, work: Path) -> Outcome:
    started = time.monotonic()
    venv = work / cell.name
    print(f"{cell.name}: installing", file=sys.stderr)
    subprocess.run([cell.python, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin/python")
    target = f"{wheel}[{EXTRA}]" if cell.extra else str(wheel)
    pinned = ["-c", str(constraints)] if cell.bound == "lowest" else []
    install = subprocess.run(
        [python, *PIP, "install", "--quiet", *pinned, target], capture_output=True, text=True, check=False
    )
    if install.returncode != 0:
        return Outcome(cell, False, {"install": _last_line(install.stderr)}, time.monotonic() - started)
    smoke = subprocess.run(
        [python, "-I", str(SMOKE), "--extra" if cell.extra else "--no-extra"],
        cwd=work,  # outside the checkout: only the installed wheel can be imported
        capture_output=True,
        text=True,
        check=False,
    )
    report = _smoke_report(smoke)
    return Outcome(cell, smoke.returncode == 0, report, time.monotonic() - started)


def _smoke_report(smoke: subprocess.CompletedProcess[str]) -> dict[str, object]:
    try:
        report: dict[str, object] = json.loads(smoke.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"smoke": _last_line(smoke.stderr) or "no report"}
    return report


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _print_table(outcomes: list[Outcome]) -> None:
    header = ["cell", "python", *SHOWN, "result", "seconds"]
    rows = [header, *(_row(outcome) for outcome in outcomes)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    for row in rows:
        print("  ".join(value.ljust(width) for value, width in zip(row, widths, strict=True)).rstrip())
    for outcome in outcomes:
        for what, result in _failures(outcome.report):
            print(f"{outcome.cell.name}: {what}: {result}")


def _row(outcome: Outcome) -> list[str]:
    versions = outcome.report.get("versions", {})
    assert isinstance(versions, dict)
    shown = [versions.get(name) or "-" for name in SHOWN]
    result = "pass" if outcome.passed else "FAIL"
    python = str(outcome.report.get("python", "?"))
    return [outcome.cell.name, python, *shown, result, f"{outcome.seconds:.0f}"]


def _failures(report: dict[str, object]) -> list[tuple[str, str]]:
    checks = report.get("checks", {})
    assert isinstance(checks, dict)
    failed = [(f"check {name}", str(result)) for name, result in checks.items() if result != "ok"]
    errors = [(what, str(report[what])) for what in ("install", "smoke") if what in report]
    return [*errors, *failed]


if __name__ == "__main__":
    sys.exit(main())
