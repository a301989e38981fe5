"""Shapes: how one attribute of a compatibility model maps to one field of its message.

A shape reads the attribute's value from a held message (``read``), writes a
given value into a new message (``write``), and rewrites a value over the copy
of a held message (``rewrite``: only when it differs from what the message
holds, so reading an attribute never loses what the Python value cannot carry,
such as nanoseconds or a repeated key). Generated classes list their shapes in
``_SHAPES``; the compatibility table (data) says which shape each field takes.

Writing checks what it writes: a value of the wrong kind raises ``TypeError``
naming ``Class.attribute`` and what was expected. ``None`` means unset.
"""

from __future__ import annotations

import datetime
import enum
import importlib
import operator
from collections.abc import Callable, Mapping
from typing import Any

from google.protobuf.message import Message as PbMessage

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class ClassRef:
    """A class named by module and qualified name, imported when first needed (modules import each other)."""

    __slots__ = ("_found", "module", "qualname")

    def __init__(self, module: str, qualname: str) -> None:
        self.module = module
        self.qualname = qualname
        self._found: Any = None

    def get(self) -> Any:
        found = self._found
        if found is None:  # once; afterwards this is the whole call
            found = importlib.import_module(self.module)
            for part in self.qualname.split("."):
                found = getattr(found, part)
            self._found = found
        return found


class Shape:
    """One attribute ↔ one field. Subclasses define ``read`` and ``_write``."""

    __slots__ = ("falsy_unset", "field", "label", "presence")
    #: Whether a rewrite may skip a value equal to what the held message gives (cheap, immutable values).
    compare_before_rewrite = True

    def __init__(self, field: str, *, presence: bool = False) -> None:
        self.field = field
        self.presence = presence  # read None when the field is unset (oneof members, optional, messages)
        self.label = field
        self.falsy_unset = False  # see falsy_unset()

    def bind(self, owner: str) -> Shape:
        """Name the owning class in error messages (called once by the generated class)."""
        self.label = f"{owner}.{self.field}"
        return self

    def read(self, pb: Any) -> Any:
        raise NotImplementedError

    def reader(self) -> Callable[[Any], Any]:
        """``read``, or a cheaper callable that does the same (models convert every attribute on first read)."""
        return self.read

    def write(self, target: Any, value: Any) -> None:
        if self.falsy_unset and not value:
            return
        try:
            self._write(target, value)
        except (TypeError, ValueError) as error:
            raise type(error)(f"{self.label}: {error}") from None

    def rewrite(self, target: Any, value: Any, held: Any) -> None:
        if value is None and self.read(held) is None:  # unchanged, e.g. a present but empty message read as None
            return
        if self.compare_before_rewrite and _same(value, self.read(held)):
            return
        target.ClearField(self.field)
        if value is not None:
            self.write(target, value)

    def _write(self, target: Any, value: Any) -> None:
        raise NotImplementedError


def _member(enum_class: Any, value: int) -> Any:
    """The member of ``enum_class`` for ``value``; a value it does not list stays an int, so nothing is lost."""
    try:
        return enum_class(value)
    except ValueError:
        return value


def _same(value: Any, held: Any) -> bool:
    return value is held or (type(value) is type(held) and bool(value == held))


class Scalar(Shape):
    """A string, number, bool, bytes or enum field, as its Python value (an enum as an int, or ``enum``)."""

    __slots__ = ("empty_is_none", "enum")

    def __init__(self, field: str, *, presence: bool = False, empty_is_none: bool = False, enum: Any = None) -> None:
        super().__init__(field, presence=presence)
        self.empty_is_none = empty_is_none
        self.enum: ClassRef | None = enum

    def reader(self) -> Callable[[Any], Any]:
        plain = not (self.presence or self.empty_is_none or self.enum)
        return operator.attrgetter(self.field) if plain else self.read  # attrgetter: no Python frame

    def read(self, pb: Any) -> Any:
        if self.presence and not pb.HasField(self.field):
            return None
        value = getattr(pb, self.field)
        if self.empty_is_none and not value:
            return None
        return value if self.enum is None else _member(self.enum.get(), value)

    def _write(self, target: Any, value: Any) -> None:
        if isinstance(value, enum.Enum):
            value = value.value
        setattr(target, self.field, value)


class Repeated(Shape):
    """A repeated scalar field, as a list."""

    __slots__ = ("empty_is_none",)
    compare_before_rewrite = True

    def __init__(self, field: str, *, empty_is_none: bool = False) -> None:
        super().__init__(field)
        self.empty_is_none = empty_is_none

    def read(self, pb: Any) -> Any:
        items = list(getattr(pb, self.field))
        return None if self.empty_is_none and not items else items

    def _write(self, target: Any, value: Any) -> None:
        _expect_iterable(value)
        getattr(target, self.field).extend(item.value if isinstance(item, enum.Enum) else item for item in value)


class ScalarMap(Shape):
    """A map of scalars, as a dict (in the order given; the message's order when read)."""

    __slots__ = ("empty_is_none",)

    def __init__(self, field: str, *, empty_is_none: bool = False) -> None:
        super().__init__(field)
        self.empty_is_none = empty_is_none

    def read(self, pb: Any) -> Any:
        entries = getattr(pb, self.field)
        if not entries:  # the common case, and dict() of an upb map is slow even when empty
            return None if self.empty_is_none else {}
        return {key: entries[key] for key in entries}

    def _write(self, target: Any, value: Any) -> None:
        _expect_mapping(value)
        getattr(target, self.field).update(value)


class Model(Shape):
    """A message field, as a model of the family (``model``); a message without one stays a message."""

    __slots__ = ("empty_is_none", "model")
    compare_before_rewrite = False

    def __init__(self, field: str, model: ClassRef, *, presence: bool = True, empty_is_none: bool = False) -> None:
        super().__init__(field, presence=presence)
        self.model = model
        self.empty_is_none = empty_is_none  # a present but empty message reads as None

    def read(self, pb: Any) -> Any:
        if self.presence and not pb.HasField(self.field):
            return None
        if self.empty_is_none and not getattr(pb, self.field).ByteSize():
            return None
        return self.wrap(getattr(pb, self.field))

    def wrap(self, message: Any) -> Any:
        """A model holding ``message`` (the field's sub-message, shared: models never change what they hold)."""
        model = self.model._found or self.model.get()
        if model._EAGER:
            return model._fm_held(message)
        held = _new(model)  # model._fm_held, inlined: this runs for every message a walk reaches
        held.__dict__["_fm_pb"] = message
        return held

    def _write(self, target: Any, value: Any) -> None:
        fill(getattr(target, self.field), value)

    def rewrite(self, target: Any, value: Any, held: Any) -> None:
        # A child built from a message that still serializes to what the held message has is already
        # in the copy, with the field's presence as it was (an empty child read from an unset field stays unset).
        if "_fm_pb" in getattr(value, "__dict__", ()):
            current = getattr(held, self.field)
            rebuilt = type(current)()
            if value._fm_write(rebuilt) is not False and rebuilt == current:
                return
        super().rewrite(target, value, held)


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

    def _write(self, target: Any, value: Any) -> None:
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

    def read(self, pb: Any) -> Any:
        items = getattr(pb, self.field)
        if self.empty_is_none and not items:
            return None
        model = self._model()
        return [_copy(item) for item in items] if model is None else [_held(model, item) for item in items]

    def _write(self, target: Any, value: Any) -> None:
        _expect_iterable(value)
        items = getattr(target, self.field)
        for item in value:
            fill(items.add(), item)


class ModelMap(_Messages):
    """A map of messages, as a dict of models."""

    __slots__ = ()

    def read(self, pb: Any) -> Any:
        entries = getattr(pb, self.field)
        if self.empty_is_none and not entries:
            return None
        model = self._model()
        if model is None:
            return {key: _copy(item) for key, item in entries.items()}
        return {key: _held(model, item) for key, item in entries.items()}

    def _write(self, target: Any, value: Any) -> None:
        _expect_mapping(value)
        entries = getattr(target, self.field)
        for key, item in value.items():
            fill(entries[key], item)


class Timestamp(Shape):
    """A ``google.protobuf.Timestamp`` field, as an aware UTC ``datetime`` (``naive``: without tzinfo)."""

    __slots__ = ("naive",)

    def __init__(self, field: str, *, presence: bool = True, naive: bool = False) -> None:
        super().__init__(field, presence=presence)
        self.naive = naive

    def read(self, pb: Any) -> Any:
        if self.presence and not pb.HasField(self.field):
            return None
        stamp = getattr(pb, self.field)
        value = _EPOCH + datetime.timedelta(seconds=stamp.seconds, microseconds=stamp.nanos // 1000)
        return value.replace(tzinfo=None) if self.naive else value

    def _write(self, target: Any, value: Any) -> None:
        stamp = getattr(target, self.field)
        if isinstance(value, PbMessage):
            stamp.CopyFrom(value)
        elif isinstance(value, datetime.datetime):
            aware = value if value.tzinfo is not None else value.replace(tzinfo=datetime.UTC)
            delta = aware - _EPOCH
            stamp.seconds = delta.days * 86400 + delta.seconds
            stamp.nanos = delta.microseconds * 1000
            stamp.SetInParent()
        else:
            raise TypeError(f"expected datetime.datetime, got {type(value).__name__}")


class Wrapper(Shape):
    """A wrapper message field (``google.protobuf.BoolValue``, ...), as its plain value or None when unset."""

    __slots__ = ()

    def __init__(self, field: str, *, presence: bool = True) -> None:
        super().__init__(field, presence=presence)

    def read(self, pb: Any) -> Any:
        if self.presence and not pb.HasField(self.field):
            return None
        return getattr(pb, self.field).value

    def _write(self, target: Any, value: Any) -> None:
        wrapper = getattr(target, self.field)
        if isinstance(value, PbMessage):
            wrapper.CopyFrom(value)
        else:
            wrapper.value = value
        wrapper.SetInParent()


class Duration(Shape):
    """A ``google.protobuf.Duration`` field, as a ``timedelta``."""

    __slots__ = ()

    def __init__(self, field: str, *, presence: bool = True) -> None:
        super().__init__(field, presence=presence)

    def read(self, pb: Any) -> Any:
        if self.presence and not pb.HasField(self.field):
            return None
        duration = getattr(pb, self.field)
        return datetime.timedelta(seconds=duration.seconds, microseconds=int(duration.nanos / 1000))

    def _write(self, target: Any, value: Any) -> None:
        duration = getattr(target, self.field)
        if isinstance(value, PbMessage):
            duration.CopyFrom(value)
        elif isinstance(value, datetime.timedelta):
            duration.FromTimedelta(value)
            duration.SetInParent()  # a zero duration is still given
        else:
            raise TypeError(f"expected datetime.timedelta, got {type(value).__name__}")


class Struct(Shape):
    """A ``google.protobuf.Struct`` field, as a JSON-like dict."""

    __slots__ = ("empty_is_none",)

    def __init__(self, field: str, *, presence: bool = True, empty_is_none: bool = False) -> None:
        super().__init__(field, presence=presence)
        self.empty_is_none = empty_is_none

    def read(self, pb: Any) -> Any:
        from google.protobuf import json_format

        if self.presence and not pb.HasField(self.field):
            return None
        value = json_format.MessageToDict(getattr(pb, self.field))
        return None if self.empty_is_none and not value else value

    def _write(self, target: Any, value: Any) -> None:
        if isinstance(value, PbMessage):
            getattr(target, self.field).CopyFrom(value)
            return
        _expect_mapping(value)
        struct = getattr(target, self.field)
        if value:
            from google.protobuf import json_format

            json_format.ParseDict(value, struct)
        struct.SetInParent()  # an empty dict is still given


class Unwrapped(Shape):
    """A message field of one repeated or map field (``VariableMap``, ``Labels``), as that field's value."""

    __slots__ = ("inner",)
    # Compared first: rewriting an unchanged (even empty) value would set the wrapper's presence.
    compare_before_rewrite = True

    def __init__(self, field: str, inner: Shape) -> None:
        super().__init__(field)
        self.inner = inner

    def read(self, pb: Any) -> Any:
        return self.inner.read(getattr(pb, self.field))

    def _write(self, target: Any, value: Any) -> None:
        wrapper = getattr(target, self.field)
        self.inner._write(wrapper, value)
        wrapper.SetInParent()


class Pairs(Shape):
    """A repeated key/value message field (``KeyValuePair``), as a dict."""

    __slots__ = ()

    def read(self, pb: Any) -> Any:
        return {pair.key: pair.value for pair in getattr(pb, self.field)}

    def _write(self, target: Any, value: Any) -> None:
        _expect_mapping(value)
        pairs = getattr(target, self.field)
        for key, item in value.items():
            pairs.add(key=key, value=item)


class Custom(Shape):
    """A field with a hand-written conversion: ``to_python(message)`` and ``to_proto(value, message)``.

    Both take the owning message, so a conversion may read several fields (a deprecated one as fallback).
    """

    __slots__ = ("to_proto", "to_python")

    def __init__(self, field: str, to_python: Callable[[Any], Any], to_proto: Callable[[Any, Any], None]) -> None:
        super().__init__(field)
        self.to_python = to_python
        self.to_proto = to_proto

    def read(self, pb: Any) -> Any:
        return self.to_python(pb)

    def _write(self, target: Any, value: Any) -> None:
        self.to_proto(value, target)


_new = object.__new__


def _held(model: Any, pb: Any) -> Any:
    """``model._fm_held(pb)``, inlined for the plain case: it runs for every message a walk reaches."""
    if model._EAGER:
        return model._fm_held(pb)
    held = _new(model)
    held.__dict__["_fm_pb"] = pb
    return held


def fill(target: Any, value: Any) -> None:
    """Write ``value`` (a model of any family, or a message) into the sub-message ``target``."""
    write = getattr(value, "_fm_write", None)
    if write is not None:
        if write(target) is False:
            return  # the model stands for an absent field (flytekit's empty SecurityContext)
    elif isinstance(value, PbMessage):
        _copy_message(target, value)
    else:
        to_idl = getattr(value, "to_flyte_idl", None)
        if to_idl is None:
            raise TypeError(f"expected a {target.DESCRIPTOR.name} model or message, got {type(value).__name__}")
        _copy_message(target, to_idl())
    target.SetInParent()  # a given value is present even when it is empty


def _copy_message(target: Any, value: PbMessage) -> None:
    if value.DESCRIPTOR is not target.DESCRIPTOR:
        raise TypeError(f"expected a {target.DESCRIPTOR.full_name} message, got {value.DESCRIPTOR.full_name}")
    target.CopyFrom(value)


def _copy(message: Any) -> Any:
    copy = type(message)()
    copy.CopyFrom(message)
    return copy


def _expect_iterable(value: Any) -> None:
    # iter(), not hasattr(__iter__): protobuf's repeated containers iterate through the sequence protocol.
    try:
        iter(value)
    except TypeError:
        raise TypeError(f"expected a list, got {type(value).__name__}") from None
    if isinstance(value, (str, bytes, Mapping)):
        raise TypeError(f"expected a list, got {type(value).__name__}")


def _expect_mapping(value: Any) -> None:
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a dict, got {type(value).__name__}")


def bound(owner: str, shapes: dict[str, Shape]) -> dict[str, Shape]:
    """``shapes`` with ``owner`` named in their error messages (a generated class's ``_SHAPES``)."""
    return {attr: shape.bind(owner) for attr, shape in shapes.items()}


def getter(attr: str) -> Callable[[Any], Any]:
    """A property's getter reading ``attr`` in C (no Python frame per read)."""
    return operator.attrgetter(attr)


def setter(attr: str) -> Callable[[Any, Any], None]:
    """A property's setter storing into ``attr``, as the mirrored API's setters do."""

    def set_attribute(model: Any, value: Any) -> None:
        setattr(model, attr, value)

    return set_attribute


def falsy_unset(shape: Shape) -> Shape:
    """``shape``, not writing a falsy value (as flytekit's ``if self.timeout:``), for the fields the table marks."""
    shape.falsy_unset = True
    return shape
