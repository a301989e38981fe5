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
    strings, since JavaScript numbers lose precision past 2**53).
    """
    from google.protobuf import json_format

    return json_format.MessageToDict(
        pb,
        preserving_proto_field_name=True,
        use_integers_for_enums=enums_as_ints,
        always_print_fields_with_no_presence=include_defaults,
        unquote_int64_if_possible=int64_as_int,
    )


def to_json(pb: Any, *, indent: int | None, int64_as_int: bool, enums_as_ints: bool, include_defaults: bool) -> str:
    from google.protobuf import json_format

    return json_format.MessageToJson(
        pb,
        preserving_proto_field_name=True,
        indent=indent,
        use_integers_for_enums=enums_as_ints,
        always_print_fields_with_no_presence=include_defaults,
        unquote_int64_if_possible=int64_as_int,
    )
