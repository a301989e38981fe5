"""Compare the two runs' outcomes: per-directory counts, regressions grouped by message, the allow-list."""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tests.flytekit_suite.junit import PASSED, Outcome

UNIT = "tests/flytekit/unit/"
TOP_MESSAGES = 30
COLUMNS = ("directory", "collected", "passed on flytekit", "passed on flytemodels", "regressions")


@dataclass
class Row:
    """Counts for one directory under unit/ (or all of them)."""

    directory: str
    collected: int = 0
    passed_flytekit: int = 0
    passed_flytemodels: int = 0
    regressions: int = 0

    def cells(self) -> tuple[str, ...]:
        counts = (self.collected, self.passed_flytekit, self.passed_flytemodels, self.regressions)
        return (self.directory, *(f"{count:,}" for count in counts))


@dataclass(frozen=True)
class Regression:
    """A test that passes on flytekit and not on flytemodels."""

    node_id: str
    message: str  # why it did not pass on flytemodels: the first line of its failure
    allowed: str | None = None  # the reason from allowed.toml, when it lists the test


@dataclass
class Comparison:
    """Everything the report prints."""

    rows: list[Row]  # one per directory, models/<subdir> rows right after models
    total: Row
    regressions: list[Regression]
    fixed: int = 0  # pass on flytemodels, not on flytekit
    baseline_collect_errors: list[str] = field(default_factory=list)
    stale_allowed: list[str] = field(default_factory=list)  # allow-listed tests that are no regression

    @property
    def unexpected(self) -> list[Regression]:
        return [regression for regression in self.regressions if regression.allowed is None]


def unit_path(path: str) -> str:
    """A path or node id relative to unit/ (``models/test_literals.py::test_x``)."""
    path = path.strip().removeprefix("./").strip("/")
    for prefix in (UNIT, "unit/"):
        if path.startswith(prefix):
            return path[len(prefix) :]
    return "" if path in ("unit", UNIT.strip("/")) else path


def covers(scope: str, path: str) -> bool:
    """Whether ``scope`` (relative to unit/, "" for all of it) includes ``path``: a directory, file or node id."""
    if not scope or path == scope:
        return True
    return any(path.startswith(scope + sep) for sep in ("/", "::", "["))


def in_scope(node_id: str, only: Iterable[str]) -> bool:
    """Whether a node id falls under one of the ``--only`` paths (all of unit/ when there are none)."""
    scopes = list(only)
    return not scopes or any(covers(scope, unit_path(node_id)) for scope in scopes)


def directories(file: str) -> list[str]:
    """Table rows a test file counts in: its directory under unit/, plus ``models/<subdir>`` for model tests."""
    parts = unit_path(file).split("/")
    if len(parts) == 1:
        return parts  # a test file directly under unit/
    if parts[0] == "models" and len(parts) > 2:
        return ["models", f"models/{parts[1]}"]
    return [parts[0]]


def load_allowed(path: Path) -> dict[str, str]:
    """allowed.toml: test node id -> why flytemodels deliberately does not pass it."""
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    bad = [key for key, value in data.items() if not isinstance(value, str)]
    if bad:
        raise ValueError(f"{path}: every entry must be 'node id = \"reason\"', not {', '.join(bad)}")
    return dict(data)


def compare(
    baseline: Mapping[str, Outcome],
    candidate: Mapping[str, Outcome],
    allowed: Mapping[str, str],
    not_run: str = "not run on flytemodels",
) -> Comparison:
    """Count both runs by directory and list the regressions; ``not_run`` explains tests flytemodels lacks."""
    collect_errors = {outcome.file: outcome.message for outcome in candidate.values() if outcome.collect_error}
    rows: dict[str, Row] = {}
    total = Row("total")
    regressions: list[Regression] = []
    fixed = 0
    for node_id, before in sorted(baseline.items()):
        if before.collect_error:
            continue
        after = candidate.get(node_id)
        passed_before, passed_after = before.status == PASSED, after is not None and after.status == PASSED
        regressed = passed_before and not passed_after
        fixed += passed_after and not passed_before
        for row in (total, *(rows.setdefault(key, Row(key)) for key in directories(before.file))):
            row.collected += 1
            row.passed_flytekit += passed_before
            row.passed_flytemodels += passed_after
            row.regressions += regressed
        if regressed:
            why = reason(after, collect_errors.get(before.file, not_run))
            regressions.append(Regression(node_id, why, allowed.get(node_id)))
    regressed_ids = {regression.node_id for regression in regressions}
    return Comparison(
        rows=[rows[key] for key in sorted(rows)],
        total=total,
        regressions=regressions,
        fixed=fixed,
        baseline_collect_errors=sorted(node_id for node_id, outcome in baseline.items() if outcome.collect_error),
        stale_allowed=sorted(set(allowed) - regressed_ids),
    )


def reason(after: Outcome | None, missing: str) -> str:
    """Why a test did not pass on flytemodels; ``missing`` when flytemodels' run has no result for it."""
    if after is None:
        return missing
    return after.message or after.status


def message_counts(regressions: Iterable[Regression]) -> list[tuple[str, int]]:
    """Regression messages, most frequent first (ties by message)."""
    counts = Counter(regression.message for regression in regressions)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def text_table(comparison: Comparison) -> str:
    """The per-directory table, aligned for a terminal."""
    lines = [COLUMNS, *(row.cells() for row in comparison.rows), comparison.total.cells()]
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS))]
    rule = "  ".join("-" * width for width in widths)
    out = []
    for index, line in enumerate(lines):
        if index in (1, len(lines) - 1):
            out.append(rule)  # under the header and above the total
        name, *counts = line
        out.append("  ".join([name.ljust(widths[0]), *(c.rjust(w) for c, w in zip(counts, widths[1:], strict=True))]))
    return "\n".join(out)


def markdown_table(comparison: Comparison) -> str:
    """The per-directory table as markdown."""
    rows = [*(row.cells() for row in comparison.rows), tuple(f"**{cell}**" for cell in comparison.total.cells())]
    header = "| " + " | ".join(COLUMNS) + " |\n|" + "---|" + "---:|" * (len(COLUMNS) - 1)
    return "\n".join([header, *("| " + " | ".join(cells) + " |" for cells in rows)]) + "\n"


def summary(comparison: Comparison) -> str:
    """Totals, and what needs attention besides the regressions."""
    total = comparison.total
    allowed = len(comparison.regressions) - len(comparison.unexpected)
    lines = [
        f"{total.collected:,} tests run on flytekit; passed: {total.passed_flytekit:,} on flytekit, "
        f"{total.passed_flytemodels:,} on flytemodels; regressions: {len(comparison.unexpected):,} "
        f"(+ {allowed:,} allowed by allowed.toml); passed on flytemodels only: {comparison.fixed:,}",
    ]
    if comparison.baseline_collect_errors:
        lines.append(f"collection errors on flytekit as shipped: {', '.join(comparison.baseline_collect_errors)}")
    if comparison.stale_allowed:
        lines.append(f"allowed.toml entries that are no regression: {', '.join(comparison.stale_allowed)}")
    return "\n".join(lines)


def top_messages(comparison: Comparison, limit: int = TOP_MESSAGES) -> str:
    """The most frequent reasons for unexpected regressions."""
    counts = message_counts(comparison.unexpected)
    lines = [f"{count:>7,}  {message}" for message, count in counts[:limit]]
    if len(counts) > limit:
        lines.append(f"         ... {len(counts) - limit:,} more messages")
    return "\n".join(lines)


def regressions_text(comparison: Comparison) -> str:
    """Every regression, grouped by message (most frequent first); allowed ones last, with their reason."""
    by_message: dict[str, list[str]] = {}
    for regression in comparison.unexpected:
        by_message.setdefault(regression.message, []).append(regression.node_id)
    out = []
    for message, count in message_counts(comparison.unexpected):
        out.append(f"{count:,} x {message}")
        out.extend(f"    {node_id}" for node_id in by_message[message])
    allowed = [regression for regression in comparison.regressions if regression.allowed is not None]
    if allowed:
        out.append("allowed by allowed.toml:")
        out.extend(f"    {r.node_id}: {r.allowed} (fails with: {r.message})" for r in allowed)
    return "\n".join(out) + "\n"


def markdown_report(comparison: Comparison) -> str:
    """report.md: the table, the totals and the top messages."""
    top = top_messages(comparison)
    title = "# flytekit's unit tests on flytekit and on flytemodels\n"
    parts = [title, markdown_table(comparison), summary(comparison)]
    if top:
        parts.append(f"\nTop regression messages:\n\n```\n{top}\n```")
    return "\n".join(parts) + "\n"
