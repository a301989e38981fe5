"""The README's Python examples run as written and type-check under ``mypy --strict``.

The blocks of a section that needs a third-party IDL (``readme.RUN_ELSEWHERE``) run in the test named there.
"""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import readme

ROOT = Path(__file__).resolve().parent.parent
#: Every python block, except those of sections another test runs (readme.RUN_ELSEWHERE says which and where).
BLOCKS = readme.blocks("python", readme.without_sections(readme.RUN_ELSEWHERE))
#: ``print(x)  # what: shown`` — the text after the last ": " of the comment is what the line prints.
PRINTED = re.compile(r"^print\(.*\)\s+#.*: (?P<shown>.+)$", re.M)


def test_the_readme_has_examples() -> None:
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{index}" for index in range(len(BLOCKS))])
def test_an_example_runs_and_prints_what_it_says(block: str) -> None:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(block, "README.md", "exec"), {"__name__": "readme_example"})
    for expected in PRINTED.finditer(block):
        assert expected["shown"] in printed.getvalue()


def test_the_examples_type_check(tmp_path: Path) -> None:
    for index, block in enumerate(BLOCKS):
        (tmp_path / f"readme_example_{index}.py").write_text(block, encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--config-file", str(ROOT / "pyproject.toml"), str(tmp_path)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout
