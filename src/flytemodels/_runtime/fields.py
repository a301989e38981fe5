"""Field specs: how one proto field is read from and written to a message.

A spec is built once per field from the protobuf descriptor (not from generated
code), so a model class and the pb2 class it wraps can never disagree about a
field's kind. ``get`` converts what the message holds into Python values;
``set`` validates a constructor argument and writes it, raising ``TypeError`` or
``ValueError`` that names ``Message.field``.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

from google.protobuf.descriptor import Descriptor, FieldDescriptor

from flytemodels._runtime import registry, wellknown

_FD = FieldDescriptor
_new = object.__new__
_INT_RANGES: dict[int, tuple[int, int]] = {
    _FD.TYPE_INT32: (-(2**31), 2**31 - 1),
    _FD.TYPE_SINT32: (-(2**31), 2**31 - 1),
    _FD.TYPE_SFIXED32: (-(2**31), 2**31 - 1),
    _FD.TYPE_ENUM: (-(2**31), 2**31 - 1),
    _FD.TYPE_INT64: (-(2**63), 2**63 - 1),
    _FD.TYPE_SINT64: (-(2**63), 2**63 - 1),
    _FD.TYPE_SFIXED64: (-(2**63), 2**63 - 1),
    _FD.TYPE_UINT32: (0, 2**32 - 1),
    _FD.TYPE_FIXED32: (0, 2**32 - 1),
    _FD.TYPE_UINT64: (0, 2**64 - 1),
    _FD.TYPE_FIXED64: (0, 2**64 - 1),
}
_PLAIN_TYPES: dict[int, tuple[tuple[type, ...], str]] = {
    _FD.TYPE_BOOL: ((bool,), "bool"),
    _FD.TYPE_STRING: ((str,), "str"),
    _FD.TYPE_BYTES: ((bytes,), "bytes"),
    _FD.TYPE_FLOAT: ((float, int), "float"),
    _FD.TYPE_DOUBLE: ((float, int), "float"),
}
# A finite value these cannot pack would silently become inf (float) or fail in protobuf (huge ints).
_FLOAT_FORMATS: dict[int, tuple[str, str]] = {_FD.TYPE_FLOAT: ("<f", "float32"), _FD.TYPE_DOUBLE: ("<d", "double")}


class Element:
    """One value of a field: a scalar, an enum, a model or a well-known type."""

    __slots__ = ()
    #: True when values are written with ``CopyFrom``-style filling, not assignment.
    is_message = False
    #: True when ``to_python`` returns its argument: containers then copy in C, not item by item.
    passthrough = False

    def to_python(self, raw: Any) -> Any:
        return raw

    def cacheable(self) -> bool:
        """Whether a model may keep what ``to_python`` built and hand it out again."""
        return self.is_message

    def check(self, value: Any) -> Any:
        """Return the value to store, or raise TypeError/ValueError (no field name)."""
        raise NotImplementedError

    def fill(self, target: Any, value: Any) -> None:
        raise NotImplementedError


class ScalarElement(Element):
    __slots__ = ("_closed", "_expected", "_float", "_range", "_types")
    passthrough = True

    def __init__(self, field: FieldDescriptor) -> None:
        self._range = _INT_RANGES.get(field.type)
        self._float = _FLOAT_FORMATS.get(field.type)
        self._types, self._expected = _PLAIN_TYPES.get(field.type, ((int,), "int"))
        enum = field.enum_type
        # A closed enum (proto2's, or editions' `enum_type = CLOSED`) holds declared values only.
        self._closed = ClosedValues(enum) if enum is not None and enum.is_closed else None

    def check(self, value: Any) -> Any:
        types: tuple[type, ...] = self._types
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise TypeError(f"expected {self._expected}, got {type(value).__name__}")
        if self._float is not None:
            try:
                struct.pack(self._float[0], value)
            except (OverflowError, struct.error):  # struct.error: an int beyond any double
                raise ValueError(f"{value} is outside the {self._float[1]} range") from None
        return self._in_range(value)

    def _in_range(self, value: Any) -> Any:
        bounds = self._range
        if bounds is not None and not bounds[0] <= value <= bounds[1]:
            low, high = bounds
            raise ValueError(f"{value} is outside the field's range [{low}, {high}]")
        if self._closed is not None:
            self._closed.check(value)
        return value


class ClosedValues:
    """The declared numbers of a closed enum, which is all a field of that enum may hold.

    protobuf itself refuses another number with a bare "invalid enumerator"; the
    error here says which enum and what it allows (the field is added by ``Spec``).
    """

    __slots__ = ("_descriptor", "_numbers")

    def __init__(self, descriptor: Any) -> None:
        self._descriptor = descriptor
        self._numbers = frozenset(value.number for value in descriptor.values)

    def check(self, value: int) -> None:
        if value not in self._numbers:
            enum = self._descriptor
            name = enum.full_name.removeprefix(enum.file.package + ".")
            allowed = ", ".join(f"{member.name} ({member.number})" for member in enum.values)
            raise ValueError(f"{int(value)} is not a value of the closed enum {name}; allowed: {allowed}")


class EnumElement(ScalarElement):
    __slots__ = ("_descriptor", "_enum", "_tree")
    passthrough = False

    def __init__(self, field: FieldDescriptor, tree: str) -> None:
        super().__init__(field)
        self._descriptor: Any = field.enum_type
        self._tree = tree
        self._enum: Any = None

    def _class(self) -> Any:
        enum = self._enum
        if enum is None:
            enum = self._enum = registry.model_class(self._descriptor, self._tree)
        return enum

    def to_python(self, raw: Any) -> Any:
        enum = self._class()
        member = enum._value2member_map_.get(raw)
        return member if member is not None else enum(raw)

    def check(self, value: Any) -> Any:
        # Any int is kept (proto3 enums are open), but a member of another enum is
        # a mistake an IntEnum would otherwise let through as its int.
        enum = self._class()
        wrong_enum = isinstance(value, Enum) and not isinstance(value, enum)
        if wrong_enum or not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"expected {enum.__qualname__} or int, got {type(value).__qualname__}")
        return self._in_range(value)


class MessageElement(Element):
    __slots__ = ("_descriptor", "_model", "_tree")
    is_message = True

    def __init__(self, descriptor: Descriptor, tree: str) -> None:
        self._descriptor = descriptor
        self._tree = tree
        self._model: Any = None

    def _class(self) -> Any:
        # Resolved once per spec, in the parent's own tree: a second tree modelling
        # the same proto file never changes what this parent's field yields.
        model = self._model
        if model is None:
            model = self._model = registry.model_class(self._descriptor, self._tree)
        return model

    def to_python(self, raw: Any) -> Any:
        # The parent owns an immutable message, so the child may share it.
        model = self._model
        if model is None:
            model = self._class()
        # Message._wrap, inlined: this runs once for every message a walk reaches.
        wrapped = _new(model)
        wrapped._pb = raw
        wrapped._cache = None
        wrapped._hash = None
        return wrapped

    def fill(self, target: Any, value: Any) -> None:
        pb_class = getattr(type(value), "_IDL_PB", None)  # a model of this family, held or value-built
        if pb_class is None or pb_class.DESCRIPTOR is not self._descriptor:
            expected = self._class().__name__
            raise TypeError(f"expected {expected} ({self._descriptor.full_name}), got {type(value).__name__}")
        value._fm_into(target)


class WellKnownElement(Element):
    __slots__ = ("_rule",)
    is_message = True

    def __init__(self, descriptor: Descriptor) -> None:
        self._rule = wellknown.rule_for(descriptor.full_name)

    def to_python(self, raw: Any) -> Any:
        return self._rule.to_python(raw)

    def cacheable(self) -> bool:
        # A cached dict/list/message would be shared with every caller that changes it.
        return not self._rule.mutable

    def fill(self, target: Any, value: Any) -> None:
        self._rule.to_proto(value, target)


def element_for(field: FieldDescriptor, tree: str) -> Element:
    """The element kind of a (non-map) field of a message modelled in the generated tree ``tree``.

    A message or enum type from outside that tree (``google.rpc.Status`` in
    flyteidl2) has no model: a message is kept as its protobuf message, an enum
    value as a plain int, as the generator annotates them.
    """
    if field.type == _FD.TYPE_ENUM:
        modelled = registry.models(tree, field.enum_type.file.name)  # type: ignore[union-attr]
        return EnumElement(field, tree) if modelled else ScalarElement(field)
    message = field.message_type
    if message is None:
        return ScalarElement(field)
    if message.file.package == "google.protobuf" or not registry.models(tree, message.file.name):
        return WellKnownElement(message)
    return MessageElement(message, tree)


class Spec:
    """How one field of one message is read and written."""

    __slots__ = ("cached", "deprecated", "element", "label", "name", "oneof", "required")

    def __init__(self, field: FieldDescriptor, owner: str, element: Element) -> None:
        self.name = field.name
        self.label = f"{owner}.{field.name}"
        self.deprecated = field.GetOptions().deprecated  # replace() warns when it is set
        # proto2 `required` (editions: LEGACY_REQUIRED): constructors and replace() refuse to leave it unset.
        self.required = field.is_required
        oneof = field.containing_oneof
        # proto3 `optional` lives in a synthetic oneof of one; it is not a user oneof.
        self.oneof = oneof.name if oneof is not None and len(oneof.fields) > 1 else None
        self.element = element
        self.cached = element.cacheable()

    def get(self, pb: Any) -> Any:
        raise NotImplementedError

    def fresh(self, value: Any) -> Any:
        """What a property hands out for a cached value (containers are copied)."""
        return value

    def set(self, pb: Any, value: Any) -> None:
        try:
            self._store(pb, value)
        except (TypeError, ValueError) as error:
            raise relabelled(error, f"{self.label}: ") from None

    def _store(self, pb: Any, value: Any) -> None:
        raise NotImplementedError


class SingleSpec(Spec):
    __slots__ = ("presence",)

    def __init__(self, field: FieldDescriptor, owner: str, element: Element) -> None:
        super().__init__(field, owner, element)
        self.presence = field.has_presence
        # Wrapping a present submessage is O(1) (the child shares the parent's
        # message), so a single nested model is rebuilt on each read rather than
        # held: a walked tree then costs no more memory than the message itself.
        if isinstance(element, MessageElement):
            self.cached = False

    def get(self, pb: Any) -> Any:
        if self.presence and not pb.HasField(self.name):
            return None
        return self.element.to_python(getattr(pb, self.name))

    def _store(self, pb: Any, value: Any) -> None:
        if self.element.is_message:
            target = getattr(pb, self.name)
            self.element.fill(target, value)
            # A value that was given is present even when it fills nothing: an empty
            # Struct ({}) or ListValue ([]) writes no field, and without this the
            # submessage would read back as None instead of {} / [].
            target.SetInParent()
        else:
            setattr(pb, self.name, self.element.check(value))


class RepeatedSpec(Spec):
    __slots__ = ()

    def get(self, pb: Any) -> Any:
        if self.element.passthrough:  # a slice is a protobuf container's fastest copy into a list
            return getattr(pb, self.name)[:]
        convert = self.element.to_python
        return [convert(item) for item in getattr(pb, self.name)]

    def fresh(self, value: Any) -> Any:
        return list(value)

    def _store(self, pb: Any, value: Any) -> None:
        store_items(getattr(pb, self.name), self.element, value)


def store_items(target: Any, element: Element, value: Any) -> None:
    """Check and append every item of ``value`` (any iterable but text or a mapping) to ``target``, a repeated field."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    for index, item in enumerate(value):
        try:
            if element.is_message:
                element.fill(target.add(), item)
            else:
                target.append(element.check(item))
        except (TypeError, ValueError) as error:
            raise relabelled(error, f"[{index}] ") from None


class MapSpec(Spec):
    __slots__ = ("key",)

    def __init__(self, field: FieldDescriptor, owner: str, element: Element) -> None:
        super().__init__(field, owner, element)
        entry: Any = field.message_type
        self.key = ScalarElement(entry.fields_by_name["key"])

    def get(self, pb: Any) -> Any:
        # In key order: upb's own order is its hash order, which changes from process to process.
        entries = getattr(pb, self.name)
        if not entries:
            return {}
        if self.element.passthrough:
            return {key: entries[key] for key in sorted(entries)}
        convert = self.element.to_python
        return {key: convert(entries[key]) for key in sorted(entries)}

    def fresh(self, value: Any) -> Any:
        return dict(value)

    def _store(self, pb: Any, value: Any) -> None:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected a dict, got {type(value).__name__}")
        target = getattr(pb, self.name)
        for key, item in value.items():
            try:
                self.key.check(key)
                if self.element.is_message:
                    self.element.fill(target[key], item)
                else:
                    target[key] = self.element.check(item)
            except (TypeError, ValueError) as error:
                raise relabelled(error, f"[{key!r}] ") from None


def relabelled(error: TypeError | ValueError, prefix: str) -> TypeError | ValueError:
    """The same kind of error with ``prefix`` (the field) in front of its message.

    Plain TypeError/ValueError: a subclass protobuf raises need not take one
    message argument (UnicodeEncodeError for a lone surrogate in a str takes five).
    """
    kind = TypeError if isinstance(error, TypeError) else ValueError
    return kind(f"{prefix}{error}")


def spec_for(field: FieldDescriptor, owner: str, tree: str) -> Spec:
    """Build the spec of ``field``, of a message of the generated tree ``tree``; ``owner`` names it in errors."""
    entry = field.message_type
    if field.is_repeated and entry is not None and entry.GetOptions().map_entry:
        return MapSpec(field, owner, element_for(entry.fields_by_name["value"], tree))
    element = element_for(field, tree)
    if field.is_repeated:
        return RepeatedSpec(field, owner, element)
    return SingleSpec(field, owner, element)


_SPECS: dict[tuple[str, str], dict[str, Spec]] = {}


def specs_of(descriptor: Any, tree: str) -> dict[str, Spec]:
    """All specs of a message of the generated tree ``tree``, by proto field name, built once per (tree, type)."""
    key = (tree, descriptor.full_name)
    specs = _SPECS.get(key)
    if specs is None:
        owner = descriptor.full_name.removeprefix(descriptor.file.package + ".")
        specs = {field.name: spec_for(field, owner, tree) for field in descriptor.fields}
        _SPECS[key] = specs
    return specs
