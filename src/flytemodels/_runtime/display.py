"""How a model shows itself: ``repr`` past a width, IPython's and rich's pretty printers, HTML.

``repr`` stays something ``eval`` turns back into the model (``Cls.from_text(...)``):
one line while it fits ``WIDTH``, else protobuf's indented text format in a raw
triple-quoted string. The HTML form is for notebooks: a collapsible tree of the
set fields, with timestamps and durations written for people.

``message.py`` imports this module when a model is first shown (``html`` alone costs 6 ms).
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Callable, Iterator
from typing import Any

from google.protobuf.descriptor import FieldDescriptor

#: Past this many characters, ``repr`` breaks the text format over indented lines.
WIDTH = 88
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def model_repr(name: str, one_line: str, multi_line: Callable[[], str]) -> str:
    """``name.from_text(...)`` of the text format, on one line if it fits ``WIDTH``, else indented."""
    flat = f"{name}.from_text({one_line!r})"
    if len(flat) <= WIDTH:
        return flat
    body = "\n" + "".join(f"    {line}\n" for line in multi_line().splitlines())
    if "'''" in body:  # a raw triple-quoted string could not hold it: stay on one line
        return flat
    return f"{name}.from_text(r'''{body}''')"


# -- rich -------------------------------------------------------------------------------


def rich_fields(model: Any, parameters: dict[str, str]) -> Iterator[tuple[str, Any]]:
    """``(parameter, value)`` of each set field, in field order, for rich's ``__rich_repr__``.

    ``parameters`` maps constructor parameters (which are also the property names) to fields.
    """
    present = {field.name for field, _ in model._message().ListFields()}
    for parameter, field in parameters.items():
        if field in present:
            yield parameter, getattr(model, parameter)


# -- HTML -------------------------------------------------------------------------------


def model_html(title: str, pb: Any) -> str:
    """A collapsible tree of ``pb``'s set fields, headed by ``title`` (the model's class)."""
    return f'<details open class="flytemodels"><summary><b>{html.escape(title)}</b></summary>{_fields(pb)}</details>'


def _fields(pb: Any) -> str:
    items = "".join(_field(field, value) for field, value in pb.ListFields())
    return f"<ul>{items}</ul>" if items else "<ul><li><i>(empty)</i></li></ul>"


def _field(field: FieldDescriptor, value: Any) -> str:
    # An extension as the text format names it: by its full name, in brackets.
    name = html.escape(f"[{field.full_name}]" if field.is_extension else field.name)
    if _is_map(field):
        entries = "".join(_entry(field, key, value[key]) for key in sorted(value))
        return f"<li><details><summary>{name} <i>({len(value)})</i></summary><ul>{entries}</ul></details></li>"
    if field.is_repeated:
        items = "".join(f"<li>{_value(field, item)}</li>" for item in value)
        return f"<li><details><summary>{name} <i>[{len(value)}]</i></summary><ol start=0>{items}</ol></details></li>"
    return f"<li>{name}: {_value(field, value)}</li>"


def _entry(field: FieldDescriptor, key: Any, value: Any) -> str:
    entry: Any = field.message_type  # a map field's entry type: never None
    value_field = entry.fields_by_name["value"]
    return f"<li>{html.escape(repr(key))}: {_value(value_field, value)}</li>"


def _value(field: FieldDescriptor, value: Any) -> str:
    if field.message_type is None:
        return _scalar(field, value)
    readable = _readable_well_known(field.message_type.full_name, value)
    if readable is not None:
        return f"<code>{html.escape(readable)}</code>"
    kind = html.escape(field.message_type.name)
    return f"<details><summary>{kind}</summary>{_fields(value)}</details>"


def _scalar(field: FieldDescriptor, value: Any) -> str:
    if field.enum_type is not None:
        member = field.enum_type.values_by_number.get(value)
        return f"<code>{html.escape(member.name if member is not None else str(value))}</code>"
    return f"<code>{html.escape(repr(value))}</code>"


def _readable_well_known(full_name: str, pb: Any) -> str | None:
    """A timestamp as an ISO 8601 UTC time, a duration as hours, minutes and seconds; None for other types."""
    if full_name == "google.protobuf.Timestamp":
        try:
            moment = _EPOCH + datetime.timedelta(seconds=pb.seconds, microseconds=pb.nanos // 1000)
        except OverflowError:
            return f"Timestamp(seconds={pb.seconds}, nanos={pb.nanos})"
        return moment.isoformat().replace("+00:00", "Z")
    if full_name == "google.protobuf.Duration":
        return human_duration(pb.seconds, pb.nanos)
    return None


def human_duration(seconds: int, nanos: int) -> str:
    """``1h 2m 3.5s``, ``-250ms``, ``0s``: the largest units that are not zero."""
    total = abs(seconds * 1_000_000_000 + nanos)
    sign = "-" if seconds < 0 or nanos < 0 else ""
    whole, fraction = divmod(total, 1_000_000_000)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}h"] if hours else []
    parts += [f"{minutes}m"] if minutes else []
    if secs or fraction or not parts:
        if not secs and fraction and not parts and fraction % 1_000_000 == 0:
            parts.append(f"{fraction // 1_000_000}ms")
        else:
            parts.append(f"{secs}.{fraction:09d}".rstrip("0").rstrip(".") + "s")
    return sign + " ".join(parts)


def _is_map(field: FieldDescriptor) -> bool:
    return field.message_type is not None and field.message_type.GetOptions().map_entry
