"""A descriptor-driven random filler for protobuf messages.

``fill(pb_class, rng)`` builds a message of any type whose fields are chosen and
populated from a ``random.Random``, reading only the descriptor:

- scalars take edge values (0, -1, the ends of the type's range, unicode and
  NUL-bearing strings, arbitrary bytes, ``inf``, ``-0.0``) or random ones;
- each real oneof gets one random member, or none;
- repeated fields get 0-3 items, maps 0-3 entries;
- enums take a known value, or (``unknown_enums``) one the IDL does not list;
- nested messages are filled to ``max_depth`` and left unset below it;
- well-known types get valid values: Timestamp with nanoseconds anywhere in
  0001-9999, Duration of either sign (nanos share the seconds' sign), Struct
  with nested values, wrappers, and Any packing a small flyteidl message;
- with ``unknown_fields``, messages sometimes carry an unknown field (a valid
  encoding under an unused field number, merged in with ``MergeFromString``).

The same seed always yields the same message. ``Options.json_safe()`` turns off
what the proto3 JSON mapping cannot carry (unknown fields).
"""

from __future__ import annotations

import math
import random
import struct
from dataclasses import dataclass, replace
from typing import Any

from google.protobuf import any_pb2
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message as PbMessage
from google.protobuf.message_factory import GetMessageClass

_FD = FieldDescriptor

#: The valid Timestamp range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
TIMESTAMP_SECONDS = (-62_135_596_800, 253_402_300_799)
#: The valid Duration range, about +-10,000 years.
DURATION_SECONDS = (-315_576_000_000, 315_576_000_000)
MAX_NANOS = 999_999_999
#: An enum value no flyteidl enum lists.
UNKNOWN_ENUM_VALUE = 97

_INT_RANGES: dict[int, tuple[int, int]] = {
    _FD.TYPE_INT32: (-(2**31), 2**31 - 1),
    _FD.TYPE_SINT32: (-(2**31), 2**31 - 1),
    _FD.TYPE_SFIXED32: (-(2**31), 2**31 - 1),
    _FD.TYPE_INT64: (-(2**63), 2**63 - 1),
    _FD.TYPE_SINT64: (-(2**63), 2**63 - 1),
    _FD.TYPE_SFIXED64: (-(2**63), 2**63 - 1),
    _FD.TYPE_UINT32: (0, 2**32 - 1),
    _FD.TYPE_FIXED32: (0, 2**32 - 1),
    _FD.TYPE_UINT64: (0, 2**64 - 1),
    _FD.TYPE_FIXED64: (0, 2**64 - 1),
}
STRINGS = ("", "a", "hello world", "héllo ✓ 𝄞 日本語", "nul\x00inside", 'line\nbreak\t"quoted"', "x" * 300)
BYTES = (b"", b"\x00", b"\xff\xfe\x00\x01", bytes(range(256)))
# Exactly representable as float32, so a float field holds what was written.
FLOATS = (0.0, -0.0, 1.0, -1.5, 0.25, 3.4028234663852886e38, -1.401298464324817e-45, math.inf, -math.inf)
DOUBLES = (0.0, -0.0, 1.0, -2.5, 1e-300, 1.7976931348623157e308, 5e-324, 0.1, math.inf, -math.inf)


@dataclass(frozen=True)
class Options:
    """What the filler may produce.

    Attributes:
        max_depth: Nesting depth of flyteidl messages below the root (root is 0);
            message fields deeper than this are left unset.
        unknown_enums: Sometimes use an enum value the IDL does not list.
        unknown_fields: Sometimes append an unknown field to a message.
        field_probability: Chance that a non-oneof field is set at all.
        edge_probability: Chance that a scalar takes an edge value, not a random one.
    """

    max_depth: int = 3
    unknown_enums: bool = True
    unknown_fields: bool = True
    field_probability: float = 0.7
    edge_probability: float = 0.5

    def json_safe(self) -> Options:
        """The same options without what proto3 JSON cannot carry (unknown fields)."""
        return replace(self, unknown_fields=False)

    def plain(self) -> Options:
        """The same options without unknown fields or unknown enum values."""
        return replace(self, unknown_fields=False, unknown_enums=False)


DEFAULT = Options()


def fill(message: type[PbMessage] | Descriptor, rng: random.Random, options: Options = DEFAULT) -> Any:
    """Build a randomly populated message of the given pb2 class or descriptor."""
    descriptor = message if isinstance(message, Descriptor) else message.DESCRIPTOR
    pb = GetMessageClass(descriptor)()
    fill_into(pb, rng, options, depth=0)
    return pb


def fill_into(pb: Any, rng: random.Random, options: Options = DEFAULT, depth: int = 0) -> None:
    """Populate ``pb`` (an empty message at nesting ``depth``) in place."""
    descriptor: Descriptor = pb.DESCRIPTOR
    if descriptor.file.package == "google.protobuf":
        _fill_well_known(pb, rng, options)
        return
    chosen = _chosen_oneof_members(descriptor, rng)
    for field in descriptor.fields:
        oneof = field.containing_oneof
        if oneof is not None and len(oneof.fields) > 1:
            if chosen.get(oneof.name) is not field:
                continue
        elif rng.random() >= options.field_probability:
            continue
        _fill_field(pb, field, rng, options, depth)
    if options.unknown_fields and rng.random() < 0.15:
        pb.MergeFromString(unknown_field_bytes(descriptor, rng))


def _chosen_oneof_members(descriptor: Descriptor, rng: random.Random) -> dict[str, FieldDescriptor | None]:
    chosen: dict[str, FieldDescriptor | None] = {}
    for oneof in descriptor.oneofs:
        if len(oneof.fields) > 1:
            members = list(oneof.fields)
            chosen[oneof.name] = None if rng.random() < 0.2 else rng.choice(members)
    return chosen


def _is_message(field: FieldDescriptor) -> bool:
    return field.message_type is not None


def _is_map(field: FieldDescriptor) -> bool:
    return field.is_repeated and _is_message(field) and field.message_type.GetOptions().map_entry


def _too_deep(field: FieldDescriptor, options: Options, depth: int) -> bool:
    """Flyteidl messages below ``max_depth`` are skipped; well-known types are leaves."""
    message = field.message_type
    if message is None:
        return False
    if message.GetOptions().map_entry:
        message = message.fields_by_name["value"].message_type
        if message is None:
            return False
    return message.file.package != "google.protobuf" and depth + 1 > options.max_depth


def _fill_field(pb: Any, field: FieldDescriptor, rng: random.Random, options: Options, depth: int) -> None:
    if _too_deep(field, options, depth):
        return
    if _is_map(field):
        _fill_map(getattr(pb, field.name), field.message_type, rng, options, depth)
    elif field.is_repeated:
        target = getattr(pb, field.name)
        for _ in range(rng.randint(0, 3)):
            if _is_message(field):
                fill_into(target.add(), rng, options, depth + 1)
            else:
                target.append(scalar_value(field, rng, options))
    elif _is_message(field):
        sub = getattr(pb, field.name)
        sub.SetInParent()
        fill_into(sub, rng, options, depth + 1)
    else:
        setattr(pb, field.name, scalar_value(field, rng, options))


def _fill_map(target: Any, entry: Descriptor, rng: random.Random, options: Options, depth: int) -> None:
    key_field = entry.fields_by_name["key"]
    value_field = entry.fields_by_name["value"]
    keys = {scalar_value(key_field, rng, options) for _ in range(rng.randint(0, 3))}
    for key in sorted(keys, key=repr):  # sets of str are unordered across runs
        if _is_message(value_field):
            fill_into(target[key], rng, options, depth + 1)
        else:
            target[key] = scalar_value(value_field, rng, options)


def scalar_value(field: FieldDescriptor, rng: random.Random, options: Options = DEFAULT) -> Any:
    """A value for a scalar or enum field: often an edge value, sometimes random."""
    edge = rng.random() < options.edge_probability
    kind = field.type
    if kind == _FD.TYPE_ENUM:
        if options.unknown_enums and not field.enum_type.is_closed and rng.random() < 0.1:
            return UNKNOWN_ENUM_VALUE
        return rng.choice(field.enum_type.values).number
    if kind in _INT_RANGES:
        low, high = _INT_RANGES[kind]
        if edge:
            return rng.choice([value for value in (0, 1, -1, low, high, low + 1, high - 1) if low <= value <= high])
        return rng.randint(low, high) if rng.random() < 0.5 else rng.randint(max(low, -1000), 1000)
    if kind == _FD.TYPE_BOOL:
        return rng.random() < 0.5
    if kind == _FD.TYPE_STRING:
        return rng.choice(STRINGS) if edge else _random_text(rng)
    if kind == _FD.TYPE_BYTES:
        return rng.choice(BYTES) if edge else rng.randbytes(rng.randint(0, 16))
    if kind == _FD.TYPE_FLOAT:
        return rng.choice(FLOATS) if edge else _float32(rng.uniform(-1e6, 1e6))
    if kind == _FD.TYPE_DOUBLE:
        return rng.choice(DOUBLES) if edge else rng.uniform(-1e12, 1e12)
    raise AssertionError(f"unhandled field type {kind} for {field.full_name}")


def _random_text(rng: random.Random) -> str:
    alphabet = "abcXYZ019 _-./:é✓日𝄞"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))


def _float32(value: float) -> float:
    result: float = struct.unpack("<f", struct.pack("<f", value))[0]
    return result


# -- well-known types -------------------------------------------------------------


def _fill_well_known(pb: Any, rng: random.Random, options: Options) -> None:
    name = pb.DESCRIPTOR.full_name
    if name == "google.protobuf.Timestamp":
        pb.seconds, pb.nanos = timestamp_parts(rng)
    elif name == "google.protobuf.Duration":
        pb.seconds, pb.nanos = duration_parts(rng)
    elif name == "google.protobuf.Struct":
        pb.update(json_object(rng, depth=0))
    elif name == "google.protobuf.ListValue":
        pb.extend(json_list(rng, depth=0))
    elif name == "google.protobuf.Value":
        pb.CopyFrom(_as_value(json_value(rng, depth=0)))
    elif name == "google.protobuf.Any":
        fill_any(pb, rng, options)
    elif "value" in pb.DESCRIPTOR.fields_by_name and rng.random() < 0.8:
        # The wrappers (BoolValue, ...); else left present but default, e.g. BoolValue(false).
        pb.value = scalar_value(pb.DESCRIPTOR.fields_by_name["value"], rng, options)
    # Empty and anything else: SetInParent by the caller is all there is.


def timestamp_parts(rng: random.Random) -> tuple[int, int]:
    """(seconds, nanos) of a valid Timestamp: an edge of the range or a random instant."""
    low, high = TIMESTAMP_SECONDS
    edges = ((0, 0), (low, 0), (high, MAX_NANOS), (-1, MAX_NANOS), (1_700_000_000, 123_456_789))
    if rng.random() < 0.4:
        return rng.choice(edges)
    nanos = rng.choice((0, rng.randint(0, 999) * 1000, rng.randint(0, MAX_NANOS)))
    return rng.randint(low, high), nanos


def duration_parts(rng: random.Random) -> tuple[int, int]:
    """(seconds, nanos) of a valid Duration; nanos share the sign of seconds."""
    low, high = DURATION_SECONDS
    edges = ((0, 0), (0, 1), (0, -1), (-1, -500_000_000), (high, MAX_NANOS), (low, -MAX_NANOS), (90, 5_000))
    if rng.random() < 0.4:
        return rng.choice(edges)
    seconds = rng.choice((rng.randint(low, high), rng.randint(-100_000, 100_000)))
    nanos = rng.choice((0, rng.randint(0, 999) * 1000, rng.randint(0, MAX_NANOS)))
    if seconds < 0 or (seconds == 0 and rng.random() < 0.5):
        nanos = -nanos
    return seconds, nanos


def json_value(rng: random.Random, depth: int) -> Any:
    """A JSON-like value as ``Struct`` holds it (numbers are doubles)."""
    kinds = ["null", "number", "string", "bool"] + (["object", "list"] if depth < 2 else [])
    kind = rng.choice(kinds)
    if kind == "null":
        return None
    if kind == "number":
        return rng.choice((0.0, -1.0, 1.5, 1e300, -2.5e-300, float(rng.randint(-(2**53), 2**53))))
    if kind == "string":
        return rng.choice(STRINGS)
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "object":
        return json_object(rng, depth + 1)
    return json_list(rng, depth + 1)


def json_object(rng: random.Random, depth: int) -> dict[str, Any]:
    """A JSON-like object with 0-3 entries."""
    return {rng.choice(STRINGS[:4]) + str(i): json_value(rng, depth) for i in range(rng.randint(0, 3))}


def json_list(rng: random.Random, depth: int) -> list[Any]:
    """A JSON-like list with 0-3 items."""
    return [json_value(rng, depth) for _ in range(rng.randint(0, 3))]


def _as_value(value: Any) -> Any:
    from google.protobuf import struct_pb2

    holder = struct_pb2.Struct()
    holder.update({"v": value})
    return holder.fields["v"]


#: Small flyteidl messages an ``Any`` may hold (resolvable in the default pool, so JSON works).
ANY_PAYLOADS = ("flyteidl.core.Identifier", "flyteidl.core.Primitive", "flyteidl.core.KeyValuePair")


def fill_any(pb: Any, rng: random.Random, options: Options = DEFAULT) -> None:
    """Pack a small, randomly filled flyteidl message (or a Timestamp) into ``pb``."""
    from google.protobuf import descriptor_pool, timestamp_pb2

    if rng.random() < 0.25:
        payload: Any = timestamp_pb2.Timestamp()
        payload.seconds, payload.nanos = timestamp_parts(rng)
    else:
        descriptor = descriptor_pool.Default().FindMessageTypeByName(rng.choice(ANY_PAYLOADS))
        payload = fill(descriptor, rng, replace(options.plain(), max_depth=1))
    any_pb2.Any.Pack(pb, payload)


# -- unknown fields --------------------------------------------------------------


def unknown_field_bytes(descriptor: Descriptor, rng: random.Random) -> bytes:
    """One validly encoded field under a number ``descriptor`` does not use."""
    number = rng.choice((1000, 4242, 65_000, 2**29 - 1))
    while number in descriptor.fields_by_number:
        number -= 1
    wire_type = rng.choice((0, 1, 2, 5))
    tag = _varint(number << 3 | wire_type)
    if wire_type == 0:
        return tag + _varint(rng.choice((0, 1, 300, 2**64 - 1)))
    if wire_type == 1:
        return tag + rng.randbytes(8)
    if wire_type == 5:
        return tag + rng.randbytes(4)
    payload = rng.choice((b"", b"unknown", "ünï".encode()))
    return tag + _varint(len(payload)) + payload


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def has_unknown_fields(pb: Any) -> bool:
    """True when ``pb`` or any message inside it carries unknown fields."""
    from google.protobuf import unknown_fields

    return any(len(unknown_fields.UnknownFieldSet(message)) for message in iter_messages(pb))


def iter_messages(pb: Any) -> Any:
    """``pb`` and every message inside it, depth first (map values included, Any payloads not)."""
    yield pb
    for field, value in pb.ListFields():
        if field.message_type is None:
            continue
        if _is_map(field):
            if field.message_type.fields_by_name["value"].message_type is None:
                continue
            items = list(value.values())
        else:
            items = list(value) if field.is_repeated else [value]
        for item in items:
            yield from iter_messages(item)


def holds_float32_max(pb: Any) -> bool:
    """True when a ``float`` field anywhere in ``pb`` holds +-FLT_MAX.

    protobuf's ``json_format`` writes FLT_MAX as ``3.4028235e+38``, which as a
    double is just above FLT_MAX, and then refuses to parse it back ("Float value
    too large"): an upstream limitation of the proto3 JSON round trip.
    """
    for message in iter_messages(pb):
        for field, value in message.ListFields():
            if field.type == _FD.TYPE_FLOAT and not _is_map(field):
                values = value if field.is_repeated else [value]
                if any(abs(item) == FLOATS[5] for item in values):
                    return True
    return False
