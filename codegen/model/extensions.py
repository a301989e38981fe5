"""proto2 extensions: a typed handle for each one whose message has a model in the tree.

See ``flytemodels._runtime.extensions`` for what a handle does. An extension
of a message without a model here (a custom option on
``google.protobuf.FieldOptions``) gets none; the run reports each.
"""

from __future__ import annotations

from collections.abc import Iterable

from google.protobuf.descriptor_pb2 import FieldDescriptorProto, FileDescriptorProto

from codegen.inputs.config import Config
from codegen.model import naming
from codegen.model.kinds import element_annotation, field_doc, kind_of, model_class
from codegen.model.nodes import Cardinality, Extension
from codegen.model.scope import Scope, full_name
from codegen.model.symbols import Symbol

_T = FieldDescriptorProto


def handled(
    declared: Iterable[FieldDescriptorProto], symbols: dict[str, Symbol], config: Config
) -> list[tuple[int, FieldDescriptorProto]]:
    """The extensions (with their index among ``declared``) that get a handle: those of a message with a model."""
    return [(i, x) for i, x in enumerate(declared) if _extends_a_model(x, symbols, config)]


def _extends_a_model(x: FieldDescriptorProto, symbols: dict[str, Symbol], config: Config) -> bool:
    symbol = symbols.get(x.extendee)
    return symbol is not None and config.generates(symbol.file)


def skipped_extensions(file: FileDescriptorProto, symbols: dict[str, Symbol], config: Config) -> tuple[str, ...]:
    """Each extension without a handle (its message has no model in the tree), for the run to report."""
    declared = [(x, full_name(file, x.name)) for x in file.extension]
    pending = [(message, message.name) for message in file.message_type]
    while pending:
        message, qualname = pending.pop(0)
        declared += [(x, full_name(file, f"{qualname}.{x.name}")) for x in message.extension]
        pending += [(nested, f"{qualname}.{nested.name}") for nested in message.nested_type]
    return tuple(
        f"extension {name} of {x.extendee[1:]}" for x, name in declared if not _extends_a_model(x, symbols, config)
    )


def extension(
    x: FieldDescriptorProto, path: tuple[int, ...], py_name: str, outer: str, scope: Scope, shadowed: frozenset[str]
) -> Extension:
    """The handle of extension ``x``, declared at file level (``outer`` empty) or in message ``outer``."""
    full = scope.full_name(f"{outer}.{x.name}" if outer else x.name)
    where = f"{scope.file.name}: extension {full}"
    kind = kind_of(x, where, scope)
    element = element_annotation(x, kind, scope, shadowed, where)
    repeated = x.label == _T.LABEL_REPEATED
    value = f"{{list}}[{element}]" if repeated else f"{element} | None"
    target = model_class(scope.symbols[x.extendee], scope, shadowed)
    cardinality = Cardinality.REPEATED if repeated else Cardinality.OPTIONAL
    handle = f"{outer}.{py_name}" if outer else py_name
    usage = f"``model.get_extension({handle})``, ``model.with_extension({handle}, value)``"
    described = field_doc(scope.comment(path), x, cardinality, None, required=False).rstrip()
    doc = f"{described}\n\nExtends ``{x.extendee[1:]}``:\n{usage}."
    pb_scope = f"{scope.names.pb2}.{outer}" if outer else scope.names.pb2
    return Extension(
        proto_name=full,
        py_name=py_name,
        annotation=scope.spell(f"{{typing}}.Final[{scope.names.extension}[{target}, {value}]]", shadowed),
        descriptor=f"{pb_scope}.DESCRIPTOR.extensions_by_name[{x.name!r}]",
        doc=naming.flagged(naming.docstring(doc), x.options.deprecated),
    )
