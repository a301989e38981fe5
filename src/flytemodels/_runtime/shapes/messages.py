"""Shapes of message fields: as models of the family, or kept as protobuf messages."""

from __future__ import annotations

from typing import Any

from flytemodels._runtime.shapes.base import (
    EAGER_LEVELS,
    ClassRef,
    Shape,
    _copy,
    _expect_iterable,
    _expect_mapping,
    _held,
    fill,
)


class Model(Shape):
    """A message field, as a model of the family (``model``); a message without one stays a message."""

    __slots__ = ("empty_is_none", "model")
    compare_before_rewrite = False

    def __init__(self, field: str, model: ClassRef, *, presence: bool = True, empty_is_none: bool = False) -> None:
        super().__init__(field, presence=presence)
        self.model = model
        self.empty_is_none = empty_is_none  # a present but empty message reads as None

    def read(self, pb: Any, depth: int = EAGER_LEVELS) -> Any:
        if self.presence and not pb.HasField(self.field):
            return None
        message = getattr(pb, self.field)
        # ByteSize through the class: a field named ByteSize hides it on the instance (fixtures/protobuf_members.proto)
        if self.empty_is_none and not type(message).ByteSize(message):
            return None
        return self.wrap(message, depth)

    def wrap(self, message: Any, depth: int = EAGER_LEVELS) -> Any:
        """A model holding ``message`` (the field's sub-message, shared: models never change what they hold),
        converted now when ``depth`` says so (``shapes.base._held``)."""
        return _held(self.model._found or self.model.get(), message, depth)

    def put(self, target: Any, value: Any) -> None:
        fill(getattr(target, self.field), value)

    def rewrite(self, target: Any, value: Any, held: Any) -> None:
        # A child built from a message that still serializes to what the held message has is already
        # in the copy, with the field's presence as it was (an empty child read from an unset field stays unset).
        if getattr(value, "_fm_pb", None) is not None:
            current = getattr(held, self.field)
            # Only when set: any write into an unset sub-message, a no-op too, would make it present.
            if _applies_in_place(value, current) and held.HasField(self.field):
                value._fm_apply(getattr(target, self.field))
                return
            rebuilt = type(current)()
            if value._fm_write(rebuilt) is not False and rebuilt == current:
                return
        super().rewrite(target, value, held)


def _applies_in_place(model: Any, held: Any) -> bool:
    """Whether ``model`` holds the very message ``held`` (protobuf hands out one object per
    sub-message while it lives) and writes itself as the family does: then a copy of ``held``
    needs only its changed attributes (``MutableModel._fm_apply``)."""
    return getattr(model, "_fm_pb", None) is held and getattr(model.__class__, "_FM_PLAIN_WRITE", False)


def _held_entries(value: dict[Any, Any], entries: Any) -> bool:
    """Whether every model of ``value`` applies in place to the entry of its key in ``entries`` (a map field)."""
    return all(key in entries and _applies_in_place(item, entries[key]) for key, item in value.items())


class Message(Shape):
    """A message field kept as a protobuf message (no model in the family); handed out as a copy."""

    __slots__ = ()
    compare_before_rewrite = True

    def __init__(self, field: str, *, presence: bool = True) -> None:
        super().__init__(field, presence=presence)

    def read(self, pb: Any) -> Any:
        if self.presence and not pb.HasField(self.field):
            return None
        source = getattr(pb, self.field)
        copy = type(source)()
        copy.CopyFrom(source)
        return copy

    def put(self, target: Any, value: Any) -> None:
        fill(getattr(target, self.field), value)


class _Messages(Shape):
    """A repeated or map field of messages, each as a model of ``model`` (a message copy when None)."""

    __slots__ = ("empty_is_none", "model")
    compare_before_rewrite = False

    def __init__(self, field: str, model: ClassRef | None, *, empty_is_none: bool = False) -> None:
        super().__init__(field)
        self.model = model
        self.empty_is_none = empty_is_none

    def _model(self) -> Any:
        """The model class of the items, or None: they are kept as messages (copied)."""
        return None if self.model is None else self.model.get()


class Models(_Messages):
    """A repeated message field, as a list of models (or of messages when ``model`` is None)."""

    __slots__ = ()

    def read(self, pb: Any, depth: int = EAGER_LEVELS) -> Any:
        items = getattr(pb, self.field)
        if self.empty_is_none and not items:
            return None
        model = self._model()
        return [_copy(item) for item in items] if model is None else [_held(model, item, depth) for item in items]

    def rewrite(self, target: Any, value: Any, held: Any) -> None:
        # Still the held list, item by item: each item applies its changes to its element in place.
        items = getattr(held, self.field)
        if value.__class__ is list and len(value) == len(items) and all(map(_applies_in_place, value, items)):
            for item, element in zip(value, getattr(target, self.field), strict=True):
                item._fm_apply(element)
            return
        super().rewrite(target, value, held)

    def put(self, target: Any, value: Any) -> None:
        if value.__class__ is not list:
            _expect_iterable(value)
        add = getattr(target, self.field).add
        for item in value:
            element = add()
            kind = item.__class__
            # fill()'s common case, inlined: a value-built child of the family writes itself
            if getattr(kind, "_FM_PLAIN_WRITE", False) and kind._PB is element.__class__ and item._fm_pb is None:
                item._fm_write_values(element)
            else:
                fill(element, item)


class ModelMap(_Messages):
    """A map of messages, as a dict of models."""

    __slots__ = ()

    def read(self, pb: Any, depth: int = EAGER_LEVELS) -> Any:
        entries = getattr(pb, self.field)
        if self.empty_is_none and not entries:
            return None
        model = self._model()
        if model is None:
            return {key: _copy(item) for key, item in entries.items()}
        return {key: _held(model, item, depth) for key, item in entries.items()}

    def rewrite(self, target: Any, value: Any, held: Any) -> None:
        # Still the held entries, key by key: each applies its changes to its entry in place.
        entries = getattr(held, self.field)
        if value.__class__ is dict and len(value) == len(entries) and _held_entries(value, entries):
            written = getattr(target, self.field)
            for key, item in value.items():
                item._fm_apply(written[key])
            return
        super().rewrite(target, value, held)

    def put(self, target: Any, value: Any) -> None:
        if value.__class__ is not dict:
            _expect_mapping(value)
        entries = getattr(target, self.field)
        for key, item in value.items():
            entry = entries[key]
            kind = item.__class__
            if getattr(kind, "_FM_PLAIN_WRITE", False) and kind._PB is entry.__class__ and item._fm_pb is None:
                item._fm_write_values(entry)  # as in Models._write
            else:
                fill(entry, item)
