"""``MutableModel``: the base of compatibility families (``flytemodels.flytekit``).

A compatibility model behaves as the hand-written class it replaces: plain
instance attributes (``self._id``) that code may read and write, values kept as
given, and ``to_flyte_idl()`` that follows every change. It is built one of two
ways, and materialized only when a message is asked for:

- **value-built** (the constructor): the arguments are stored as given, as
  instance attributes under the compatibility target's names; nothing is
  checked or converted until ``to_flyte_idl``;
- **held** (``from_flyte_idl``): the model keeps a C copy of the message
  (``_fm_pb``). Until something is read or assigned it holds nothing else and
  is *unread* (``flytemodels._runtime.unread``); the first read converts every
  attribute, and its children's, which are then kept like given values.

``to_flyte_idl`` writes in one pass into the target message: a held model
copies its message in C and rewrites the attributes that differ from it (so
fields the target API does not know, unknown fields and nanoseconds survive);
a value-built model writes each attribute, and each child writes itself
straight into its parent's sub-message.

The class attribute ``_SHAPES`` (attribute name → ``Shape``, generated) says how
each attribute maps to its field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from google.protobuf.message import DecodeError as PbDecodeError
from google.protobuf.message import Message as PbMessage

from flytemodels._runtime import deep, unread
from flytemodels._runtime.message import check_message_type
from flytemodels._runtime.shapes import Shape
from flytemodels.errors import DecodeError

_Model = TypeVar("_Model", bound="MutableModel")
_HELD = "_fm_pb"
_MISSING = object()


class MutableModel:
    """A model that stores attributes as given and serializes what it holds."""

    _PB: ClassVar[type[PbMessage]]
    _SHAPES: ClassVar[dict[str, Shape]] = {}
    #: A held model's message (an instance attribute); None, from the class, on a model built from values.
    #: Hot paths read it as an attribute: asking the instance ``__dict__`` would make CPython build one
    #: for a model whose attributes it otherwise keeps inline, a tracked object more per model for the GC.
    _fm_pb: Any = None
    #: The hash an unread model keeps (an instance attribute; it is its message's).
    _fm_hashed: int | None = None
    #: ``_fm_read(message, model)``: sets every attribute of ``model`` from ``message`` (generated per class).
    _fm_read: ClassVar[Callable[..., None] | None] = None
    #: True on the class of an unread model (``flytemodels._runtime.unread``).
    _FM_UNREAD: ClassVar[bool] = False
    #: Read every attribute when built from a message: for dataclasses, whose fields are class
    #: attributes too (their defaults), so a lazy read would never be asked for them.
    _EAGER: ClassVar[bool] = False

    # -- construction ----------------------------------------------------------------

    @classmethod
    def _fm_held(cls: type[_Model], pb: Any) -> _Model:
        """A model over ``pb``, which the caller hands over and never mutates again: unread."""
        if not cls._EAGER:
            model: _Model = unread.hold(cls, pb)
            return model
        model = cls.__new__(cls)
        model._fm_pb = pb
        for name, shape in cls._SHAPES.items():
            setattr(model, name, shape.read(pb))
        return model

    @classmethod
    def from_flyte_idl(cls: type[_Model], pb: Any) -> _Model:
        """A model of ``pb``; the message is copied in C, attributes convert when first read."""
        pb_class = cls._PB
        if type(pb) is pb_class and not cls._EAGER:  # _fm_held, inlined: every conversion starts here
            # upb's T.__deepcopy__(pb) copies a message of any type, so only once the type is checked.
            return unread.hold(cls, pb_class.__deepcopy__(pb))  # type: ignore[no-any-return]
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

    #: Whether this class's models may be written level by level in a tree nested deeper than the stack
    #: allows (``flytemodels._runtime.deep``): their writer and applier are the generated or the generic ones.
    _FM_LEVELLED: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._FM_PLAIN_WRITE = cls._fm_write is MutableModel._fm_write
        cls._FM_LEVELLED = _generated_or_generic(cls, "_fm_write_values", "_fm_apply")
        # A generated class's to_flyte_idl writes its attributes itself; a subclass that writes
        # itself (overrides _fm_write) takes this one, which asks it, so the generated one never checks.
        if not cls._FM_PLAIN_WRITE and _generated_or_generic(cls, "to_flyte_idl"):
            cls.to_flyte_idl = MutableModel.to_flyte_idl  # type: ignore[method-assign]

    def _fm_post_init(self) -> None:
        """Called at the end of a generated constructor the table marks ``post_init``: hand-written checks."""

    # -- materialization -------------------------------------------------------------

    def to_flyte_idl(self) -> Any:
        """A new message holding every attribute as it is now."""
        if self._FM_UNREAD and self._FM_PLAIN_WRITE:
            held = self._fm_pb
            # One C call: T(); CopyFrom takes two (half as long again on a small message).
            return type(held).__deepcopy__(held)
        pb = self._PB()
        self._fm_write(pb)
        return pb

    def _fm_to_flyte_idl_deep(self) -> Any:
        """What a generated ``to_flyte_idl`` returns, for a tree nested deeper than the stack allows: written
        level by level (``flytemodels._runtime.deep``) when the generated one raised RecursionError."""
        return deep.to_flyte_idl(self)

    def _fm_message(self) -> Any:
        """The message, shared while the model is unread (for ``==``, ``hash``, text)."""
        return self._fm_pb if self._FM_UNREAD else self.to_flyte_idl()

    def _fm_hash(self, compute: Callable[[Any], int]) -> int:
        """``compute(message)``, kept while the model is unread (its message cannot change then)."""
        if not self._FM_UNREAD:
            return compute(self.to_flyte_idl())
        value = self._fm_hashed
        if value is None:
            value = compute(self._fm_pb)
            object.__setattr__(self, "_fm_hashed", value)  # not an assignment: the model stays unread
        return value

    def __getstate__(self) -> dict[str, Any]:
        # A kept hash is this process's (Python salts the hash of bytes per process): never pickled.
        state = dict(self.__dict__)
        state.pop("_fm_hashed", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if set(state) == {_HELD} and not self._EAGER:  # an unread model, pickled before unread classes were
            self.__class__ = unread.unread_class(type(self))

    def _fm_write(self, target: Any) -> bool | None:
        """Write this model into ``target``, an empty message of its type; False: the field stays unset."""
        held = self._fm_pb
        if held is None:
            self._fm_write_values(target)
            return None
        target.CopyFrom(held)
        self._fm_apply(target)
        return None

    def _fm_apply(self, target: Any) -> None:
        """Write a held model's attributes that differ from its message into ``target``, which holds a
        copy of that message already: unchanged attributes, and an unread model, write nothing.

        A child still holding the very sub-message its parent's message has is applied in place
        (``shapes.messages``): converting a tree and serializing it again is one copy and one pass.
        """
        if self._FM_UNREAD:
            return
        held = self._fm_pb
        for name, shape in type(self)._SHAPES.items():
            value = getattr(self, name, _MISSING)
            if value is not _MISSING:  # deleted: the message's value stands
                shape.rewrite(target, value, held)

    def _fm_write_values(self, target: Any) -> None:
        """Write every attribute of a model built from values (generated classes have a straight-line one)."""
        state = self.__dict__
        for name, shape in type(self)._SHAPES.items():
            value = state.get(name)
            if value is not None:
                shape.write(target, value)

    @property
    def _fm_pristine(self) -> bool:
        """True for a held model none of whose attributes was read or assigned (unread)."""
        return self._FM_UNREAD


def _generated_or_generic(cls: type, *names: str) -> bool:
    """Whether each method ``names`` of ``cls`` is the generated one (its class sets ``_PB``) or this base's."""
    for name in names:
        owner = next(klass for klass in cls.__mro__ if name in vars(klass))
        if owner is not MutableModel and "_PB" not in vars(owner):
            return False
    return True
