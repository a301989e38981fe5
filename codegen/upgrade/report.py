"""Rendering a ``codegen diff`` as plain text or as Markdown for a pull request."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from codegen.upgrade.diff import Change
from codegen.upgrade.surface import Surface

_SECTIONS = (
    ("wire", "Breaks the wire format"),
    ("api", "Breaks the Python API"),
    ("compatible", "Compatible"),
)


def summary(old: str, new: str, changes: list[Change]) -> str:
    counts = Counter(change.kind for change in changes)
    listed = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items())) or "no changes"
    return f"{old} → {new}: {listed}"


def notes(old: str, new: str, old_surface: Surface, new_surface: Surface) -> list[str]:
    """What the comparison could not see: a record of format 1 has no extensions and no encodings but a group's."""
    sides = ((old, old_surface), (new, new_surface))
    return [
        f"{label} is a record of format 1, from before extensions and wire encodings were recorded: "
        "they are not compared (but a group's encoding is)"
        for label, side in sides
        if side.extensions is None
    ]


def text(old: str, new: str, changes: list[Change], notes: Sequence[str] = ()) -> str:
    lines = [summary(old, new, changes), *(f"Note: {note}." for note in notes)]
    for severity, title in _SECTIONS:
        chosen = [change for change in changes if change.severity == severity]
        if chosen:
            lines += ["", f"{title} ({len(chosen)}):"]
            lines += [f"  {c.kind:<27} {c.element}" + (f"  [{c.detail}]" if c.detail else "") for c in chosen]
    return "\n".join(lines) + "\n"


def markdown(old: str, new: str, changes: list[Change], notes: Sequence[str] = ()) -> str:
    lines = [f"## IDL changes: `{old}` → `{new}`", "", summary(old, new, changes)]
    lines += [line for note in notes for line in ("", f"> Note: {note}.")]
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
