"""Extensions added, removed, renamed, renumbered, retyped or moved between two surfaces (``codegen.upgrade.diff``)."""

from __future__ import annotations

from codegen.upgrade.field_diff import Change, WireCheck, encoding_changes, retyped, same_field
from codegen.upgrade.surface import ExtensionShape, Surface


class ExtensionChanges:
    """Extensions added, removed, renamed, renumbered, retyped or moved, by full name.

    A removed and an added extension of the same message (or of its renamed
    self) with the same number are one change: a rename when their fields
    agree, else a number reused.
    """

    def __init__(self, old: Surface, new: Surface, wire: WireCheck, message_renames: dict[str, str]) -> None:
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
        if same_field(old.field, new.field):
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
        changes = encoding_changes("extension encoding changed", name, old.field, new.field)
        if new_type:
            detail = f"{old.field.describe()} → {new.field.describe()} (= {new.field.number} of {new.extendee})"
            changes.append(Change("extension retyped", name, detail, not self._wire.fields(old.field, new.field), api))
        if old.file != new.file and old.scope is None:  # one declared in a message moves with it, reported there
            changes.append(Change("extension moved to another file", name, f"{old.file} → {new.file}", False, api))
        return changes
