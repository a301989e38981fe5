"""The generated annotations reject wrong code: mypy --strict must flag every marked line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

NEGATIVE = Path(__file__).parent / "typing_negative" / "negative.py"
ROOT = Path(__file__).parent.parent


def _marked_lines() -> set[int]:
    lines = NEGATIVE.read_text(encoding="utf-8").splitlines()
    return {number for number, line in enumerate(lines, start=1) if "# E:" in line}


def _reported_lines() -> tuple[set[int], str]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--config-file",
            "pyproject.toml",
            str(NEGATIVE),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    pattern = re.compile(rf"^{re.escape(str(NEGATIVE.relative_to(ROOT)))}:(\d+): error:", re.MULTILINE)
    return {int(number) for number in pattern.findall(result.stdout)}, result.stdout


def test_mypy_reports_exactly_the_marked_lines() -> None:
    reported, output = _reported_lines()
    marked = _marked_lines()
    assert marked, "the negative file marks no lines"
    assert reported - marked == set(), f"unexpected errors:\n{output}"
    assert marked - reported == set(), f"lines mypy accepted but should reject: {sorted(marked - reported)}\n{output}"
