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
    collects them by name and hands them over here; ``None`` leaves a field unset.
    """
    unknown = set(values) - set(model._FIELDS)
    if unknown:
        raise TypeError(f"{type(model).__name__} has no fields {sorted(unknown)}")
    model._build(*(values.get(name) for name in model._FIELDS))


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
    if hasattr(model, "_hash"):
        del model._hash
