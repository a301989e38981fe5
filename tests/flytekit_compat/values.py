"""Comparing what flytekit's properties return with what ours return, for the same message.

``canonical(value, root)`` turns a property value of either side into plain
data: models and protobuf messages become their (normalized) message, enums
their int, containers their canonical items, so that flytekit's
``LiteralType`` and ours, or its ``int`` and our ``IntEnum``, compare equal,
while a dict where flytekit has a model (or the reverse) does not.
"""

from __future__ import annotations

import datetime
import enum
import inspect
from collections.abc import Mapping
from typing import Any

from google.protobuf.message import Message as PbMessage

from tests.flytekit_compat import normalize


class Unconvertible(Exception):
    """flytekit's value cannot be turned into a message (its ``to_flyte_idl`` raised)."""


def properties(flytekit_class: type) -> list[str]:
    """The public properties of a flytekit class (inherited ones included)."""
    names = []
    for name in dir(flytekit_class):
        if not name.startswith("_") and isinstance(inspect.getattr_static(flytekit_class, name, None), property):
            names.append(name)
    return names


def canonical(value: Any, root: str) -> Any:
    """Plain, comparable data for a property value of flytekit's or ours.

    A value equal to its type's default (an empty message, ``0``, ``""``, an
    empty container, the epoch, a zero duration) counts as ``None``: flytekit
    hands out defaults where the message has nothing, and ``None`` where it has
    a default (the documented presence deviation).
    """
    found = _canonical(value, root)
    return None if _is_default(found) else found


def _canonical(value: Any, root: str) -> Any:
    if value is None or isinstance(value, (bool, str, bytes, float)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, datetime.datetime):
        # flytekit's naive datetimes are UTC
        return value if value.tzinfo is not None else value.replace(tzinfo=datetime.UTC)
    if isinstance(value, datetime.timedelta):
        return value
    if isinstance(value, PbMessage):
        return _message(value, root)
    if hasattr(value, "to_flyte_idl"):
        return _model(value, root)
    if isinstance(value, Mapping):
        return ("dict", {key: canonical(item, root) for key, item in value.items()})
    if hasattr(value, "__len__") and hasattr(value, "__getitem__"):  # lists and protobuf's repeated containers
        return ("list", [canonical(item, root) for item in value])
    return ("object", type(value).__qualname__)


_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def _is_default(value: Any) -> bool:
    if isinstance(value, tuple):
        return value[0] in ("dict", "list") and not value[1]
    if isinstance(value, datetime.datetime):
        return value == _EPOCH
    return not value and not isinstance(value, float)  # -0.0 and 0.0 are values the filler sets on purpose


def _message(pb: PbMessage, root: str) -> Any:
    name = pb.DESCRIPTOR.full_name
    if name == "google.protobuf.Timestamp":  # flytekit hands some out as messages, we as datetime
        return pb.ToDatetime(tzinfo=datetime.UTC)  # type: ignore[attr-defined]
    if name == "google.protobuf.Duration":
        return pb.ToTimedelta()  # type: ignore[attr-defined]
    normalized = normalize.comparable(pb, root)
    return None if normalized.ByteSize() == 0 else ("message", name, normalized)


def _model(value: Any, root: str) -> Any:
    try:
        pb = value.to_flyte_idl()
    except Exception as error:
        raise Unconvertible(f"{type(value).__qualname__}.to_flyte_idl raised {error!r}") from None
    if pb is None:  # flytekit's SecurityContext says "empty" this way
        return None
    if not isinstance(pb, PbMessage):
        return ("value", pb)
    return _message(pb, root)
