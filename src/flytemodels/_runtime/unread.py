"""Models read from a message and not converted yet (the flytekit family's roots).

``from_flyte_idl`` and ``from_bytes`` hand out a model that holds the message and
nothing else. Its class is a subclass of the public one, made here once per
class, carrying what the public class must not:

- one ``_Lazy`` descriptor per attribute: the first read converts every
  attribute, and the children's (``shapes.base._held``), but those of fields the
  mirrored API lacks, which their properties read when first asked for
  (``shapes.base.late_getter``);
- ``__setattr__`` and ``__delattr__`` hooks: an assignment converts first, so the
  conversion never overwrites it (FlyteRemote sets ``template._id`` on a
  template it fetched, before reading anything);
- ``__reduce_ex__``: a copy or a pickle is of the public class, and unread too.

Converting switches the instance to the public class. A class attribute named
as an instance attribute, as the descriptors are, stops CPython specializing
that attribute's stores and loads: on the public classes, which every
constructor stores into, it made building a ``Literal`` take 1.5x as long.

The subclass has the public class's name, module and docstring, so ``repr`` and
``type(model).__name__`` read the same; ``type(model) is Literal`` holds from the
first read or assignment on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_new = object.__new__
_store = object.__setattr__
#: public class -> its unread subclass
_UNREAD: dict[type, type] = {}
#: Per public class: convert(message, target), setting every attribute of ``target`` from ``message``.
_CONVERTERS: dict[type, Callable[[Any, Any], None]] = {}


def hold(cls: type, pb: Any) -> Any:
    """An unread model of ``cls`` over ``pb``, which the caller hands over and never mutates again."""
    model: Any = _new(_UNREAD.get(cls) or unread_class(cls))
    _store(model, "_fm_pb", pb)
    return model


def convert(model: Any) -> dict[str, Any]:
    """Convert an unread model: set every attribute from its message, make it an instance of the
    public class, and return its attributes.

    The attributes are converted into a new instance of the public class, whose ``__dict__`` the
    model then takes over: until the class switch, another thread reading the model converts it
    too (equal values) rather than finding attributes missing.
    """
    public = model._fm_public
    pb = model._fm_pb
    converted = _new(public)
    converted._fm_pb = pb
    (_CONVERTERS.get(public) or _converter(public))(pb, converted)
    state: dict[str, Any] = converted.__dict__
    _store(model, "__dict__", state)  # the kept hash goes with the old one: it was the message's
    _store(model, "__class__", public)  # past the hooks below: this is the conversion itself
    return state


class _Lazy:
    """An attribute of an unread model: reading it converts the model."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, model: Any, owner: type | None = None) -> Any:
        if model is None:
            return self
        try:
            return convert(model)[self.name]
        except KeyError:  # an attribute a hand-written converter does not set
            raise AttributeError(f"{type(model).__name__!r} object has no attribute {self.name!r}") from None


def _assign(model: Any, name: str, value: Any) -> None:
    convert(model)
    setattr(model, name, value)


def _delete(model: Any, name: str) -> None:
    convert(model)
    delattr(model, name)


def _reduce(model: Any, protocol: int) -> tuple[Any, ...]:
    return (_rehold, (model._fm_public, model._fm_pb))


def _rehold(cls: Any, pb: Any) -> Any:
    """Unpickle (or copy) an unread model: unread again."""
    return cls._fm_held(pb)


def unread_class(cls: type) -> type:
    """The class of ``cls``'s unread models (made once)."""
    namespace: dict[str, Any] = {attr: _Lazy(attr) for attr in getattr(cls, "_SHAPES", ())}
    namespace.update(
        __module__=cls.__module__,
        __qualname__=cls.__qualname__,
        __doc__=cls.__doc__,
        __setattr__=_assign,
        __delattr__=_delete,
        __reduce_ex__=_reduce,
        _FM_UNREAD=True,
        _fm_public=cls,
    )
    unread: type = type(cls)(cls.__name__, (cls,), namespace)
    _UNREAD[cls] = unread
    return unread


def _converter(cls: Any) -> Callable[[Any, Any], None]:
    """How ``cls`` converts its attributes, found once per class: its generated ``_fm_read``,
    or one reader per shape (a class written by hand).

    The members of a oneof are read together: one ``WhichOneof`` answers for all of
    them, where asking each member would cost a ``HasField`` and a call apiece.
    """
    generated = getattr(cls, "_fm_read", None)
    if generated is None:
        readers = _readers(cls)

        def generated(held: Any, target: Any) -> None:
            state: dict[str, Any] = {}
            for attr, read in readers:
                if attr is None:
                    read(held, state)
                else:
                    state[attr] = read(held)
            for attr, value in state.items():
                setattr(target, attr, value)

    _CONVERTERS[cls] = generated
    return generated


#: (attribute, read(message)) pairs, and (None, fill(message, state)) for a oneof's members.
_Readers = list[tuple[str | None, Callable[..., Any]]]


def _readers(cls: Any) -> _Readers:
    """One reader per shape of ``cls``, a oneof's members read together."""
    fields = cls._PB.DESCRIPTOR.fields_by_name
    groups: dict[str, list[tuple[str, Any]]] = {}
    order: list[tuple[str, Any] | str] = []  # an attribute read alone, or the name of a oneof
    for attr, shape in cls._SHAPES.items():
        oneof = fields[shape.field].containing_oneof if shape.field in fields else None
        if oneof is None or len(oneof.fields) < 2:  # proto3 `optional` is a oneof of one
            order.append((attr, shape))
        else:
            if oneof.name not in groups:
                order.append(oneof.name)
            groups.setdefault(oneof.name, []).append((attr, shape))
    return [
        (None, _oneof_reader(entry, groups[entry])) if isinstance(entry, str) else (entry[0], entry[1].reader())
        for entry in order
    ]


def _oneof_reader(oneof: str, members: list[tuple[str, Any]]) -> Callable[[Any, dict[str, Any]], None]:
    """Fill the attributes of ``oneof``'s members: the one that is set, and None (or what an unset
    member reads as, e.g. an empty model) for the rest."""
    unset = {attr: None for attr, shape in members if shape.presence}
    read_unset = [(attr, shape.read) for attr, shape in members if not shape.presence]
    by_field = {shape.field: (attr, shape.read) for attr, shape in members}

    def read(held: Any, state: dict[str, Any]) -> None:
        state.update(unset)
        for attr, read_member in read_unset:
            state[attr] = read_member(held)
        chosen = by_field.get(held.WhichOneof(oneof))  # None when no member is set
        if chosen is not None:
            state[chosen[0]] = chosen[1](held)

    return read
