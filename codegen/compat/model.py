"""The frozen model of a compatibility family: what its templates print.

A compatibility family (``flytemodels.flytekit``) mirrors a hand-written API
over the same IDL. ``codegen.compat.table`` builds this model from the
family's table (data) and the IDL's descriptors; the templates only loop over
it and print.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ShapeKind(enum.Enum):
    """How one attribute maps to its field; one runtime shape class each (``flytemodels._runtime.shapes``)."""

    SCALAR = "Scalar"
    REPEATED = "Repeated"
    SCALAR_MAP = "ScalarMap"
    MODEL = "Model"
    MESSAGE = "Message"
    MODELS = "Models"
    MODEL_MAP = "ModelMap"
    TIMESTAMP = "Timestamp"
    DURATION = "Duration"
    WRAPPER = "Wrapper"
    STRUCT = "Struct"
    UNWRAPPED = "Unwrapped"
    PAIRS = "Pairs"
    CUSTOM = "Custom"


@dataclass(frozen=True, slots=True)
class Ref:
    """A class of the family (or of the hand-written code) by module and qualified name."""

    module: str
    qualname: str


class ReadKind(enum.Enum):
    """How the generated ``_fm_read`` converts one attribute: inline for plain values, else through its shape."""

    PLAIN = "plain"  # pb.field
    OR_NONE = "or_none"  # pb.field or None
    PRESENCE = "presence"  # pb.field if pb.HasField("field") else None
    ONEOF_PLAIN = "oneof_plain"  # pb.field if <the oneof's member> == "field" else None
    ONEOF_SHAPE = "oneof_shape"  # shape.read(pb) if <the oneof's member> == "field" else None
    MODEL = "model"  # shape.wrap(pb.field): a model of a message field read even when unset
    MODEL_PRESENCE = "model_presence"  # shape.wrap(pb.field) if pb.HasField("field") else None
    ONEOF_MODEL = "oneof_model"  # shape.wrap(pb.field) if <the oneof's member> == "field" else None
    SHAPE = "shape"  # shape.read(pb)


class WriteKind(enum.Enum):
    """How the generated ``_fm_write_values`` writes one attribute: inline where it can, else through its shape."""

    PLAIN = "plain"  # target.field = value
    ENUM = "enum"  # target.field = value, a Python enum member's number, or an int as given
    MODEL = "model"  # fill(target.field, value): the child writes itself into the parent's sub-message
    MODELS = "models"  # a list: each item writes itself into a new element of the repeated field
    SHAPE = "shape"  # shape.put(target, value)


class ApplyKind(enum.Enum):
    """How the generated ``_fm_apply`` writes one attribute of a held model over a copy of its message."""

    PLAIN = "plain"  # written when it differs from the message's value, cleared when None
    PRESENT = "present"  # as PLAIN, for a field with presence: None clears it if set
    ENUM = "enum"  # as PLAIN, a Python enum member written as its number
    MODEL = "model"  # a child holding the message's very sub-message applies its own changes in place
    MODEL_PRESENT = "model_present"  # as MODEL, for a field with presence: None clears it if set
    SHAPE = "shape"  # shape.rewrite(target, value, held): compared through the shape


@dataclass(frozen=True, slots=True)
class Shape:
    kind: ShapeKind
    field: str
    presence: bool = False
    empty_is_none: bool = False
    naive: bool = False
    model: Ref | None = None  # MODEL, MODELS, MODEL_MAP (None: items stay messages)
    enum: Ref | None = None  # SCALAR of an enum the target API spells as a Python enum
    inner: Shape | None = None  # UNWRAPPED: the one field inside the wrapper message
    custom: str = ""  # CUSTOM: the name of a pair of functions in the hand-written shapes module
    falsy_unset: bool = False  # a falsy value (0, "", {}, a zero timedelta) is not written, as the target API does
    oneof: str = ""  # the oneof (of two or more members) the field belongs to
    read: ReadKind = ReadKind.SHAPE
    write: WriteKind = WriteKind.SHAPE

    @property
    def class_name(self) -> str:
        return self.kind.value

    @property
    def apply(self) -> ApplyKind:
        """How ``_fm_apply`` writes the attribute (see ``ApplyKind``)."""
        if self.falsy_unset:
            return ApplyKind.SHAPE
        if self.read is ReadKind.PLAIN:
            return {WriteKind.PLAIN: ApplyKind.PLAIN, WriteKind.ENUM: ApplyKind.ENUM}.get(self.write, ApplyKind.SHAPE)
        if self.read in (ReadKind.PRESENCE, ReadKind.ONEOF_PLAIN) and self.write is WriteKind.PLAIN:
            return ApplyKind.PRESENT
        if self.read is ReadKind.MODEL:
            return ApplyKind.MODEL
        if self.read in (ReadKind.MODEL_PRESENCE, ReadKind.ONEOF_MODEL):
            return ApplyKind.MODEL_PRESENT
        return ApplyKind.SHAPE

    @property
    def nests_models(self) -> bool:
        """Whether reading the field makes models of the family (which ``_fm_read`` converts with their parent)."""
        return self.kind in (ShapeKind.MODEL, ShapeKind.MODELS, ShapeKind.MODEL_MAP) and self.model is not None


@dataclass(frozen=True, slots=True)
class Member:
    """One attribute of a class: the instance attribute, its property and the field behind it."""

    attr: str
    prop: str  # the property (and constructor argument) name
    shape: Shape
    keyword_only: bool  # an IDL field the target API lacks: a keyword-only argument after its own
    setter: bool
    doc: str

    @property
    def has_property(self) -> bool:
        """A property is generated unless the attribute is itself public (dataclass style)."""
        return self.attr != self.prop

    @property
    def read_late(self) -> bool:
        """Whether converting a message leaves the attribute unread, for its property to read when
        first asked for (``shapes.late_getter``): a field the target API lacks, which its code never reads."""
        return self.keyword_only and self.has_property


@dataclass(frozen=True, slots=True)
class Param:
    """One constructor parameter as the target API spells it."""

    name: str
    default: str | None  # Python source, evaluated in the generated module; None: required
    star: str = ""  # "*" or "**" for *args / **kwargs

    @property
    def source(self) -> str:
        default = "" if self.default is None else f"={self.default}"
        return f"{self.star}{self.name}{default}"


@dataclass(frozen=True, slots=True)
class Assignment:
    """``self.<attr> = <param>`` in the constructor."""

    attr: str
    param: str
    if_none: str = ""  # Python source stored instead of None (flytekit's constructor defaults, e.g. timedelta())


@dataclass(frozen=True, slots=True)
class PostInit:
    """Whether a constructor ends by calling the hand-written ``_fm_post_init``, and when."""

    runs: bool = False
    when_given: tuple[str, ...] = ()  # only when one of these parameters is not None; empty: always

    @property
    def guard(self) -> str:
        """The condition the call stands under (Python source), or "" for none."""
        return " or ".join(f"{name} is not None" for name in self.when_given)


@dataclass(frozen=True, slots=True)
class Holder:
    """An enum holder class: int constants on a plain class, or a Python ``enum.Enum``."""

    name: str
    python_enum: bool
    values: tuple[tuple[str, int], ...]
    unnamed: str  # what enum_to_string gives a value without a name ("" for its number)
    doc: str


@dataclass(frozen=True, slots=True)
class CompatClass:
    name: str  # as generated: the public name, or <name>Base when hand-written code extends it
    public_name: str
    qualname: str  # public qualified name within the module
    message: str  # full name of the IDL message
    pb_module: str  # the generated module's alias of the message's pb2 module
    pb_path: str  # the message class's qualified name in it
    params: tuple[Param, ...]
    assignments: tuple[Assignment, ...]
    members: tuple[Member, ...]
    dataclass: bool
    nested: tuple[CompatClass, ...]
    holders: tuple[Holder, ...]
    constants: tuple[tuple[str, int], ...]  # class-level int constants the target API has
    post_init: PostInit  # the constructor ends by calling _fm_post_init (hand-written checks and coercions)
    doc: str
    clear_hidden: bool = False  # the message has a field named Clear: protobuf's Clear is reached through its class

    @property
    def overridden(self) -> bool:
        return self.name != self.public_name

    @property
    def pb(self) -> str:
        """Expression of the pb2 class in the generated module's methods."""
        return f"{self.pb_module}.{self.pb_path}"

    @property
    def oneofs(self) -> tuple[str, ...]:
        """The oneofs whose member ``_fm_read`` asks for once (``WhichOneof``)."""
        asking = (ReadKind.ONEOF_PLAIN, ReadKind.ONEOF_SHAPE, ReadKind.ONEOF_MODEL)
        return tuple(dict.fromkeys(m.shape.oneof for m in self.read_now if m.shape.read in asking))

    @property
    def read_now(self) -> tuple[Member, ...]:
        """The members ``_fm_read`` converts with the message (the others: ``Member.read_late``)."""
        return tuple(m for m in self.members if not m.read_late)

    @property
    def writes_inline(self) -> bool:
        """Whether ``to_flyte_idl`` writes a value-built model itself, without calling its writer.

        Only for leaf messages, where that call costs as much as two of the writes; a message
        with children keeps one writer (its parent calls it too), so the module stays small.
        """
        return all(m.shape.write in (WriteKind.PLAIN, WriteKind.ENUM) for m in self.members)

    @property
    def signature(self) -> tuple[Param, ...]:
        """The constructor's parameters: the target's, then keyword-only members (before any ``**kwargs``)."""
        extra = [Param(m.prop, "None") for m in self.members if m.keyword_only]
        plain = [p for p in self.params if p.star != "**"]
        if extra and not any(p.star == "*" for p in plain):
            extra.insert(0, Param("", None, "*"))
        return (*plain, *extra, *(p for p in self.params if p.star == "**"))


@dataclass(frozen=True, slots=True)
class Import:
    """``from module import name as alias``.

    ``by_name``: a path part is a keyword (``fixtures.async.class_pb2``), so no
    import statement can spell it; it is ``alias = importlib.import_module(...)``
    of ``dotted``, as the IDL family's modules do.
    """

    module: str
    name: str
    alias: str
    by_name: bool = False

    @property
    def dotted(self) -> str:
        return f"{self.module}.{self.name}"


@dataclass(frozen=True, slots=True)
class CompatModule:
    path: str  # relative output path
    name: str  # dotted module name within the family, e.g. "core.identifier"
    doc: str
    pb2_imports: tuple[Import, ...]
    classes: tuple[CompatClass, ...]
    holders: tuple[Holder, ...]
    overrides: tuple[str, ...]  # public names the hand-written module defines
    override_module: str
    external_reexports: tuple[Import, ...]  # names from outside the family, imported first
    family_reexports: tuple[Import, ...]  # names from other modules of the family, imported last (cycles)
    lazy_reexports: tuple[Import, ...]  # names bound on first use (the table's ``lazy_reexports``)
    all_names: tuple[str, ...]

    @property
    def uses_dataclasses(self) -> bool:
        return any(c.dataclass for c in _walk(self.classes))

    @property
    def uses_enums(self) -> bool:
        return any(h.python_enum for h in self.holders) or any(
            h.python_enum for c in _walk(self.classes) for h in c.holders
        )

    @property
    def uses_refs(self) -> bool:
        return any(_refers(m.shape) for c in _walk(self.classes) for m in c.members)

    @property
    def uses_fill(self) -> bool:
        return any(m.shape.write in (WriteKind.MODEL, WriteKind.MODELS) for c in _walk(self.classes) for m in c.members)

    @property
    def uses_getters(self) -> bool:
        return any(m.has_property for c in _walk(self.classes) if not c.dataclass for m in c.members)

    @property
    def uses_late_getters(self) -> bool:
        return any(m.read_late for c in _walk(self.classes) if not c.dataclass for m in c.members)

    @property
    def uses_setters(self) -> bool:
        return any(m.has_property and m.setter for c in _walk(self.classes) if not c.dataclass for m in c.members)

    @property
    def uses_holders(self) -> bool:
        return any(not h.python_enum for h in self.holders) or any(
            not h.python_enum for c in _walk(self.classes) for h in c.holders
        )

    @property
    def uses_custom(self) -> bool:
        return any(_custom(m.shape) for c in _walk(self.classes) for m in c.members)


@dataclass(frozen=True, slots=True)
class Package:
    """A package of the family: its ``__init__.py`` imports each child module when first asked for."""

    path: str  # relative path of __init__.py
    name: str  # dotted package name
    children: tuple[str, ...]  # names of its direct child modules and packages


@dataclass(frozen=True, slots=True)
class Family:
    package: str
    source: str  # what the family mirrors, e.g. "flytekit.models 1.16"
    base: Ref  # the base class of generated classes
    holder_base: Ref  # the base class of enum holders
    shapes_module: str
    custom_shapes_module: str
    modules: tuple[CompatModule, ...]
    packages: tuple[Package, ...]
    index_path: str
    index: tuple[tuple[str, Ref], ...]  # message full name → its first class


def _walk(classes: tuple[CompatClass, ...]) -> list[CompatClass]:
    found: list[CompatClass] = []
    for one in classes:
        found += [one, *_walk(one.nested)]
    return found


def _refers(shape: Shape) -> bool:
    return shape.model is not None or shape.enum is not None or (shape.inner is not None and _refers(shape.inner))


def _custom(shape: Shape) -> bool:
    return shape.kind is ShapeKind.CUSTOM or (shape.inner is not None and _custom(shape.inner))
