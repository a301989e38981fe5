"""The README's fenced blocks, by language and section, for the tests that run them as written."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
#: Sections whose blocks need more than the dev environment (a third-party IDL): another test runs them.
RUN_ELSEWHERE = {"Another IDL": "tests/test_third_party_idls.py"}


def text() -> str:
    return README.read_text(encoding="utf-8")


def section(title: str, source: str | None = None) -> str:
    """The text of ``## <title>``, up to the next ``## `` heading."""
    found = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", source or text(), re.S | re.M)
    if found is None:
        raise LookupError(f"README.md has no section '## {title}'")
    return found.group(1)


def without_sections(titles: set[str] | dict[str, str], source: str | None = None) -> str:
    """The README less the named sections."""
    kept = source or text()
    for title in titles:
        kept = kept.replace(section(title, kept), "")
    return kept


def blocks(language: str, source: str) -> list[str]:
    """The bodies of the fenced blocks of ``language`` (```python) in ``source``, in order."""
    return re.findall(rf"```{re.escape(language)}\n(.*?)```", source, re.S)
