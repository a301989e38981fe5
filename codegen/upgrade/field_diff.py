"""How a change to one field (or extension) is judged: its type, presence and encoding, and the wire.

``codegen.upgrade.diff`` states the rules and walks the surfaces; the judgements
it shares with ``codegen.upgrade.extension_diff`` (and the override check) live
here.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.upgrade import presence as presences
from codegen.upgrade.encoding import DELIMITED, EXPANDED, LENGTH_PREFIXED, PACKED
from codegen.upgrade.presence import REQUIRED
from codegen.upgrade.surface import FieldShape, MessageShape, Surface

# Scalar types that share a wire encoding, so changing between them keeps bytes readable.
_WIRE_FAMILIES = (
    frozenset({"int32", "uint32", "int64", "uint64", "bool", "enum"}),
    frozenset({"sint32", "sint64"}),
    frozenset({"fixed32", "sfixed32"}),
    frozenset({"fixed64", "sfixed64"}),
    frozenset({"string", "bytes"}),
)
_PRESENCE_LABELS = frozenset({"single", "optional"})
_MESSAGE_WIRES = frozenset({"message", "group"})
# Encodings that can replace each other: a message's (the change breaks the wire), a repeated scalar's (it does not).
_MESSAGE_ENCODINGS = frozenset({DELIMITED, LENGTH_PREFIXED})
_PACKINGS = frozenset({PACKED, EXPANDED})


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # e.g. "field removed"
    element: str  # e.g. flyteidl.core.Literal.hash
    detail: str
    breaks_wire: bool
    breaks_api: bool

    @property
    def severity(self) -> str:
        return "wire" if self.breaks_wire else "api" if self.breaks_api else "compatible"


def retyped(old: FieldShape, new: FieldShape) -> bool:
    """Whether the field's type changed: its value's type, a map's key, or its label (the override check asks too).

    Labels ``single`` and ``optional`` only approximate presence: where both
    sides know it, a change between them is no retype (it is a change of
    presence, or nothing). Against a record without presence it still is.
    """
    if (old.type, old.key) != (new.type, new.key):
        return True
    if old.label == new.label:
        return False
    known = old.presence is not None and new.presence is not None
    return not (known and {old.label, new.label} <= _PRESENCE_LABELS)


def new_presence(old: FieldShape, new: FieldShape) -> tuple[str, str] | None:
    """The old and new presence when both are known (singular fields of records that say it) and differ."""
    if old.presence is None or new.presence is None or old.presence == new.presence:
        return None
    return old.presence, new.presence


def presence_note(old: FieldShape, new: FieldShape) -> str:
    """``, implicit → explicit presence`` for the detail of a field renumbered or retyped too, unless its type says it.

    A message field always has presence: ``bool`` → ``BoolValue`` gains it with the type, unless it became required.
    """
    changed = new_presence(old, new)
    if changed is None or (REQUIRED not in changed and {old.wire, new.wire} & _MESSAGE_WIRES):
        return ""
    return f", {changed[0]} → {changed[1]} presence"


def presence_changes(element: str, file: str, old: FieldShape, new: FieldShape) -> list[Change]:
    """A change of presence, with what it changes for Python and for a peer (see the module's rules)."""
    changed = new_presence(old, new)
    if changed is None:
        return []
    before, after = changed
    detail = f"{new.describe()} in {file}: {before} → {after} presence ({'; '.join(presences.effects(before, after))})"
    wire, api = presences.breaks_wire(before, after), presences.breaks_api(before, after)
    return [Change("field presence changed", element, detail, wire, api)]


def encoding_changes(kind: str, element: str, old: FieldShape, new: FieldShape) -> list[Change]:
    """The change of a field's (or extension's) encoding, if it has one; only a message's breaks the wire."""
    changed = _new_encoding(old, new)
    if changed is None:
        return []
    before, after = changed
    breaks = after in _MESSAGE_ENCODINGS
    why = "a reader of one drops the other" if breaks else "every parser reads both"
    return [Change(kind, element, f"{new.describe()}: {before} → {after} ({why})", breaks, False)]


def _new_encoding(old: FieldShape, new: FieldShape) -> tuple[str, str] | None:
    """The old and new encoding when both are known, of one family (a message's, a repeated scalar's), and differ."""
    before, after = _encodings(old, new)
    if before is None or after is None or before == after:
        return None
    if not any({before, after} <= family for family in (_MESSAGE_ENCODINGS, _PACKINGS)):
        return None  # a message field became a repeated scalar: the retype says it
    return before, after


def _encodings(old: FieldShape, new: FieldShape) -> tuple[str | None, str | None]:
    """The two encodings, None where not known.

    A record of format 1 gives none but a group's (its wire type says it): a
    message field there is length-prefixed unless editions made it DELIMITED,
    which is unknown, except beside a proto2 group (no file goes back from
    editions to proto2), so a group that became a message field, or the
    reverse, is found against such a record too.
    """
    before, after = old.encoding, new.encoding
    if before is None and (old.wire, new.wire) == ("message", "group"):
        before = LENGTH_PREFIXED
    if after is None and (old.wire, new.wire) == ("group", "message"):
        after = LENGTH_PREFIXED
    return before, after


class WireCheck:
    """Whether bytes written with an old field's type still parse as the new one's."""

    def __init__(self, old: Surface, new: Surface) -> None:
        self._old, self._new = old, new
        self._assumed: set[tuple[str, str]] = set()  # message pairs under comparison (recursive types)

    def fields(self, old: FieldShape, new: FieldShape) -> bool:
        if (old.label == "map") != (new.label == "map"):
            return False
        if old.label != new.label and not {old.label, new.label} <= _PRESENCE_LABELS:
            return False  # repeated <-> singular: packing and merging differ
        if old.key != new.key and not _same_family(old.key or "", new.key or ""):
            return False
        changed = _new_encoding(old, new)
        if changed is not None and changed[1] in _MESSAGE_ENCODINGS:
            return False  # delimited <-> length-prefixed
        presence = new_presence(old, new)
        if presence is not None and REQUIRED in presence:
            return False  # a peer that requires it rejects a message without it
        return self.values(old, new)

    def values(self, old: FieldShape, new: FieldShape) -> bool:
        if old.wire in _MESSAGE_WIRES and new.wire in _MESSAGE_WIRES:  # a group is a message (encodings: above)
            return self.messages(old.type, new.type)
        return old.wire == new.wire or _same_family(old.wire, new.wire)

    def messages(self, old: str, new: str) -> bool:
        if old == new or (old, new) in self._assumed:
            return True
        before, after = self._old.messages.get(old), self._new.messages.get(new)
        if before is None or after is None:  # a type outside the root (google.protobuf.*): compare by name
            return False
        self._assumed.add((old, new))
        mine, theirs = before.by_number(), after.by_number()
        if _lone_required(before, theirs) or _lone_required(after, mine):
            return False  # one side never writes a field the other requires
        return all(f.number not in theirs or self.fields(f, theirs[f.number]) for f in before.fields)


def _lone_required(shape: MessageShape, other: dict[int, FieldShape]) -> bool:
    """Whether ``shape`` has a required field at a number the other message does not have."""
    return any(f.presence == REQUIRED and f.number not in other for f in shape.fields)


def _same_family(old: str, new: str) -> bool:
    return old == new or any(old in family and new in family for family in _WIRE_FAMILIES)


def same_field(old: FieldShape, new: FieldShape) -> bool:
    """The same value on the wire and in Python, whatever the names."""
    return (old.type, old.wire, old.label, old.encoding) == (new.type, new.wire, new.label, new.encoding)
