"""Bringing two messages to what flytekit's round trip can represent, by the documented deviations.

``expected(pb, root)`` is what flytekit's ``from_flyte_idl(pb).to_flyte_idl()``
should give for the flytekit class ``root`` (a table key such as
``core.compiler.CompiledTask``), once ``comparable`` is applied to both sides;
``flytekit_input(pb, root)`` is the input to hand flytekit (fields it rejects
cleared); ``compared(pb, root)`` says whether an instance can be compared at
all (flytekit crashes on it otherwise, as documented). Every rule applied here
is a ``roundtrip.Deviation``, listed with its reason in the docs.
"""

from __future__ import annotations

from typing import Any

from google.protobuf.message import Message as PbMessage

from tests.flytekit_compat.roundtrip import BY_MESSAGE, Deviation, Kind

_TIME = ("google.protobuf.Timestamp", "google.protobuf.Duration")


def _rules(root: str, name: str, kind: Kind) -> list[Deviation]:
    return [rule for rule in BY_MESSAGE.get(name, ()) if rule.kind is kind and rule.applies_to(root)]


def flytekit_input(pb: Any, root: str) -> Any:
    """A copy of ``pb`` without the fields flytekit refuses or rewrites (``Kind.REJECTS``, ``Kind.REWRITES``)."""
    return _edited(pb, lambda message: _clear(message, root, (Kind.REJECTS, Kind.REWRITES)))


def compared(pb: Any, root: str) -> bool:
    """False when ``pb`` holds something flytekit's round trip crashes on (``Kind.REQUIRES``)."""
    for message in _messages(pb):
        for rule in _rules(root, message.DESCRIPTOR.full_name, Kind.REQUIRES):
            if any(len(getattr(message, field)) == 0 for field in rule.fields):
                return False
    return True


def comparable(pb: Any, root: str) -> Any:
    """A copy of ``pb`` as flytekit's round trip would give it, up to the documented deviations.

    Fields flytekit drops or corrupts are cleared, nanoseconds it cannot hold
    are truncated, key/value lists it keeps as dicts are collapsed, lists it
    sorts are sorted, and a singular field holding its default value (an empty
    message, ``0``, ``""``) counts as unset, as flytekit decides presence by
    truthiness. Apply it to both sides.
    """
    return _edited(pb, lambda message: _normalize(message, root))


def without_defaults(pb: Any) -> Any:
    """A copy of ``pb`` with every singular field that holds its default value unset (only that deviation)."""
    return _edited(pb, _without_defaults)


def _without_defaults(pb: PbMessage) -> None:
    for field, value in pb.ListFields():
        for item in _message_items(field, value):
            _without_defaults(item)
    _drop_defaults(pb)


def _edited(pb: Any, edit: Any) -> Any:
    copy = type(pb)()
    copy.CopyFrom(pb)
    edit(copy)
    return copy


def _clear(pb: PbMessage, root: str, kinds: tuple[Kind, ...]) -> None:
    for kind in kinds:
        for rule in _rules(root, pb.DESCRIPTOR.full_name, kind):
            for field in rule.fields:
                pb.ClearField(field)
    for field, value in pb.ListFields():
        for item in _message_items(field, value):
            _clear(item, root, kinds)


def _normalize(pb: PbMessage, root: str) -> None:
    name = pb.DESCRIPTOR.full_name
    for kind in (Kind.DROPS, Kind.CORRUPTS):
        for rule in _rules(root, name, kind):
            for field in rule.fields:
                pb.ClearField(field)
    truncate = bool(_rules(root, name, Kind.TRUNCATES))
    for field, value in pb.ListFields():
        for item in _message_items(field, value):
            if truncate and item.DESCRIPTOR.full_name in _TIME:
                item.nanos = int(item.nanos / 1000) * 1000
            _normalize(item, root)
    for rule in _rules(root, name, Kind.COLLAPSES):
        for field in rule.fields:
            _collapse(getattr(pb, field))
    for rule in _rules(root, name, Kind.SORTS):
        for field in rule.fields:
            _sort(getattr(pb, field), rule.key)
    for field, value in pb.ListFields():
        if field.message_type is None and not field.is_repeated and not value:
            pb.ClearField(field.name)
    _drop_defaults(pb)


def _drop_defaults(pb: PbMessage) -> None:
    for field, value in pb.ListFields():
        if field.is_repeated:
            continue
        empty = value.ByteSize() == 0 if field.message_type is not None else not value
        if empty:
            pb.ClearField(field.name)


def _collapse(items: Any) -> None:
    """Key/value pairs as a dict holds them: one per key, first position, last value."""
    merged = {item.key: item.value for item in items}
    del items[:]
    for key, value in merged.items():
        items.add(key=key, value=value)


def _sort(items: Any, key: str) -> None:
    def value(item: Any) -> Any:
        for part in key.split("."):
            item = getattr(item, part)
        return item

    ordered = sorted((_copy(item) for item in items), key=value)
    del items[:]
    items.extend(ordered)


def _copy(item: Any) -> Any:
    copy = type(item)()
    copy.CopyFrom(item)
    return copy


def _messages(pb: PbMessage) -> list[PbMessage]:
    found = [pb]
    for field, value in pb.ListFields():
        for item in _message_items(field, value):
            found.extend(_messages(item))
    return found


def _message_items(field: Any, value: Any) -> list[Any]:
    if field.message_type is None:
        return []
    if field.message_type.GetOptions().map_entry:
        return list(value.values()) if field.message_type.fields_by_name["value"].message_type else []
    return list(value) if field.is_repeated else [value]


def constructed(pb: Any, root: str) -> Any:
    """A copy of ``pb`` up to what flytekit's ``to_flyte_idl`` corrupts, for messages built by constructors.

    Given the same values, both constructors must write the same message, presence
    and order included (flytekit sorts ``WorkflowSpec.sub_workflows``: so must ours),
    except the fields flytekit's ``to_flyte_idl`` corrupts and a scalar with presence
    (a oneof member, an ``optional`` field) given its default value (``var=""``),
    which flytekit leaves out by truthiness and ours writes as given.
    """
    return _edited(pb, lambda message: _constructed(message, root))


def _constructed(pb: PbMessage, root: str) -> None:
    for rule in _rules(root, pb.DESCRIPTOR.full_name, Kind.CORRUPTS):
        for field in rule.fields:
            pb.ClearField(field)
    for field, value in pb.ListFields():
        for item in _message_items(field, value):
            _constructed(item, root)
        if field.message_type is None and not field.is_repeated and not value:
            pb.ClearField(field.name)
