"""The per-file state of building the model: lookups, comments, and the imports annotations need.

``Scope`` is the only mutable object of the model stage: it collects the
imports a file's annotations and guards use, turned into sorted, frozen tuples
when the file is done.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from google.protobuf.descriptor_pb2 import FieldDescriptorProto, FileDescriptorProto

from codegen.inputs.config import Config
from codegen.model import naming
from codegen.model.nodes import Import, Names
from codegen.model.symbols import Symbol

_T = FieldDescriptorProto
#: Field types whose values are messages: a group differs from a message field only on the wire.
MESSAGE_TYPES = (_T.TYPE_MESSAGE, _T.TYPE_GROUP)
# Paths into FileDescriptorProto used by SourceCodeInfo (descriptor.proto field numbers).
FILE_MESSAGES, FILE_ENUMS, MESSAGE_FIELDS, MESSAGE_NESTED, MESSAGE_ENUMS, MESSAGE_ONEOFS = 4, 5, 2, 3, 4, 8
ENUM_VALUES = 2
FILE_EXTENSIONS, MESSAGE_EXTENSIONS = 7, 6


@dataclass
class Scope:
    """What building one file needs to look up, and the imports it collects."""

    file: FileDescriptorProto
    module: str
    symbols: dict[str, Symbol]
    config: Config
    comments: dict[tuple[int, ...], str]
    top_level: frozenset[str]  # module-level class names: they hide builtins everywhere in the file
    privates: naming.Privates  # spells every alias, so that none is a name the file declares
    names: Names  # the module's fixed private names (_fast, _pb2, ...), as spelled for this file
    reserved: frozenset[str]  # what a field leaves free (naming.message_reserved, the configured method names)
    enum_reserved: frozenset[str]  # what an enum value leaves free (naming.enum_reserved)
    imports: dict[str, str] = field(default_factory=dict)
    pb2_imports: dict[str, str] = field(default_factory=dict)

    def comment(self, path: tuple[int, ...]) -> str:
        return self.comments.get(path, "")

    def use(self, module: str) -> str:
        """Import ``module`` for annotations and return its alias."""
        alias = self.imports[module] = self.privates.spell(naming.import_alias(module, self.config.package))
        return alias

    def use_pb2(self, proto_file: str) -> str:
        """Import another file's pb2 module at run time (guards name its classes); return its alias."""
        module = naming.pb2_module(proto_file)
        if proto_file == self.file.name:
            return self.names.pb2
        alias = self.pb2_imports[module] = self.privates.spell(naming.import_alias(module, self.config.package))
        return alias

    def sorted_imports(self) -> tuple[Import, ...]:
        return tuple(Import(module, alias) for module, alias in sorted(self.imports.items()))

    def spell(self, annotation: str, shadowed: frozenset[str]) -> str:
        """Fill an annotation's placeholders (``{int}``, ``{typing}``) as this file must spell them."""
        return naming.spell(annotation, shadowed | self.top_level, self.use)

    def full_name(self, qualname: str) -> str:
        return full_name(self.file, qualname)


def full_name(file: FileDescriptorProto, qualname: str) -> str:
    """The proto full name of ``qualname``, a message, enum or extension declared in ``file``."""
    return f"{file.package}.{qualname}" if file.package else qualname


def comments(file: FileDescriptorProto) -> dict[tuple[int, ...], str]:
    """Leading (else trailing) comments by SourceCodeInfo path; empty without source info."""
    found: dict[tuple[int, ...], str] = {}
    for location in file.source_code_info.location:
        text = location.leading_comments or location.trailing_comments
        if text.strip():
            found[tuple(location.path)] = text
    return found
