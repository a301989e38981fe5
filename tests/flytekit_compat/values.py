"""Comparing what flytekit hands out with what ours hands out: the same shapes, equal values.

``differences(theirs, mine, root)`` compares a value of flytekit's (a property
value, a constructor's result) with ours, recursively, and lists where they
differ, by path:

- a flytekit model must be one of ours, of the counterpart class (same module
  path and name under ``flytemodels.flytekit``), holding the same message:
  both sides' ``to_flyte_idl()`` are compared after ``normalize.comparable``
  (what flytekit's own ``to_flyte_idl`` loses, by the documented deviations);
- a protobuf message (where flytekit keeps one) must be a message of the same
  type, compared the same way;
- dicts key by key (the same keys; protobuf maps and ``Struct`` have no order), sequences (lists, protobuf's
  repeated containers) item by item;
- scalars must be equal and of the same kind: a ``bool`` is not an ``int``,
  ``-0.0`` is not ``0.0``, a naive ``datetime`` is not an aware one, ``None`` is
  only ``None``; an ``enum.Enum`` member of flytekit's must be ours of the same
  name and value; an ``int`` of flytekit's may be our ``IntEnum`` of equal value.

The ``walk`` helpers read every property of a model of ours, recursively.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import inspect
import math
from collections.abc import Iterator, Mapping
from typing import Any

from google.protobuf.message import Message as PbMessage

from flytemodels._flytekit.entity import FlytekitModel
from tests.flytekit_compat import api, normalize


def properties(cls: type) -> list[str]:
    """The public properties of a class (inherited ones included), and the fields of a dataclass."""
    found = [
        name
        for name in dir(cls)
        if not name.startswith("_") and isinstance(inspect.getattr_static(cls, name, None), property)
    ]
    if dataclasses.is_dataclass(cls):
        found += [field.name for field in dataclasses.fields(cls) if not field.name.startswith("_")]
    return found


def differences(theirs: Any, mine: Any, root: str, path: str = "") -> list[str]:
    """Where ``mine`` differs from flytekit's ``theirs`` (empty: the same)."""
    return list(_differences(theirs, mine, root, path))


def _differences(theirs: Any, mine: Any, root: str, path: str) -> Iterator[str]:
    where = path or "value"
    if theirs is None or mine is None:
        if theirs is not mine:
            yield f"{where}: {_short(mine)}, flytekit's {_short(theirs)}"
    elif isinstance(theirs, enum.Enum):
        if not isinstance(mine, enum.Enum) or (mine.name, mine.value) != (theirs.name, theirs.value):
            yield f"{where}: {mine!r}, flytekit's {theirs!r}"
    elif isinstance(theirs, PbMessage):
        yield from _messages(theirs, mine, root, where)
    elif hasattr(theirs, "to_flyte_idl"):
        yield from _models(theirs, mine, root, where)
    elif isinstance(theirs, Mapping):
        if not isinstance(mine, Mapping) or set(mine) != set(theirs):
            yield f"{where}: {_short(mine)}, flytekit's {_short(theirs)}"
        else:
            for key, item in theirs.items():
                yield from _differences(item, mine[key], root, f"{path}[{key!r}]")
    elif isinstance(theirs, (str, bytes)) or not _is_sequence(theirs):
        if not same_scalar(theirs, mine):
            yield f"{where}: {_short(mine)}, flytekit's {_short(theirs)}"
    elif not _is_sequence(mine) or isinstance(mine, (str, bytes)) or len(mine) != len(theirs):
        yield f"{where}: {_short(mine)}, flytekit's {_short(theirs)}"
    else:
        for index, item in enumerate(theirs):
            yield from _differences(item, mine[index], root, f"{path}[{index}]")


def same_scalar(theirs: Any, mine: Any) -> bool:
    if isinstance(theirs, bool) or isinstance(mine, bool):
        return type(theirs) is type(mine) and theirs == mine
    if isinstance(theirs, int) and isinstance(mine, int):  # our IntEnum for flytekit's int
        return int(theirs) == int(mine)
    if isinstance(theirs, float):
        if not isinstance(mine, float):
            return False
        if math.isnan(theirs):
            return math.isnan(mine)
        return theirs == mine and math.copysign(1, theirs) == math.copysign(1, mine)
    if isinstance(theirs, datetime.datetime):
        return (
            isinstance(mine, datetime.datetime)
            and (theirs.tzinfo is None) == (mine.tzinfo is None)
            and theirs.replace(tzinfo=None) == mine.replace(tzinfo=None)
        )
    return type(theirs) is type(mine) and bool(theirs == mine)


def _messages(theirs: PbMessage, mine: Any, root: str, where: str) -> Iterator[str]:
    if not isinstance(mine, PbMessage) or mine.DESCRIPTOR is not theirs.DESCRIPTOR:
        yield f"{where}: {_short(mine)}, flytekit's a {theirs.DESCRIPTOR.full_name} message"
    elif normalize.comparable(mine, root) != normalize.comparable(theirs, root):
        yield f"{where}: message {_text(mine)}, flytekit's {_text(theirs)}"


def _models(theirs: Any, mine: Any, root: str, where: str) -> Iterator[str]:
    expected = api.counterpart(type(theirs))
    if not isinstance(expected, type) or not isinstance(mine, expected):
        yield f"{where}: {_short(mine)}, flytekit's a {type(theirs).__qualname__} (expected ours: {expected!r})"
        return
    try:
        theirs_pb = theirs.to_flyte_idl()
    except Exception:  # flytekit cannot serialize what it read (its documented crashes): nothing to compare with
        return
    mine_pb = mine.to_flyte_idl()
    if theirs_pb is None and isinstance(mine_pb, PbMessage):  # flytekit's SecurityContext says "empty" this way
        theirs_pb = type(mine_pb)()
    if mine_pb is None:
        if theirs_pb is not None:
            yield f"{where}: to_flyte_idl() gives None, flytekit's {_short(theirs_pb)}"
    elif not isinstance(theirs_pb, PbMessage):  # filters and the like: strings
        if theirs_pb != mine_pb:
            yield f"{where}: to_flyte_idl() gives {mine_pb!r}, flytekit's {theirs_pb!r}"
    else:
        yield from _messages(theirs_pb, mine_pb, root, where)


def _is_sequence(value: Any) -> bool:
    return hasattr(value, "__len__") and hasattr(value, "__getitem__") and not isinstance(value, Mapping)


def _short(value: Any) -> str:
    if isinstance(value, PbMessage):
        text = f"{value.DESCRIPTOR.name}({_text(value)})"
    elif isinstance(value, FlytekitModel):
        text = f"{type(value).__qualname__}({_text(value._fm_message())})"
    else:
        text = repr(value)
    return text if len(text) <= 200 else text[:200] + "..."


def _text(pb: PbMessage) -> str:
    text = str(pb).replace("\n", " ").strip()
    return "{" + (text if len(text) <= 300 else text[:300] + "...") + "}"


# -- reading everything ------------------------------------------------------------------------


class ReadError(Exception):
    """A property of ours raised while being read."""


def read_everything(model: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every (path, value) reachable through the properties of a model of ours, depth first; reads them all.

    Properties that raise are reported as ``ReadError`` values (flytekit's raise too, for some: the value
    test compares those); the walk goes on.
    """
    for name in properties(type(model)):
        where = f"{path}.{name}"
        try:
            value = getattr(model, name)
        except Exception as error:
            yield where, ReadError(repr(error))
            continue
        yield where, value
        yield from _read_value(value, where)


def _read_value(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    if isinstance(value, FlytekitModel):
        yield from read_everything(value, path)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield f"{path}[{key!r}]", item
            yield from _read_value(item, f"{path}[{key!r}]")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield f"{path}[{index}]", item
            yield from _read_value(item, f"{path}[{index}]")
