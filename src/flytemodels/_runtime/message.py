"""``Message``: the base class of every generated model.

A model is immutable and is one of two kinds:

- **held**: ``from_flyte_idl`` (and ``from_bytes``, ``wrap``, a parent's
  property) holds a protobuf message, copied in C where it came from a caller.
  Properties convert lazily and cache what they build. Holding the message is
  what makes the round trip lossless: unknown fields, unknown enum values and
  nanoseconds all stay where they were.
- **value-built**: the constructor checks its arguments and keeps them as given
  (``_values``, see ``flytemodels._runtime.fast``); no message exists yet. The
  first thing that needs one (``to_flyte_idl``, a property, ``==``, ``hash``,
  text) writes every value in one pass (``_fm_fill``), children straight into
  their parent's sub-messages. ``to_flyte_idl`` hands that message to its
  caller; anything else keeps it, and the model is then held.

proto2 ``required`` fields (editions: ``LEGACY_REQUIRED``): a constructor, and
``replace``, refuse to leave one unset (``TypeError`` naming the message and the
parameters, in declaration order). Data read from bytes, text, a dict or JSON
may lack them: that is a *partial* model, kept as protobuf parses it.
``is_initialized()`` and ``missing_fields()`` tell; nothing else fails on it:
properties read None, and ``==``, ``hash``, ``repr``, ``to_dict``, pickling and
``serialize_to_string`` (protobuf's partial serialization) work as on any model.
"""

from __future__ import annotations

import importlib
import zlib
from collections.abc import Iterator
from typing import Any, ClassVar, Generic, Self, TypeVar

from google.protobuf.message import DecodeError as PbDecodeError
from google.protobuf.message import EncodeError as PbEncodeError
from google.protobuf.message import Message as PbMessage

from flytemodels._runtime import constraints, fast, registry
from flytemodels._runtime.extensions import Extension
from flytemodels._runtime.fields import Spec, specs_of
from flytemodels.errors import DecodeError

_Model = TypeVar("_Model", bound="Message[Any]")
#: The protobuf message class a model class stands for (``Identifier(Message[identifier_pb2.Identifier])``).
_Pb = TypeVar("_Pb", bound=PbMessage)
_Value = TypeVar("_Value")


def _fill_deep(model: Message[Any], target: Any) -> None:
    """``model._fm_fill(target)`` for a tree built deeper than Python's recursion limit.

    Writing recurses once per level; for a literal nested a thousand times it
    goes bottom-up instead: every value-built descendant writes its message first,
    deepest first, so each level's write is one ``CopyFrom`` per child. Each level's
    message holds its whole subtree, so a descendant lets its message go once its
    parent has copied it (a kept message is a cache: the values stay): memory
    stays linear in the depth, where keeping them all took 2.4 GB at 5,000 levels.
    """
    type(target).Clear(target)  # through the class: a field named Clear hides it on the instance (see is_initialized)
    written: set[int] = set()  # ids of the descendants written here, which are alive as long as the tree is
    for child in reversed(_value_built_descendants(model)):
        child._message()
        _let_go(child, written)
        written.add(id(child))
    model._fm_fill(target)
    _let_go(model, written)


def _let_go(parent: Message[Any], written: set[int]) -> None:
    """Drop the messages the children of ``parent`` wrote in ``_fill_deep``, now copied into the parent's."""
    for child in _model_children(parent):
        if id(child) in written:
            child._pb = None


def _value_built_descendants(model: Message[Any]) -> list[Message[Any]]:
    """Every value-built model under ``model`` (iteratively), each before its own descendants."""
    found: list[Message[Any]] = []
    pending = [model]
    while pending:
        for child in _model_children(pending.pop()):
            if child._pb is None:
                found.append(child)
                pending.append(child)
    return found


def _model_children(model: Message[Any]) -> Iterator[Message[Any]]:
    """The models among the values ``model`` was built from, in its fields, lists and maps."""
    for value in model._values:
        values = value.values() if isinstance(value, dict) else value if isinstance(value, list) else (value,)
        for child in values:
            if isinstance(child, Message):
                yield child


class _MessageTypeFlag:
    """A class attribute computed from the message type on first use, then stored as a plain one.

    It is stored on the generated class (the one that sets ``_PB``), so a hand-written
    subclass keeps only what it declares itself.
    """

    def __init__(self, compute: Any) -> None:
        self._compute = compute
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, model: Any, owner: type) -> bool:
        value = bool(self._compute(owner))
        generated = next(klass for klass in owner.__mro__ if "_PB" in klass.__dict__)
        setattr(generated, self._name, value)
        return value


class Message(Generic[_Pb]):
    """Base of all models: equality, hashing, text, bytes, dict and pickle support.

    Subclasses are generated: they set ``_PB`` (the pb2 class) and ``_FIELDS``
    (proto field names in constructor order) and define one property per field.

    Required fields (proto2): a constructor and ``replace`` raise ``TypeError`` rather
    than leave one unset. A *partial* model, read from bytes, text, a dict or JSON
    that lack one, is kept as it is, and nothing fails on it: ``serialize_to_string``,
    pickling and ``hash`` write what it has (protobuf's partial serialization), ``==``,
    ``repr`` and ``to_dict`` work as usual. ``is_initialized()`` and ``missing_fields()`` tell.
    """

    # Caches are filled lazily; a racing thread at worst builds an equal value
    # twice and one assignment wins, so concurrent readers need no lock.
    __slots__ = ("_cache", "_hash", "_pb", "_values")

    _PB: ClassVar[type[PbMessage]]
    _FIELDS: ClassVar[tuple[str, ...]] = ()
    #: The message class, under a name only this family's classes carry (constructor guards check it).
    _IDL_PB: ClassVar[type[PbMessage]]

    _pb: Any  # None while value-built
    _values: tuple[Any, ...]  # a value-built model's arguments, in field order
    _cache: dict[str, Any] | None
    _hash: int | None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "_PB" in cls.__dict__:  # as declared: a lazy one (``_runtime.lazy``) binds both names when read
            cls._IDL_PB = cls.__dict__["_PB"]

    @_MessageTypeFlag
    def _VALIDATE(cls: Any) -> bool:  # a class attribute, computed from the class on first use
        """Whether the message type declares buf.validate rules: then a constructor checks them at once."""
        return constraints.declares_rules(cls._PB.DESCRIPTOR)

    # -- construction -----------------------------------------------------------

    def _build(self, *values: Any) -> None:
        """Validate constructor arguments (in ``_FIELDS`` order) into a new message."""
        required = _required_parameters(type(self))
        if required:
            _check_required(self, [name for index, name in required if values[index] is None])
        pb = self._PB()
        specs = _CLASS_SPECS.get(type(self)) or _class_specs(type(self))
        for name, value in zip(self._FIELDS, values, strict=True):
            if value is None:
                continue
            spec = specs[name]
            if spec.oneof is not None:
                _check_oneof_free(pb, spec)
            spec.set(pb, value)
        constraints.check(pb)  # buf.validate rules (flyteidl2); nothing to do for types without any
        self._pb = pb
        self._cache = None
        self._hash = None

    def _fm_fill(self, target: Any) -> None:
        """Write this value-built model's arguments into ``target`` and leave it present (generated per class).

        ``target`` is an empty message: a new one, or a parent's sub-message. Any
        write makes a sub-message present (a zero or "" too), so only a model given
        no values calls ``SetInParent``; its parent need not (one call saved per child).
        """
        raise NotImplementedError

    def _fm_validate(self) -> None:
        """Check a value-built model's buf.validate rules now, as the checked constructor does."""
        constraints.check(self._message())

    def _message(self) -> Any:
        """The message: held, or written from the values now and kept (it never changes after)."""
        pb = self._pb
        if pb is None:
            pb = self._pb = self._fm_new()  # the values stay: a racing reader may be writing from them
        return pb

    def _fm_new(self) -> Any:
        """A new message written from this value-built model's values."""
        pb = self._PB()
        try:
            self._fm_fill(pb)
        except RecursionError:
            _fill_deep(self, pb)
        return pb

    def _fm_into(self, target: Any) -> None:
        """Write this model into ``target``, a parent's empty sub-message (a child's one pass)."""
        pb = self._pb
        if pb is None:
            self._fm_fill(target)  # present afterwards, even when empty, as the checked path makes it
        else:
            target.CopyFrom(pb)  # present, even when empty

    @classmethod
    def _wrap(cls: type[_Model], pb: Any) -> _Model:
        model = cls.__new__(cls)
        model._pb = pb
        model._cache = None
        model._hash = None
        return model

    @classmethod
    def wrap(cls, pb: _Pb) -> Self:
        """Adopt ``pb`` without copying it. The caller must not mutate it afterwards."""
        check_message_type(cls, pb)
        return cls._wrap(pb)

    @classmethod
    def from_flyte_idl(cls, pb: _Pb) -> Self:
        """Build a model from a flyteidl message; the message is copied, not shared."""
        pb_class = cls._PB
        if type(pb) is pb_class:
            copy = pb_class.__deepcopy__(pb)  # see _copy: the C copy, without a new message to fill first
        else:
            check_message_type(cls, pb)
            copy = _copy(pb_class, pb)
        model = cls.__new__(cls)  # _wrap, inlined: this is the entry point of every conversion
        model._pb = copy
        model._cache = None
        model._hash = None
        return model

    def to_flyte_idl(self) -> _Pb:
        """The flyteidl message of this model, the caller's to keep (a copy of what the model holds)."""
        pb = self._pb
        pb_class = self._PB
        if type(pb) is pb_class:  # held (_copy, inlined)
            held: _Pb = pb_class.__deepcopy__(pb)
            return held
        copy: _Pb = pb_class()  # type: ignore[assignment]  # _PB is the class _Pb stands for
        if pb is None:  # value-built: written fresh (_fm_new, inlined), and nobody else has it
            try:
                self._fm_fill(copy)
            except RecursionError:
                _fill_deep(self, copy)
        else:  # held, as another class of the same message type (wrap)
            copy.CopyFrom(pb)
        return copy

    @classmethod
    def from_bytes(cls: type[_Model], data: bytes) -> _Model:
        """Parse serialized bytes; malformed input raises ``flytemodels.errors.DecodeError``."""
        return cls._wrap(_decode(cls, data))

    def serialize_to_string(self) -> bytes:
        """The message's wire bytes (deterministic: map entries in key order).

        A partial model (see ``is_initialized``) serializes too, without the fields
        it lacks, as protobuf's ``SerializePartialToString`` writes it.
        """
        # Partial: as fast as SerializeToString, which differs only in raising for a missing required field.
        data: bytes = self._message().SerializePartialToString(deterministic=True)
        return data

    def is_initialized(self) -> bool:
        """False for a partial model: one lacking a proto2 required field, here or in a field's message.

        Only data read from bytes, text, a dict or JSON can be partial (and a model built
        around such a one): a constructor refuses to leave a required field unset. A
        message type without required fields, flyteidl's all, is always initialized.
        """
        # Through the class, as every protobuf method a field may be named like: a field named IsInitialized
        # hides the method on the message's instances, not on its class (fixtures/protobuf_members.proto).
        pb = self._message()
        return type(pb).IsInitialized(pb)  # type: ignore[no-any-return]

    def missing_fields(self) -> list[str]:
        """The required fields a partial model lacks, as protobuf paths (``origin.x``, ``corners[0].x``).

        Empty when ``is_initialized()``; in declaration order, this message's fields first.
        """
        pb = self._message()
        return list(type(pb).FindInitializationErrors(pb))  # through the class: see is_initialized

    # -- field access (used by generated properties) ----------------------------

    def _get(self, name: str) -> Any:
        # The hot path of every lazy property: specs are found by class (upb
        # rebuilds a descriptor's full_name string on every access), and only
        # values worth keeping are cached: an unset field (None) or an empty
        # container costs less to recompute than a cache entry costs to hold.
        try:
            spec: Spec = _CLASS_SPECS[type(self)][name]
        except KeyError:
            spec = _class_specs(type(self))[name]
        try:
            cache = self._cache
            if cache is not None and name in cache:
                return spec.fresh(cache[name])
            value = spec.get(self._pb or self._message())
            if spec.cached and value:
                if cache is None:
                    cache = self._cache = {}
                cache[name] = value
                return spec.fresh(value)
            return value
        except ValueError as error:
            # A value the message holds but the Python type cannot (a Timestamp
            # past year 9999 from the wire): say which field; the message keeps it.
            raise ValueError(f"{spec.label}: {error}") from None

    def _present(self, name: str) -> Any:
        """Read a field its property has just found set (``HasField``): convert once, cache."""
        cache = self._cache
        if cache is not None and name in cache:
            return cache[name]
        try:
            spec: Spec = _CLASS_SPECS[type(self)][name]
        except KeyError:
            spec = _class_specs(type(self))[name]
        try:
            value = spec.element.to_python(getattr(self._pb or self._message(), name))
        except ValueError as error:
            raise ValueError(f"{spec.label}: {error}") from None
        if spec.cached:
            if cache is None:
                cache = self._cache = {}
            cache[name] = value
        return value

    @classmethod
    def field_default(cls, name: str) -> Any:
        """What field ``name`` (its constructor name) holds while unset, as its property would give it.

        A proto2 field's declared default (``[default = 3]``), else its type's zero
        value (``0``, ``""``, the enum's first value); ``[]``/``{}`` for a repeated
        field or a map, None for a message. A field with presence still reads None
        while unset: this is the value protobuf would report for it.
        """
        field = _parameter_fields(cls).get(name)
        if field is None:
            raise TypeError(f"{cls.__qualname__} has no field {name!r}")
        descriptor = cls._PB.DESCRIPTOR.fields_by_name[field]
        if descriptor.is_repeated:
            return {} if descriptor.message_type is not None and descriptor.message_type.GetOptions().map_entry else []
        if descriptor.message_type is not None:
            return None
        specs = _CLASS_SPECS.get(cls) or _class_specs(cls)
        return specs[field].element.to_python(descriptor.default_value)

    def which_oneof(self, oneof: str) -> str | None:
        """The name of the member of ``oneof`` that is set, or ``None``."""
        return self._message().WhichOneof(oneof)  # type: ignore[no-any-return]

    @property
    def is_empty(self) -> bool:
        """True when no field is set (the message serializes to no bytes)."""
        pb = self._message()
        try:
            return type(pb).ByteSize(pb) == 0  # type: ignore[no-any-return]  # through the class: see is_initialized
        except PbEncodeError:  # upb's ByteSize refuses a partial message (see is_initialized); serializing does not
            return not pb.SerializePartialToString()

    # -- identity -------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):  # the common case, without isinstance's MRO walk
            return (self._pb or self._message()) == (other._pb or other._message())  # type: ignore[no-any-return]
        if not isinstance(other, Message):
            return NotImplemented
        mine, theirs = self._message(), other._message()
        return type(mine).DESCRIPTOR is type(theirs).DESCRIPTOR and mine == theirs

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        value = self._hash
        if value is None:
            # A checksum, not hash(bytes): bytes hash differently in every process
            # (PYTHONHASHSEED), and a model's hash must not. crc32 runs at several
            # GB/s (blake2b took half as long again as serializing); the length in
            # the high bits spreads messages whose checksums collide.
            data = _hashed_bytes(self._message())
            value = self._hash = (len(data) << 32) | zlib.crc32(data)
        return value

    # -- text -----------------------------------------------------------------

    def short_string(self) -> str:
        """One line: the class name and the set fields in protobuf text format."""
        body = _text(self._message(), one_line=True)
        return f"<{type(self).__name__} {body}>" if body else f"<{type(self).__name__}>"

    def verbose_string(self) -> str:
        """Multi-line protobuf text format of the message."""
        return _text(self._message())

    def __str__(self) -> str:
        return self.short_string()

    def __repr__(self) -> str:
        pb = self._message()
        body = _text(pb, one_line=True)
        if not body and type(pb).IsInitialized(pb) and not constraints.declares_rules(type(pb).DESCRIPTOR):
            return f"{type(self).__qualname__}()"
        # from_text, not the constructor, where the empty message may break buf.validate rules or lack required fields.
        from flytemodels._runtime import display  # text and HTML support: imported when first shown

        return display.model_repr(type(self).__qualname__, body, lambda: _text(pb))

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's pretty printer: ``repr``, indented past a width."""
        printer.text(repr(self))

    def __rich_repr__(self) -> Iterator[tuple[str, Any]]:
        """rich's pretty printer: ``Name(field=value, ...)`` over the set fields."""
        from flytemodels._runtime import display

        return display.rich_fields(self, _parameter_fields(type(self)))

    def _repr_html_(self) -> str:
        """A notebook's view: a collapsible tree of the set fields, times written for people."""
        from flytemodels._runtime import display

        return display.model_html(type(self).__qualname__, self._message())

    @classmethod
    def from_text(cls: type[_Model], text: str) -> _Model:
        """Parse protobuf text format (what ``repr`` and ``verbose_string`` print).

        Bad input raises ``flytemodels.errors.ParseError``.
        """
        from flytemodels._runtime import formats  # protobuf's text and JSON support: imported on first use

        return cls._wrap(formats.from_text(cls._PB, text, cls.__qualname__))

    # -- dict / JSON ------------------------------------------------------------

    def to_dict(
        self, *, int64_as_int: bool = False, enums_as_ints: bool = False, include_defaults: bool = False
    ) -> dict[str, Any]:
        """A JSON-compatible dict using proto field names (unknown fields are not kept).

        Args:
            int64_as_int: 64-bit integers as ``int``; by default they are strings, as
                protobuf's JSON mapping writes them (JavaScript numbers lose precision past 2**53).
            enums_as_ints: enum values as numbers instead of names.
            include_defaults: also fields without presence that hold their default (0, "", []).
        """
        options = {"int64_as_int": int64_as_int, "enums_as_ints": enums_as_ints, "include_defaults": include_defaults}
        from flytemodels._runtime import formats

        return formats.to_dict(self._message(), **options)

    @classmethod
    def from_dict(cls: type[_Model], data: dict[str, Any]) -> _Model:
        """Inverse of ``to_dict`` (any of its options); also accepts JSON (camelCase) field names.

        Bad input raises ``flytemodels.errors.ParseError``.
        """
        from flytemodels._runtime import formats  # protobuf's text and JSON support: imported on first use

        return cls._wrap(formats.from_dict(cls._PB, data, cls.__qualname__))

    def to_json(
        self,
        indent: int | None = 2,
        *,
        int64_as_int: bool = False,
        enums_as_ints: bool = False,
        include_defaults: bool = False,
    ) -> str:
        """The proto3 JSON mapping of the message (options as for ``to_dict``)."""
        options = {"int64_as_int": int64_as_int, "enums_as_ints": enums_as_ints, "include_defaults": include_defaults}
        from flytemodels._runtime import formats

        return formats.to_json(self._message(), indent=indent, **options)

    @classmethod
    def from_json(cls: type[_Model], text: str | bytes) -> _Model:
        """Inverse of ``to_json``. Bad input raises ``flytemodels.errors.ParseError``."""
        from flytemodels._runtime import formats  # protobuf's text and JSON support: imported on first use

        return cls._wrap(formats.from_json(cls._PB, text, cls.__qualname__))

    # -- changed copies ---------------------------------------------------------

    def replace(self: _Model, **changes: Any) -> _Model:
        """A copy with the fields named by ``changes`` (constructor names) set to new values.

        Everything else is kept as it is, unknown fields included; a field given
        ``None`` is cleared; setting a member of a oneof replaces the member that was
        set. Values are checked as the constructor checks them, with the same errors,
        and setting a field the IDL deprecates warns as the constructor does; clearing a
        required field raises the constructor's ``TypeError`` (a partial model's other
        missing fields stay missing).
        """
        pb = _copy(self._PB, self._message())
        specs = _CLASS_SPECS.get(type(self)) or _class_specs(type(self))
        fields = _parameter_fields(type(self))
        required = _required_parameters(type(self))
        if required:
            _check_required(self, [name for _, name in required if name in changes and changes[name] is None])
        for name, value in changes.items():
            field = fields.get(name)
            if field is None:
                raise TypeError(f"{type(self).__qualname__}.replace() got an unexpected field {name!r}")
            pb.ClearField(field)
            if value is not None:
                if specs[field].deprecated:
                    fast.deprecated(f"{type(self).__qualname__}.{name}")
                specs[field].set(pb, value)
        constraints.check(pb)
        return self._wrap(pb)

    def __replace__(self: _Model, /, **changes: Any) -> _Model:
        """``copy.replace(model, **changes)`` (Python 3.13): ``replace``."""
        return self.replace(**changes)

    # -- extensions (proto2) --------------------------------------------------------

    def get_extension(self: _Model, extension: Extension[_Model, _Value]) -> _Value:
        """The value of ``extension`` (a generated handle): None while unset, a list when repeated.

        Values convert as fields do: a message as its model, an enum as its enum class.
        """
        _check_extension(self, extension)
        value: _Value = extension.read(self._pb or self._message(), registry.tree_of(type(self)))
        return value

    def has_extension(self: _Model, extension: Extension[_Model, Any]) -> bool:
        """Whether ``extension`` is set (a repeated one: holds at least one item)."""
        _check_extension(self, extension)
        return extension.present(self._pb or self._message())

    def with_extension(self: _Model, extension: Extension[_Model, _Value], value: _Value | None) -> _Model:
        """A copy with ``extension`` set to ``value`` (None clears it); everything else is kept.

        The value is checked as a field of the extension's type is, and a wrong one
        raises TypeError or ValueError naming the extension.
        """
        _check_extension(self, extension)
        pb = _copy(self._PB, self._message())
        extension.write(pb, value, registry.tree_of(type(self)))
        constraints.check(pb)
        return self._wrap(pb)

    # -- pickle and copy ----------------------------------------------------------

    def __reduce__(self) -> tuple[Any, ...]:
        pb = self._message()
        data = pb.SerializePartialToString()  # a partial model pickles as it is
        cls = type(self)
        if registry.model_class(type(pb).DESCRIPTOR, registry.tree_of(cls)) is not cls:
            return (_unpickle, (cls, data))
        # The class at the public path may be an override whose own module cannot
        # be imported first; pickle it by the public path instead.
        return (_unpickle_public, (_generated_module(cls), cls.__qualname__, data))

    def __copy__(self: _Model) -> _Model:
        return self  # immutable: a copy is the same value

    def __deepcopy__(self: _Model, memo: dict[int, Any]) -> _Model:
        return self


def _hashed_bytes(pb: Any) -> bytes:
    """Deterministic bytes of ``pb`` without its unknown fields, for ``__hash__``.

    ``==`` (protobuf's) treats unknown fields as equal whatever order they arrived
    in, but serialization writes them in that order; hashing them would give two
    equal models different hashes. Equal known fields serialize identically.
    """
    known = type(pb).__deepcopy__(pb)  # see _copy
    type(known).DiscardUnknownFields(known)  # through the class: see is_initialized
    data: bytes = known.SerializePartialToString(deterministic=True)  # a partial model hashes too
    return data


def _copy(pb_class: Any, pb: Any) -> Any:
    """A new ``pb_class`` message holding what ``pb`` (a message of the same type) holds, unknown fields included.

    When ``pb`` is exactly a ``pb_class`` message, protobuf's own deep copy: one C
    call, where creating a message and then ``CopyFrom`` into it takes two (and
    half as long again). Only then: upb's ``X.__deepcopy__(message)`` copies a
    message of any type without complaint, as that message's own type.
    """
    if type(pb) is pb_class:
        return pb_class.__deepcopy__(pb)
    copy = pb_class()
    copy.CopyFrom(pb)
    return copy


def _text(pb: Any, one_line: bool = False) -> str:
    """Protobuf text format of ``pb``, which printing never fails on.

    text_format expands an ``Any`` by parsing the bytes it packs and lets a
    parse error escape; for a corrupt one (from the wire) print it unexpanded,
    as type_url and bytes, by giving it a pool that knows no types.
    """
    # Imported here: text and JSON support cost more to import than the rest of
    # the runtime, and a model that is only converted never needs them.
    from google.protobuf import descriptor_pool, text_format

    try:
        return str(text_format.MessageToString(pb, as_one_line=one_line))
    except PbDecodeError:
        no_types = descriptor_pool.DescriptorPool()
        return str(text_format.MessageToString(pb, as_one_line=one_line, descriptor_pool=no_types))


def _generated_module(cls: type[Message[Any]]) -> str:
    return next(k for k in cls.__mro__ if "_PB" in k.__dict__).__module__


def _unpickle_public(module: str, qualname: str, data: bytes) -> Message[Any]:
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    return _unpickle(found, data)


_CLASS_SPECS: dict[type[Message[Any]], dict[str, Spec]] = {}


def _class_specs(cls: type[Message[Any]]) -> dict[str, Spec]:
    """The specs of ``cls``'s fields, built for ``cls``'s own tree (so its children are that tree's classes)."""
    specs = _CLASS_SPECS[cls] = specs_of(cls._PB.DESCRIPTOR, registry.tree_of(cls))
    return specs


_PARAMETER_FIELDS: dict[type[Message[Any]], dict[str, str]] = {}


def _parameter_fields(cls: type[Message[Any]]) -> dict[str, str]:
    """Constructor parameter name → proto field name (``from_`` → ``from``), per class."""
    found = _PARAMETER_FIELDS.get(cls)
    if found is None:
        code = cls.__init__.__code__  # not inspect.signature: importing inspect costs 30 ms
        parameters = code.co_varnames[1 : code.co_argcount]  # after self, in _FIELDS order
        found = _PARAMETER_FIELDS[cls] = dict(zip(parameters, cls._FIELDS, strict=True))
    return found


_REQUIRED: dict[type[Message[Any]], tuple[tuple[int, str], ...]] = {}


def _required_parameters(cls: type[Message[Any]]) -> tuple[tuple[int, str], ...]:
    """``(index, parameter)`` of each required field in constructor order; empty for most classes."""
    found = _REQUIRED.get(cls)
    if found is None:
        specs = _CLASS_SPECS.get(cls) or _class_specs(cls)
        if any(spec.required for spec in specs.values()):
            parameters = _parameter_fields(cls).items()
            found = tuple((index, name) for index, (name, field) in enumerate(parameters) if specs[field].required)
        else:
            found = ()  # proto3: nothing to check, and the constructor's signature is never read
        _REQUIRED[cls] = found
    return found


def _check_required(model: Message[Any], missing: list[str]) -> None:
    """Raise TypeError naming the message and the required parameters ``missing`` lists, if any."""
    if missing:
        descriptor = model._PB.DESCRIPTOR
        name = descriptor.full_name.removeprefix(descriptor.file.package + ".")
        fields = "field" if len(missing) == 1 else "fields"
        raise TypeError(f"{name} is missing required {fields}: {', '.join(missing)}")


def _unpickle(cls: type[_Model], data: bytes) -> _Model:
    # A model nested deeper than protobuf decodes pickles but cannot load:
    # that is the documented DecodeError, as for from_bytes.
    return cls._wrap(_decode(cls, data))


def _decode(cls: type[Message[Any]], data: bytes) -> Any:
    """Parse ``data`` as ``cls``'s message; any failure is a DecodeError naming ``cls``."""
    try:
        return cls._PB.FromString(data)
    except (PbDecodeError, RuntimeError, ValueError, TypeError) as error:
        # Named as the public class is (and as field errors name messages): by the
        # proto name within its package; a generated base's qualname may differ.
        descriptor = cls._PB.DESCRIPTOR
        name = f"{descriptor.full_name.removeprefix(descriptor.file.package + '.')} ({descriptor.full_name})"
        raise DecodeError(f"cannot decode {name}: {error}") from None


def _check_extension(model: Message[Any], extension: Any) -> None:
    if not isinstance(extension, Extension):
        kind = type(extension).__name__
        raise TypeError(f"expected an Extension (a handle a generated module defines), got {kind}")
    extension.check_target(model)


def check_message_type(cls: Any, pb: Any) -> None:
    """Raise TypeError naming both types unless ``pb`` is a message of ``cls._PB``'s type."""
    expected = cls._PB.DESCRIPTOR
    # type(pb).DESCRIPTOR: on a message instance, a field named DESCRIPTOR hides the descriptor.
    if not isinstance(pb, PbMessage) or type(pb).DESCRIPTOR is not expected:
        got = type(pb).DESCRIPTOR.full_name if isinstance(pb, PbMessage) else type(pb).__name__
        raise TypeError(f"{cls.__name__}.from_flyte_idl expected a {expected.full_name} message, got {got}")


def _check_oneof_free(pb: Any, spec: Spec) -> None:
    already = pb.WhichOneof(spec.oneof)
    if already is not None:
        raise ValueError(f"{spec.label}: {already!r} is already set; oneof {spec.oneof!r} takes at most one member")
