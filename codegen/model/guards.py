"""The fast path of generated constructors: guards that admit a value as given, and how it is written.

A value-built model keeps its arguments when every guard admits them
(``flytemodels._runtime.fast`` holds the helpers guards call); anything else
takes the checked path, whose errors name the field. Guards are text over
``{v}`` (the argument) and placeholders for builtins a member may hide.
"""

from __future__ import annotations

from google.protobuf.descriptor_pb2 import DescriptorProto, FieldDescriptorProto

from codegen.model.nodes import Cardinality, Field, Fill, Kind, Oneof
from codegen.model.scope import Scope

_T = FieldDescriptorProto


def constructor_guards(fields: tuple[Field, ...], oneofs: tuple[Oneof, ...]) -> tuple[str, ...]:
    """What a constructor checks before it keeps its arguments: each field's guard, then the oneofs.

    Empty when a required field has no guard: such a constructor always takes the checked path.
    """
    if any(not f.guard for f in fields):
        return ()
    py_names = {f.proto_name: f.py_name for f in fields}
    at_most_one = tuple(
        " + ".join(f"({py_names[member]} is not None)" for member in oneof.members) + " < 2"
        for oneof in oneofs
        if len(oneof.members) > 1
    )
    return tuple(f.guard for f in fields) + at_most_one


def field_guard(py_name: str, guard: str, required: bool) -> str:
    """The field's part of the constructor's fast-path condition.

    An optional field passes unset or admitted. A required field passes only
    admitted (every guard is false for None), so a missing one takes the checked
    path, which names it; with no guard it never passes ("": see ``constructor_guards``).
    """
    if required:
        return guard
    return f"({py_name} is None or {guard})" if guard else f"{py_name} is None"


# Exact-type checks admitting what the checked constructor path accepts and writes the same way:
# ``v.__class__`` because a field named ``type`` hides the builtin in a constructor.
_INT32, _INT64 = (-(2**31), 2**31 - 1), (-(2**63), 2**63 - 1)


_UINT32, _UINT64 = (0, 2**32 - 1), (0, 2**64 - 1)


_INT_BOUNDS = {
    _T.TYPE_INT32: _INT32,
    _T.TYPE_SINT32: _INT32,
    _T.TYPE_SFIXED32: _INT32,
    _T.TYPE_ENUM: _INT32,
    _T.TYPE_INT64: _INT64,
    _T.TYPE_SINT64: _INT64,
    _T.TYPE_SFIXED64: _INT64,
    _T.TYPE_UINT32: _UINT32,
    _T.TYPE_FIXED32: _UINT32,
    _T.TYPE_UINT64: _UINT64,
    _T.TYPE_FIXED64: _UINT64,
}


_FLOAT32_MAX = "3.4028234663852886e38"


_SCALAR_GUARDS = {
    _T.TYPE_STRING: "({v}.__class__ is {str} and {v}.isascii())",  # protobuf checks non-ASCII text's UTF-8
    _T.TYPE_BYTES: "{v}.__class__ is {bytes}",
    _T.TYPE_BOOL: "{v}.__class__ is {bool}",
    _T.TYPE_DOUBLE: "{v}.__class__ is {float}",
    _T.TYPE_FLOAT: f"({{v}}.__class__ is {{float}} and -{_FLOAT32_MAX} <= {{v}} <= {_FLOAT32_MAX})",
}


_WELL_KNOWN_FILLS = {"google.protobuf.Timestamp": Fill.TIMESTAMP, "google.protobuf.Duration": Fill.DURATION}


#: The wrappers (google/protobuf/wrappers.proto) by the type of their one field, ``value``: a
#: value-built model writes a value straight into it, admitted by that scalar type's guard.
_WRAPPED = {
    "google.protobuf.BoolValue": _T.TYPE_BOOL,
    "google.protobuf.Int32Value": _T.TYPE_INT32,
    "google.protobuf.Int64Value": _T.TYPE_INT64,
    "google.protobuf.UInt32Value": _T.TYPE_UINT32,
    "google.protobuf.UInt64Value": _T.TYPE_UINT64,
    "google.protobuf.FloatValue": _T.TYPE_FLOAT,
    "google.protobuf.DoubleValue": _T.TYPE_DOUBLE,
    "google.protobuf.StringValue": _T.TYPE_STRING,
    "google.protobuf.BytesValue": _T.TYPE_BYTES,
}


KEEP = {
    Fill.EXTEND: "[*{v}] if {v} else None",
    Fill.MODELS: "[*{v}] if {v} else None",
    Fill.UPDATE: "{{**{v}}} if {v} else None",
    Fill.MODEL_MAP: "{{**{v}}} if {v} else None",
}


def fast_path(
    f: FieldDescriptorProto,
    entry: DescriptorProto | None,
    kind: Kind,
    cardinality: Cardinality,
    scope: Scope,
    shadowed: frozenset[str],
) -> tuple[Fill, str]:
    """How a value-built model writes the field, and the guard (over ``{v}``) admitting a value as given.

    An empty guard admits nothing but ``None``: such a field, when given, takes the checked path.
    """
    value = entry.field[1] if entry is not None else f
    one = _admits_one(value, kind, scope, shadowed)
    if entry is not None:
        if entry.field[0].type != _T.TYPE_STRING:  # other keys: the checked path
            return Fill.CHECKED, ""
        if kind is Kind.MESSAGE and one:
            return Fill.MODEL_MAP, f"{{fast}}.model_map({{v}}, {_pb_class(value, scope)})"
        admits_strings = value.type == _T.TYPE_STRING and kind is Kind.SCALAR
        return (Fill.UPDATE, "{fast}.string_map({v})") if admits_strings else (Fill.CHECKED, "")
    if cardinality is Cardinality.REPEATED:
        if kind is Kind.MESSAGE and one:
            return Fill.MODELS, f"{{fast}}.models({{v}}, {_pb_class(value, scope)})"
        admits_strings = value.type == _T.TYPE_STRING and kind is Kind.SCALAR
        return (Fill.EXTEND, "{fast}.strings({v})") if admits_strings else (Fill.CHECKED, "")
    if kind is Kind.WELL_KNOWN and value.type_name[1:] in _WELL_KNOWN_FILLS:
        fill = _WELL_KNOWN_FILLS[value.type_name[1:]]
        return fill, f"{{fast}}.{fill.value}({{v}})"
    if kind is Kind.WELL_KNOWN and value.type_name[1:] in _WRAPPED:
        return Fill.WRAPPER, _scalar_guard(_WRAPPED[value.type_name[1:]])
    if not one:
        return Fill.CHECKED, ""
    return (Fill.MODEL if kind is Kind.MESSAGE else Fill.SCALAR), one


def _admits_one(value: FieldDescriptorProto, kind: Kind, scope: Scope, shadowed: frozenset[str]) -> str:
    """The guard of one scalar, enum or model value, or "" for a kind kept to the checked path."""
    if kind is Kind.MESSAGE:
        return f'{{getattr}}({{v}}.__class__, "_IDL_PB", None) is {_pb_class(value, scope)}'
    if kind is Kind.ENUM or (kind is Kind.SCALAR and value.type == _T.TYPE_ENUM):
        low, high = _INT32
        in_range = f"{low} <= {{v}} <= {high}"
        closed = scope.symbols[value.type_name].closed_numbers
        if closed:  # a closed enum's field holds declared numbers only (an UNKNOWN_<n> member included)
            in_range = "{v} in {{" + ", ".join(str(number) for number in closed) + "}}"
        enum = _local_enum(value, scope, shadowed) if kind is Kind.ENUM else ""
        exact = f"({{v}}.__class__ is {{int}} or {{v}}.__class__ is {enum})" if enum else "{v}.__class__ is {int}"
        return f"({exact} and {in_range})"
    if kind is not Kind.SCALAR:
        return ""
    return _scalar_guard(value.type)


def _scalar_guard(scalar_type: _T.Type.ValueType) -> str:
    """The guard of one value of a scalar type, or "" for none."""
    if scalar_type in _INT_BOUNDS:
        low, high = _INT_BOUNDS[scalar_type]
        return f"({{v}}.__class__ is {{int}} and {low} <= {{v}} <= {high})"
    return _SCALAR_GUARDS.get(scalar_type, "")


_GUARD_BUILTINS = ("str", "bytes", "bool", "int", "float", "getattr")


def spell_guard(admits: str, py_name: str, shadowed: frozenset[str], fast: str) -> str:
    """A guard for argument ``py_name``; a builtin a member or class hides is reached through ``_fast``."""
    spelled = {name: f"{fast}.builtins.{name}" if name in shadowed else name for name in _GUARD_BUILTINS}
    return admits.format(v=py_name, fast=fast, **spelled)


def _pb_class(value: FieldDescriptorProto, scope: Scope) -> str:
    """The protobuf class of a message field's type, as the generated module names it at run time."""
    symbol = scope.symbols[value.type_name]
    return f"{scope.use_pb2(symbol.file)}.{symbol.qualname}"


def _local_enum(value: FieldDescriptorProto, scope: Scope, shadowed: frozenset[str]) -> str:
    """The enum class's name inside a constructor, or "" when it is in another module or hidden there."""
    symbol = scope.symbols[value.type_name]
    if symbol.file != scope.file.name or symbol.qualname.split(".")[0] in shadowed:
        return ""
    return symbol.qualname
