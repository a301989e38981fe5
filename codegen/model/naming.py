"""All naming and type mapping: Python spellings of proto names and annotations.

One place decides how a proto name becomes a Python name (keywords, members
the runtime reserves, shadowed builtins) and how a proto type becomes an
annotation, so templates never decide either.

The rules, in order of who gives way:

- A public name (a field's property and parameter, a class, an enum member)
  keeps its proto name, unless Python or the runtime cannot let it: a keyword,
  a member of the runtime's base class, a name the class body relies on
  (``field_name``), or an attribute of every ``IntEnum`` (``enum_value_name``)
  gets a trailing ``_``.
- A private name the generated module binds for itself (``PRIVATE_NAMES``: the
  aliases of the runtime's helpers, the ``_target`` and ``_sub`` locals of a
  writer, and every ``import_alias``) gives way to the file's public names: when
  the file declares the same name anywhere (a field's Python name, a message or
  enum class at any depth), the private name gets a trailing ``_``, as many as
  it takes to be free (``Privates``). A member named ``_typing`` or ``_fast``
  therefore keeps its name, and the module spells ``typing`` as ``_typing_``.
- A builtin a member or class hides (``int``, ``getattr``) is spelled through
  another name: ``_builtins.int`` in annotations, ``_fast.builtins.getattr`` in code.
- An extension handle declared in a message is a class member, named as a
  field is (``field_name``); one declared at file level is a module-level name
  (``extension_name``), which must not hide what the module itself imports.
"""

from __future__ import annotations

import inspect
import keyword
import re
from collections.abc import Callable
from typing import Any

from google.protobuf.descriptor_pb2 import FieldDescriptorProto

from codegen.errors import GenerateError
from codegen.model.nodes import Names

_T = FieldDescriptorProto

#: Names of the runtime base class's members; a field with one of these names
#: would hide it, so the field's Python name gets a trailing underscore too.
RESERVED_MEMBERS = frozenset(
    {
        "from_flyte_idl", "to_flyte_idl", "wrap", "from_bytes", "serialize_to_string",
        "which_oneof", "is_empty", "short_string", "verbose_string", "from_text",
        "to_dict", "from_dict", "to_json", "from_json", "replace", "field_default",
        "get_extension", "has_extension", "with_extension",
        "is_initialized", "missing_fields",
    }
)  # fmt: skip

#: Names the generated class body itself relies on: ``self`` (every method's
#: first parameter), ``property`` (the decorator, looked up in the class body
#: while it runs) and the runtime's private members. A field with one of these
#: names gets a trailing underscore; a class cannot have one.
CLASS_BODY_NAMES = frozenset(
    {"self", "property", "_pb", "_cache", "_hash", "_build", "_wrap", "_get", "_PB", "_FIELDS"}
)

#: Attributes every ``IntEnum`` member or class has (from ``int`` and ``enum.Enum``).
#: An enum value with one of these names would hide it (``mro`` is even refused
#: by the enum module), so it gets a trailing underscore.
ENUM_MEMBERS = frozenset(
    {
        "name", "value", "mro", "real", "imag", "numerator", "denominator", "conjugate",
        "bit_length", "bit_count", "to_bytes", "from_bytes", "as_integer_ratio", "is_integer",
    }
)  # fmt: skip

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
    "importlib": "_importlib",
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


def field_name(proto_name: str, configured: frozenset[str] = frozenset()) -> str:
    """The property and parameter name: the proto name, ``_``-suffixed if it would clash.

    ``configured`` holds the method names the tree's configuration adds
    (``from_pb``): in that tree they are reserved members like the runtime's own.
    """
    if (
        keyword.iskeyword(proto_name)
        or proto_name in RESERVED_MEMBERS
        or proto_name in CLASS_BODY_NAMES
        or proto_name in configured
    ):
        return proto_name + "_"
    return proto_name


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


def check_method_name(name: str, key: str) -> None:
    """A configured method name must be a public Python name no member of a model already has."""
    if not name.isidentifier() or not name.isascii() or keyword.iskeyword(name) or name.startswith("_"):
        raise GenerateError(f"[generate.methods] {key} = {name!r}: give a public Python name, e.g. 'from_pb'")
    if name in RESERVED_MEMBERS or name in CLASS_BODY_NAMES:
        raise GenerateError(f"[generate.methods] {key} = {name!r}: every model already has a member of that name")


def enum_value_name(proto_name: str) -> str:
    """The enum member's name: the proto name, ``_``-suffixed if it would clash."""
    return proto_name + "_" if keyword.iskeyword(proto_name) or proto_name in ENUM_MEMBERS else proto_name


def class_name(proto_name: str, where: str) -> str:
    """Message and enum classes keep their proto names: the runtime finds them by it."""
    if keyword.iskeyword(proto_name) or not proto_name.isidentifier():
        raise GenerateError(f"{where}: the name {proto_name!r} cannot be a Python class name")
    if proto_name in CLASS_BODY_NAMES:
        raise GenerateError(f"{where}: a class named {proto_name!r} would hide a name the generated code uses")
    return proto_name


def check_identifier(proto_name: str, where: str) -> None:
    """Compiled .proto files always pass; a hand-made descriptor set may not."""
    if not proto_name.isidentifier() or not proto_name.isascii():
        raise GenerateError(f"{where}: {proto_name!r} is not a valid proto identifier")


def is_attribute_name(name: str) -> bool:
    """Whether ``message.<name>`` is valid Python (a field named ``from`` is read with ``getattr``)."""
    return name.isidentifier() and not keyword.iskeyword(name)


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
