"""Rendering a ``codegen diff`` as plain text or as Markdown for a pull request."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from codegen.upgrade.field_diff import Change
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
    """What the comparison could not see, a note per side that is a record of an earlier format.

    A record of format 1 has no extensions and no encodings but a group's, one
    of format 1 or 2 no presence (``diff`` then compares labels as it did).
    """
    return [note for label, side in ((old, old_surface), (new, new_surface)) if (note := _lacks(label, side))]


def _lacks(label: str, side: Surface) -> str:
    if side.extensions is None:
        return (
            f"{label} is a record of format 1, from before extensions, wire encodings and field presence were "
            f"recorded: they are not compared (but a group's encoding is, and {_LABELS})"
        )
    if not side.knows_presence:
        return (
            f"{label} is a record of format 2, from before field presence was recorded: it is not compared ({_LABELS})"
        )
    return ""


#: What such a record still shows of presence: its labels, which the diff compares as those formats did.
_LABELS = "a proto3 `optional` added or removed shows as a retyped field"


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
