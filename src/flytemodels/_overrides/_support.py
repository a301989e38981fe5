"""Helpers shared by overrides that give a class flytekit's constructor or setters.

Not an override module itself (no proto file is named ``_support``), so the
generator never parses it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flytemodels._runtime import Message


def build(model: Message, values: Mapping[str, Any]) -> None:
    """Build ``model``'s message from field values given by proto field name.

    An override whose constructor takes the fields in another order (flytekit's)
    collects them by name and hands them over here, often as its ``locals()``
    (``self`` is ignored); ``None`` leaves a field unset.
    """
    given = {name: value for name, value in values.items() if name != "self"}
    unknown = set(given) - set(model._FIELDS)
    if unknown:
        raise TypeError(f"{type(model).__name__} has no fields {sorted(unknown)}")
    model._build(*(given.get(name) for name in model._FIELDS))


def renamed(model: str, name: str, value: Any, idl_name: str, idl_value: Any) -> Any:
    """The value of a field flytekit names ``name`` and the IDL ``idl_name``; giving both is an error."""
    if value is not None and idl_value is not None:
        raise TypeError(f"{model}: pass {name} or {idl_name}, not both")
    return value if value is not None else idl_value


def set_member(model: Message, oneof: str) -> Any:
    """The member of ``oneof`` that is set, converted; ``None`` if none is (flytekit's ``value``, ``target`` ...)."""
    member = model.which_oneof(oneof)
    return None if member is None else getattr(model, member)


def replace_field(model: Message, name: str, value: Any) -> None:
    """Set one field of ``model`` in place, for flytekit's setters.

    The model's message is replaced by an edited copy (copy on write), so a
    parent model that already holds this one is not changed; its cached hash
    and converted values are dropped.
    """
    pb: Any = model._PB()
    pb.CopyFrom(model._pb)
    pb.ClearField(name)
    if value is not None:
        edited: Any = type(model).__new__(type(model))
        Message._build(edited, *(value if field == name else None for field in model._FIELDS))
        pb.MergeFrom(edited._pb)
    model._pb = pb
    model._cache = None
    model._hash = None


def repr_with_defaults(model: Message) -> str:
    """``repr`` for a model whose constructor sets fields by default (flytekit's defaults).

    ``Cls()`` would not be the empty message then, so the empty one is written
    as ``Cls.from_text('')``; any other prints as usual.
    """
    return f"{type(model).__qualname__}.from_text('')" if model.is_empty else Message.__repr__(model)
