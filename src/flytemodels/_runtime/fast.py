"""The fast paths of generated code: a constructor's guards and writers, and a property's child reads.

A generated ``__init__`` keeps its arguments as given (a *value-built* model)
when every one passes a guard of its field; the message is written later, in
one pass (``Message._fm_fill``). Each guard admits only values the checked path
(``Message._build``, which builds a message field by field and names the field
in its errors) accepts and writes the same way; anything else, including every
mistake, takes the checked path, so errors are raised there, and only there.

Guards are deliberately narrow: exact types (a ``str`` subclass or a non-ASCII
string goes the checked way, where protobuf validates its UTF-8), ``list``/
``tuple`` and ``dict`` containers, models of exactly the field's message type,
a closed enum's declared numbers only. A proto2 required field's guard is false
for None, so a constructor missing one takes the checked path, which names it.

A property of a singular message field hands out its child itself: ``HasField``,
then a new model of the child's class around the sub-message (``Message._wrap``,
inlined). The class comes from a ``FieldModel`` class attribute, which the
registry resolves on the first read. A property of a singular enum field maps
the number to its member itself, in the dict a ``FieldMembers`` class attribute
resolves to; a number the enum does not declare takes ``Message._get``. A
property of a repeated scalar field copies the container with a slice, one of a
map of scalars with ``sorted_map``.
"""

from __future__ import annotations

import builtins as builtins  # guards reach a builtin a generated member hides as _fast.builtins.<name>
import datetime
import warnings
from typing import Any

from google.protobuf.message import Message as PbMessage

from flytemodels._runtime import registry

# Attribute every IDL-family model class carries: the protobuf class of its message
# (flytekit-family classes have ``_PB`` too, so the guard cannot use that one).
MODEL_PB = "_IDL_PB"
#: Naive or UTC datetimes always fit a Timestamp (years 1-9999); other offsets are checked at the ends.
_UTC = datetime.UTC
#: Days below the Duration limit (10,000 years = 315,576,000,000 s = 3,652,500 days).
_DURATION_DAYS = 3_652_499
_SEQUENCES = (list, tuple)
#: What ``put_timestamp`` subtracts: a naive datetime is taken as UTC, as protobuf takes it.
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=_UTC)
_NAIVE_EPOCH = datetime.datetime(1970, 1, 1)


def models(values: Any, pb_class: object) -> bool:
    """A list or tuple of models of ``pb_class``.

    ``pb_class`` is typed ``object``: where a pb2 module is untyped, an earlier
    required field's guard (``getattr(...) is _pb2.X``) narrows ``_pb2.X`` for type
    checkers to what ``getattr`` returns, ``Any | None``, for the rest of the condition.
    """
    # Loops, not all() over a generator: these guards run once per list of every
    # constructor call, and making the generator cost more than checking a short list.
    if type(values) not in _SEQUENCES:
        return False
    for value in values:  # noqa: SIM110 (see above)
        if getattr(type(value), MODEL_PB, None) is not pb_class:
            return False
    return True


def strings(values: Any) -> bool:
    """A list or tuple of ASCII ``str``."""
    if type(values) not in _SEQUENCES:
        return False
    for value in values:  # noqa: SIM110 (a loop, as in models)
        if type(value) is not str or not value.isascii():
            return False
    return True


def model_map(values: Any, pb_class: object) -> bool:
    """A dict of ASCII ``str`` keys to models of ``pb_class`` (typed ``object`` as in ``models``)."""
    if type(values) is not dict:
        return False
    for key, value in values.items():
        if type(key) is not str or not key.isascii() or getattr(type(value), MODEL_PB, None) is not pb_class:
            return False
    return True


def string_map(values: Any) -> bool:
    """A dict of ASCII ``str`` keys to ASCII ``str`` values."""
    if type(values) is not dict:
        return False
    for key, value in values.items():
        if type(key) is not str or not key.isascii() or type(value) is not str or not value.isascii():
            return False
    return True


def timestamp(value: Any) -> bool:
    """A ``datetime`` that is naive or in UTC (always inside the Timestamp range)."""
    return type(value) is datetime.datetime and (value.tzinfo is None or value.tzinfo is _UTC)


def duration(value: Any) -> bool:
    """A ``timedelta`` well inside the Duration range."""
    return type(value) is datetime.timedelta and -_DURATION_DAYS < value.days < _DURATION_DAYS


def deprecated(field: str) -> None:
    """Warn the caller of a constructor (or ``replace``) that it set ``field``, which the IDL deprecates.

    Generated constructors call it only for a deprecated field given a value, so
    a class without deprecated fields pays nothing.
    """
    warnings.warn(f"{field} is deprecated in the IDL", DeprecationWarning, stacklevel=3)


def put_models(target: Any, values: list[Any]) -> None:
    """Append each model of ``values`` to the repeated message field ``target``."""
    add = target.add
    for value in values:
        if value._pb is None:  # Message._fm_into, inlined (an element is present once added)
            value._fm_fill(add())
        else:
            add().CopyFrom(value._pb)


def put_model_map(target: Any, values: dict[str, Any]) -> None:
    """Write each model of ``values`` into the message map ``target``."""
    for key, value in values.items():
        if value._pb is None:  # Message._fm_into, inlined (an entry is present once looked up)
            value._fm_fill(target[key])
        else:
            target[key].CopyFrom(value._pb)


# Timestamps and durations: ``wellknown``'s rules' arithmetic, inlined, without their checks (the
# guards ``timestamp`` and ``duration`` made them); tests hold both ways to the same messages.
# Writing a field, a zero too, makes the sub-message present: a given epoch is still given.


def put_timestamp(target: Any, value: Any) -> None:
    """Write a naive (taken as UTC) or UTC ``datetime`` into the Timestamp ``target``."""
    delta = value - (_EPOCH if value.tzinfo is not None else _NAIVE_EPOCH)
    target.seconds = delta.days * 86400 + delta.seconds
    target.nanos = delta.microseconds * 1000


def put_duration(target: Any, value: Any) -> None:
    """Write a ``timedelta`` into the Duration ``target``: seconds and nanos share a sign (``duration_parts``)."""
    seconds = value.days * 86400 + value.seconds
    micros = value.microseconds
    if seconds < 0 and micros:
        seconds += 1
        micros -= 1_000_000
    target.seconds = seconds
    target.nanos = micros * 1000


# -- reads ------------------------------------------------------------------------

#: ``object.__new__``: a property allocates the child model it hands out without a call of its own.
new: Any = object.__new__


def sorted_map(entries: Any) -> dict[Any, Any]:
    """A map of scalars as a new dict, in key order (upb iterates in its hash order, which changes per process).

    ``MapSpec.get`` for a scalar value, without the spec lookups of ``Message._get``.
    """
    if not entries:
        return {}
    return {key: entries[key] for key in sorted(entries)}


class _FieldType:
    """A class attribute derived from the model class of one field's type, resolved on its first read.

    The class is the one every other read gets (``registry.model_class``): the
    public class at the public path, an override from ``src/`` when there is
    one, of the tree of the class that declares the field (two trees may model
    the same proto file). Generated modules import each other only for type
    checkers (proto files import each other in cycles), so the class is looked
    up when a property first needs it, after its module has been imported;
    what it yields then replaces this descriptor on the generated class, and
    every later read is a plain class attribute.
    """

    __slots__ = ("_attribute", "_field")

    def __init__(self, field: str) -> None:
        self._field = field  # the proto field name
        self._attribute = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._attribute = name

    def __get__(self, model: object, owner: type) -> Any:
        generated: Any = next(klass for klass in owner.__mro__ if "_PB" in klass.__dict__)
        field = generated._PB.DESCRIPTOR.fields_by_name[self._field]
        found = self._held(registry.model_class(self._type(field), registry.tree_of(generated)))
        # On the generated class, not ``owner``: a hand-written subclass inherits it.
        setattr(generated, self._attribute, found)
        return found

    def _type(self, field: Any) -> Any:
        """The descriptor of the field's type."""
        raise NotImplementedError

    def _held(self, found: Any) -> Any:
        """What the attribute holds, given the type's model class."""
        return found


class FieldModel(_FieldType):
    """The model class of one singular message field: a property builds the child it hands out from it."""

    __slots__ = ()

    def _type(self, field: Any) -> Any:
        return field.message_type


class FieldMembers(_FieldType):
    """The members of one singular enum field's enum, by number: the enum's own ``_value2member_map_``.

    The very dict ``EnumElement.to_python`` looks a number up in, so a property
    that finds its number there hands out what that conversion would; an
    ``UNKNOWN_<n>`` stand-in, once made, is kept in it too (``OpenEnum._missing_``).
    """

    __slots__ = ()

    def _type(self, field: Any) -> Any:
        return field.enum_type

    def _held(self, found: Any) -> Any:
        return found._value2member_map_


#: What ``_fm_fill`` writes into: a protobuf message (generated code's annotation).
Target = Any
#: The type parameter of a model whose pb2 module type checkers cannot import (a keyword in its path).
AnyMessage = PbMessage
