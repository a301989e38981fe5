"""``codegen diff OLD NEW``: what changed between two IDL surfaces, and what it breaks.

Each change says whether it breaks the wire format (bytes written by one side
are misread or lost by the other) or the Python API of the generated models
(code written against the old models may stop working). The rules:

- Removing a field, oneof, message, enum or enum value breaks the API, not the
  wire: the models keep a removed field as an unknown field, and proto3 enums
  are open. Adding any of them breaks neither, but for a required field (below).
- Renaming a field, oneof or enum value keeps the wire (numbers are what is
  sent) and breaks the API; renaming a message or enum (same file, same shape,
  new name) does too, and changes ``Any`` type URLs.
- A field that keeps its number but changes name *and* type is a reused number:
  old bytes are read as the new field, which breaks both.
- Renumbering a field or an enum value breaks the wire.
- Retyping a field breaks the API; it breaks the wire unless the old encoding
  still parses as the new one: scalars of one wire family (``int32``/``int64``/
  ``uint32``/``uint64``/``bool``/enum, ``sint*``, ``fixed32``/``sfixed32``,
  ``fixed64``/``sfixed64``, ``string``/``bytes``), any enum for any enum, and a
  message for a message whose fields are, number by number, compatible in turn
  (and neither has a required field the other lacks).
- A field whose presence changes (``codegen.upgrade.presence``): proto3
  ``optional`` added or removed, an editions ``field_presence`` feature changed
  for the field or its file, a file moved between proto2 and proto3, a field
  made required or no longer required. Gaining or losing presence breaks the
  API (the property's type gains or loses ``None``, and reads None or the
  default while unset), not the wire: a set value is written alike, though
  implicit presence does not write a zero, so a reader with presence sees a
  zero from the other side as unset (the detail says so). Becoming required
  breaks the API (a constructor refuses to leave it unset); becoming or ceasing
  to be required, or adding or removing a required field, breaks the wire too:
  a peer that requires it rejects a message without it. A label that changes
  between ``single`` and ``optional`` with the same presence (a proto2
  ``optional`` field in a file moved to editions) is no change at all.
- Moving a field into or out of a oneof, or a type to another .proto file
  (another Python module), breaks the API only.
- A message field written delimited (a proto2 group, editions'
  ``message_encoding = DELIMITED``) instead of length-prefixed, or back, breaks
  the wire: group tags and a length prefix are different wire types, so a
  reader of one drops the other as an unknown field. The models type both
  alike, so the API holds (a group that becomes a message field of the same
  nested type, or the reverse, is this one change). Packing a repeated scalar,
  or no longer packing it, breaks nothing: every parser reads both forms.
- Extensions follow the rules of fields, by full name: added, removed,
  renamed (same extended message and number), renumbered, retyped, a number
  reused, a new encoding. One that moves to another extended message breaks
  the wire and the API. An extension of a message without a model here (a
  custom option of ``google.protobuf.FieldOptions``) has no handle, so it
  breaks no API.

Services and RPCs are not compared: the generator makes no models of them. A
record of format 1 has no extensions and no encodings but a group's, and one of
format 1 or 2 no presence; against one, those are not compared (``report.notes``
says so), and a label changed between ``single`` and ``optional`` is a retype,
as those formats reported it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

from codegen.upgrade import presence as presences
from codegen.upgrade.encoding import DELIMITED, EXPANDED, LENGTH_PREFIXED, PACKED
from codegen.upgrade.presence import REQUIRED
from codegen.upgrade.surface import EnumShape, ExtensionShape, FieldShape, MessageShape, Surface

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
_Shape = TypeVar("_Shape", MessageShape, EnumShape)


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


def compare(old: Surface, new: Surface) -> list[Change]:
    """Every change from ``old`` to ``new``, sorted by element."""
    wire = _WireCheck(old, new)
    message_renames = _renames(old.messages, new.messages, _same_message)
    changes = _types("message", old.messages, new.messages, message_renames)
    changes += _types("enum", old.enums, new.enums, _renames(old.enums, new.enums, _same_enum))
    for name in sorted(old.messages.keys() & new.messages.keys()):
        changes += _message_changes(name, old.messages[name], new.messages[name], wire)
    for name in sorted(old.enums.keys() & new.enums.keys()):
        changes += _enum_changes(name, old.enums[name], new.enums[name])
    if old.extensions is not None and new.extensions is not None:
        changes += _Extensions(old, new, wire, message_renames).changes()
    return sorted(changes, key=lambda change: (change.element, change.kind))


def _types(
    what: str, before: Mapping[str, _Shape], after: Mapping[str, _Shape], renames: dict[str, str]
) -> list[Change]:
    """Messages (or enums) added, removed, renamed, or moved to another .proto file (so Python module)."""
    changes = [
        Change(f"{what} renamed", name, f"→ {renamed} (same fields and numbers)", False, True)
        for name, renamed in renames.items()
    ]
    changes += [
        Change(f"{what} removed", name, f"was in {before[name].file}", False, True)
        for name in sorted(before.keys() - after.keys() - renames.keys())
    ]
    changes += [
        Change(f"{what} added", name, f"in {after[name].file}", False, False)
        for name in sorted(after.keys() - before.keys() - set(renames.values()))
    ]
    moved = {name for name in before.keys() & after.keys() if before[name].file != after[name].file}
    changes += [  # a nested type moves with its parent, unreported
        Change(f"{what} moved to another file", name, f"{before[name].file} → {after[name].file}", False, True)
        for name in sorted(moved)
        if name.rpartition(".")[0] not in moved
    ]
    return changes


def _renames(
    before: Mapping[str, _Shape], after: Mapping[str, _Shape], same: Callable[[_Shape, _Shape], bool]
) -> dict[str, str]:
    """Old → new name: a removed type and an added one in the same scope with the same shape (unambiguous only)."""
    added = sorted(after.keys() - before.keys())
    renames = {}
    for name in sorted(before.keys() - after.keys()):
        parent = name.rpartition(".")[0]
        matches = [a for a in added if a.rpartition(".")[0] == parent and same(before[name], after[a])]
        if len(matches) == 1:
            added.remove(matches[0])
            renames[name] = matches[0]
    return renames


def _same_message(old: _Shape, new: _Shape) -> bool:
    assert isinstance(old, MessageShape) and isinstance(new, MessageShape)
    if not old.fields or old.file != new.file or old.oneofs != new.oneofs or len(old.fields) != len(new.fields):
        return False
    return all(_alike(before, after) for before, after in zip(old.fields, new.fields, strict=True))


def _alike(old: FieldShape, new: FieldShape) -> bool:
    """Equal, but for an encoding or a presence one side does not know (a record of an earlier format)."""
    if old.encoding is None or new.encoding is None:
        new = replace(new, encoding=old.encoding)
    if old.presence is None or new.presence is None:
        new = replace(new, presence=old.presence)
    return old == new


def _same_enum(old: _Shape, new: _Shape) -> bool:
    assert isinstance(old, EnumShape) and isinstance(new, EnumShape)
    return old.file == new.file and old.values == new.values


# -- messages -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Pair:
    """One message as both surfaces have it, and how its oneofs were renamed (old name → new name)."""

    name: str
    old: MessageShape
    new: MessageShape
    wire: _WireCheck
    oneof_renames: dict[str, str]


def _message_changes(name: str, old: MessageShape, new: MessageShape, wire: _WireCheck) -> list[Change]:
    changes, renames = _oneof_changes(name, old, new)
    pair = _Pair(name, old, new, wire, renames)
    old_fields, new_fields = old.by_number(), new.by_number()
    for number in sorted(old_fields.keys() | new_fields.keys()):
        changes += _field_changes(pair, old_fields.get(number), new_fields.get(number))
    return changes


def _oneof_changes(name: str, old: MessageShape, new: MessageShape) -> tuple[list[Change], dict[str, str]]:
    """Oneofs added, removed and renamed (a removed one whose members all reappear in one added one)."""
    removed = [o for o in old.oneofs if o not in new.oneofs]
    added = [o for o in new.oneofs if o not in old.oneofs]
    changes, renames = [], {}
    for oneof in removed:
        members = set(old.oneof_members(oneof))
        twin = next((o for o in added if set(new.oneof_members(o)) == members), None)
        if twin is not None:
            added.remove(twin)
            renames[oneof] = twin
            changes.append(Change("oneof renamed", f"{name}.{oneof}", f"→ {twin}", False, True))
        else:
            changes.append(Change("oneof removed", f"{name}.{oneof}", "", False, True))
    changes += [Change("oneof added", f"{name}.{o}", "", False, False) for o in added]
    return changes, renames


def _field_changes(pair: _Pair, old: FieldShape | None, new: FieldShape | None) -> list[Change]:
    if old is None and new is not None:
        moved = pair.old.by_name().get(new.name)
        if moved is not None and moved.number not in pair.new.by_number():
            return [_renumbered(pair, moved, new)]
        required = new.presence == REQUIRED  # old writers never send it
        detail = new.describe() + (f" ({presences.REJECTED})" if required else "")
        return [Change("field added", f"{pair.name}.{new.name}", detail, required, required)]
    if new is None and old is not None:
        moved_to = pair.new.by_name().get(old.name)
        if moved_to is not None and moved_to.number not in pair.old.by_number():
            return []  # reported as renumbered from the new side
        required = old.presence == REQUIRED  # new writers never send it
        detail = old.describe() + (f" ({presences.REJECTED})" if required else "")
        return [Change("field removed", f"{pair.name}.{old.name}", detail, required, True)]
    assert old is not None and new is not None
    return _same_number(pair, old, new)


def _renumbered(pair: _Pair, old: FieldShape, new: FieldShape) -> Change:
    """A field under its old name at a new number (the wire breaks); its type or presence may have changed too."""
    new_type, presence = retyped(old, new), new_presence(old, new)
    detail = f"number {old.number} → {new.number}"
    if new_type:
        detail += f", {old.describe()} → {new.describe()}"
    detail += _presence_note(old, new)
    api = new_type or (presence is not None and presences.breaks_api(*presence))
    return Change("field renumbered", f"{pair.name}.{new.name}", detail, True, api)


def _same_number(pair: _Pair, old: FieldShape, new: FieldShape) -> list[Change]:
    element = f"{pair.name}.{old.name}"
    renamed, new_type = old.name != new.name, retyped(old, new)
    if renamed and new_type:
        detail = f"number {old.number} was {old.describe()} {old.name}, is now {new.describe()} {new.name}"
        return [Change("field number reused", element, detail, True, True)]
    changes = _encoding_changes("field encoding changed", element, old, new)
    if renamed:
        changes.append(Change("field renamed", element, f"→ {new.name} (number {old.number})", False, True))
    if new_type:  # its presence, if that changed too, is said here
        detail = f"{old.describe()} → {new.describe()}{_presence_note(old, new)}"
        changes.append(Change("field retyped", element, detail, not pair.wire.fields(old, new), True))
    else:
        changes += _presence_changes(element, pair.new.file, old, new)
    oneof_renamed = old.oneof in pair.oneof_renames and pair.oneof_renames[old.oneof] == new.oneof
    if old.oneof != new.oneof and not oneof_renamed:
        detail = f"oneof {old.oneof or '(none)'} → {new.oneof or '(none)'}"
        changes.append(Change("field moved between oneofs", element, detail, False, True))
    return changes


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


def _presence_note(old: FieldShape, new: FieldShape) -> str:
    """``, implicit → explicit presence`` for the detail of a field renumbered or retyped too, unless its type says it.

    A message field always has presence: ``bool`` → ``BoolValue`` gains it with the type, unless it became required.
    """
    changed = new_presence(old, new)
    if changed is None or (REQUIRED not in changed and {old.wire, new.wire} & _MESSAGE_WIRES):
        return ""
    return f", {changed[0]} → {changed[1]} presence"


def _presence_changes(element: str, file: str, old: FieldShape, new: FieldShape) -> list[Change]:
    """A change of presence, with what it changes for Python and for a peer (see the module's rules)."""
    changed = new_presence(old, new)
    if changed is None:
        return []
    before, after = changed
    detail = f"{new.describe()} in {file}: {before} → {after} presence ({'; '.join(presences.effects(before, after))})"
    wire, api = presences.breaks_wire(before, after), presences.breaks_api(before, after)
    return [Change("field presence changed", element, detail, wire, api)]


def _encoding_changes(kind: str, element: str, old: FieldShape, new: FieldShape) -> list[Change]:
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


class _WireCheck:
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


# -- enums --------------------------------------------------------------------------


def _enum_changes(name: str, old: EnumShape, new: EnumShape) -> list[Change]:
    changes = []
    old_values, new_values = old.by_name(), new.by_name()
    old_names = {number: value for value, number in reversed(old.values)}  # the first name of each number
    renamed = {}
    for value, number in new.values:
        previous = old_names.get(number)
        if value not in old_values and previous is not None and previous not in new_values:
            renamed[previous] = value
    for value in sorted(old_values.keys() | new_values.keys()):
        element = f"{name}.{value}"
        if value in renamed:
            detail = f"→ {renamed[value]} (= {old_values[value]})"
            changes.append(Change("enum value renamed", element, detail, False, True))
        elif value not in new_values:
            changes.append(Change("enum value removed", element, f"= {old_values[value]}", False, True))
        elif value not in old_values:
            if value not in renamed.values():
                changes.append(Change("enum value added", element, f"= {new_values[value]}", False, False))
        elif old_values[value] != new_values[value]:
            detail = f"{old_values[value]} → {new_values[value]}"
            changes.append(Change("enum value renumbered", element, detail, True, False))
    return changes


# -- extensions ---------------------------------------------------------------------------


class _Extensions:
    """Extensions added, removed, renamed, renumbered, retyped or moved, by full name.

    A removed and an added extension of the same message (or of its renamed
    self) with the same number are one change: a rename when their fields
    agree, else a number reused.
    """

    def __init__(self, old: Surface, new: Surface, wire: _WireCheck, message_renames: dict[str, str]) -> None:
        assert old.extensions is not None and new.extensions is not None
        self._old, self._new = old, new
        self._before, self._after = old.extensions, new.extensions
        self._wire, self._renames = wire, message_renames

    def changes(self) -> list[Change]:
        removed = sorted(self._before.keys() - self._after.keys())
        added = {
            self._slot(self._after[name], renamed=False): name for name in self._after.keys() - self._before.keys()
        }
        changes = []
        for name in removed:
            twin = added.pop(self._slot(self._before[name], renamed=True), None)
            changes += [self._replaced(name, twin) if twin is not None else self._removed(name)]
        changes += [self._added(name) for name in sorted(added.values())]
        for name in sorted(self._before.keys() & self._after.keys()):
            changes += self._kept(name, self._before[name], self._after[name])
        return changes

    def _slot(self, shape: ExtensionShape, renamed: bool) -> tuple[str, int]:
        """The extended message (as the new side names it) and the number: where an extension's bytes go."""
        extendee = self._renames.get(shape.extendee, shape.extendee) if renamed else shape.extendee
        return extendee, shape.field.number

    def _handled(self, shape: ExtensionShape) -> bool:
        """Whether the extension has a handle (an API to break): its message has a model here."""
        return shape.extendee in self._old.messages or shape.extendee in self._new.messages

    def _added(self, name: str) -> Change:
        return Change("extension added", name, self._after[name].describe(), False, False)

    def _removed(self, name: str) -> Change:
        shape = self._before[name]
        return Change("extension removed", name, shape.describe(), False, self._handled(shape))

    def _replaced(self, name: str, twin: str) -> Change:
        old, new = self._before[name], self._after[twin]
        if _same_field(old.field, new.field):
            return Change("extension renamed", name, f"→ {twin} ({new.describe()})", False, self._handled(old))
        detail = f"{old.field.number} of {new.extendee} was {old.field.describe()} {name}, is now "
        return Change("extension number reused", name, detail + f"{new.field.describe()} {twin}", True, True)

    def _kept(self, name: str, old: ExtensionShape, new: ExtensionShape) -> list[Change]:
        api = self._handled(old)
        if self._renames.get(old.extendee, old.extendee) != new.extendee:
            detail = f"{old.describe()} → {new.describe()}"
            return [Change("extension moved to another message", name, detail, True, api)]
        new_type = retyped(old.field, new.field)
        if old.field.number != new.field.number:
            detail = f"number {old.field.number} → {new.field.number} of {new.extendee}"
            if new_type:
                detail += f", {old.field.describe()} → {new.field.describe()}"
            return [Change("extension renumbered", name, detail, True, api and new_type)]
        changes = _encoding_changes("extension encoding changed", name, old.field, new.field)
        if new_type:
            detail = f"{old.field.describe()} → {new.field.describe()} (= {new.field.number} of {new.extendee})"
            changes.append(Change("extension retyped", name, detail, not self._wire.fields(old.field, new.field), api))
        if old.file != new.file and old.scope is None:  # one declared in a message moves with it, reported there
            changes.append(Change("extension moved to another file", name, f"{old.file} → {new.file}", False, api))
        return changes


def _same_field(old: FieldShape, new: FieldShape) -> bool:
    """The same value on the wire and in Python, whatever the names."""
    return (old.type, old.wire, old.label, old.encoding) == (new.type, new.wire, new.label, new.encoding)
