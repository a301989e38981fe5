"""All naming and type mapping: Python spellings of proto names and annotations.

One place decides how a proto name becomes a Python name (keywords, members
the runtime reserves, shadowed builtins) and how a proto type becomes an
annotation, so templates never decide either.

The rules, in order of who gives way:

- A public name (a field's property and parameter, a class, an enum member)
  keeps its proto name unless Python or the class needs it. It then gets
  trailing ``_``, as many as it takes (``member_name``):

  - a keyword (``from`` → ``from_``);
  - a name beginning with ``__``, until it ends in ``___``: Python mangles
    ``__x`` inside a class body and owns ``__x__`` names (``__x`` → ``__x___``,
    ``__init__`` → ``__init___``);
  - a name the generated class already has (``message_reserved``,
    ``enum_reserved``, ``compat_reserved``): every member of the runtime's base
    class and its metaclass, read from the classes themselves (``members``),
    so a member added to the runtime is reserved at once; the names the
    templates bind or read in each class body (``MESSAGE_CLASS_NAMES``,
    ``ENUM_CLASS_NAMES``, ``COMPAT_CLASS_NAMES``, ``COMPAT_BODY_NAMES``,
    ``UNREAD_CLASS_NAMES``), kept here as data, which tests compare with the
    rendered classes; a configured method name (``from_pb``). An enum member
    also gives way as a ``_sunder_`` name, which the enum module keeps for itself.

  Names from Python's own classes among the bases (``int``, ``type``,
  ``Generic``) are data too (``PYTHON_MEMBERS``), not read from the running
  Python, so the output is the same on every Python the project supports.
- The flytekit family (any compatibility family) keeps a field in the
  instance attribute ``_<property>`` (flytekit's spelling), which gives way
  the same way (``compat_attribute``): to every member of its class and its
  unread subclass (``compat_members``: not ``COMPAT_BODY_NAMES``, which no
  instance reads), and to the class's properties, nested classes, constants and
  attributes named before it. ``PB`` is stored in ``_PB_``, ``fm_pb`` in
  ``_fm_pb_``, ``to_flyte_idl`` (property ``to_flyte_idl_``) in
  ``_to_flyte_idl_``, ``_x`` in ``__x___``. A name the table itself gives
  (``param``, ``attr``, an ``init`` parameter) is the mirrored API's spelling:
  one that would clash is an error, never renamed.
- A private name the generated module binds for itself (``PRIVATE_NAMES``: the
  aliases of the runtime's helpers, the ``_target`` and ``_sub`` locals of a
  writer, and every ``import_alias``) gives way to the file's public names: when
  the file declares the same name anywhere (a field's Python name, a message or
  enum class at any depth), the private name gets a trailing ``_``, as many as
  it takes to be free (``Privates``). A member named ``_typing`` or ``_fast``
  therefore keeps its name, and the module spells ``typing`` as ``_typing_``.
  A field's private class attributes (``model_attribute``) give way the same
  way, to the class's members and the runtime's.
- A builtin a member or class hides (``int``, ``getattr``) is spelled through
  another name: ``_builtins.int`` in annotations, ``_fast.builtins.getattr`` in code.
- An extension handle declared in a message is a class member, named as a
  field is (``field_name``); one declared at file level is a module-level name
  (``extension_name``), which must not hide what the module itself imports.
- A nested message or enum is a class member too, but keeps its proto name (the
  runtime finds classes by it): one that would hide a member is an error.
- Names protobuf's own message classes cannot hold (a field ``HasField``, a
  nested message ``ByteSize``) are errors too, decided in ``protobuf_names``.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import keyword
import re
from collections.abc import Callable
from typing import Any

from google.protobuf.descriptor_pb2 import FieldDescriptorProto

from codegen.errors import GenerateError
from codegen.model.nodes import Names

_T = FieldDescriptorProto

#: Names a generated message class (``_message.py.j2``, ``_constructor.py.j2``)
#: binds in its body besides its fields' properties, nested types and extension
#: handles; names its body reads while it runs (``property``, the decorator); and
#: ``self``, every method's first parameter. A field's own class attributes
#: (``model_attribute``, ``members_attribute``) give way instead (``Privates``).
MESSAGE_CLASS_NAMES = frozenset(
    {"__slots__", "__qualname__", "_PB", "_FIELDS", "__init__", "_fm_fill", "property", "self"}
)

#: Names a generated enum class (``_enum.py.j2``) binds besides its values.
ENUM_CLASS_NAMES = frozenset({"__qualname__"})

#: Names a generated class of a compatibility family (``_compat_class.py.j2``,
#: ``_compat_reader.py.j2``) binds in its body besides its properties, nested
#: classes, holders and constants. Its instances' attributes must leave them free.
COMPAT_CLASS_NAMES = frozenset(
    {"__qualname__", "_PB", "_SHAPES", "_fm_read", "to_flyte_idl", "_fm_write_values", "_fm_apply", "_EAGER"}
    | {"__init__", "__post_init__"}
)

#: The module's names a compatibility class's body reads while it runs (a
#: property defined before would hide them: ``property``, ``_get``; nested
#: classes and holders read their bases), and ``self``. Only its properties,
#: which are names of the class body, must leave them free. (Default values the
#: table writes, ``Timestamp()``, are read before any property is bound.)
COMPAT_BODY_NAMES = frozenset(
    {"property", "staticmethod", "_get", "_get_late", "_set", "_bound", "_s", "_Ref", "_custom", "self"}
    | {"_Model", "_Holder", "_enum", "_dataclasses", "_lazy"}
)

#: What the unread subclass of a compatibility class adds to it
#: (``flytemodels._runtime.unread.unread_class``), beside one descriptor per attribute.
UNREAD_CLASS_NAMES = frozenset(
    {"_FM_UNREAD", "_fm_public", "__setattr__", "__delattr__", "__reduce_ex__", "__module__", "__qualname__", "__doc__"}
)

#: Python's own classes that a runtime base class or its metaclass derives from,
#: each with the names it gives a class or its instances besides ``__dunder__``
#: names (and, in the enum module, ``_sunder_`` ones). Data, not read from the
#: running Python: ``int.is_integer`` is new in 3.12, and the output must be the
#: same on every Python the project supports. ``members`` reads any other class.
PYTHON_MEMBERS = {
    "builtins.object": frozenset[str](),
    "builtins.type": frozenset({"mro"}),
    "builtins.int": frozenset(
        {"real", "imag", "numerator", "denominator", "conjugate", "bit_length", "bit_count", "to_bytes"}
        | {"from_bytes", "as_integer_ratio", "is_integer"}
    ),
    "typing.Generic": frozenset({"_is_protocol"}),
    "abc.ABCMeta": frozenset({"register", "_abc_registry_clear", "_abc_caches_clear", "_dump_registry"}),
    "enum.EnumType": frozenset[str](),
    "enum.Enum": frozenset({"name", "value"}),
    "enum.ReprEnum": frozenset[str](),
    "enum.IntEnum": frozenset[str](),
}


def members(cls: type) -> frozenset[str]:
    """Every name ``cls`` has on the class or its instances: its own, its bases', its metaclass's.

    Read from the classes (what each defines, and declares as ``ClassVar`` without
    a value), except Python's own (``PYTHON_MEMBERS``).
    """
    found: set[str] = set()
    metaclass: type = type(cls)
    for klass in (*cls.__mro__, *metaclass.__mro__):
        python = PYTHON_MEMBERS.get(f"{klass.__module__}.{klass.__qualname__}")
        if python is not None:
            found |= python
        else:
            found |= vars(klass).keys() | inspect.get_annotations(klass).keys()
    return frozenset(found)


def runtime_class(module: str, name: str) -> type:
    """A class of the runtime the generated code derives from, imported to read its members."""
    try:
        found = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as error:
        raise GenerateError(f"cannot import {module}.{name} to learn the names it reserves: {error}") from None
    if not isinstance(found, type):
        raise GenerateError(f"{module}.{name} is not a class")
    return found


@functools.cache
def message_reserved(runtime: str) -> frozenset[str]:
    """The names a field of the IDL family leaves free: the runtime ``Message``'s and each class's own."""
    return members(runtime_class(runtime, "Message")) | MESSAGE_CLASS_NAMES


@functools.cache
def enum_reserved(runtime: str) -> frozenset[str]:
    """The names an enum value leaves free: the runtime ``OpenEnum``'s (``int``'s, ``Enum``'s) and each class's own."""
    return members(runtime_class(runtime, "OpenEnum")) | ENUM_CLASS_NAMES


@functools.cache
def compat_members(base: str) -> frozenset[str]:
    """The names every class of a compatibility family has, which its instance attributes leave free.

    ``base`` is the family's base class (``module:Class``): its members, its
    unread subclass's and those every generated class binds.
    """
    module, _, name = base.partition(":")
    return members(runtime_class(module, name)) | COMPAT_CLASS_NAMES | UNREAD_CLASS_NAMES


@functools.cache
def compat_reserved(base: str) -> frozenset[str]:
    """The names a compatibility family's property leaves free: ``compat_members`` and ``COMPAT_BODY_NAMES``."""
    return compat_members(base) | COMPAT_BODY_NAMES


def python_refuses(name: str) -> bool:
    """Whether Python cannot have ``name`` as a class member as it is.

    A keyword; or a name beginning with ``__``, unless it ends in ``___``:
    Python mangles ``__x`` (and ``__x_``) inside a class body, and ``__x__``
    names are Python's own (``__init__``, ``__bool__``).
    """
    return keyword.iskeyword(name) or (name.startswith("__") and not name.endswith("___"))


def member_name(name: str, taken: Callable[[str], bool]) -> str:
    """``name`` with as many trailing ``_`` as it takes for Python to accept it and ``taken`` to say no."""
    while python_refuses(name) or taken(name):
        name += "_"
    return name


def is_sunder(name: str) -> bool:
    """``_x_``: the enum module keeps these names for itself (``_name_``, ``_missing_``)."""
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


_SCALARS: dict[Any, str] = {
    _T.TYPE_DOUBLE: "float", _T.TYPE_FLOAT: "float",
    _T.TYPE_INT64: "int", _T.TYPE_UINT64: "int", _T.TYPE_INT32: "int", _T.TYPE_FIXED64: "int",
    _T.TYPE_FIXED32: "int", _T.TYPE_UINT32: "int", _T.TYPE_SFIXED32: "int", _T.TYPE_SFIXED64: "int",
    _T.TYPE_SINT32: "int", _T.TYPE_SINT64: "int",
    _T.TYPE_BOOL: "bool", _T.TYPE_STRING: "str", _T.TYPE_BYTES: "bytes",
    _T.TYPE_ENUM: "int",  # an enum from outside the proto root, which has no model
}  # fmt: skip

_BUILTIN_TYPES = frozenset({"int", "float", "bool", "str", "bytes", "list", "dict"})

#: The standard modules annotations name, by their placeholder (``{typing}.Any``).
ANNOTATION_MODULES = {"datetime": "datetime", "typing": "typing", "abc": "collections.abc"}

#: The Python face of each well-known type, an annotation with placeholders
#: (``spell``); the runtime's wellknown.RULES is the other half of this table.
#: Types not listed stay protobuf messages.
WELL_KNOWN = {
    "google.protobuf.Timestamp": "{datetime}.datetime",
    "google.protobuf.Duration": "{datetime}.timedelta",
    "google.protobuf.Struct": "{dict}[{str}, {typing}.Any]",
    "google.protobuf.ListValue": "{list}[{typing}.Any]",
    "google.protobuf.Value": "{typing}.Any",
    "google.protobuf.BoolValue": "{bool}",
    "google.protobuf.Int32Value": "{int}",
    "google.protobuf.Int64Value": "{int}",
    "google.protobuf.UInt32Value": "{int}",
    "google.protobuf.UInt64Value": "{int}",
    "google.protobuf.FloatValue": "{float}",
    "google.protobuf.DoubleValue": "{float}",
    "google.protobuf.StringValue": "{str}",
    "google.protobuf.BytesValue": "{bytes}",
}

#: The private names a generated module binds for itself, by role: the aliases of
#: the runtime's helpers and of the module's own _pb2 module, the writer's locals.
#: Each gives way to a name the file declares (``Privates``).
PRIVATE_NAMES = {
    "type_checking": "TYPE_CHECKING",
    "lazy": "_lazy",
    "pb2": "_pb2",
    "index": "_index",
    "message": "_Message",
    "fast": "_fast",
    "open_enum": "_OpenEnum",
    "extension": "_Extension",
    "target": "_target",
    "sub": "_sub",
}


class Privates:
    """Spells a generated module's private names so that none is a name the file declares.

    A class's private attributes are spelled the same way, clear of its members' names.

    Args:
        declared: Every public name the file binds: fields' Python names and
            message and enum class names, at any depth (for a class: its members and nested types).
    """

    def __init__(self, declared: frozenset[str]) -> None:
        self._declared = declared
        self._given: dict[str, str] = {}

    def spell(self, name: str) -> str:
        """``name``, with a trailing ``_`` for each step it takes to be neither declared nor given out."""
        found = self._given.get(name)
        if found is None:
            taken = self._declared | set(self._given.values())
            found = name
            while found in taken:
                found += "_"
            self._given[name] = found
        return found

    def names(self) -> Names:
        return Names(**{role: self.spell(name) for role, name in PRIVATE_NAMES.items()})


#: The runtime methods a configuration may give another name (``[generate.methods]``): key → method.
METHOD_KEYS = {"from_message": "from_flyte_idl", "to_message": "to_flyte_idl"}


def field_name(proto_name: str, reserved: frozenset[str]) -> str:
    """The property and parameter name: the proto name, ``_``-suffixed while it would clash (``member_name``).

    ``reserved``: ``message_reserved`` (with the method names the tree's
    configuration adds, ``from_pb``), or ``compat_reserved``.
    """
    return member_name(proto_name, reserved.__contains__)


def compat_attribute(prop: str, taken: frozenset[str]) -> str:
    """The instance attribute of a compatibility family's field: ``_<prop>``, ``_``-suffixed while it would clash.

    ``taken``: ``compat_members``, and the class's properties, nested classes,
    constants and attributes named so far.
    """
    return member_name("_" + prop, taken.__contains__)


#: Module-level names every generated module binds besides its classes and its
#: ``_``-prefixed imports (``from __future__ import annotations``, ``TYPE_CHECKING``).
MODULE_NAMES = frozenset({"annotations", "TYPE_CHECKING"})


def extension_name(proto_name: str) -> str:
    """A file-level extension's handle (a module-level name): the proto name, ``_``-suffixed if it would clash.

    It clashes when it is a keyword, one of ``MODULE_NAMES``, or starts with
    ``_``, where the module's own imports live (``_pb2``, ``_Message``,
    ``_fast``). Proto names are unique in their package, so a handle meets a
    class of its module only through such a suffix; ``load`` refuses that.
    """
    if keyword.iskeyword(proto_name) or proto_name in MODULE_NAMES or proto_name.startswith("_"):
        return proto_name + "_"
    return proto_name


def check_method_name(name: str, key: str, runtime: str) -> None:
    """A configured method name must be a public Python name no member of a model already has."""
    if not name.isidentifier() or not name.isascii() or keyword.iskeyword(name) or name.startswith("_"):
        raise GenerateError(f"[generate.methods] {key} = {name!r}: give a public Python name, e.g. 'from_pb'")
    if name in message_reserved(runtime):
        raise GenerateError(f"[generate.methods] {key} = {name!r}: every model already has a member of that name")


def enum_value_name(proto_name: str, reserved: frozenset[str]) -> str:
    """The enum member's name: the proto name, ``_``-suffixed while it would clash (``reserved``: ``enum_reserved``).

    ``_sunder_`` names clash too: the enum module refuses them (``_name_``) or reads them as its own (``_missing_``).
    """
    return member_name(proto_name, lambda name: name in reserved or is_sunder(name))


def class_name(proto_name: str, where: str, reserved: frozenset[str] = MESSAGE_CLASS_NAMES) -> str:
    """Message and enum classes keep their proto names: the runtime finds them by it.

    Every class is refused a name the class bodies read or bind (``property``);
    a nested one, which is a member of its parent's class, also any name in
    ``reserved`` (``message_reserved``: ``replace``, ``_values``).
    """
    if not proto_name.isidentifier() or python_refuses(proto_name):
        raise GenerateError(f"{where}: the name {proto_name!r} cannot be a Python class name")
    if proto_name in reserved or proto_name in MESSAGE_CLASS_NAMES:
        raise GenerateError(f"{where}: a class named {proto_name!r} would hide a name the generated code uses")
    return proto_name


def check_identifier(proto_name: str, where: str) -> None:
    """Compiled .proto files always pass; a hand-made descriptor set may not."""
    if not proto_name.isidentifier() or not proto_name.isascii():
        raise GenerateError(f"{where}: {proto_name!r} is not a valid proto identifier")


def is_attribute_name(name: str) -> bool:
    """Whether ``message.<name>`` is valid Python in a method (``from`` and ``__x`` are read with ``getattr``).

    Inside a class body Python mangles ``pb.__x`` to ``pb._Class__x``; any name
    beginning with ``__`` goes through ``getattr``, as Python's own (``__init__``) could mean the method.
    """
    return name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("__")


def model_attribute(proto_name: str) -> str:
    """The class attribute holding a message field's model class (``_fast.FieldModel``), before collisions.

    Its prefix is the runtime's private one (``_fm_fill``), and ``model_`` keeps
    it clear of the runtime's own members (a field named ``fill``).
    """
    return f"_fm_model_{proto_name}"


def members_attribute(proto_name: str) -> str:
    """The class attribute holding an enum field's members by number (``_fast.FieldMembers``), before collisions.

    ``members_`` keeps it clear of the runtime's own ``_fm_`` members and of the
    ``model_`` attributes of message fields.
    """
    return f"_fm_members_{proto_name}"


def base_name(proto_name: str) -> str:
    """The generated class's name when ``src/`` overrides it."""
    return proto_name + "Base"


def base_module(package: str) -> str:
    """The module of a tree's own base class, which binds the configured method names."""
    return f"{package}._base"


def module_name(proto_file: str, proto_root: str, package: str) -> str:
    """``flyteidl/core/literals.proto`` → ``flytemodels.core.literals``; each path part spelled by ``module_part``."""
    parts = proto_file.removeprefix(proto_root + "/").removesuffix(".proto").split("/")
    return ".".join((package, *(module_part(part) for part in parts)))


_NOT_IN_A_NAME = re.compile(r"[^0-9A-Za-z_]")


def module_part(part: str) -> str:
    """One directory or file name of a .proto path as a Python module name.

    Any path protoc accepts maps to one: ``-`` (and any other character a
    Python name cannot hold) becomes ``_``, as protoc's Python plugin spells
    the ``_pb2`` module (``onnx-data.proto`` → ``onnx_data_pb2``); a keyword
    gets a trailing ``_`` (``async`` → ``async_``), as keyword fields do, where
    protoc keeps the keyword and imports the module with ``importlib``; a
    leading digit gets a leading ``_``. Two files that end up with one module
    name are an error (``load``), never a silent overwrite.
    """
    spelled = _NOT_IN_A_NAME.sub("_", part)
    if not spelled or spelled[0].isdigit():
        spelled = "_" + spelled
    return spelled + "_" if keyword.iskeyword(spelled) else spelled


def pb2_module(proto_file: str) -> str:
    """The module protoc's Python plugin writes for a file: ``-`` becomes ``_``, keywords stay."""
    return proto_file.removesuffix(".proto").replace("/", ".").replace("-", "_") + "_pb2"


def importable(module: str) -> bool:
    """Whether ``from a.b import c`` can name ``module``; ``fixtures.async.class_pb2`` needs ``importlib``."""
    return all(part.isidentifier() and not keyword.iskeyword(part) for part in module.split("."))


#: Fixed aliases for the standard modules annotations use.
_STANDARD_ALIASES = {
    "datetime": "_datetime",
    "typing": "_typing",
    "collections.abc": "_abc",
    "builtins": "_builtins",
}


def import_alias(module: str, root_package: str) -> str:
    """A private alias for an imported module, unique within the generated tree (before ``Privates``)."""
    if module in _STANDARD_ALIASES:
        return _STANDARD_ALIASES[module]
    if module.startswith(root_package + "."):
        return "_" + module.removeprefix(root_package + ".").replace(".", "_")
    return "_" + module.replace(".", "_")


def scalar_annotation(proto_type: Any) -> str:
    return "{" + _SCALARS[proto_type] + "}"


def spell(annotation: str, shadowed: frozenset[str], use: Callable[[str], str]) -> str:
    """Fill an annotation's placeholders: builtin types (``{int}``) and standard modules (``{typing}``).

    A builtin a member or class hides is spelled through the ``builtins``
    module; ``use`` imports a module for annotations and returns its alias.
    """
    return annotation.format_map(_Placeholders(shadowed, use))


class _Placeholders(dict[str, str]):
    """What ``str.format_map`` looks placeholders up in: each is spelled when first asked for."""

    def __init__(self, shadowed: frozenset[str], use: Callable[[str], str]) -> None:
        super().__init__()
        self._shadowed = shadowed
        self._use = use

    def __missing__(self, key: str) -> str:
        if key in ANNOTATION_MODULES:
            return self._use(ANNOTATION_MODULES[key])
        if key not in _BUILTIN_TYPES:
            raise KeyError(key)
        return f"{self._use('builtins')}.{key}" if key in self._shadowed else key


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def flagged(doc: str, deprecated: bool) -> str:
    """A docstring led by ``Deprecated.`` when the IDL marks its element deprecated."""
    if not deprecated:
        return doc
    return f"Deprecated.\n\n{doc}" if doc else "Deprecated."


def docstring(text: str) -> str:
    """Text made safe inside a triple-quoted docstring."""
    # Comments keep the space after ``//`` on every line: dedent like a docstring.
    cleaned = "\n".join(line.rstrip() for line in inspect.cleandoc(text).splitlines())
    escaped = cleaned.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    # Python source cannot hold NUL and other control characters; spell them as escapes.
    escaped = _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", escaped)
    # A closing quote right before the docstring's own would end it early.
    return escaped + " " if escaped.endswith('"') else escaped
