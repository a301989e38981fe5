"""The base of every shape, the class references and the helpers shapes share."""

from __future__ import annotations

import importlib
import operator
from collections.abc import Callable, Mapping
from typing import Any

from google.protobuf.message import Message as PbMessage


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
    """One attribute ↔ one field. Subclasses define ``read`` and ``put``."""

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
            self.put(target, value)
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

    def put(self, target: Any, value: Any) -> None:
        """Write ``value`` (not unset) into ``target``; an error does not name the field (``write`` does).

        Generated writers call it directly and, on an error, run the generic writer, which names it.
        """
        raise NotImplementedError


def _member(enum_class: Any, value: int) -> Any:
    """The member of ``enum_class`` for ``value``; a value it does not list stays an int, so nothing is lost."""
    try:
        return enum_class(value)
    except ValueError:
        return value


def _same(value: Any, held: Any) -> bool:
    return value is held or (_public_type(value) is _public_type(held) and bool(value == held))


def _public_type(value: Any) -> Any:
    """``type(value)``; for an unread model, the public class it converts to (``flytemodels._runtime.unread``)."""
    return getattr(value, "_fm_public", None) or type(value)


_new = object.__new__


#: How many levels of children convert with a message read for the first time; deeper ones convert
#: when they are first read. It bounds how deep a later ``to_flyte_idl`` recurses through converted models.
EAGER_LEVELS = 32


def _held(model: Any, pb: Any, depth: int = EAGER_LEVELS) -> Any:
    """A ``model`` holding ``pb``: converted now, with its children, when ``depth`` (its level below
    the message being read) is under ``EAGER_LEVELS``; else unread (``flytemodels._runtime.unread``).

    A child is converted with its parent: a reader of the parent reaches it next, and
    converting it on its own first read would cost a descriptor call, a class switch and
    an instance ``__dict__`` (a tracked object more for the GC) per message. A subtree
    nested deeper than the stack allows is left unread.
    """
    convert = model._fm_read
    if depth < EAGER_LEVELS and convert is not None and not model._EAGER:
        held = _new(model)
        held._fm_pb = pb  # an attribute, not __dict__[...]: see MutableModel._fm_pb
        try:
            convert(pb, held, depth + 1)
            return held
        except RecursionError:
            pass  # converted, at a shallower depth, when first read
    return model._fm_held(pb)


def fill(target: Any, value: Any) -> None:
    """Write ``value`` (a model of any family, or a message) into the sub-message ``target``."""
    kind = value.__class__
    if getattr(kind, "_FM_PLAIN_WRITE", False) and kind._PB is target.__class__ and value._fm_pb is None:
        value._fm_write_values(target)  # the common case: a value-built child of the family
        target.SetInParent()
        return
    write = getattr(value, "_fm_write", None)
    if write is not None:
        if value._PB.DESCRIPTOR is not type(target).DESCRIPTOR:  # a model of another message would write nothing
            raise TypeError(f"expected a {type(target).DESCRIPTOR.name} model or message, got {type(value).__name__}")
        if write(target) is False:
            return  # the model stands for an absent field (flytekit's empty SecurityContext)
    elif isinstance(value, PbMessage):
        _copy_message(target, value)
    else:
        to_idl = getattr(value, "to_flyte_idl", None)
        if to_idl is None:
            raise TypeError(f"expected a {type(target).DESCRIPTOR.name} model or message, got {type(value).__name__}")
        _copy_message(target, to_idl())
    target.SetInParent()  # a given value is present even when it is empty


def _copy_message(target: Any, value: PbMessage) -> None:
    expected, got = type(target).DESCRIPTOR, type(value).DESCRIPTOR  # an instance's may be a field's value
    if got is not expected:
        raise TypeError(f"expected a {expected.full_name} message, got {got.full_name}")
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


#: What a generated ``_fm_apply`` finds for a field read when first asked for and not asked for yet.
NOT_READ: Any = object()


def late_getter(attr: str) -> Callable[[Any], Any]:
    """A property's getter for a field the mirrored API lacks, which converting a message leaves unread.

    flytekit's own code never asks for such a field, so converting it with the rest would only
    cost time; it is read from the held message the first time it is asked for, then kept. Until
    then the message's value stands, as for a deleted attribute (``MutableModel._fm_apply``).
    """
    load = operator.attrgetter(attr)

    def get(model: Any) -> Any:
        try:
            return load(model)
        except AttributeError:
            return _read_late(model, attr)

    return get


def attribute(model: Any, attr: str) -> Any:
    """Attribute ``attr`` of a compatibility model, as its property hands it out: a field left
    unread (``late_getter``) is read first."""
    try:
        return getattr(model, attr)
    except AttributeError:
        return _read_late(model, attr)


def _read_late(model: Any, attr: str) -> Any:
    held = getattr(model, "_fm_pb", None)
    if held is None or attr not in type(model)._SHAPES:  # built from values, and the attribute deleted since
        raise AttributeError(f"{type(model).__name__!r} object has no attribute {attr!r}")
    value = type(model)._SHAPES[attr].read(held)
    # setdefault (one step under the GIL): two threads asking first both get the one value kept.
    kept: Any = vars(model).setdefault(attr, value)
    return kept


def setter(attr: str) -> Callable[[Any, Any], None]:
    """A property's setter storing into ``attr``, as the mirrored API's setters do."""

    def set_attribute(model: Any, value: Any) -> None:
        setattr(model, attr, value)

    return set_attribute


def falsy_unset(shape: Shape) -> Shape:
    """``shape``, not writing a falsy value (as flytekit's ``if self.timeout:``), for the fields the table marks."""
    shape.falsy_unset = True
    return shape
