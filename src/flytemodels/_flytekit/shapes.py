"""Conversions of flytekit's that no general shape expresses, by the name the table gives them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _attr_path_to_python(pb: Any) -> list[str | int]:
    # A PromiseAttribute is a oneof of a key (string_value) or an index (int_value).
    return [getattr(step, step.WhichOneof("value") or "string_value") for step in pb.attr_path]


def _attr_path_to_proto(value: Any, pb: Any) -> None:
    for step in value:
        if isinstance(step, bool) or not isinstance(step, (str, int)):
            raise TypeError(f"expected a list of str keys and int indexes, got {type(step).__name__}")
        if isinstance(step, str):
            pb.attr_path.add(string_value=step)
        else:
            pb.attr_path.add(int_value=step)


#: name → (to_python(message), to_proto(value, message)), the message being the field's owner.
CUSTOM: dict[str, tuple[Callable[[Any], Any], Callable[[Any, Any], None]]] = {
    "attr_path": (_attr_path_to_python, _attr_path_to_proto),
}
