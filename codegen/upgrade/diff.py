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
from codegen.upgrade.extension_diff import ExtensionChanges
from codegen.upgrade.field_diff import (
    Change,
    WireCheck,
    encoding_changes,
    new_presence,
    presence_changes,
    presence_note,
    retyped,
)
from codegen.upgrade.presence import REQUIRED
from codegen.upgrade.surface import EnumShape, FieldShape, MessageShape, Surface

__all__ = ["Change", "compare", "new_presence", "retyped"]  # what the CLI, the report and the override check use

_Shape = TypeVar("_Shape", MessageShape, EnumShape)


def compare(old: Surface, new: Surface) -> list[Change]:
    """Every change from ``old`` to ``new``, sorted by element."""
    wire = WireCheck(old, new)
    message_renames = _renames(old.messages, new.messages, _same_message)
    changes = _types("message", old.messages, new.messages, message_renames)
    changes += _types("enum", old.enums, new.enums, _renames(old.enums, new.enums, _same_enum))
    for name in sorted(old.messages.keys() & new.messages.keys()):
        changes += _message_changes(name, old.messages[name], new.messages[name], wire)
    for name in sorted(old.enums.keys() & new.enums.keys()):
        changes += _enum_changes(name, old.enums[name], new.enums[name])
    if old.extensions is not None and new.extensions is not None:
        changes += ExtensionChanges(old, new, wire, message_renames).changes()
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
    wire: WireCheck
    oneof_renames: dict[str, str]


def _message_changes(name: str, old: MessageShape, new: MessageShape, wire: WireCheck) -> list[Change]:
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
    detail += presence_note(old, new)
    api = new_type or (presence is not None and presences.breaks_api(*presence))
    return Change("field renumbered", f"{pair.name}.{new.name}", detail, True, api)


def _same_number(pair: _Pair, old: FieldShape, new: FieldShape) -> list[Change]:
    element = f"{pair.name}.{old.name}"
    renamed, new_type = old.name != new.name, retyped(old, new)
    if renamed and new_type:
        detail = f"number {old.number} was {old.describe()} {old.name}, is now {new.describe()} {new.name}"
        return [Change("field number reused", element, detail, True, True)]
    changes = encoding_changes("field encoding changed", element, old, new)
    if renamed:
        changes.append(Change("field renamed", element, f"→ {new.name} (number {old.number})", False, True))
    if new_type:  # its presence, if that changed too, is said here
        detail = f"{old.describe()} → {new.describe()}{presence_note(old, new)}"
        changes.append(Change("field retyped", element, detail, not pair.wire.fields(old, new), True))
    else:
        changes += presence_changes(element, pair.new.file, old, new)
    oneof_renamed = old.oneof in pair.oneof_renames and pair.oneof_renames[old.oneof] == new.oneof
    if old.oneof != new.oneof and not oneof_renamed:
        detail = f"oneof {old.oneof or '(none)'} → {new.oneof or '(none)'}"
        changes.append(Change("field moved between oneofs", element, detail, False, True))
    return changes


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
