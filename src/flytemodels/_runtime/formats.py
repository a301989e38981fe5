"""Text, dict and JSON forms of a message, with the library's own errors.

protobuf's text and JSON support costs more to import than the rest of the
runtime, so it is imported here on first use: a model that is only converted
never loads it. Every parser turns protobuf's errors (``ParseError``, and the
``TypeError``/``ValueError`` ``ParseDict`` lets through for a value of the
wrong type) into ``flytemodels.errors.ParseError`` naming the model and the
form being read.
"""

from __future__ import annotations

from typing import Any

from flytemodels.errors import ParseError


def from_text(pb_class: type, text: str, model: str) -> Any:
    from google.protobuf import text_format

    try:
        return text_format.Parse(text, pb_class())
    except (text_format.ParseError, TypeError, ValueError) as error:
        raise ParseError(f"cannot parse {model} from text format: {error}") from None


def from_dict(pb_class: type, data: Any, model: str) -> Any:
    from google.protobuf import json_format

    try:
        return json_format.ParseDict(data, pb_class())
    except (json_format.ParseError, TypeError, ValueError, AttributeError) as error:
        raise ParseError(f"cannot parse {model} from a dict: {error}") from None


def from_json(pb_class: type, text: str | bytes, model: str) -> Any:
    from google.protobuf import json_format

    try:
        return json_format.Parse(text, pb_class())
    except (json_format.ParseError, TypeError, ValueError) as error:
        raise ParseError(f"cannot parse {model} from JSON: {error}") from None


def to_dict(pb: Any, *, int64_as_int: bool, enums_as_ints: bool, include_defaults: bool) -> dict[str, Any]:
    """protobuf's JSON mapping as a dict, with the proto field names and the options asked for.

    ``int64_as_int``: 64-bit integers as ``int`` (the JSON mapping writes them as
    strings, since JavaScript numbers lose precision past 2**53). Map entries (and
    ``Struct`` keys) come in key order: protobuf's own order is upb's hash order,
    which changes from process to process.
    """
    from google.protobuf import json_format

    plain: dict[str, Any] = json_format.MessageToDict(
        pb,
        preserving_proto_field_name=True,
        use_integers_for_enums=enums_as_ints,
        always_print_fields_with_no_presence=include_defaults,
        unquote_int64_if_possible=int64_as_int,
    )
    return _in_key_order(plain, type(pb).DESCRIPTOR)


def to_json(pb: Any, *, indent: int | None, int64_as_int: bool, enums_as_ints: bool, include_defaults: bool) -> str:
    """``to_dict`` as JSON text, formatted as protobuf's ``MessageToJson`` formats it."""
    import json

    plain = to_dict(pb, int64_as_int=int64_as_int, enums_as_ints=enums_as_ints, include_defaults=include_defaults)
    return json.dumps(plain, indent=indent)


# -- map entries in key order ---------------------------------------------------------------

_JSON_OBJECTS = {"google.protobuf.Struct", "google.protobuf.Value"}  # free-form: every object's keys sorted


def _in_key_order(plain: dict[str, Any], descriptor: Any) -> dict[str, Any]:
    """``plain`` (a message's JSON dict, changed in place) with its maps' entries in key order."""
    for field in descriptor.fields:
        value = plain.get(field.name)
        if value is None or field.message_type is None:
            continue
        if _is_map(field):
            plain[field.name] = _sorted_map(value, field.message_type)
        elif field.is_repeated:
            plain[field.name] = [_message_in_key_order(item, field.message_type) for item in value]
        else:
            plain[field.name] = _message_in_key_order(value, field.message_type)
    return plain


def _sorted_map(entries: dict[str, Any], entry: Any) -> dict[str, Any]:
    key_field, value_field = entry.fields_by_name["key"], entry.fields_by_name["value"]
    # JSON keys are strings; an integer key sorts by its number, not its digits.
    numeric = key_field.cpp_type in _INTEGER_TYPES
    ordered = sorted(entries, key=int) if numeric else sorted(entries)
    if value_field.message_type is None:
        return {key: entries[key] for key in ordered}
    return {key: _message_in_key_order(entries[key], value_field.message_type) for key in ordered}


def _message_in_key_order(value: Any, descriptor: Any) -> Any:
    if descriptor.full_name in _JSON_OBJECTS or descriptor.full_name == "google.protobuf.ListValue":
        return _json_in_key_order(value)
    if descriptor.full_name.startswith("google.protobuf.") or not isinstance(value, dict):
        return value  # the other well-known types print as strings, numbers or fixed objects (Any: as given)
    return _in_key_order(value, descriptor)


def _json_in_key_order(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _json_in_key_order(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_json_in_key_order(item) for item in value]
    return value


def _is_map(field: Any) -> bool:
    return field.message_type is not None and field.message_type.GetOptions().map_entry


def _integer_types() -> frozenset[int]:
    from google.protobuf.descriptor import FieldDescriptor as Field

    return frozenset((Field.CPPTYPE_INT32, Field.CPPTYPE_INT64, Field.CPPTYPE_UINT32, Field.CPPTYPE_UINT64))


_INTEGER_TYPES = _integer_types()
