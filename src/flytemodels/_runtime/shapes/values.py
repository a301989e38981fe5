"""Shapes of scalar fields and of fields converted as a whole (key/value pairs, wrappers of one field, custom)."""

from __future__ import annotations

import enum
import operator
from collections.abc import Callable
from typing import Any

from google.protobuf.descriptor import FieldDescriptor

from flytemodels._runtime.shapes.base import ClassRef, Shape, _expect_iterable, _expect_mapping, _member


def enum_number(value: Any) -> Any:
    """What an enum field is set to: a Python ``enum.Enum`` member's value, anything else as given."""
    return value.value if isinstance(value, enum.Enum) else value


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

    def put(self, target: Any, value: Any) -> None:
        try:
            setattr(target, self.field, enum_number(value))
        except TypeError:  # protobuf's own message names no type ("bad argument type for built-in operation")
            expected = _python_type(type(target).DESCRIPTOR.fields_by_name[self.field])
            raise TypeError(f"expected {expected}, got {type(value).__name__}") from None


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

    def put(self, target: Any, value: Any) -> None:
        if value.__class__ is not list:
            _expect_iterable(value)
        items = getattr(target, self.field)
        before = len(items)
        try:
            items.extend(value)  # the common case: plain values, in one C call
        except TypeError:  # a Python enum.Enum member among them (flytekit's defaults), or a mistake
            del items[before:]
            items.extend(enum_number(item) for item in value)


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

    def put(self, target: Any, value: Any) -> None:
        _expect_mapping(value)
        getattr(target, self.field).update(value)


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

    def put(self, target: Any, value: Any) -> None:
        wrapper = getattr(target, self.field)
        self.inner.put(wrapper, value)
        wrapper.SetInParent()


class Pairs(Shape):
    """A repeated key/value message field (``KeyValuePair``), as a dict."""

    __slots__ = ()

    def read(self, pb: Any) -> Any:
        return {pair.key: pair.value for pair in getattr(pb, self.field)}

    def put(self, target: Any, value: Any) -> None:
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

    def put(self, target: Any, value: Any) -> None:
        self.to_proto(value, target)


_PYTHON_TYPES = {
    FieldDescriptor.CPPTYPE_STRING: "str or bytes",
    FieldDescriptor.CPPTYPE_BOOL: "bool",
    FieldDescriptor.CPPTYPE_DOUBLE: "float",
    FieldDescriptor.CPPTYPE_FLOAT: "float",
}


def _python_type(field: Any) -> str:
    """What a scalar field takes, in Python's words, for error messages."""
    if field.enum_type is not None:
        return f"int ({field.enum_type.full_name})"
    if field.type == FieldDescriptor.TYPE_STRING:
        return "str"
    if field.type == FieldDescriptor.TYPE_BYTES:
        return "bytes"
    return _PYTHON_TYPES.get(field.cpp_type, "int")
