"""Marshal rules for the protobuf well-known types.

Each rule is a ``to_python``/``to_proto`` pair (after proto-plus's marshal
rules). Generated code never inlines a conversion; the field specs look the
rule up here by the message's full name. Messages without a rule (``Any``,
``Empty``, ``FieldMask``) stay protobuf messages and are copied in and out.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from google.protobuf.message import Message as PbMessage

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_NANOS_PER_MICRO = 1000
_NANOS_PER_SECOND = 1_000_000_000
_MICROS_PER_SECOND = 1_000_000
_MAX_DURATION_SECONDS = 315_576_000_000  # about 10,000 years, as google/protobuf/duration.proto says
_MIN_TIMESTAMP_SECONDS = -62_135_596_800  # 0001-01-01T00:00:00Z
_MAX_TIMESTAMP_SECONDS = 253_402_300_799  # 9999-12-31T23:59:59Z


class Rule(NamedTuple):
    """How one well-known type maps to a Python value.

    ``to_proto`` fills ``target`` in place and raises ``TypeError`` naming what
    it expected (``expected``) when the value has the wrong type. ``to_python``
    raises ``ValueError`` for a message the Python type cannot hold. ``mutable``
    values (dicts, lists, messages) are built afresh on every read, so changing
    one a property returned cannot change what the model returns next.

    (A NamedTuple rather than a dataclass: importing dataclasses costs more
    than the rest of the runtime, and this is on every model's import path.)
    """

    expected: str
    to_python: Callable[[Any], Any]
    to_proto: Callable[[Any, Any], None]
    mutable: bool = False


def _check(value: object, types: type | tuple[type, ...], expected: str) -> None:
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _as_tuple(types)):
        raise TypeError(f"expected {expected}, got {type(value).__name__}")


def _as_tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def utc_datetime(seconds: int, nanos: int) -> datetime.datetime:
    """The aware UTC ``datetime`` of ``Timestamp(seconds, nanos)``, to the microsecond (all datetime holds).

    Raises OverflowError outside datetime's years 1-9999.
    """
    if 0 <= nanos < _NANOS_PER_SECOND:  # as protobuf writes them (a message may hold any)
        try:
            value = _from_timestamp(seconds, datetime.UTC)  # one C call: 0.1 µs less than the sum below
        except (OverflowError, OSError, ValueError):  # outside what the platform's C library converts
            pass
        else:
            return value.replace(microsecond=nanos // _NANOS_PER_MICRO) if nanos else value
    # timedelta(days, seconds, microseconds) positionally: keywords cost 0.2 µs more per call.
    return _EPOCH + datetime.timedelta(0, seconds, nanos // _NANOS_PER_MICRO)


_from_timestamp = datetime.datetime.fromtimestamp


def _timestamp_to_python(pb: Any) -> datetime.datetime:
    # Microsecond precision is all datetime has; the model keeps the message, so
    # the nanoseconds still survive to_flyte_idl().
    try:
        return utc_datetime(pb.seconds, pb.nanos)
    except OverflowError:  # outside years 1-9999, which the Timestamp spec does not allow either
        raise ValueError(f"Timestamp(seconds={pb.seconds}, nanos={pb.nanos}) is outside datetime's range") from None


def timestamp_to_proto(value: Any, target: Any) -> None:
    _check(value, datetime.datetime, "datetime.datetime")
    if value.tzinfo is None:  # naive datetimes are taken as UTC, as protobuf does
        value = value.replace(tzinfo=datetime.UTC)
    delta = value - _EPOCH
    seconds = delta.days * 86400 + delta.seconds
    if not _MIN_TIMESTAMP_SECONDS <= seconds <= _MAX_TIMESTAMP_SECONDS:
        # Only reachable with an offset at datetime's ends, e.g. 0001-01-01T00:00+02:00.
        raise ValueError(f"{value!r} is outside the Timestamp range (years 1-9999 in UTC)")
    target.seconds = seconds
    target.nanos = delta.microseconds * _NANOS_PER_MICRO


def _duration_to_python(pb: Any) -> datetime.timedelta:
    # seconds and nanos share a sign; int() truncates toward zero like the IDL.
    try:
        value = datetime.timedelta(0, pb.seconds, int(pb.nanos / _NANOS_PER_MICRO))  # positional, as above
    except OverflowError:  # beyond 999,999,999 days; the Duration spec allows 10,000 years
        value = None
    # Refuse what duration_to_proto refuses, so a model's own values always rebuild it.
    if value is None or abs(value) // datetime.timedelta(seconds=1) > _MAX_DURATION_SECONDS:
        raise ValueError(f"Duration(seconds={pb.seconds}, nanos={pb.nanos}) is outside the Duration range")
    return value


def duration_to_proto(value: Any, target: Any) -> None:
    _check(value, datetime.timedelta, "datetime.timedelta")
    seconds, micros = duration_parts(value)
    if abs(seconds) > _MAX_DURATION_SECONDS:
        # timedelta reaches 999,999,999 days; a Duration holding more would be
        # written without complaint and then fail in to_json()/other runtimes.
        raise ValueError(f"{value!r} is outside the Duration range of +-{_MAX_DURATION_SECONDS} seconds")
    target.seconds = seconds
    target.nanos = micros * _NANOS_PER_MICRO


def duration_parts(value: datetime.timedelta) -> tuple[int, int]:
    """A Duration's whole seconds and microseconds of ``value``, sharing one sign as the Duration spec says.

    From the timedelta's own fields: dividing by ``timedelta(microseconds=1)``
    took 0.4 µs more per value, most of it building that timedelta.
    """
    seconds = value.days * 86400 + value.seconds  # days carries the sign; seconds and microseconds are >= 0
    micros = value.microseconds
    if seconds < 0 and micros:  # -1.5 s is days=-1, seconds=86398, microseconds=500000: -1 s and -0.5 s
        return seconds + 1, micros - _MICROS_PER_SECOND
    return seconds, micros


def _value_to_python(pb: Any) -> Any:
    kind = pb.WhichOneof("kind")
    if kind == "struct_value":
        return _struct_to_python(pb.struct_value)
    if kind == "list_value":
        return _list_to_python(pb.list_value)
    if kind is None or kind == "null_value":
        return None
    return getattr(pb, kind)


def _struct_to_python(pb: Any) -> dict[str, Any]:
    return {key: _value_to_python(value) for key, value in pb.fields.items()}


def _list_to_python(pb: Any) -> list[Any]:
    return [_value_to_python(value) for value in pb.values]


def _struct_to_proto(value: Any, target: Any) -> None:
    _check(value, Mapping, "a dict with str keys")
    try:
        target.update(value)
    except (TypeError, ValueError) as error:
        raise TypeError(f"expected a JSON-like dict ({error})") from None


def _list_to_proto(value: Any, target: Any) -> None:
    _check(value, (list, tuple), "a list")
    try:
        target.extend(value)
    except (TypeError, ValueError) as error:
        raise TypeError(f"expected a JSON-like list ({error})") from None


def _value_to_proto(value: Any, target: Any) -> None:
    # A Value is a one-element struct entry; Struct.update knows the mapping.
    from google.protobuf import struct_pb2

    holder = struct_pb2.Struct()
    _struct_to_proto({"v": value}, holder)
    target.CopyFrom(holder.fields["v"])


def _wrapper(types: type | tuple[type, ...], expected: str) -> Rule:
    def to_proto(value: Any, target: Any) -> None:
        _check(value, types, expected)
        target.value = value

    return Rule(expected, lambda pb: pb.value, to_proto)


def _kept_message(pb: Any) -> Any:
    return type(pb).__deepcopy__(pb)  # one C copy, unknown fields included (create + CopyFrom is two)


def _kept_message_to_proto(value: Any, target: Any) -> None:
    if not isinstance(value, PbMessage) or type(value).DESCRIPTOR is not type(target).DESCRIPTOR:
        raise TypeError(f"expected {type(target).DESCRIPTOR.full_name} message, got {type(value).__name__}")
    target.CopyFrom(value)


KEPT_MESSAGE = Rule("a protobuf message", _kept_message, _kept_message_to_proto, mutable=True)

RULES: dict[str, Rule] = {
    "google.protobuf.Timestamp": Rule("datetime.datetime", _timestamp_to_python, timestamp_to_proto),
    "google.protobuf.Duration": Rule("datetime.timedelta", _duration_to_python, duration_to_proto),
    "google.protobuf.Struct": Rule("dict", _struct_to_python, _struct_to_proto, mutable=True),
    "google.protobuf.ListValue": Rule("list", _list_to_python, _list_to_proto, mutable=True),
    "google.protobuf.Value": Rule("a JSON-like value", _value_to_python, _value_to_proto, mutable=True),
    "google.protobuf.BoolValue": _wrapper(bool, "bool"),
    "google.protobuf.Int32Value": _wrapper(int, "int"),
    "google.protobuf.Int64Value": _wrapper(int, "int"),
    "google.protobuf.UInt32Value": _wrapper(int, "int"),
    "google.protobuf.UInt64Value": _wrapper(int, "int"),
    "google.protobuf.FloatValue": _wrapper((float, int), "float"),
    "google.protobuf.DoubleValue": _wrapper((float, int), "float"),
    "google.protobuf.StringValue": _wrapper(str, "str"),
    "google.protobuf.BytesValue": _wrapper(bytes, "bytes"),
}


def rule_for(full_name: str) -> Rule:
    """The rule for a well-known message; unknown ones are kept as messages."""
    return RULES.get(full_name, KEPT_MESSAGE)
