"""The IDL as the override check sees it: Python names resolved against a surface.

``Idl`` answers one question at a time for ``codegen.upgrade.override_check``: what is
``name`` on this module, class or instance, and what does that use of the IDL
depend on. Each answer (a ``Step``) carries the next reference of an attribute
chain, an error when the IDL does not have the name, and the ``Use`` it made
(a field, oneof, enum value or type) so changes since the recorded surface can
be reported for review.
"""

from __future__ import annotations

import ast
import enum
from dataclasses import dataclass

from google.protobuf.message import Message as PbMessage

from codegen.inputs.config import Config
from codegen.model import naming
from codegen.upgrade import diff
from codegen.upgrade.surface import FieldShape, MessageShape, Surface


@dataclass(frozen=True, slots=True)
class Members:
    """Names every model has from the runtime and protobuf, which are not IDL uses."""

    message: frozenset[str]  # the runtime's Message
    enum: frozenset[str]  # the runtime's OpenEnum (an IntEnum)
    pb: frozenset[str]  # a protobuf message's own methods (HasField, ...)
    fields: frozenset[str]  # what a field's Python name leaves free (naming.message_reserved, configured methods)
    values: frozenset[str]  # what an enum value's Python name leaves free (naming.enum_reserved)


def runtime_members(runtime: str, configured: frozenset[str] = frozenset()) -> Members:
    """Members of the runtime's ``Message`` and ``OpenEnum``, and what fields and enum values are named clear of.

    ``configured``: the tree's own method names (``[generate.methods]``), which fields leave free too.
    """
    message = _members(naming.runtime_class(runtime, "Message"))
    # A member's own attributes (``name``, ``value``) are not in the class's dir().
    open_enum = _members(naming.runtime_class(runtime, "OpenEnum")) | set(dir(int)) | {"name", "value"}
    fields = naming.message_reserved(runtime) | configured
    values = naming.enum_reserved(runtime)
    return Members(frozenset(message), frozenset(open_enum), frozenset(dir(PbMessage)), fields, values)


def _members(cls: type) -> set[str]:
    """Every attribute a class defines or inherits: dir() of an Enum class leaves out its classmethods."""
    return set(dir(cls)).union(*(vars(klass) for klass in cls.__mro__))


class Kind(enum.Enum):
    MODULE = "module"  # a generated module (file set) or package (file None)
    CLASS = "class"  # a message or enum class
    INSTANCE = "instance"  # a message model or an enum member
    RAW = "raw"  # ``self._pb``: the protobuf message itself


@dataclass(frozen=True, slots=True)
class Ref:
    """What a Python expression in an override refers to."""

    kind: Kind
    name: str  # module name, or a message/enum's full proto name
    file: str | None = None  # the proto file of a module
    is_enum: bool = False
    generated: bool = False  # a ``<Name>Base`` class: the generated constructor, never an override's


@dataclass(frozen=True, slots=True)
class Use:
    """One dependency on the IDL: ``what`` is "field", "oneof", "value" or "type"."""

    what: str
    owner: str  # message or enum full name (the type itself for "type")
    name: str


@dataclass(frozen=True, slots=True)
class Step:
    ref: Ref | None = None  # where an attribute chain continues (None: it ends, checked or not)
    error: str | None = None
    element: str | None = None  # with an error: the full proto name (or file) the IDL lacks
    use: Use | None = None


@dataclass(frozen=True, slots=True)
class OverrideClass:
    """What the override check learned about one override class."""

    members: frozenset[str]  # names defined in the class body
    has_init: bool


class Idl:
    """Lookups on the new surface, with the old one (if any) to say what was removed or changed."""

    def __init__(self, config: Config, new: Surface, old: Surface | None, members: Members) -> None:
        self.config, self.new, self.old, self.members = config, new, old, members
        self.overrides: dict[str, OverrideClass] = {}
        self.new_modules = self._modules(new)
        self.old_modules = self._modules(old) if old is not None else {}

    def _modules(self, surface: Surface) -> dict[str, str]:
        """Generated module → proto file, spelled as the generator spells it (``naming.module_name``)."""
        return {naming.module_name(file, self.config.proto_root, self.config.package): file for file in surface.files}

    # -- modules and top-level names --------------------------------------------------

    def module(self, name: str) -> Step | None:
        """A generated module or package by Python name; None if the generator makes no such module."""
        prefix = self.config.package + "."
        if name == self.config.package:
            return Step(Ref(Kind.MODULE, name))
        relative = name.removeprefix(prefix)
        if not name.startswith(prefix) or any(part.startswith("_") for part in relative.split(".")):
            return None
        if name in self.new_modules:
            return Step(Ref(Kind.MODULE, name, self.new_modules[name]))
        if any(module.startswith(name + ".") for module in self.new_modules):
            return Step(Ref(Kind.MODULE, name))
        if name in self.old_modules:
            file = self.old_modules[name]
            return Step(error=f"module {name} models {file}, which the IDL no longer has", element=file)
        return None

    def full_name(self, file: str, qualname: str) -> str:
        package = self.new.files.get(file) or (self.old.files.get(file, "") if self.old else "")
        return f"{package}.{qualname}" if package else qualname

    def type_step(self, full: str, name: str, where: str) -> Step:
        """The class ``full`` (``name`` as written); ``<Name>Base`` means the generated class of a message."""
        if full in self.new.messages:
            return Step(Ref(Kind.CLASS, full), use=Use("type", full, full))
        if full in self.new.enums:
            return Step(Ref(Kind.CLASS, full, is_enum=True), use=Use("type", full, full))
        if name.endswith("Base"):
            full = full.removesuffix("Base")
            if full in self.new.messages:
                return Step(Ref(Kind.CLASS, full, generated=True), use=Use("type", full, full))
        was = self.old is not None and (full in self.old.messages or full in self.old.enums)
        return Step(error=f"{where} defines no message or enum {name}" + (" (any more)" if was else ""), element=full)

    # -- attributes ---------------------------------------------------------------------

    def attribute(self, ref: Ref, name: str) -> Step:
        """``ref.name``: where the chain goes next, or what is wrong."""
        if ref.kind is Kind.RAW:
            return self._raw(ref, name)
        if name.startswith("_"):
            return Step(Ref(Kind.RAW, ref.name)) if name == "_pb" and ref.kind is Kind.INSTANCE else Step()
        if ref.kind is Kind.MODULE:
            if ref.file is None:
                return self.module(f"{ref.name}.{name}") or self._no_module(ref.name, name)
            return self.type_step(self.full_name(ref.file, name), name, ref.file)
        if ref.is_enum:
            return self._enum_attribute(ref, name)
        return self._message_attribute(ref, name)

    def _message_attribute(self, ref: Ref, name: str) -> Step:
        shape = self.new.messages[ref.name]
        nested = f"{ref.name}.{name}"
        if (
            nested in self.new.messages
            or nested in self.new.enums
            or (name.endswith("Base") and nested.removesuffix("Base") in self.new.messages)
        ):
            return self.type_step(nested, name, ref.name)
        found = _by_python_name(shape, self.members.fields).get(name)
        if found is not None:
            use = Use("field", ref.name, found.name)
            return Step(self._field_type(found) if ref.kind is Kind.INSTANCE else None, use=use)
        override = self.overrides.get(ref.name)
        if name in self.members.message or (override is not None and name in override.members):
            return Step()
        if name[0].isupper() and ref.kind is Kind.CLASS:
            return Step(error=f"{ref.name} has no nested type or field {name!r}", element=nested)
        return self.missing_field(ref.name, name, python=True)

    def _no_module(self, package: str, name: str) -> Step:
        relative = f"{package}.{name}".removeprefix(self.config.package + ".")
        file = f"{self.config.proto_root}/{relative.replace('.', '/')}.proto"
        return Step(error=f"{package} has no generated module {name} ({file} is not in the IDL)", element=file)

    def _field_type(self, found: FieldShape) -> Ref | None:
        if found.label in ("repeated", "map"):
            return None
        if found.type in self.new.messages:
            return Ref(Kind.INSTANCE, found.type)
        if found.type in self.new.enums:
            return Ref(Kind.INSTANCE, found.type, is_enum=True)
        return None

    def _enum_attribute(self, ref: Ref, name: str) -> Step:
        values = {naming.enum_value_name(value, self.members.values) for value, _ in self.new.enums[ref.name].values}
        if name in values:
            return Step(Ref(Kind.INSTANCE, ref.name, is_enum=True), use=Use("value", ref.name, name))
        if name in self.members.enum:
            return Step()
        old = self.old.enums.get(ref.name) if self.old else None
        was = old is not None and name in {naming.enum_value_name(v, self.members.values) for v, _ in old.values}
        message = f"enum {ref.name} has no value or attribute {name}" + (" (any more)" if was else "")
        return Step(error=message, element=f"{ref.name}.{name}")

    def _raw(self, ref: Ref, name: str) -> Step:
        if name in self.new.messages[ref.name].by_name():
            return Step(use=Use("field", ref.name, name))
        if name in self.members.pb or name.startswith("_"):
            return Step()
        return self.missing_field(ref.name, name, python=False)

    # -- names in strings and keywords ------------------------------------------------------

    def proto_field(self, message: str, name: str) -> Step:
        if name in self.new.messages[message].by_name():
            return Step(use=Use("field", message, name))
        return self.missing_field(message, name, python=False)

    def python_field(self, message: str, name: str) -> Step:
        found = _by_python_name(self.new.messages[message], self.members.fields).get(name)
        if found is not None:
            return Step(use=Use("field", message, found.name))
        return self.missing_field(message, name, python=True)

    def oneof(self, message: str, name: str) -> Step:
        if name in self.new.messages[message].oneofs:
            return Step(use=Use("oneof", message, name))
        old = self.old.messages.get(message) if self.old else None
        was = old is not None and name in old.oneofs
        error = f"{message} has no oneof {name!r}" + (" (any more)" if was else "")
        return Step(error=error, element=f"{message}.{name}")

    def missing_field(self, message: str, name: str, python: bool) -> Step:
        old = self.old.messages.get(message) if self.old else None
        was = old is not None and name in (_by_python_name(old, self.members.fields) if python else old.by_name())
        proto_name = name.removesuffix("_") if python and name.endswith("_") else name
        error = f"{message} has no field {name!r}" + (" (any more)" if was else "")
        return Step(error=error, element=f"{message}.{proto_name}")

    def constructor_checked(self, ref: Ref) -> bool:
        """Whether a call of ``ref`` takes the generated constructor's keywords (no override ``__init__``)."""
        override = self.overrides.get(ref.name)
        return ref.generated or override is None or not override.has_init

    # -- overrides and review --------------------------------------------------------------------

    def learn(self, full: str, node: ast.ClassDef) -> None:
        defined = frozenset(_defined_names(node))
        self.overrides[full] = OverrideClass(defined, "__init__" in defined)

    def removed_fields(self, full: str) -> set[str]:
        """Python names of the fields ``full`` had in the old surface and no longer has."""
        old = self.old.messages.get(full) if self.old else None
        if old is None or full not in self.new.messages:
            return set()
        fields = self.members.fields
        return _by_python_name(old, fields).keys() - _by_python_name(self.new.messages[full], fields).keys()

    def review(self, use: Use) -> str | None:
        """What changed, since the old surface, in what ``use`` depends on; None if nothing did."""
        if self.old is None:
            return None
        if use.what == "field":
            before, after = self.old.messages.get(use.owner), self.new.messages[use.owner]
            old_field = before.by_name().get(use.name) if before else None
            return field_changed(old_field, after.by_name()[use.name]) if old_field else None
        if use.what == "oneof":
            before = self.old.messages.get(use.owner)
            old_members = before.oneof_members(use.name) if before else None
            new_members = self.new.messages[use.owner].oneof_members(use.name)
            if old_members is not None and old_members != new_members:
                return f"its members changed: {', '.join(old_members)} → {', '.join(new_members)}"
            return None
        if use.what == "value":
            before_enum = self.old.enums.get(use.owner)
            old_number = _value_numbers(before_enum.values, self.members.values).get(use.name) if before_enum else None
            new_number = _value_numbers(self.new.enums[use.owner].values, self.members.values)[use.name]
            return None if old_number in (None, new_number) else f"its number changed: {old_number} → {new_number}"
        return self._type_moved(use.owner)

    def _type_moved(self, full: str) -> str | None:
        old = self.old.messages.get(full) or self.old.enums.get(full) if self.old else None
        new = self.new.messages.get(full) or self.new.enums.get(full)
        if old is not None and new is not None and old.file != new.file:
            return f"it moved from {old.file} to {new.file}"
        return None


def field_changed(old: FieldShape, new: FieldShape) -> str | None:
    """What changed in a field that a Python user sees (its number does not matter to Python)."""
    if diff.retyped(old, new):
        return f"its type changed: {old.describe()} → {new.describe()}"
    if old.oneof != new.oneof:
        return f"it moved from oneof {old.oneof or '(none)'} to {new.oneof or '(none)'}"
    presence = diff.new_presence(old, new)
    if presence is not None:  # the property's type gains or loses None, or a constructor's check changes
        return f"its presence changed: {presence[0]} → {presence[1]}"
    return None


def _by_python_name(shape: MessageShape, reserved: frozenset[str]) -> dict[str, FieldShape]:
    return {naming.field_name(f.name, reserved): f for f in shape.fields}


def _value_numbers(values: tuple[tuple[str, int], ...], reserved: frozenset[str]) -> dict[str, int]:
    return {naming.enum_value_name(name, reserved): number for name, number in values}


def _defined_names(node: ast.ClassDef) -> set[str]:
    names = set()
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(statement.name)
        elif isinstance(statement, ast.Assign):
            names.update(t.id for t in statement.targets if isinstance(t, ast.Name))
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            names.add(statement.target.id)
    return names
