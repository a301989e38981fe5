"""What a field's values are: their kind, cardinality and presence, their annotation and docstring.

Each function reads one descriptor fact the way protobuf itself decides it
(presence from the syntax, edition features and labels; a group is a message
on a different wire) and says it as a model value or annotation text.
"""

from __future__ import annotations

from google.protobuf.descriptor_pb2 import DescriptorProto, FeatureSet, FieldDescriptorProto, FileDescriptorProto

from codegen.errors import GenerateError
from codegen.model import naming
from codegen.model.nodes import Cardinality, Kind
from codegen.model.scope import MESSAGE_TYPES, Scope
from codegen.model.symbols import Symbol

_T = FieldDescriptorProto


def map_entry(f: FieldDescriptorProto, scope: Scope) -> DescriptorProto | None:
    if f.type != _T.TYPE_MESSAGE or f.label != _T.LABEL_REPEATED:
        return None
    symbol = scope.symbols.get(f.type_name)
    return symbol.map_entry if symbol is not None else None


def kind_of(f: FieldDescriptorProto, where: str, scope: Scope) -> Kind:
    """What a value of the field is; a type from a file not generated has no model of its own.

    Such a message is kept as its protobuf message (``FOREIGN``), such an enum
    value as a plain int (``SCALAR``): the runtime decides the same way. A group
    (proto2, or editions' ``DELIMITED`` encoding) is a message written with group
    tags: only the wire differs, so it is generated as a message field is.
    """
    if f.type != _T.TYPE_ENUM and f.type not in MESSAGE_TYPES:
        return Kind.SCALAR
    if f.type_name.startswith(".google.protobuf.") and f.type in MESSAGE_TYPES:
        return Kind.WELL_KNOWN
    symbol = scope.symbols.get(f.type_name)
    if symbol is None:
        raise GenerateError(f"{where}: type {f.type_name[1:]} is not in the input")
    if not scope.config.generates(symbol.file):
        return Kind.SCALAR if f.type == _T.TYPE_ENUM else Kind.FOREIGN
    return Kind.ENUM if f.type == _T.TYPE_ENUM else Kind.MESSAGE


def element_annotation(f: FieldDescriptorProto, kind: Kind, scope: Scope, shadowed: frozenset[str], where: str) -> str:
    """The annotation of one value of the field."""
    if kind is Kind.SCALAR:
        return naming.scalar_annotation(f.type)
    if kind is Kind.WELL_KNOWN and f.type_name[1:] in naming.WELL_KNOWN:
        return naming.WELL_KNOWN[f.type_name[1:]]
    symbol = scope.symbols.get(f.type_name)
    if symbol is None:
        raise GenerateError(f"{where}: type {f.type_name[1:]} is not in the input")
    if kind in (Kind.WELL_KNOWN, Kind.FOREIGN):  # kept as a protobuf message
        return protobuf_class(naming.pb2_module(symbol.file), symbol.qualname, scope)
    return model_class(symbol, scope, shadowed)


def model_class(symbol: Symbol, scope: Scope, shadowed: frozenset[str]) -> str:
    """A generated class (model or enum) in an annotation, as the current module reaches it."""
    module = naming.module_name(symbol.file, scope.config.proto_root, scope.config.package)
    # A member named like the type (``Bar Bar = 1``) hides it in the class body: reach it through the module.
    if module != scope.module or symbol.qualname.split(".")[0] in shadowed:
        return f"{scope.use(module)}.{symbol.qualname}"
    return symbol.qualname


def protobuf_class(pb2: str, qualname: str, scope: Scope) -> str:
    """A protobuf class in an annotation; any message, when no import statement can spell its module."""
    if not naming.importable(pb2):
        return f"{scope.use('google.protobuf.message')}.Message"
    return f"{scope.use(pb2)}.{qualname}"


def accepting(element: str, kind: Kind) -> str:
    """Enums also accept plain ints, as flytekit code passes them around."""
    return f"{element} | {{int}}" if kind is Kind.ENUM else element


def cardinality_of(f: FieldDescriptorProto, kind: Kind, file: FileDescriptorProto) -> Cardinality:
    if f.label == _T.LABEL_REPEATED:
        return Cardinality.REPEATED
    if explicit_presence(f, file) or kind in (Kind.MESSAGE, Kind.WELL_KNOWN, Kind.FOREIGN):
        return Cardinality.OPTIONAL
    return Cardinality.SINGLE


def explicit_presence(f: FieldDescriptorProto, file: FileDescriptorProto) -> bool:
    """Whether a singular scalar field tracks presence (reads None when unset), as protobuf decides it.

    proto2: always; proto3: ``optional`` and oneof members; editions: the
    ``field_presence`` feature of the field, else of the file, else the
    edition's default, which is explicit (a message cannot set this feature).
    """
    if f.proto3_optional or f.HasField("oneof_index") or file.syntax in ("", "proto2"):
        return True
    if file.syntax != "editions":
        return False
    for options in (f.options, file.options):
        if options.features.HasField("field_presence"):
            return options.features.field_presence != FeatureSet.IMPLICIT
    return True  # editions 2023 and 2024 default to explicit presence


def is_required(f: FieldDescriptorProto, file: FileDescriptorProto) -> bool:
    """proto2 ``required``, or its editions spelling: the ``LEGACY_REQUIRED`` presence (only a field sets it)."""
    if f.label == _T.LABEL_REQUIRED:
        return True
    return file.syntax == "editions" and f.options.features.field_presence == FeatureSet.LEGACY_REQUIRED


_TYPE_WORDS = {value: name.removeprefix("TYPE_").lower() for name, value in _T.Type.items()}


def field_doc(
    comment: str, f: FieldDescriptorProto, cardinality: Cardinality, entry: DescriptorProto | None, required: bool
) -> str:
    """The IDL's comment (else the proto type and number), whether it is required, and a declared default."""
    doc = comment or _describe(f, cardinality, entry, required)
    if required:
        # Unset only in a partial model (from bytes, text or a dict): it then reads None.
        doc = f"{doc.rstrip()}\n\nRequired: a constructor refuses to leave it unset."
    if not f.HasField("default_value"):
        return doc
    # Unset, the property reads None (presence); Model.field_default("field") gives this value.
    return f"{doc.rstrip()}\n\nDeclared default: ``{f.default_value}``."


def _describe(f: FieldDescriptorProto, cardinality: Cardinality, entry: DescriptorProto | None, required: bool) -> str:
    """A docstring for a field the IDL does not comment: its proto type and number."""
    if entry is not None:
        described = f"map<{_proto_type(entry.field[0])}, {_proto_type(entry.field[1])}>"
    else:
        shape = {Cardinality.OPTIONAL: "optional ", Cardinality.REPEATED: "repeated "}.get(cardinality, "")
        shape = "required " if required else shape
        described = shape + _proto_type(f)
    return f"``{f.name}``: {described}, field {f.number}."


def _proto_type(f: FieldDescriptorProto) -> str:
    return f.type_name[1:] if f.type_name else _TYPE_WORDS[f.type]
