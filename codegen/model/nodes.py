"""The typed, frozen intermediate model between descriptors and templates.

Everything a template prints is decided here (by ``load`` and ``naming``);
templates only loop over these objects, branch on their booleans and enums,
and print their strings.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(enum.Enum):
    """What one value of a field is."""

    SCALAR = "scalar"
    ENUM = "enum"
    MESSAGE = "message"
    WELL_KNOWN = "well_known"
    FOREIGN = "foreign"  # a message outside the proto root: kept as its protobuf message


class Fill(enum.Enum):
    """How a value-built model writes one field's value into its message (``_fm_fill``)."""

    SCALAR = "scalar"  # assigned
    EXTEND = "extend"  # a repeated scalar: extended
    UPDATE = "update"  # a map of scalars: updated
    MODEL = "model"  # a model writes itself into the sub-message
    MODELS = "models"  # a repeated message field
    MODEL_MAP = "model_map"  # a map of messages
    TIMESTAMP = "timestamp"
    DURATION = "duration"
    WRAPPER = "wrapper"  # a wrapper (BoolValue...): the value is assigned to its ``value`` field
    CHECKED = "checked"  # no fast path: a given value takes the checked constructor


class Cardinality(enum.Enum):
    """How many values a field holds and whether it tracks presence."""

    SINGLE = "single"  # proto3 implicit presence: reads the default when unset
    OPTIONAL = "optional"  # explicit presence: None when unset
    REPEATED = "repeated"
    MAP = "map"


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a message, with its Python spelling decided."""

    proto_name: str
    py_name: str
    number: int
    kind: Kind
    cardinality: Cardinality
    oneof: str | None
    returns: str  # annotation of the property
    accepts: str  # annotation of the constructor parameter (always "| None")
    doc: str
    fill: Fill
    guard: str  # true when the constructor may keep the argument as given (see ``load._guard``)
    keep: str  # what the constructor keeps: the argument, or a copy of a container
    target: str  # the field of ``_target`` (the message being written), as an expression
    assignment: str  # the statement writing a scalar argument into ``_target`` (``setattr`` for a keyword name)
    deprecation: str = ""  # ``Message.field`` as a DeprecationWarning names it; "" unless the IDL deprecates it
    model: str = ""  # the child's class, as the property's annotation spells it, when ``wraps_model``
    model_attribute: str = ""  # the class attribute holding the child's class at run time, when ``wraps_model``
    members_attribute: str = ""  # the class attribute holding the enum's members by number, when ``maps_enum``

    @property
    def wraps_model(self) -> bool:
        """A singular message field with a model: its property wraps a set sub-message in the child's class itself.

        ``load`` decides it (a message field of the tree, read as ``pb.<name>``) and
        names ``model_attribute``: every other field with presence goes through ``_present``.
        """
        return bool(self.model_attribute)

    @property
    def maps_enum(self) -> bool:
        """A singular enum field with a model: its property maps the number to its member with one dict lookup.

        ``load`` decides it (an enum of the tree, read as ``pb.<name>``) and names
        ``members_attribute``. A number the enum does not declare is not in the
        dict: the property then converts through ``_get``, as every other field does.
        """
        return bool(self.members_attribute)

    @property
    def reads_directly(self) -> bool:
        """A scalar (with or without presence) whose property may read the message attribute itself."""
        single = self.cardinality in (Cardinality.SINGLE, Cardinality.OPTIONAL)
        return self.kind is Kind.SCALAR and single and self.py_name == self.proto_name

    @property
    def copies_list(self) -> bool:
        """A repeated scalar (a plain int for an enum outside the tree) whose property copies the container itself."""
        return self.kind is Kind.SCALAR and self.cardinality is Cardinality.REPEATED and self.py_name == self.proto_name

    @property
    def copies_map(self) -> bool:
        """A map of scalars whose property copies the container itself, in key order."""
        return self.kind is Kind.SCALAR and self.cardinality is Cardinality.MAP and self.py_name == self.proto_name

    @property
    def checks_presence(self) -> bool:
        """Unset reads as None; the property asks ``HasField`` before converting anything."""
        return self.cardinality is Cardinality.OPTIONAL


@dataclass(frozen=True, slots=True)
class Extension:
    """A proto2 extension whose extended message has a model: a typed handle is generated for it.

    At module level when the file declares it, as a class attribute of the
    model of the message it is declared in otherwise (``Scope.label``).
    """

    proto_name: str  # full name, e.g. fixtures.extensions.Scope.label
    py_name: str
    annotation: str  # the handle's type, ``_typing.Final[_Extension[Extendable, int | None]]``
    descriptor: str  # the extension's FieldDescriptor as the module reaches it at run time
    doc: str


@dataclass(frozen=True, slots=True)
class Oneof:
    name: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EnumValue:
    name: str  # the member's Python name
    proto_name: str
    number: int
    doc: str


@dataclass(frozen=True, slots=True)
class Enum:
    proto_name: str  # full name, e.g. flyteidl.core.SchemaType.SchemaColumn.SchemaColumnType
    name: str
    public_qualname: str  # "" unless the class sits inside a renamed base (see load._public_qualname)
    doc: str
    values: tuple[EnumValue, ...]
    closed: bool = False  # proto2, or editions ``enum_type = CLOSED``: undeclared numbers are refused, not kept

    @property
    def renamed(self) -> tuple[EnumValue, ...]:
        """Values whose member name is not their proto name (``None_``): the class lists them for the runtime."""
        return tuple(value for value in self.values if value.name != value.proto_name)


@dataclass(frozen=True, slots=True)
class Message:
    proto_name: str
    name: str  # the class name as generated (``<Name>Base`` when overridden)
    public_qualname: str  # "" unless the class sits inside a renamed base (see load._public_qualname)
    pb_path: str  # attribute path inside the pb2 module, e.g. SchemaType.SchemaColumn
    pb_type: str  # the base's type parameter: the pb2 class (``_pb2.SchemaType.SchemaColumn``)
    doc: str
    fields: tuple[Field, ...]
    oneofs: tuple[Oneof, ...]
    messages: tuple[Message, ...]
    enums: tuple[Enum, ...]
    guards: tuple[str, ...]  # every field's guard, then "at most one member set" per oneof; () for no fast path
    extensions: tuple[Extension, ...] = ()  # extensions declared in this message's scope

    @property
    def has_fast_path(self) -> bool:
        """False when a required field has no guard: the constructor then always takes the checked path."""
        return bool(self.guards)

    @property
    def written_fields(self) -> tuple[Field, ...]:
        """Fields a value-built model writes (``_fm_fill``); a value for any other takes the checked path."""
        return tuple(field for field in self.fields if field.fill is not Fill.CHECKED)

    @property
    def deprecated_fields(self) -> tuple[Field, ...]:
        """Fields the IDL deprecates: the constructor warns when one is given."""
        return tuple(field for field in self.fields if field.deprecation)


@dataclass(frozen=True, slots=True)
class Import:
    """``import module as alias`` (or ``from package import name as alias``).

    ``by_name``: a path part is a keyword (``fixtures.async.class_pb2``), so no
    import statement can spell it, not even for type checkers.
    """

    module: str
    alias: str
    by_name: bool = False

    @property
    def parent(self) -> str:
        return self.module.rpartition(".")[0]

    @property
    def leaf(self) -> str:
        return self.module.rpartition(".")[2]


@dataclass(frozen=True, slots=True)
class Names:
    """The private names one generated module binds for itself, as ``naming.Privates`` spelled them.

    Each is its usual spelling (``_fast``) unless the file declares that name,
    as a field or a class: then it gets a trailing ``_`` (``_fast_``).
    """

    type_checking: str  # typing.TYPE_CHECKING
    lazy: str  # flytemodels._runtime.lazy: the pb2 modules, imported on first use
    pb2: str  # the file's own _pb2 module
    index: str  # the tree's _index module (imported to register the tree's files)
    message: str  # the runtime's Message base
    fast: str  # flytemodels._runtime.fast
    open_enum: str  # the runtime's OpenEnum base
    extension: str  # the runtime's Extension (the class of extension handles)
    target: str  # the message a writer (_fm_fill) writes into
    sub: str  # the sub-message a writer hands to a child

    @property
    def type_checking_renamed(self) -> bool:
        """Whether ``TYPE_CHECKING`` is imported under another name (a class of the file takes that one)."""
        return self.type_checking != "TYPE_CHECKING"


@dataclass(frozen=True, slots=True)
class Override:
    """A hand-written class in ``src/`` that replaces a generated one at its public path."""

    name: str
    module: str
    nested: tuple[str, ...] = ()  # qualified names of nested messages overridden inside it


@dataclass(frozen=True, slots=True)
class File:
    """One .proto file, rendered as one Python module."""

    proto_name: str
    module: str
    pb2_import: Import
    names: Names  # the module's private names (``_fast``, ``_pb2``, ...), clear of every name the file declares
    doc: str
    messages: tuple[Message, ...]
    enums: tuple[Enum, ...]
    runtime_imports: tuple[Import, ...]
    pb2_imports: tuple[Import, ...]  # other files' pb2 modules, whose classes the guards name
    typing_imports: tuple[Import, ...]
    overrides: tuple[Override, ...]
    services: tuple[str, ...] = ()  # full names of the file's services, which get no models (the run says so)
    docstrings_from: str = ""  # the source of the comments, when not the descriptors (named in the header)
    base_module: str = ""  # the tree's own base (``<package>._base``) when it adds method names; "": the runtime's
    extensions: tuple[Extension, ...] = ()  # extensions declared at file level
    skipped_extensions: tuple[str, ...] = ()  # "extension <name> of <message>": its message has no model here

    @property
    def has_extensions(self) -> bool:
        """Whether the module builds extension handles (at module level or in a class): it imports the runtime's."""
        return bool(self.extensions) or any(_has_extensions(message) for message in self.messages)

    @property
    def has_messages(self) -> bool:
        """A module without messages (enums or services only) imports neither its _pb2 nor the base."""
        return bool(self.messages)

    @property
    def has_enums(self) -> bool:
        return bool(self.enums) or any(_has_enums(message) for message in self.messages)

    @property
    def lazy_imports(self) -> tuple[Import, ...]:
        """The pb2 modules the module names, each imported when a model first needs it (``_runtime.lazy``)."""
        return (self.pb2_import, *self.pb2_imports) if self.has_messages else ()

    @property
    def lazy_checked(self) -> tuple[Import, ...]:
        """The pb2 modules an import statement can spell: type checkers import them, the module binds them lazily."""
        return tuple(imp for imp in self.lazy_imports if not imp.by_name)

    @property
    def lazy_by_name(self) -> tuple[Import, ...]:
        """The pb2 modules with a keyword in their path: bound lazily, opaque to type checkers."""
        return tuple(imp for imp in self.lazy_imports if imp.by_name)

    @property
    def checked_imports(self) -> tuple[Import, ...]:
        """What only type checkers import: the spellable pb2 modules, and the modules annotations name."""
        return (*self.lazy_checked, *self.typing_imports)

    @property
    def override_module(self) -> str:
        return self.overrides[0].module if self.overrides else ""

    @property
    def path(self) -> str:
        return self.module.replace(".", "/") + ".py"


def _has_extensions(message: Message) -> bool:
    return bool(message.extensions) or any(_has_extensions(nested) for nested in message.messages)


def _has_enums(message: Message) -> bool:
    return bool(message.enums) or any(_has_enums(nested) for nested in message.messages)


@dataclass(frozen=True, slots=True)
class Package:
    """A directory of generated modules (gets an ``__init__.py``)."""

    module: str
    proto_package: str

    @property
    def path(self) -> str:
        return self.module.replace(".", "/") + "/__init__.py"


@dataclass(frozen=True, slots=True)
class Tree:
    """Everything one generator run emits."""

    root_package: str
    files: tuple[File, ...]
    packages: tuple[Package, ...]
    from_message: str = ""  # the configured name of from_flyte_idl ([generate.methods]), or ""
    to_message: str = ""  # ...of to_flyte_idl

    @property
    def index_path(self) -> str:
        return self.root_package.replace(".", "/") + "/_index.py"

    @property
    def has_base(self) -> bool:
        """Whether the tree gets a base class of its own, which binds the configured method names."""
        return bool(self.from_message or self.to_message)

    @property
    def base_path(self) -> str:
        return self.root_package.replace(".", "/") + "/_base.py"
