"""Descriptors → the frozen model (``codegen.model.nodes``), by pure functions.

The only state is ``_Scope``, a per-file record of the imports that the
annotations need; it is turned into sorted, frozen tuples when the file is done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from google.protobuf.descriptor_pb2 import (
    DescriptorProto,
    EnumDescriptorProto,
    FeatureSet,
    FieldDescriptorProto,
    FileDescriptorProto,
)

from codegen.errors import GenerateError
from codegen.inputs import overrides
from codegen.inputs.config import Config
from codegen.model import naming
from codegen.model.nodes import (
    Cardinality,
    Enum,
    EnumValue,
    Extension,
    Field,
    File,
    Fill,
    Import,
    Kind,
    Message,
    Names,
    Oneof,
    Override,
    Package,
    Tree,
)
from codegen.model.symbols import Symbol, index

_T = FieldDescriptorProto
#: Field types whose values are messages: a group differs from a message field only on the wire.
_MESSAGE_TYPES = (_T.TYPE_MESSAGE, _T.TYPE_GROUP)
# Paths into FileDescriptorProto used by SourceCodeInfo (descriptor.proto field numbers).
_FILE_MESSAGES, _FILE_ENUMS, _MESSAGE_FIELDS, _MESSAGE_NESTED, _MESSAGE_ENUMS, _MESSAGE_ONEOFS = 4, 5, 2, 3, 4, 8
_ENUM_VALUES = 2
_FILE_EXTENSIONS, _MESSAGE_EXTENSIONS = 7, 6


def build_tree(files: list[FileDescriptorProto], config: Config) -> Tree:
    """The model of every file the configuration generates (``Config.generates``)."""
    symbols = index(files)
    chosen = [file for file in files if config.generates(file.name)]
    if not chosen:
        globs = " is left by [generate] include and exclude" if config.include or config.exclude else ""
        raise GenerateError(f"input: no .proto file under {config.proto_root}/{globs}")
    built = tuple(build_file(file, symbols, config) for file in chosen)
    _check_unique_modules(built, config.package)
    methods = config.methods
    return Tree(config.package, built, _packages(built, config), methods.from_message, methods.to_message)


def build_file(file: FileDescriptorProto, symbols: dict[str, Symbol], config: Config) -> File:
    module = naming.module_name(file.name, config.proto_root, config.package)
    handles = _handled(file.extension, symbols, config)
    handle_names = [naming.extension_name(x.name) for _, x in handles]
    top_level = frozenset(m.name for m in file.message_type) | {e.name for e in file.enum_type} | set(handle_names)
    replaced = overrides.discover(file, module, config)
    privates = naming.Privates(_declared(file, _overridden(replaced)))
    scope = _Scope(file, module, symbols, config, _comments(file), top_level, privates, privates.names())
    messages = tuple(
        _message(message, (_FILE_MESSAGES, i), message.name, scope, _overridden(replaced), "")
        for i, message in enumerate(file.message_type)
    )
    enums = tuple(_enum(enum, (_FILE_ENUMS, i), enum.name, scope, enum.name) for i, enum in enumerate(file.enum_type))
    classes = [m.name for m in messages] + [e.name for e in enums] + [o.name for o in replaced]
    _check_unique_names(file.name, classes + handle_names)
    extensions = tuple(
        _extension(x, (_FILE_EXTENSIONS, i), py_name, "", scope, frozenset())
        for (i, x), py_name in zip(handles, handle_names, strict=True)
    )
    pb2 = naming.pb2_module(file.name)
    return File(
        proto_name=file.name,
        module=module,
        pb2_import=_run_time_import(pb2, scope.names.pb2),
        names=scope.names,
        doc=naming.docstring(scope.comment(()) or f"Models of the messages and enums in ``{file.name}``."),
        docstrings_from=config.comments.label if config.comments is not None else "",
        messages=messages,
        enums=enums,
        runtime_imports=(Import(f"{config.package}._index", scope.names.index),),
        pb2_imports=tuple(_run_time_import(module, alias) for module, alias in sorted(scope.pb2_imports.items())),
        typing_imports=scope.sorted_imports(),
        overrides=replaced,
        services=tuple(_full_name(file, service.name) for service in file.service),
        extensions=extensions,
        skipped_extensions=_skipped_extensions(file, symbols, config),
        base_module=naming.base_module(config.package) if config.methods.names else "",
    )


def _run_time_import(module: str, alias: str) -> Import:
    return Import(module, alias, by_name=not naming.importable(module))


def _declared(file: FileDescriptorProto, overridden: frozenset[str]) -> frozenset[str]:
    """Every public name the module binds: message and enum classes at any depth, fields' Python names.

    The module's private names give way to these (``naming.Privates``).
    """
    found: set[str] = {enum.name for enum in file.enum_type}
    pending = [(message, message.name) for message in file.message_type]
    while pending:
        message, qualname = pending.pop()
        found.add(message.name)
        if qualname in overridden:
            found.add(naming.base_name(message.name))
        found.update(naming.field_name(f.name) for f in message.field)
        found.update(enum.name for enum in message.enum_type)
        nested = (n for n in message.nested_type if not n.options.map_entry)
        pending.extend((n, f"{qualname}.{n.name}") for n in nested)
    return frozenset(found)


@dataclass
class _Scope:
    """What building one file needs to look up, and the imports it collects."""

    file: FileDescriptorProto
    module: str
    symbols: dict[str, Symbol]
    config: Config
    comments: dict[tuple[int, ...], str]
    top_level: frozenset[str]  # module-level class names: they hide builtins everywhere in the file
    privates: naming.Privates  # spells every alias, so that none is a name the file declares
    names: Names  # the module's fixed private names (_fast, _pb2, ...), as spelled for this file
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


def _message(
    message: DescriptorProto,
    path: tuple[int, ...],
    qualname: str,
    scope: _Scope,
    overridden: frozenset[str],
    py_outer: str,
) -> Message:
    where = f"{scope.file.name}: {qualname}"
    naming.class_name(message.name, where)
    nested = [n for n in message.nested_type if not n.options.map_entry]
    for f in message.field:
        naming.check_identifier(f.name, f"{where}.{f.name}")
    handles = _handled(message.extension, scope.symbols, scope.config)
    field_names = [naming.field_name(f.name, scope.config.methods.names) for f in message.field]
    handle_names = [naming.field_name(x.name, scope.config.methods.names) for _, x in handles]  # members, as fields
    _check_unique_names(where, field_names + handle_names)
    py_names = set(field_names + handle_names)
    inner = {n.name for n in nested} | {e.name for e in message.enum_type}
    for clash in sorted(py_names & inner):
        member = "field" if clash in field_names else "extension"
        raise GenerateError(f"{where}: {member} {clash!r} and a nested type share one Python name")
    shadowed = frozenset(py_names | inner)
    name = naming.base_name(message.name) if qualname in overridden else message.name
    py_qualname = f"{py_outer}.{name}" if py_outer else name
    fields = tuple(
        _field(f, (*path, _MESSAGE_FIELDS, i), qualname, message, scope, shadowed) for i, f in enumerate(message.field)
    )
    oneofs = _oneofs(message)
    return Message(
        proto_name=_full_name(scope.file, qualname),
        name=name,
        public_qualname=_public_qualname(qualname, py_qualname, renamed=name != message.name),
        pb_path=qualname,
        pb_type=_pb_type(scope, qualname),
        doc=naming.flagged(
            naming.docstring(scope.comment(path) or f"The ``{_full_name(scope.file, qualname)}`` message."),
            message.options.deprecated,
        ),
        fields=fields,
        oneofs=oneofs,
        messages=tuple(
            _message(
                n,
                (*path, _MESSAGE_NESTED, list(message.nested_type).index(n)),
                f"{qualname}.{n.name}",
                scope,
                overridden,
                py_qualname,
            )
            for n in nested
        ),
        enums=tuple(
            _enum(e, (*path, _MESSAGE_ENUMS, i), f"{qualname}.{e.name}", scope, f"{py_qualname}.{e.name}")
            for i, e in enumerate(message.enum_type)
        ),
        guards=_guards(fields, oneofs),
        extensions=tuple(
            _extension(x, (*path, _MESSAGE_EXTENSIONS, i), py_name, qualname, scope, shadowed)
            for (i, x), py_name in zip(handles, handle_names, strict=True)
        ),
    )


def _pb_type(scope: _Scope, qualname: str) -> str:
    """The message class a model's base is parametrized with: what ``to_flyte_idl`` returns for type checkers.

    A pb2 module imported by name (a keyword in its path) is opaque to them: any message, then.
    """
    if naming.importable(naming.pb2_module(scope.file.name)):
        return f"{scope.names.pb2}.{qualname}"
    return f"{scope.names.fast}.AnyMessage"


def _guards(fields: tuple[Field, ...], oneofs: tuple[Oneof, ...]) -> tuple[str, ...]:
    """What a constructor checks before it keeps its arguments: each field's guard, then the oneofs.

    Empty when a required field has no guard: such a constructor always takes the checked path.
    """
    if any(not f.guard for f in fields):
        return ()
    py_names = {f.proto_name: f.py_name for f in fields}
    at_most_one = tuple(
        " + ".join(f"({py_names[member]} is not None)" for member in oneof.members) + " < 2"
        for oneof in oneofs
        if len(oneof.members) > 1
    )
    return tuple(f.guard for f in fields) + at_most_one


def _public_qualname(qualname: str, py_qualname: str, renamed: bool) -> str:
    """The ``__qualname__`` a class inside a renamed base must declare, or "" when it needs none.

    ``Schedule``'s nested ``FixedRate`` is generated inside ``ScheduleBase``, so
    Python would call it ``ScheduleBase.FixedRate`` in reprs, errors and pickles;
    its public name is ``Schedule.FixedRate``. A class that is itself renamed to
    ``<Name>Base`` keeps the base's name.
    """
    return qualname if py_qualname != qualname and not renamed else ""


def _overridden(replaced: tuple[Override, ...]) -> frozenset[str]:
    """Qualified names of every message, top-level or nested, that ``src/`` overrides."""
    return frozenset(name for override in replaced for name in (override.name, *override.nested))


def _oneofs(message: DescriptorProto) -> tuple[Oneof, ...]:
    members: list[list[str]] = [[] for _ in message.oneof_decl]
    for f in message.field:
        if f.HasField("oneof_index") and not f.proto3_optional:
            members[f.oneof_index].append(f.name)
    return tuple(
        Oneof(decl.name, tuple(names)) for decl, names in zip(message.oneof_decl, members, strict=True) if names
    )


def _enum(enum: EnumDescriptorProto, path: tuple[int, ...], qualname: str, scope: _Scope, py_qualname: str) -> Enum:
    where = f"{scope.file.name}: {qualname}"
    naming.class_name(enum.name, where)
    for value in enum.value:
        naming.check_identifier(value.name, f"{where}.{value.name}")
    _check_unique_names(where, [naming.enum_value_name(value.name) for value in enum.value])
    values = tuple(
        EnumValue(
            name=naming.enum_value_name(value.name),
            proto_name=value.name,
            number=value.number,
            doc=naming.flagged(naming.docstring(scope.comment((*path, _ENUM_VALUES, i))), value.options.deprecated),
        )
        for i, value in enumerate(enum.value)
    )
    full = _full_name(scope.file, qualname)
    doc = naming.flagged(naming.docstring(scope.comment(path) or f"The ``{full}`` enum."), enum.options.deprecated)
    return Enum(full, enum.name, _public_qualname(qualname, py_qualname, renamed=False), doc, values)


def _field(
    f: FieldDescriptorProto,
    path: tuple[int, ...],
    qualname: str,
    owner: DescriptorProto,
    scope: _Scope,
    shadowed: frozenset[str],
) -> Field:
    where = f"{scope.file.name}: {qualname}.{f.name}"
    entry = _map_entry(f, scope)
    if entry is not None:
        key, value = entry.field[0], entry.field[1]
        kind = _kind(value, where, scope)
        element = _element(value, kind, scope, shadowed, where)
        key_type = naming.scalar_annotation(key.type)
        cardinality = Cardinality.MAP
        returns = f"{{dict}}[{key_type}, {element}]"
        accepts = f"{{abc}}.Mapping[{key_type}, {_accepting(element, kind)}] | None"
    else:
        kind = _kind(f, where, scope)
        element = _element(f, kind, scope, shadowed, where)
        cardinality = _cardinality(f, kind, scope.file)
        returns = {
            Cardinality.SINGLE: element,
            Cardinality.OPTIONAL: f"{element} | None",
            Cardinality.REPEATED: f"{{list}}[{element}]",
        }[cardinality]
        if cardinality is Cardinality.REPEATED:
            accepts = f"{{abc}}.Iterable[{_accepting(element, kind)}] | None"
        else:
            accepts = f"{_accepting(element, kind)} | None"
    py_name = naming.field_name(f.name, scope.config.methods.names)
    deprecated = f.options.deprecated
    required = _required(f, scope.file)
    fill, admits = _fast_path(f, entry, kind, cardinality, scope, shadowed)
    guard = _spell_guard(admits, py_name, shadowed | scope.top_level, scope.names.fast) if admits else ""
    target, assignment = _writes(f.name, py_name, shadowed | scope.top_level, scope.names)
    return Field(
        proto_name=f.name,
        py_name=py_name,
        number=f.number,
        kind=kind,
        cardinality=cardinality,
        oneof=owner.oneof_decl[f.oneof_index].name if f.HasField("oneof_index") and not f.proto3_optional else None,
        returns=_spell(returns, shadowed, scope),
        accepts=_spell(accepts, shadowed, scope),
        doc=naming.flagged(
            naming.docstring(_field_doc(scope.comment(path), f, cardinality, entry, required)), deprecated
        ),
        deprecation=f"{qualname}.{py_name}" if deprecated else "",
        fill=fill,
        guard=_field_guard(py_name, guard, required),
        keep=_KEEP.get(fill, "{v}").format(v=py_name),
        target=target,
        assignment=assignment,
    )


def _writes(proto_name: str, py_name: str, shadowed: frozenset[str], names: Names) -> tuple[str, str]:
    """The field of the writer's target (an expression) and the statement assigning a scalar to it.

    A name Python cannot write after a dot (``from``) goes through ``getattr``/``setattr``,
    reached through ``_fast.builtins`` where a member hides them.
    """
    target = names.target
    if naming.is_attribute_name(proto_name):
        return f"{target}.{proto_name}", f"{target}.{proto_name} = {py_name}"
    get, put = (f"{names.fast}.builtins.{name}" if name in shadowed else name for name in ("getattr", "setattr"))
    return f"{get}({target}, {proto_name!r})", f"{put}({target}, {proto_name!r}, {py_name})"


# -- extensions (proto2): typed handles, see flytemodels._runtime.extensions ---------------------


def _handled(
    declared: Iterable[FieldDescriptorProto], symbols: dict[str, Symbol], config: Config
) -> list[tuple[int, FieldDescriptorProto]]:
    """The extensions (with their index among ``declared``) that get a handle: those of a message with a model."""
    return [(i, x) for i, x in enumerate(declared) if _extends_a_model(x, symbols, config)]


def _extends_a_model(x: FieldDescriptorProto, symbols: dict[str, Symbol], config: Config) -> bool:
    symbol = symbols.get(x.extendee)
    return symbol is not None and config.generates(symbol.file)


def _skipped_extensions(file: FileDescriptorProto, symbols: dict[str, Symbol], config: Config) -> tuple[str, ...]:
    """Each extension without a handle (its message has no model in the tree), for the run to report."""
    declared = [(x, _full_name(file, x.name)) for x in file.extension]
    pending = [(message, message.name) for message in file.message_type]
    while pending:
        message, qualname = pending.pop(0)
        declared += [(x, _full_name(file, f"{qualname}.{x.name}")) for x in message.extension]
        pending += [(nested, f"{qualname}.{nested.name}") for nested in message.nested_type]
    return tuple(
        f"extension {name} of {x.extendee[1:]}" for x, name in declared if not _extends_a_model(x, symbols, config)
    )


def _extension(
    x: FieldDescriptorProto, path: tuple[int, ...], py_name: str, outer: str, scope: _Scope, shadowed: frozenset[str]
) -> Extension:
    """The handle of extension ``x``, declared at file level (``outer`` empty) or in message ``outer``."""
    full = _full_name(scope.file, f"{outer}.{x.name}" if outer else x.name)
    where = f"{scope.file.name}: extension {full}"
    kind = _kind(x, where, scope)
    element = _element(x, kind, scope, shadowed, where)
    repeated = x.label == _T.LABEL_REPEATED
    value = f"{{list}}[{element}]" if repeated else f"{element} | None"
    target = _model_class(scope.symbols[x.extendee], scope, shadowed)
    cardinality = Cardinality.REPEATED if repeated else Cardinality.OPTIONAL
    handle = f"{outer}.{py_name}" if outer else py_name
    usage = f"``model.get_extension({handle})``, ``model.with_extension({handle}, value)``"
    doc = f"{_field_doc(scope.comment(path), x, cardinality, None, False).rstrip()}\n\nExtends ``{x.extendee[1:]}``:\n{usage}."
    pb_scope = f"{scope.names.pb2}.{outer}" if outer else scope.names.pb2
    return Extension(
        proto_name=full,
        py_name=py_name,
        annotation=_spell(f"{{typing}}.Final[{scope.names.extension}[{target}, {value}]]", shadowed, scope),
        descriptor=f"{pb_scope}.DESCRIPTOR.extensions_by_name[{x.name!r}]",
        doc=naming.flagged(naming.docstring(doc), x.options.deprecated),
    )


def _required(f: FieldDescriptorProto, file: FileDescriptorProto) -> bool:
    """proto2 ``required``, or its editions spelling: the ``LEGACY_REQUIRED`` presence (only a field sets it)."""
    if f.label == _T.LABEL_REQUIRED:
        return True
    return file.syntax == "editions" and f.options.features.field_presence == FeatureSet.LEGACY_REQUIRED


# -- the fast path of constructors (see flytemodels._runtime.fast) ----------------------------


def _field_guard(py_name: str, guard: str, required: bool) -> str:
    """The field's part of the constructor's fast-path condition.

    An optional field passes unset or admitted. A required field passes only
    admitted (every guard is false for None), so a missing one takes the checked
    path, which names it; with no guard it never passes ("": see ``_guards``).
    """
    if required:
        return guard
    return f"({py_name} is None or {guard})" if guard else f"{py_name} is None"


# Exact-type checks admitting what the checked constructor path accepts and writes the same way:
# ``v.__class__`` because a field named ``type`` hides the builtin in a constructor.
_INT32, _INT64 = (-(2**31), 2**31 - 1), (-(2**63), 2**63 - 1)
_UINT32, _UINT64 = (0, 2**32 - 1), (0, 2**64 - 1)
_INT_BOUNDS = {
    _T.TYPE_INT32: _INT32,
    _T.TYPE_SINT32: _INT32,
    _T.TYPE_SFIXED32: _INT32,
    _T.TYPE_ENUM: _INT32,
    _T.TYPE_INT64: _INT64,
    _T.TYPE_SINT64: _INT64,
    _T.TYPE_SFIXED64: _INT64,
    _T.TYPE_UINT32: _UINT32,
    _T.TYPE_FIXED32: _UINT32,
    _T.TYPE_UINT64: _UINT64,
    _T.TYPE_FIXED64: _UINT64,
}
_FLOAT32_MAX = "3.4028234663852886e38"
_SCALAR_GUARDS = {
    _T.TYPE_STRING: "({v}.__class__ is {str} and {v}.isascii())",  # protobuf checks non-ASCII text's UTF-8
    _T.TYPE_BYTES: "{v}.__class__ is {bytes}",
    _T.TYPE_BOOL: "{v}.__class__ is {bool}",
    _T.TYPE_DOUBLE: "{v}.__class__ is {float}",
    _T.TYPE_FLOAT: f"({{v}}.__class__ is {{float}} and -{_FLOAT32_MAX} <= {{v}} <= {_FLOAT32_MAX})",
}
_WELL_KNOWN_FILLS = {"google.protobuf.Timestamp": Fill.TIMESTAMP, "google.protobuf.Duration": Fill.DURATION}
_KEEP = {
    Fill.EXTEND: "[*{v}] if {v} else None",
    Fill.MODELS: "[*{v}] if {v} else None",
    Fill.UPDATE: "{{**{v}}} if {v} else None",
    Fill.MODEL_MAP: "{{**{v}}} if {v} else None",
}


def _fast_path(
    f: FieldDescriptorProto,
    entry: DescriptorProto | None,
    kind: Kind,
    cardinality: Cardinality,
    scope: _Scope,
    shadowed: frozenset[str],
) -> tuple[Fill, str]:
    """How a value-built model writes the field, and the guard (over ``{v}``) admitting a value as given.

    An empty guard admits nothing but ``None``: such a field, when given, takes the checked path.
    """
    value = entry.field[1] if entry is not None else f
    one = _admits_one(value, kind, scope, shadowed)
    if entry is not None:
        if entry.field[0].type != _T.TYPE_STRING:  # other keys: the checked path
            return Fill.CHECKED, ""
        if kind is Kind.MESSAGE and one:
            return Fill.MODEL_MAP, f"{{fast}}.model_map({{v}}, {_pb_class(value, scope)})"
        admits_strings = value.type == _T.TYPE_STRING and kind is Kind.SCALAR
        return (Fill.UPDATE, "{fast}.string_map({v})") if admits_strings else (Fill.CHECKED, "")
    if cardinality is Cardinality.REPEATED:
        if kind is Kind.MESSAGE and one:
            return Fill.MODELS, f"{{fast}}.models({{v}}, {_pb_class(value, scope)})"
        admits_strings = value.type == _T.TYPE_STRING and kind is Kind.SCALAR
        return (Fill.EXTEND, "{fast}.strings({v})") if admits_strings else (Fill.CHECKED, "")
    if kind is Kind.WELL_KNOWN and value.type_name[1:] in _WELL_KNOWN_FILLS:
        fill = _WELL_KNOWN_FILLS[value.type_name[1:]]
        return fill, f"{{fast}}.{fill.value}({{v}})"
    if not one:
        return Fill.CHECKED, ""
    return (Fill.MODEL if kind is Kind.MESSAGE else Fill.SCALAR), one


def _admits_one(value: FieldDescriptorProto, kind: Kind, scope: _Scope, shadowed: frozenset[str]) -> str:
    """The guard of one scalar, enum or model value, or "" for a kind kept to the checked path."""
    if kind is Kind.MESSAGE:
        return f'{{getattr}}({{v}}.__class__, "_IDL_PB", None) is {_pb_class(value, scope)}'
    if kind is Kind.ENUM or (kind is Kind.SCALAR and value.type == _T.TYPE_ENUM):
        low, high = _INT32
        in_range = f"{low} <= {{v}} <= {high}"
        closed = scope.symbols[value.type_name].closed_numbers
        if closed:  # a closed enum's field holds declared numbers only (an UNKNOWN_<n> member included)
            in_range = "{v} in {{" + ", ".join(str(number) for number in closed) + "}}"
        enum = _local_enum(value, scope, shadowed) if kind is Kind.ENUM else ""
        exact = f"({{v}}.__class__ is {{int}} or {{v}}.__class__ is {enum})" if enum else "{v}.__class__ is {int}"
        return f"({exact} and {in_range})"
    if kind is not Kind.SCALAR:
        return ""
    if value.type in _INT_BOUNDS:
        low, high = _INT_BOUNDS[value.type]
        return f"({{v}}.__class__ is {{int}} and {low} <= {{v}} <= {high})"
    return _SCALAR_GUARDS.get(value.type, "")


_GUARD_BUILTINS = ("str", "bytes", "bool", "int", "float", "getattr")


def _spell_guard(admits: str, py_name: str, shadowed: frozenset[str], fast: str) -> str:
    """A guard for argument ``py_name``; a builtin a member or class hides is reached through ``_fast``."""
    spelled = {name: f"{fast}.builtins.{name}" if name in shadowed else name for name in _GUARD_BUILTINS}
    return admits.format(v=py_name, fast=fast, **spelled)


def _pb_class(value: FieldDescriptorProto, scope: _Scope) -> str:
    """The protobuf class of a message field's type, as the generated module names it at run time."""
    symbol = scope.symbols[value.type_name]
    return f"{scope.use_pb2(symbol.file)}.{symbol.qualname}"


def _local_enum(value: FieldDescriptorProto, scope: _Scope, shadowed: frozenset[str]) -> str:
    """The enum class's name inside a constructor, or "" when it is in another module or hidden there."""
    symbol = scope.symbols[value.type_name]
    if symbol.file != scope.file.name or symbol.qualname.split(".")[0] in shadowed:
        return ""
    return symbol.qualname


def _map_entry(f: FieldDescriptorProto, scope: _Scope) -> DescriptorProto | None:
    if f.type != _T.TYPE_MESSAGE or f.label != _T.LABEL_REPEATED:
        return None
    symbol = scope.symbols.get(f.type_name)
    return symbol.map_entry if symbol is not None else None


def _kind(f: FieldDescriptorProto, where: str, scope: _Scope) -> Kind:
    """What a value of the field is; a type from a file not generated has no model of its own.

    Such a message is kept as its protobuf message (``FOREIGN``), such an enum
    value as a plain int (``SCALAR``): the runtime decides the same way. A group
    (proto2, or editions' ``DELIMITED`` encoding) is a message written with group
    tags: only the wire differs, so it is generated as a message field is.
    """
    if f.type != _T.TYPE_ENUM and f.type not in _MESSAGE_TYPES:
        return Kind.SCALAR
    if f.type_name.startswith(".google.protobuf.") and f.type in _MESSAGE_TYPES:
        return Kind.WELL_KNOWN
    symbol = scope.symbols.get(f.type_name)
    if symbol is None:
        raise GenerateError(f"{where}: type {f.type_name[1:]} is not in the input")
    if not scope.config.generates(symbol.file):
        return Kind.SCALAR if f.type == _T.TYPE_ENUM else Kind.FOREIGN
    return Kind.ENUM if f.type == _T.TYPE_ENUM else Kind.MESSAGE


def _element(f: FieldDescriptorProto, kind: Kind, scope: _Scope, shadowed: frozenset[str], where: str) -> str:
    """The annotation of one value of the field."""
    if kind is Kind.SCALAR:
        return naming.scalar_annotation(f.type)
    if kind is Kind.WELL_KNOWN and f.type_name[1:] in naming.WELL_KNOWN:
        return naming.WELL_KNOWN[f.type_name[1:]]
    symbol = scope.symbols.get(f.type_name)
    if symbol is None:
        raise GenerateError(f"{where}: type {f.type_name[1:]} is not in the input")
    if kind in (Kind.WELL_KNOWN, Kind.FOREIGN):  # kept as a protobuf message
        return _protobuf_class(naming.pb2_module(symbol.file), symbol.qualname, scope)
    return _model_class(symbol, scope, shadowed)


def _model_class(symbol: Symbol, scope: _Scope, shadowed: frozenset[str]) -> str:
    """A generated class (model or enum) in an annotation, as the current module reaches it."""
    module = naming.module_name(symbol.file, scope.config.proto_root, scope.config.package)
    # A member named like the type (``Bar Bar = 1``) hides it in the class body: reach it through the module.
    if module != scope.module or symbol.qualname.split(".")[0] in shadowed:
        return f"{scope.use(module)}.{symbol.qualname}"
    return symbol.qualname


def _protobuf_class(pb2: str, qualname: str, scope: _Scope) -> str:
    """A protobuf class in an annotation; any message, when no import statement can spell its module."""
    if not naming.importable(pb2):
        return f"{scope.use('google.protobuf.message')}.Message"
    return f"{scope.use(pb2)}.{qualname}"


def _accepting(element: str, kind: Kind) -> str:
    """Enums also accept plain ints, as flytekit code passes them around."""
    return f"{element} | {{int}}" if kind is Kind.ENUM else element


def _cardinality(f: FieldDescriptorProto, kind: Kind, file: FileDescriptorProto) -> Cardinality:
    if f.label == _T.LABEL_REPEATED:
        return Cardinality.REPEATED
    if _explicit_presence(f, file) or kind in (Kind.MESSAGE, Kind.WELL_KNOWN, Kind.FOREIGN):
        return Cardinality.OPTIONAL
    return Cardinality.SINGLE


def _explicit_presence(f: FieldDescriptorProto, file: FileDescriptorProto) -> bool:
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


def _spell(annotation: str, shadowed: frozenset[str], scope: _Scope) -> str:
    return naming.spell(annotation, shadowed | scope.top_level, scope.use)


_TYPE_WORDS = {value: name.removeprefix("TYPE_").lower() for name, value in _T.Type.items()}


def _field_doc(
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


def _comments(file: FileDescriptorProto) -> dict[tuple[int, ...], str]:
    """Leading (else trailing) comments by SourceCodeInfo path; empty without source info."""
    found: dict[tuple[int, ...], str] = {}
    for location in file.source_code_info.location:
        text = location.leading_comments or location.trailing_comments
        if text.strip():
            found[tuple(location.path)] = text
    return found


def _full_name(file: FileDescriptorProto, qualname: str) -> str:
    return f"{file.package}.{qualname}" if file.package else qualname


def _check_unique_names(where: str, names: list[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise GenerateError(f"{where}: two definitions map to the Python name {name!r}")
        seen.add(name)


def _check_unique_modules(files: tuple[File, ...], root_package: str) -> None:
    """Each file gets a module of its own: not another file's, not a package of other modules, not the index.

    ``a-b.proto`` and ``a_b.proto`` (or ``async/`` and ``async_/``) map to one
    name; so do ``a.proto`` and the directory of ``a/b.proto``, and Python would
    import the package. The rule is to refuse, naming both files.
    """
    seen = {f"{root_package}._index": "the generated index", naming.base_module(root_package): "the generated base"}
    packages = {module: file.proto_name for file in files for module in _parents(file.module, root_package)}
    for file in files:
        taken = seen.get(file.module)
        if taken is None and file.module in packages:
            taken = f"the package of {packages[file.module]}"
        if taken is not None:
            raise GenerateError(f"{file.proto_name}: maps to module {file.module}, as {taken} does")
        seen[file.module] = file.proto_name


def _parents(module: str, root_package: str) -> list[str]:
    """The packages above ``module`` inside the generated tree: ``r.a.b.c`` → ``r.a``, ``r.a.b``."""
    parts = module.removeprefix(root_package + ".").split(".")[:-1]
    return [".".join((root_package, *parts[:depth])) for depth in range(1, len(parts) + 1)]


def _packages(files: tuple[File, ...], config: Config) -> tuple[Package, ...]:
    """Every package that holds generated modules, except the top-level one ``src/`` owns."""
    top = config.package.split(".")[0]
    found: dict[str, str] = {}
    for file in files:
        parts = file.module.split(".")[:-1]
        directory = file.proto_name.rsplit("/", 1)[0]
        for depth in range(len(parts), 0, -1):
            package = ".".join(parts[:depth])
            if package == top:
                break
            found.setdefault(package, "/".join(directory.split("/")[: depth - len(parts) or None]))
    return tuple(Package(module, found[module]) for module in sorted(found))
