"""Full walks: read every property of a model tree, as a reader would.

- ``walk_model`` (the IDL family) reads each generated property of every model
  (set or not), so every lazy conversion runs once.
- ``walk_properties`` (flytekit.models and the flytekit family, with the same
  code) reads every public property that *flytekit's* class has, on every
  model: for a flytekit-family model, the properties of the flytekit class it
  stands for (the family has more, for fields flytekit drops; those are not
  read). Properties that hand out another property's value again
  (``Literal.value`` is the set one of ``scalar``/``collection``/``map``) are
  read but not walked into twice. ``is_empty`` (a serialization) is not read.

Both are iterative and read a model's properties with one ``attrgetter`` call,
so the walker itself costs little next to what it measures. Both return the
number of values visited, so a walk cannot silently stop early.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any

from flytemodels._runtime import Message

# Properties of flytekit's classes that hand out a value another property of the same model has too.
ALIASES = {
    ("Literal", "value"),
    ("Scalar", "value"),
    ("Primitive", "value"),
    ("BindingData", "value"),
    ("Node", "target"),
    ("WorkflowNode", "reference"),
}
NOT_READ = {"is_empty"}
_FAMILY_PREFIX = "flytemodels.flytekit."
_FLYTEKIT_PREFIX = "flytekit.models."


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
        elif issubclass(kind, list | tuple):
            expand = iter
        elif issubclass(kind, dict):
            expand = dict.values
        self[kind] = expand
        return expand


_EXPANDERS = _Expanders()


def walk_model(root: Any) -> int:
    """Read every property of an IDL-family value recursively; return the values visited."""
    visited = 0
    pending = [root]
    while pending:
        value = pending.pop()
        visited += 1
        expand = _EXPANDERS[type(value)]
        if expand is not None:
            pending.extend(expand(value))
    return visited


# -- flytekit.models and the flytekit family: flytekit's properties -----------------------


def public_properties(cls: type) -> list[str]:
    """The public properties of ``cls`` (its bases' included), in name order."""
    return sorted(
        name
        for name in dir(cls)
        if not name.startswith("_") and name not in NOT_READ and isinstance(inspect.getattr_static(cls, name), property)
    )


def flytekit_class(cls: type) -> type | None:
    """The ``flytekit.models`` class a flytekit-family class stands for (through its bases), if any."""
    for base in cls.__mro__:
        module = base.__module__
        if module.startswith(_FAMILY_PREFIX):
            found: Any = importlib.import_module(_FLYTEKIT_PREFIX + module[len(_FAMILY_PREFIX) :])
            for part in base.__qualname__.split("."):  # nested classes: Resources.ResourceEntry
                found = getattr(found, part, None)
            if isinstance(found, type):
                return found
    return None


def _is_model(kind: type) -> bool:
    from flytekit.models.common import FlyteIdlEntity

    from flytemodels._runtime.mutable import MutableModel

    return issubclass(kind, FlyteIdlEntity | MutableModel)


#: flytekit-family classes whose flytekit class was not found (their own public properties are read).
UNMATCHED: set[str] = set()


def _property_reader(kind: type) -> Callable[[Any], Iterable[Any]]:
    """Read flytekit's properties of a ``kind`` value; return the values to walk into."""
    from flytemodels._runtime.mutable import MutableModel

    source = kind
    if issubclass(kind, MutableModel):
        found = flytekit_class(kind)
        if found is None:
            UNMATCHED.add(f"{kind.__module__}.{kind.__qualname__}")
        source = found or kind
    names = public_properties(source)
    walked = [name for name in names if (source.__name__, name) not in ALIASES]
    aliases = [name for name in names if (source.__name__, name) in ALIASES]
    read_walked = attrgetter(*walked) if len(walked) > 1 else None
    read_aliases = attrgetter(*aliases) if aliases else None
    if len(walked) == 1:
        read_one = attrgetter(walked[0])

        def read_single(value: Any) -> Iterable[Any]:
            if read_aliases is not None:
                read_aliases(value)
            return (read_one(value),)

        return read_single
    if read_walked is None:
        return lambda value: ()
    if read_aliases is None:
        return read_walked

    def read(value: Any) -> Iterable[Any]:
        read_aliases(value)
        return read_walked(value)

    return read


def _map_values(container: Any) -> Iterable[Any]:
    return container.values()  # type: ignore[no-any-return]


class _PropertyExpanders(dict[type, Callable[[Any], Iterable[Any]] | None]):
    def __missing__(self, kind: type) -> Callable[[Any], Iterable[Any]] | None:
        expand: Callable[[Any], Iterable[Any]] | None = None
        if _is_model(kind):
            expand = _property_reader(kind)
        elif issubclass(kind, list | tuple):
            expand = iter
        elif issubclass(kind, dict):
            expand = dict.values
        elif kind.__module__.startswith("google.") and "Repeated" in kind.__name__:
            expand = iter  # flytekit hands out some repeated fields as protobuf's own container
        elif kind.__module__.startswith("google.") and "Map" in kind.__name__:
            expand = _map_values
        self[kind] = expand
        return expand


_PROPERTY_EXPANDERS = _PropertyExpanders()


def walk_properties(root: Any) -> int:
    """Read flytekit's properties of a flytekit.models or flytekit-family value recursively; count values."""
    visited = 0
    pending = [root]
    while pending:
        value = pending.pop()
        visited += 1
        expand = _PROPERTY_EXPANDERS[type(value)]
        if expand is not None:
            pending.extend(expand(value))
    return visited


# -- raw protobuf: the floor of a read ---------------------------------------------------------


def _message_reader(descriptor: Any) -> Callable[[Any], list[Any]]:
    """Read every field of a message of ``descriptor``; return the values to walk into.

    Scalars, repeated fields and maps are read by name (one ``attrgetter``); a
    singular message field is read, and walked into, only when set (``HasField``;
    for a oneof, the member ``WhichOneof`` names), since protobuf hands out an
    empty default for an unset one and message types nest recursively.
    """
    plain: list[str] = []
    repeated: list[str] = []
    maps: list[str] = []
    singular: list[str] = []
    oneofs: list[str] = []
    for field in descriptor.fields:
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            (maps if field.message_type.fields_by_name["value"].message_type else plain).append(field.name)
        elif field.is_repeated:
            (repeated if field.message_type is not None else plain).append(field.name)
        elif field.message_type is None:
            plain.append(field.name)
        elif field.containing_oneof is not None and len(field.containing_oneof.fields) > 1:
            if field.containing_oneof.name not in oneofs:
                oneofs.append(field.containing_oneof.name)
        else:
            singular.append(field.name)
    read_plain = attrgetter(*plain) if plain else None
    if not (repeated or maps or singular or oneofs):  # a flat message (an Identifier): one C call
        if read_plain is None:
            return lambda message: []

        def read_flat(message: Any) -> list[Any]:
            read_plain(message)
            return []

        return read_flat

    def read(message: Any) -> list[Any]:
        if read_plain is not None:
            read_plain(message)
        children: list[Any] = []
        for name in repeated:
            children.extend(getattr(message, name))
        for name in maps:
            children.extend(getattr(message, name).values())
        for name in singular:
            if message.HasField(name):
                children.append(getattr(message, name))
        for name in oneofs:
            member = message.WhichOneof(name)
            if member is not None:
                value = getattr(message, member)
                if hasattr(value, "DESCRIPTOR"):
                    children.append(value)
        return children

    return read


class _MessageReaders(dict[Any, Callable[[Any], list[Any]]]):
    def __missing__(self, descriptor: Any) -> Callable[[Any], list[Any]]:
        reader = self[descriptor] = _message_reader(descriptor)
        return reader


_MESSAGE_READERS = _MessageReaders()


def walk_message(root: Any) -> int:
    """Read every field of protobuf messages recursively (set sub-messages only); return the messages visited.

    What a reader of the raw messages does at least to see all the data: the floor of a full walk.
    """
    visited = 0
    pending = list(root) if isinstance(root, list) else [root]
    readers = _MESSAGE_READERS
    while pending:
        message = pending.pop()
        visited += 1
        pending.extend(readers[message.DESCRIPTOR](message))
    return visited
