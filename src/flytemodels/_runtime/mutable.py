"""``MutableModel``: the base of compatibility families (``flytemodels.flytekit``).

A compatibility model behaves as the hand-written class it replaces: plain
instance attributes (``self._id``) that code may read and write, values kept as
given, and ``to_flyte_idl()`` that follows every change. It is built one of two
ways, and materialized only when a message is asked for:

- **value-built** (the constructor): the arguments are stored as given, in the
  instance ``__dict__`` under the compatibility target's attribute names;
  nothing is checked or converted until ``to_flyte_idl``;
- **held** (``from_flyte_idl``): the instance keeps a C copy of the message
  (``__dict__["_fm_pb"]``) and nothing else; the first read of an attribute
  converts them all from it (``_Lazy``), and they are then kept like given values.

``to_flyte_idl`` writes in one pass into the target message: a held model
copies its message in C and rewrites only the attributes that were read or
assigned (so fields the target API does not know, unknown fields and
nanoseconds survive); a value-built model writes each attribute, and each child
writes itself straight into its parent's sub-message.

The class attribute ``_SHAPES`` (attribute name → ``Shape``, generated) says how
each attribute maps to its field.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from google.protobuf.message import DecodeError as PbDecodeError
from google.protobuf.message import Message as PbMessage

from flytemodels._runtime.message import check_message_type
from flytemodels._runtime.shapes import Shape
from flytemodels.errors import DecodeError

_Model = TypeVar("_Model", bound="MutableModel")
_HELD = "_fm_pb"
_HASH = "_fm_hashed"  # the hash of a held model nothing was read from or assigned to (it is the message's)


class MutableModel:
    """A model that stores attributes as given and serializes what it holds."""

    _PB: ClassVar[type[PbMessage]]
    _SHAPES: ClassVar[dict[str, Shape]] = {}
    #: A held model's message (an instance attribute); None, from the class, on a model built from values.
    #: Hot paths read it as an attribute: asking the instance ``__dict__`` would make CPython build one
    #: for a model whose attributes it otherwise keeps inline, a tracked object more per model for the GC.
    _fm_pb: Any = None
    #: ``_fm_read(message, model)``: sets every attribute of ``model`` from ``message`` (generated per class).
    _fm_read: ClassVar[Callable[..., None] | None] = None
    #: Read every attribute when built from a message: for dataclasses, whose fields are class
    #: attributes too (their defaults), so a lazy read would never be asked for them.
    _EAGER: ClassVar[bool] = False

    # -- construction ----------------------------------------------------------------

    @classmethod
    def _fm_held(cls: type[_Model], pb: Any) -> _Model:
        """A model over ``pb``, which the caller hands over and never mutates again."""
        model = cls.__new__(cls)
        model._fm_pb = pb
        if cls._EAGER:
            for name, shape in cls._SHAPES.items():
                setattr(model, name, shape.read(pb))
        return model

    @classmethod
    def from_flyte_idl(cls: type[_Model], pb: Any) -> _Model:
        """A model of ``pb``; the message is copied in C, attributes convert when first read."""
        if type(pb) is cls._PB:
            return cls._fm_held(_copy_of(pb))
        check_message_type(cls, pb)
        copy = cls._PB()
        copy.CopyFrom(pb)
        return cls._fm_held(copy)

    @classmethod
    def from_bytes(cls: type[_Model], data: bytes) -> _Model:
        """Parse wire bytes; malformed input raises ``flytemodels.errors.DecodeError``."""
        try:
            return cls._fm_held(cls._PB.FromString(data))
        except (PbDecodeError, RuntimeError, ValueError, TypeError) as error:
            raise DecodeError(f"cannot decode {cls._PB.DESCRIPTOR.full_name}: {error}") from None

    #: Whether a value-built instance writes itself with ``_fm_write_values`` alone (``_fm_write`` is
    #: not overridden): then a parent writes it without a call through ``fill`` (``shapes.base.fill``).
    _FM_PLAIN_WRITE: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._FM_PLAIN_WRITE = cls._fm_write is MutableModel._fm_write
        fields = inspect.get_annotations(cls)  # a dataclass's fields: read eagerly, never lazily
        for attr in cls.__dict__.get("_SHAPES", ()):
            if attr not in fields and not hasattr(cls, attr):
                setattr(cls, attr, _Lazy(attr))

    def _fm_post_init(self) -> None:
        """Called at the end of a generated constructor the table marks ``post_init``: hand-written checks."""

    def _fm_load(self, name: str) -> Any:
        """Convert every attribute of a held model not yet set on it; return ``name``'s."""
        state = self.__dict__
        held = state.get(_HELD)
        cls = type(self)
        if held is None:
            raise AttributeError(f"{cls.__name__!r} object has no attribute {name!r}")
        convert = _CONVERTERS.get(cls) or _converter(cls)
        if len(state) == 1:
            _convert_root(convert, held, self, state)
        else:  # some attributes were assigned before the first read: they win
            scratch = _new(cls)
            convert(held, scratch)
            for attr, value in vars(scratch).items():
                state.setdefault(attr, value)
        return state[name]

    # -- materialization -------------------------------------------------------------

    def to_flyte_idl(self) -> Any:
        """A new message holding every attribute as it is now."""
        held = self._fm_pb
        if held is not None and self._FM_PLAIN_WRITE and _untouched(self.__dict__):
            return _copy_of(held)
        pb = self._PB()
        self._fm_write(pb)
        return pb

    def _fm_message(self) -> Any:
        """The message, shared when nothing was read or changed (for ``==``, ``hash``, text)."""
        held = self._fm_pb
        if held is not None and _untouched(self.__dict__):
            return held
        return self.to_flyte_idl()

    def _fm_hash(self, compute: Callable[[Any], int]) -> int:
        """``compute(message)``, kept while the model is untouched (its message cannot change then)."""
        if self._fm_pb is None or not _untouched(self.__dict__):
            return compute(self.to_flyte_idl())
        state = self.__dict__
        value = state.get(_HASH)
        if value is None:
            value = state[_HASH] = compute(state[_HELD])
        return value

    def __getstate__(self) -> dict[str, Any]:
        # A kept hash is this process's (Python salts the hash of bytes per process): never pickled.
        state = dict(self.__dict__)
        state.pop(_HASH, None)
        return state

    def _fm_write(self, target: Any) -> bool | None:
        """Write this model into ``target``, an empty message of its type; False: the field stays unset."""
        held = self._fm_pb
        if held is None:
            self._fm_write_values(target)
            return None
        target.CopyFrom(held)
        state = self.__dict__
        shapes = type(self)._SHAPES
        if len(state) > 1:
            for name, value in list(state.items()):
                changed = shapes.get(name)
                if changed is not None:
                    changed.rewrite(target, value, held)
        return None

    def _fm_write_values(self, target: Any) -> None:
        """Write every attribute of a model built from values (generated classes have a straight-line one)."""
        state = self.__dict__
        for name, shape in type(self)._SHAPES.items():
            value = state.get(name)
            if value is not None:
                shape.write(target, value)

    @property
    def _fm_pristine(self) -> bool:
        """True for a held model none of whose attributes was read or assigned."""
        return self._fm_pb is not None and _untouched(self.__dict__)


def _copy_of(pb: Any) -> Any:
    """A new message equal to ``pb``, unknown fields included: one C call (``T(); CopyFrom`` takes two, and
    on a small message half as long again). Only for a ``pb`` of a known type: upb's ``T.__deepcopy__(pb)``
    copies a message of another type too."""
    return type(pb).__deepcopy__(pb)


def _untouched(state: dict[str, Any]) -> bool:
    """Whether a model's ``__dict__`` holds a message and nothing read or assigned (a kept hash aside)."""
    return _HELD in state and (len(state) == 1 or (len(state) == 2 and _HASH in state))


class _Lazy:
    """The class attribute behind each instance attribute of a model (``Literal._scalar``).

    A non-data descriptor: once the instance holds the attribute, Python reads and writes
    it there without calling this (as fast as a plain attribute). Only the first read of a
    model ``from_flyte_idl`` (or ``from_bytes``) made reaches ``__get__``, which converts
    all its attributes at once, and its children's (``shapes.base._held``).
    (A ``__getattr__`` hook would do the same but slows every attribute access of the class.)
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, model: MutableModel | None, owner: type | None = None) -> Any:
        if model is None:
            return self
        # The instance __dict__ is asked for here, once per root: it tells whether anything was
        # assigned before this first read (FlyteRemote sets `template._id` on a template it fetched).
        state = model.__dict__
        if len(state) == 1 and _HELD in state:  # the common case, inlined
            cls = type(model)
            _convert_root(_CONVERTERS.get(cls) or _converter(cls), state[_HELD], model, state)
            return state[self.name]
        return model._fm_load(self.name)


_new = object.__new__
#: Per class: convert(message, model), setting every attribute of ``model`` from ``message``.
_CONVERTERS: dict[type, Callable[[Any, Any], None]] = {}


def _convert_root(convert: Callable[[Any, Any], None], held: Any, model: Any, state: dict[str, Any]) -> None:
    """``convert(held, model)``, leaving ``model`` as it was if it fails (a stack too deep to convert on)."""
    try:
        convert(held, model)
    except BaseException:
        for attr in type(model)._SHAPES:
            state.pop(attr, None)
        raise


def _converter(cls: type[MutableModel]) -> Callable[[Any, Any], None]:
    """How ``cls`` converts its attributes, found once per class: its generated ``_fm_read``,
    or one reader per shape (a class written by hand).

    The members of a oneof are read together: one ``WhichOneof`` answers for all of
    them, where asking each member would cost a ``HasField`` and a call apiece.
    """
    generated = getattr(cls, "_fm_read", None)
    if generated is None:
        readers = _readers(cls)

        def generated(held: Any, model: Any) -> None:
            state: dict[str, Any] = {}
            for attr, read in readers:
                if attr is None:
                    read(held, state)
                else:
                    state[attr] = read(held)
            for attr, value in state.items():
                setattr(model, attr, value)

    _CONVERTERS[cls] = generated
    return generated


#: (attribute, read(message)) pairs, and (None, fill(message, state)) for a oneof's members.
_Readers = list[tuple[str | None, Callable[..., Any]]]


def _readers(cls: type[MutableModel]) -> _Readers:
    """One reader per shape of ``cls``, a oneof's members read together."""
    fields = cls._PB.DESCRIPTOR.fields_by_name
    groups: dict[str, list[tuple[str, Shape]]] = {}
    order: list[tuple[str, Shape] | str] = []  # an attribute read alone, or the name of a oneof
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


def _oneof_reader(oneof: str, members: list[tuple[str, Shape]]) -> Callable[[Any, dict[str, Any]], None]:
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
