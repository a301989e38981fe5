"""Helpers shared by the overrides.

Not an override module itself (no proto file is named ``_support``), so the
generator never parses it.
"""

from __future__ import annotations

from typing import Any

from flytemodels._runtime import Message


def set_member(model: Message[Any], oneof: str) -> Any:
    """The member of ``oneof`` that is set, as its property returns it; ``None`` if none is."""
    member = model.which_oneof(oneof)
    return None if member is None else getattr(model, member)
