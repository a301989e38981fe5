"""Full walks: touch every property of a model tree, as a reader would.

``walk_model`` reads each generated property of every flytemodels model (set or
not), so every lazy conversion runs once; ``walk_flytekit`` visits the
attributes flytekit's eager ``from_flyte_idl`` already built. Both are
iterative and read a model's properties with one ``attrgetter`` call, so the
walker itself costs little next to what it measures. Both return the number of
values visited, so a walk cannot silently stop early.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any

from flytemodels._runtime import Message


def property_names(cls: type[Message]) -> tuple[str, ...]:
    """The Python property of each proto field (``name_`` when ``name`` is reserved)."""
    return tuple(name if isinstance(getattr(cls, name, None), property) else f"{name}_" for name in cls._FIELDS)


def _reader(cls: type[Message]) -> Callable[[Message], tuple[Any, ...]]:
    """A function returning the values of all properties of a ``cls`` instance, as a tuple."""
    names = property_names(cls)
    if len(names) == 1:
        read_one = attrgetter(names[0])
        return lambda model: (read_one(model),)
    return attrgetter(*names) if names else lambda model: ()


class _Expanders(dict[type, Callable[[Any], Iterable[Any]] | None]):
    """What a walk visits inside a value of each type (``None``: nothing), found once per type."""

    def __missing__(self, kind: type) -> Callable[[Any], Iterable[Any]] | None:
        expand: Callable[[Any], Iterable[Any]] | None = None
        if issubclass(kind, Message):
            expand = _reader(kind)
        elif issubclass(kind, list):
            expand = iter
        elif issubclass(kind, dict):
            expand = dict.values
        self[kind] = expand
        return expand


_EXPANDERS = _Expanders()


def walk_model(root: Any) -> int:
    """Read every property of a flytemodels value recursively; return the values visited."""
    visited = 0
    pending = [root]
    while pending:
        value = pending.pop()
        visited += 1
        expand = _EXPANDERS[type(value)]
        if expand is not None:
            pending.extend(expand(value))
    return visited


def walk_flytekit(root: Any) -> int:
    """Visit every attribute of a flytekit.models value recursively; return the values visited."""
    visited = 0
    pending = [root]
    while pending:
        value = pending.pop()
        visited += 1
        if isinstance(value, list | tuple):
            pending.extend(value)
        elif isinstance(value, dict):
            pending.extend(value.values())
        elif hasattr(value, "__dict__") and not isinstance(value, type):
            pending.extend(vars(value).values())
    return visited
