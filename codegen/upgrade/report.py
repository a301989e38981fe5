"""Rendering a ``codegen diff`` as plain text or as Markdown for a pull request."""

from __future__ import annotations

from collections import Counter

from codegen.upgrade.diff import Change

_SECTIONS = (
    ("wire", "Breaks the wire format"),
    ("api", "Breaks the Python API"),
    ("compatible", "Compatible"),
)


def summary(old: str, new: str, changes: list[Change]) -> str:
    counts = Counter(change.kind for change in changes)
    listed = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items())) or "no changes"
    return f"{old} → {new}: {listed}"


def text(old: str, new: str, changes: list[Change]) -> str:
    lines = [summary(old, new, changes)]
    for severity, title in _SECTIONS:
        chosen = [change for change in changes if change.severity == severity]
        if chosen:
            lines += ["", f"{title} ({len(chosen)}):"]
            lines += [f"  {c.kind:<27} {c.element}" + (f"  [{c.detail}]" if c.detail else "") for c in chosen]
    return "\n".join(lines) + "\n"


def markdown(old: str, new: str, changes: list[Change]) -> str:
    lines = [f"## IDL changes: `{old}` → `{new}`", "", summary(old, new, changes)]
    for severity, title in _SECTIONS:
        chosen = [change for change in changes if change.severity == severity]
        if chosen:
            lines += ["", f"### {title} ({len(chosen)})", "", "| change | element | detail |", "|---|---|---|"]
            lines += [f"| {c.kind} | `{c.element}` | {_cell(c.detail)} |" for c in chosen]
    return "\n".join(lines) + "\n"


def is_breaking(changes: list[Change]) -> bool:
    return any(change.breaks_wire or change.breaks_api for change in changes)


def _cell(text: str) -> str:
    """Escape the table separator inside a Markdown cell."""
    return text.replace("|", "\\|")
