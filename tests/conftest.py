"""Shared pytest hooks: report how many generated cases the round-trip tests ran."""

from __future__ import annotations

from typing import Any

from tests import support


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if support.tally:
        counts = ", ".join(f"{count} {what}" for what, count in sorted(support.tally.items()))
        terminalreporter.write_line(f"flytemodels: checked {counts}")
    for line in support.reports:
        terminalreporter.write_line(line)
