"""Run flytekit's unit suite with pytest in a subprocess, on flytekit as shipped or on flytemodels."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.flytekit_suite.report import covers

HERE = Path(__file__).resolve().parent
PLUGIN_DIR = HERE / "plugin"  # holds flytekit_suite_plugin.py, loaded with -p
INI = HERE / "suite.ini"
UNIT_DIR = "tests/flytekit/unit"
ALIAS_ENV = "FLYTEMODELS_ALIAS"  # read by flytekit_suite_plugin


@dataclass(frozen=True)
class Side:
    """One of the two runs, and where its results go."""

    name: str
    alias: bool
    out: Path

    @property
    def xml(self) -> Path:
        return self.out / f"{self.name}.xml"

    @property
    def log(self) -> Path:
        return self.out / f"{self.name}.log"

    @property
    def scope_file(self) -> Path:
        """What the last run covered (the --only paths) and how pytest exited: decides if it can be reused."""
        return self.out / f"{self.name}.scope.json"


@dataclass(frozen=True)
class Settings:
    """How to run the suite: the same for both sides."""

    python: str  # the interpreter with flytekit, pytest and this project
    suite: Path  # the folder holding flytekit's tests/
    only: tuple[str, ...] = ()  # paths under unit/ to run; all of it when empty
    timeout: int = 120  # seconds per test
    tb: str = "line"  # pytest's --tb: "short" is ~30 ms per failure, hours when flytemodels fails everything


def sides(out: Path) -> tuple[Side, Side]:
    """flytekit as shipped, and flytekit with flytekit.models resolved to flytemodels."""
    return Side("flytekit", alias=False, out=out), Side("flytemodels", alias=True, out=out)


def pytest_command(settings: Settings, side: Side) -> list[str]:
    """pytest over unit/ (or the --only paths), with the rootdir and conftests of the suite folder."""
    targets = [f"{UNIT_DIR}/{path}" if path else UNIT_DIR for path in settings.only] or [UNIT_DIR]
    suite = str(settings.suite)
    return [
        settings.python, "-m", "pytest",
        "-c", str(INI), "--rootdir", suite, "--confcutdir", suite,
        "-p", "flytekit_suite_plugin",  # before the conftests: the alias must precede any flytekit import
        "-p", "no:cacheprovider",  # nothing written into the suite folder
        "-q", f"--tb={settings.tb}",
        "-m", "not sandbox_test",  # flytekit's own deselection: these need a Flyte sandbox
        f"--timeout={settings.timeout}",
        f"--junitxml={side.xml}",
        *targets,
    ]  # fmt: skip


def environment(side: Side) -> dict[str, str]:
    """This process's environment, plus the plugin on the path and nothing written into the suite folder."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PLUGIN_DIR), env.get("PYTHONPATH")]))
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # no __pycache__ next to the suite's files
    env["HYPOTHESIS_STORAGE_DIRECTORY"] = str(side.out / f"hypothesis-{side.name}")  # not .hypothesis/ in cwd
    env.pop(ALIAS_ENV, None)
    if side.alias:
        env[ALIAS_ENV] = "1"
    return env


def run(settings: Settings, side: Side) -> int:
    """Run one side; its output goes to side.log, its results to side.xml. Returns pytest's exit code."""
    side.out.mkdir(parents=True, exist_ok=True)
    side.xml.unlink(missing_ok=True)
    side.scope_file.unlink(missing_ok=True)
    # A fresh example database, so a failure Hypothesis saved in an earlier run is not replayed first.
    shutil.rmtree(side.out / f"hypothesis-{side.name}", ignore_errors=True)
    before = files_under(settings.suite)
    command = pytest_command(settings, side)
    try:
        with side.log.open("w", encoding="utf-8") as log:
            log.write(shlex.join(command) + "\n")
            log.flush()
            # cwd is the suite folder, as in flytekit's CI: some tests open files by paths relative to it.
            done = subprocess.run(
                command, cwd=settings.suite, env=environment(side), stdout=log, stderr=subprocess.STDOUT
            )
    finally:  # also on Ctrl-C
        warn_written(settings.suite, before)
    side.scope_file.write_text(json.dumps({"only": list(settings.only), "exit": done.returncode}), encoding="utf-8")
    return done.returncode


def reusable(side: Side, only: Sequence[str]) -> bool:
    """Whether side's last run finished and covered every path now asked for."""
    if not side.xml.is_file() or not side.scope_file.is_file():
        return False
    last = json.loads(side.scope_file.read_text(encoding="utf-8"))
    if last.get("exit") not in (0, 1):  # 0: all passed, 1: some failed; anything else did not finish
        return False
    done: list[str] = last.get("only", [])
    wanted = list(only) or [""]
    return not done or all(any(covers(scope, path) for scope in done) for path in wanted)


def files_under(folder: Path) -> set[Path]:
    """Every path under folder (the suite folder holds a few hundred files)."""
    return set(folder.rglob("*"))


def warn_written(suite: Path, before: set[Path]) -> None:
    """The suite folder is third-party and read-only: remove, and name, anything a test wrote into it."""
    new = sorted(files_under(suite) - before, reverse=True)  # children before their folders
    for path in new:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    if new:
        shown = ", ".join(str(path.relative_to(suite)) for path in new[:10])
        print(f"warning: the run wrote {len(new)} paths into {suite} (removed): {shown}")


def last_line(log: Path) -> str:
    """pytest's final summary line ("3 failed, 2,057 passed ... in 160s"), or its last error line."""
    lines = [line.strip() for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    if not lines:
        return "(no output)"
    final = lines[-1]
    if (final[0].isdigit() and " in " in final) or final.startswith("no tests ran"):
        return final
    errors = [line for line in lines if line.startswith("E ")]
    return errors[-1][1:].strip() if errors else lines[-1]
