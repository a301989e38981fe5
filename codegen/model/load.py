"""Descriptors → the frozen model (``codegen.model.nodes``), by pure functions.

``build_tree`` walks every file the configuration generates: messages, enums,
fields and oneofs here; what a field's values are in ``kinds``; the
constructor's fast path in ``guards``; extension handles in ``extensions``.
The only state is a file's ``Scope`` (``scope``), which collects the imports
its annotations need.
"""

from __future__ import annotations

from typing import NamedTuple

from google.protobuf.descriptor_pb2 import (
    DescriptorProto,
    EnumDescriptorProto,
    FieldDescriptorProto,
    FileDescriptorProto,
)

from codegen.errors import GenerateError
from codegen.inputs import overrides
from codegen.inputs.config import Config
from codegen.model import extensions, guards, kinds, naming, protobuf_names
from codegen.model.nodes import (
    Cardinality,
    Enum,
    EnumValue,
    Field,
    File,
    Import,
    Kind,
    Message,
    Names,
    Oneof,
    Override,
    Package,
    Tree,
)
from codegen.model.scope import (
    ENUM_VALUES,
    FILE_ENUMS,
    FILE_EXTENSIONS,
    FILE_MESSAGES,
    MESSAGE_ENUMS,
    MESSAGE_EXTENSIONS,
    MESSAGE_FIELDS,
    MESSAGE_NESTED,
    Scope,
    comments,
    full_name,
)
from codegen.model.symbols import Symbol, index


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
    handles = extensions.handled(file.extension, symbols, config)
    handle_names = [naming.extension_name(x.name) for _, x in handles]
    top_level = frozenset(m.name for m in file.message_type) | {e.name for e in file.enum_type} | set(handle_names)
    replaced = overrides.discover(file, module, config)
    reserved = naming.message_reserved(config.runtime) | config.methods.names
    privates = naming.Privates(_declared(file, _overridden(replaced), reserved))
    scope = Scope(
        file,
        module,
        symbols,
        config,
        comments(file),
        top_level,
        privates,
        privates.names(),
        reserved=reserved,
        enum_reserved=naming.enum_reserved(config.runtime),
    )
    messages = tuple(
        _message(message, (FILE_MESSAGES, i), message.name, scope, _overridden(replaced), "")
        for i, message in enumerate(file.message_type)
    )
    enums = tuple(_enum(enum, (FILE_ENUMS, i), enum.name, scope, enum.name) for i, enum in enumerate(file.enum_type))
    classes = [m.name for m in messages] + [e.name for e in enums] + [o.name for o in replaced]
    _check_unique_names(file.name, classes + handle_names)
    file_handles = tuple(
        extensions.extension(x, (FILE_EXTENSIONS, i), py_name, "", scope, frozenset())
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
        services=tuple(full_name(file, service.name) for service in file.service),
        extensions=file_handles,
        skipped_extensions=extensions.skipped_extensions(file, symbols, config),
        base_module=naming.base_module(config.package) if config.methods.names else "",
    )


def _run_time_import(module: str, alias: str) -> Import:
    return Import(module, alias, by_name=not naming.importable(module))


def _declared(file: FileDescriptorProto, overridden: frozenset[str], reserved: frozenset[str]) -> frozenset[str]:
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
        found.update(naming.field_name(f.name, reserved) for f in message.field)
        found.update(enum.name for enum in message.enum_type)
        nested = (n for n in message.nested_type if not n.options.map_entry)
        pending.extend((n, f"{qualname}.{n.name}") for n in nested)
    return frozenset(found)


class _Members(NamedTuple):
    """The Python names a message's class body binds, and what they hide inside it."""

    fields: list[str]  # each field's property and parameter name, in declaration order
    handles: list[str]  # each extension declared in the message's scope (class members, as fields)
    shadowed: frozenset[str]  # member and nested type names: they hide builtins and module names in the class


def _members(
    message: DescriptorProto, nested: list[DescriptorProto], handles: list[str], where: str, scope: Scope
) -> _Members:
    """Check that a message's members map to distinct Python names, none a nested type's."""
    for f in message.field:
        naming.check_identifier(f.name, f"{where}.{f.name}")
        protobuf_names.check_field(f.name, f"{where}.{f.name}", extendable=bool(message.extension_range))
    field_names = [naming.field_name(f.name, scope.reserved) for f in message.field]
    handle_names = [naming.field_name(name, scope.reserved) for name in handles]
    _check_unique_names(where, field_names + handle_names)
    py_names = set(field_names + handle_names)
    inner = {n.name for n in nested} | {e.name for e in message.enum_type}
    for clash in sorted(py_names & inner):
        member = "field" if clash in field_names else "extension"
        raise GenerateError(f"{where}: {member} {clash!r} and a nested type share one Python name")
    return _Members(field_names, handle_names, frozenset(py_names | inner))


def _message(
    message: DescriptorProto,
    path: tuple[int, ...],
    qualname: str,
    scope: Scope,
    overridden: frozenset[str],
    py_outer: str,
) -> Message:
    where = f"{scope.file.name}: {qualname}"
    naming.class_name(message.name, where, scope.reserved if py_outer else naming.MESSAGE_CLASS_NAMES)
    if py_outer:  # a class attribute of its parent's protobuf class
        protobuf_names.check_nested_message(message.name, where)
    nested = [n for n in message.nested_type if not n.options.map_entry]
    handles = extensions.handled(message.extension, scope.symbols, scope.config)
    members = _members(message, nested, [x.name for _, x in handles], where, scope)
    name = naming.base_name(message.name) if qualname in overridden else message.name
    py_qualname = f"{py_outer}.{name}" if py_outer else name
    # The class attributes of its fields' model classes and enums: clear of its members and the runtime's.
    attributes = naming.Privates(members.shadowed | scope.reserved)
    fields = tuple(
        _field(f, (*path, MESSAGE_FIELDS, i), qualname, message, scope, members.shadowed, attributes)
        for i, f in enumerate(message.field)
    )
    oneofs = _oneofs(message)
    return Message(
        proto_name=scope.full_name(qualname),
        name=name,
        public_qualname=_public_qualname(qualname, py_qualname, renamed=name != message.name),
        pb_path=qualname,
        pb_type=_pb_type(scope, qualname),
        doc=naming.flagged(
            naming.docstring(scope.comment(path) or f"The ``{scope.full_name(qualname)}`` message."),
            message.options.deprecated,
        ),
        fields=fields,
        oneofs=oneofs,
        messages=_nested_messages(message, path, qualname, scope, overridden, py_qualname),
        enums=tuple(
            _enum(e, (*path, MESSAGE_ENUMS, i), f"{qualname}.{e.name}", scope, f"{py_qualname}.{e.name}")
            for i, e in enumerate(message.enum_type)
        ),
        guards=guards.constructor_guards(fields, oneofs),
        extensions=tuple(
            extensions.extension(x, (*path, MESSAGE_EXTENSIONS, i), py_name, qualname, scope, members.shadowed)
            for (i, x), py_name in zip(handles, members.handles, strict=True)
        ),
    )


def _nested_messages(
    message: DescriptorProto,
    path: tuple[int, ...],
    qualname: str,
    scope: Scope,
    overridden: frozenset[str],
    py_qualname: str,
) -> tuple[Message, ...]:
    """The messages declared inside ``message`` (map entries aside), each at its SourceCodeInfo path."""
    return tuple(
        _message(n, (*path, MESSAGE_NESTED, i), f"{qualname}.{n.name}", scope, overridden, py_qualname)
        for i, n in enumerate(message.nested_type)
        if not n.options.map_entry
    )


def _pb_type(scope: Scope, qualname: str) -> str:
    """The message class a model's base is parametrized with: what ``to_flyte_idl`` returns for type checkers.

    Quoted: only type checkers import the pb2 module (the module binds it lazily). A pb2
    module imported by name (a keyword in its path) is opaque to them: any message, then.
    """
    if naming.importable(naming.pb2_module(scope.file.name)):
        return f'"{scope.names.pb2}.{qualname}"'
    return f"{scope.names.fast}.AnyMessage"


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


def _enum(enum: EnumDescriptorProto, path: tuple[int, ...], qualname: str, scope: Scope, py_qualname: str) -> Enum:
    where = f"{scope.file.name}: {qualname}"
    naming.class_name(enum.name, where, scope.reserved if "." in qualname else naming.MESSAGE_CLASS_NAMES)
    for value in enum.value:
        naming.check_identifier(value.name, f"{where}.{value.name}")
    _check_unique_names(where, [naming.enum_value_name(value.name, scope.enum_reserved) for value in enum.value])
    values = tuple(
        EnumValue(
            name=naming.enum_value_name(value.name, scope.enum_reserved),
            proto_name=value.name,
            number=value.number,
            doc=naming.flagged(naming.docstring(scope.comment((*path, ENUM_VALUES, i))), value.options.deprecated),
        )
        for i, value in enumerate(enum.value)
    )
    full = scope.full_name(qualname)
    doc = naming.flagged(naming.docstring(scope.comment(path) or f"The ``{full}`` enum."), enum.options.deprecated)
    closed = bool(scope.symbols[f".{full}"].closed_numbers)
    return Enum(full, enum.name, _public_qualname(qualname, py_qualname, renamed=False), doc, values, closed)


class _Shape(NamedTuple):
    """What a field holds: its kind and cardinality, and the annotations of what it returns and accepts."""

    kind: Kind
    cardinality: Cardinality
    element: str  # one value
    returns: str
    accepts: str
    entry: DescriptorProto | None  # a map field's entry message


def _shape(f: FieldDescriptorProto, where: str, scope: Scope, shadowed: frozenset[str]) -> _Shape:
    entry = kinds.map_entry(f, scope)
    value = entry.field[1] if entry is not None else f
    kind = kinds.kind_of(value, where, scope)
    element = kinds.element_annotation(value, kind, scope, shadowed, where)
    accepted = kinds.accepting(element, kind)
    if entry is not None:
        key = naming.scalar_annotation(entry.field[0].type)
        mapping = f"{{abc}}.Mapping[{key}, {accepted}] | None"
        return _Shape(kind, Cardinality.MAP, element, f"{{dict}}[{key}, {element}]", mapping, entry)
    cardinality = kinds.cardinality_of(f, kind, scope.file)
    if cardinality is Cardinality.REPEATED:
        iterable = f"{{abc}}.Iterable[{accepted}] | None"
        return _Shape(kind, cardinality, element, f"{{list}}[{element}]", iterable, None)
    returns = f"{element} | None" if cardinality is Cardinality.OPTIONAL else element
    return _Shape(kind, cardinality, element, returns, f"{accepted} | None", None)


def _field(
    f: FieldDescriptorProto,
    path: tuple[int, ...],
    qualname: str,
    owner: DescriptorProto,
    scope: Scope,
    shadowed: frozenset[str],
    attributes: naming.Privates,
) -> Field:
    shape = _shape(f, f"{scope.file.name}: {qualname}.{f.name}", scope, shadowed)
    model_attribute = _model_attribute(f.name, shape, attributes)
    members_attribute = _members_attribute(f.name, shape, attributes)
    py_name = naming.field_name(f.name, scope.reserved)
    deprecated, required = f.options.deprecated, kinds.is_required(f, scope.file)
    hidden = shadowed | scope.top_level
    fill, admits = guards.fast_path(f, shape.entry, shape.kind, shape.cardinality, scope, shadowed)
    guard = guards.spell_guard(admits, py_name, hidden, scope.names.fast) if admits else ""
    target, assignment = _writes(f.name, py_name, hidden, scope.names)
    doc = kinds.field_doc(scope.comment(path), f, shape.cardinality, shape.entry, required)
    return Field(
        proto_name=f.name,
        py_name=py_name,
        number=f.number,
        kind=shape.kind,
        cardinality=shape.cardinality,
        oneof=owner.oneof_decl[f.oneof_index].name if f.HasField("oneof_index") and not f.proto3_optional else None,
        returns=scope.spell(shape.returns, shadowed),
        accepts=scope.spell(shape.accepts, shadowed),
        doc=naming.flagged(naming.docstring(doc), deprecated),
        deprecation=f"{qualname}.{py_name}" if deprecated else "",
        fill=fill,
        guard=guards.field_guard(py_name, guard, required),
        keep=guards.KEEP.get(fill, "{v}").format(v=py_name),
        target=target,
        assignment=assignment,
        model=scope.spell(shape.element, shadowed) if model_attribute else "",
        model_attribute=model_attribute,
        members_attribute=members_attribute,
    )


def _model_attribute(proto_name: str, shape: _Shape, attributes: naming.Privates) -> str:
    """The class attribute holding the model class of a singular message field, or "" for any other field.

    Its property then wraps a set sub-message itself (``Field.wraps_model``). A
    field Python cannot read as ``pb.<name>`` (``from``) reads through ``_present``.
    """
    single_message = shape.kind is Kind.MESSAGE and shape.cardinality is Cardinality.OPTIONAL
    if not single_message or not naming.is_attribute_name(proto_name):
        return ""
    return attributes.spell(naming.model_attribute(proto_name))


def _members_attribute(proto_name: str, shape: _Shape, attributes: naming.Privates) -> str:
    """The class attribute holding the members of a singular enum field's enum, or "" for any other field.

    Its property then maps the number it reads to the member itself
    (``Field.maps_enum``). An enum from outside the tree is a plain int
    (``Kind.SCALAR``); a field Python cannot read as ``pb.<name>`` (``from``)
    reads through ``_get``.
    """
    single = shape.cardinality in (Cardinality.SINGLE, Cardinality.OPTIONAL)
    if shape.kind is not Kind.ENUM or not single or not naming.is_attribute_name(proto_name):
        return ""
    return attributes.spell(naming.members_attribute(proto_name))


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
