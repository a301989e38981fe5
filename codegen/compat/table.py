"""Reading a compatibility table (TOML) against the IDL's descriptors into the frozen ``Family`` model.

The table is data about the API being mirrored: per class, the message behind
it, the constructor as that API spells it, and per field only what differs
from the defaults (see the table's own header). Everything else is derived
from the descriptors here, once. A table entry that names a message, field or
class the IDL or table lacks is a ``GenerateError`` naming the table and key.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from google.protobuf import descriptor_pool
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.descriptor_pb2 import FileDescriptorProto

from codegen.compat.model import (
    Assignment,
    CompatClass,
    CompatModule,
    Family,
    Holder,
    Import,
    Member,
    Package,
    Param,
    PostInit,
    ReadKind,
    Ref,
    Shape,
    ShapeKind,
    WriteKind,
)
from codegen.errors import GenerateError
from codegen.model import naming, protobuf_names

_KEY_DOC = "the table's keys are '<module>:<Class>' or '<module>:<Class>.<Nested>'"
_WRAPPERS = frozenset(
    f"google.protobuf.{kind}Value"
    for kind in ("Bool", "Int32", "Int64", "UInt32", "UInt64", "Float", "Double", "String", "Bytes")
)
_FIELD_OPTIONS = frozenset({"param", "attr", "shape", "model", "unset", "empty_is_none", "enum", "falsy_unset"})


@dataclass(frozen=True, slots=True)
class _Context:
    table: Path
    family: str
    pool: descriptor_pool.DescriptorPool
    target: str  # the mirrored API's name, for docstrings
    classes: dict[str, dict[str, Any]]  # "module:Qual" → its table entry
    by_message: dict[str, list[str]]  # message full name → keys of classes wrapping it
    reserved: frozenset[str]  # what properties leave free (naming.compat_reserved)
    members: frozenset[str]  # what instance attributes leave free (naming.compat_members)

    def error(self, key: str, text: str) -> GenerateError:
        return GenerateError(f"{self.table}: {key}: {text}")

    def ref(self, key: str) -> Ref:
        module, qualname = key.split(":")
        return Ref(f"{self.family}.{module}", qualname)


def load_family(table: Path, files: list[FileDescriptorProto], output_root: str) -> Family:
    """Build the family model from ``table`` and the IDL ``files``; paths are relative to ``output_root``."""
    data = _read(table)
    family = data.get("family", {})
    package = _required(family, "package", table)
    classes: dict[str, dict[str, Any]] = data.get("classes", {})
    holders: dict[str, dict[str, Any]] = data.get("holders", {})
    _check_keys(table, classes, holders)
    target = _required(family, "source", table).split()[0]
    base = _required(family, "base", table)
    reserved, members = naming.compat_reserved(base), naming.compat_members(base)
    context = _Context(table, package, _pool(files), target, classes, _by_message(classes), reserved, members)
    modules_data: dict[str, dict[str, Any]] = data.get("modules", {})
    names = _module_names(classes, holders, modules_data)
    root = package.replace(".", "/")
    return Family(
        package=package,
        source=_required(family, "source", table),
        base=_ref_text(_required(family, "base", table)),
        holder_base=_ref_text(_required(family, "holder_base", table)),
        shapes_module=_required(family, "shapes", table),
        custom_shapes_module=_required(family, "custom_shapes", table),
        modules=tuple(_module(name, modules_data.get(name, {}), holders, context, family) for name in names),
        packages=_packages(root, package, names),
        index_path=f"{root}/_index.py",
        index=tuple((message, context.ref(keys[0])) for message, keys in sorted(context.by_message.items())),
    )


def _read(table: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(table.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise GenerateError(f"{table}: cannot read the compatibility table: {error}") from None


def _pool(files: list[FileDescriptorProto]) -> descriptor_pool.DescriptorPool:
    """A descriptor pool of ``files``, each added after the files it imports."""
    pool = descriptor_pool.DescriptorPool()
    by_name = {file.name: file for file in files}
    added: set[str] = set()

    def add(name: str) -> None:
        if name in added or name not in by_name:
            return
        added.add(name)
        for dependency in by_name[name].dependency:
            add(dependency)
        pool.Add(by_name[name])

    for file in files:
        add(file.name)
    return pool


def _check_keys(table: Path, classes: dict[str, Any], holders: dict[str, Any]) -> None:
    for key in [*classes, *holders]:
        if ":" not in key:
            raise GenerateError(f"{table}: {key}: {_KEY_DOC}")
    for key, entry in classes.items():
        if "message" not in entry:
            raise GenerateError(f"{table}: {key}: a class needs 'message', the IDL message it wraps")


def _required(table: dict[str, Any], key: str, path: Path) -> Any:
    try:
        return table[key]
    except KeyError:
        raise GenerateError(f"{path}: [family] needs {key!r}") from None


def _ref_text(text: str) -> Ref:
    module, qualname = text.split(":")
    return Ref(module, qualname)


def _by_message(classes: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for key, entry in classes.items():
        found.setdefault(entry["message"], []).append(key)
    return found


def _module_names(*tables: dict[str, Any]) -> list[str]:
    """Every module the table mentions, in first-mention order (classes, holders, then module entries)."""
    names: dict[str, None] = {}
    for table in tables:
        for key in table:
            names.setdefault(key.split(":")[0], None)
    return list(names)


def _packages(root: str, package: str, modules: list[str]) -> tuple[Package, ...]:
    """The root package and every package a module name implies, each with its direct children."""
    dotted = sorted({".".join(name.split(".")[:depth]) for name in modules for depth in range(1, name.count(".") + 1)})
    found = []
    for inner in ("", *dotted):
        prefix = f"{inner}." if inner else ""
        children = sorted({name[len(prefix) :].split(".")[0] for name in modules if name.startswith(prefix)})
        path = f"{root}/{inner.replace('.', '/')}/__init__.py" if inner else f"{root}/__init__.py"
        found.append(Package(path, f"{package}.{inner}" if inner else package, tuple(children)))
    return tuple(found)


# -- modules ----------------------------------------------------------------------------


def _module(
    name: str, entry: dict[str, Any], holders: dict[str, dict[str, Any]], context: _Context, family: dict[str, Any]
) -> CompatModule:
    keys = [key for key in context.classes if key.split(":")[0] == name]
    top = [key for key in keys if "." not in key.split(":")[1]]
    built = tuple(_class(key, keys, holders, context) for key in top)
    own_holders = tuple(_holder(key, value) for key, value in holders.items() if _is_top(key, name))
    overrides = tuple(entry.get("hand_written", ())) + tuple(c.public_name for c in built if c.overridden)
    reexports = tuple(_import(alias, value) for alias, value in entry.get("reexports", {}).items())
    late = (context.family + ".", family["hand_written"] + ".")
    public = [
        *(c.public_name for c in built),
        *(h.name for h in own_holders),
        *overrides,
        *(i.alias for i in reexports),
    ]
    return CompatModule(
        path=f"{context.family.replace('.', '/')}/{name.replace('.', '/')}.py",
        name=name,
        doc=f"``{family['source'].split()[0]}.{name}``, generated from the compatibility table.",
        pb2_imports=_pb2_imports(built, context),
        classes=built,
        holders=own_holders,
        overrides=tuple(dict.fromkeys(overrides)),
        override_module=f"{family['hand_written']}.{name}",
        external_reexports=tuple(i for i in reexports if not i.module.startswith(late)),
        family_reexports=tuple(i for i in reexports if i.module.startswith(late)),
        lazy_reexports=tuple(_import(alias, value) for alias, value in entry.get("lazy_reexports", {}).items()),
        all_names=tuple(sorted(name for name in dict.fromkeys(public) if not name.startswith("_"))),
    )


def _import(alias: str, target: str) -> Import:
    """``from <module> import <name> as <alias>`` for ``target`` written ``module:name``."""
    module, name = target.split(":")
    return Import(module, name, alias)


def _is_top(key: str, module: str) -> bool:
    found_module, qualname = key.split(":")
    return found_module == module and "." not in qualname


def _pb2_imports(classes: tuple[CompatClass, ...], context: _Context) -> tuple[Import, ...]:
    modules = sorted(
        {naming.pb2_module(context.pool.FindMessageTypeByName(c.message).file.name) for c in _walk(classes)}
    )
    return tuple(
        Import(*_split_module(module), _pb2_alias(module), by_name=not naming.importable(module)) for module in modules
    )


def _split_module(module: str) -> tuple[str, str]:
    """``flyteidl.core.literals_pb2`` → (``flyteidl.core``, ``literals_pb2``), for ``from … import …``."""
    parent, leaf = module.rsplit(".", 1)
    return parent, leaf


def _walk(classes: tuple[CompatClass, ...]) -> Iterator[CompatClass]:
    for found in classes:
        yield found
        yield from _walk(found.nested)


def _pb2_alias(module: str) -> str:
    return "_" + module.replace(".", "_")


# -- classes ----------------------------------------------------------------------------


def _class(key: str, module_keys: list[str], holders: dict[str, dict[str, Any]], context: _Context) -> CompatClass:
    entry = context.classes[key]
    message = _message(key, entry, context)
    module, qualname = key.split(":")
    public_name = qualname.rsplit(".", 1)[-1]
    dataclass_style = entry.get("style") == "dataclass"
    params = _params(key, entry, context)
    children = [k for k in module_keys if _parent(k) == key]
    nested_holders = tuple(_holder(k, v) for k, v in holders.items() if _parent(k) == key)
    inner = _inner_names(entry, children, nested_holders)
    members = _members(key, entry, message, params, dataclass_style, context, inner)
    taken = context.members | inner | {m.prop for m in members} | {m.attr for m in members}
    pb_path = message.full_name.removeprefix(message.file.package + ".")
    return CompatClass(
        name=naming.base_name(public_name) if entry.get("override") else public_name,
        public_name=public_name,
        qualname=qualname,
        message=message.full_name,
        pb_module=_pb2_alias(naming.pb2_module(message.file.name)),
        pb_path=pb_path,
        params=params,
        assignments=_assignments(params, members, entry.get("if_none", {}), taken),
        members=members,
        dataclass=dataclass_style,
        nested=tuple(_class(child, module_keys, holders, context) for child in children),
        holders=nested_holders,
        constants=tuple((name, int(value)) for name, value in entry.get("constants", {}).items()),
        post_init=_post_init(key, entry.get("post_init", False), params, context),
        doc=f"``{module}.{qualname}``: the ``{message.full_name}`` message.",
        clear_hidden="Clear" in message.fields_by_name,
    )


def _post_init(key: str, value: Any, params: tuple[Param, ...], context: _Context) -> PostInit:
    """``post_init``: true (the hook runs after every constructor call), or the parameters
    it looks at (it runs only when one of them is given: not None)."""
    if value is False or value is True:
        return PostInit(bool(value))
    names = {p.name for p in params if not p.star}
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v in names for v in value):
        raise context.error(key, f"post_init: expected true or a list of constructor parameters, got {value!r}")
    return PostInit(True, tuple(value))


def _parent(key: str) -> str | None:
    """``"types:SchemaType"`` for ``"types:SchemaType.SchemaColumn"``; None for a top-level class."""
    module, qualname = key.split(":")
    return f"{module}:{qualname.rsplit('.', 1)[0]}" if "." in qualname else None


def _message(key: str, entry: dict[str, Any], context: _Context) -> Descriptor:
    try:
        message = context.pool.FindMessageTypeByName(entry["message"])
    except KeyError:
        raise context.error(key, f"no message {entry['message']!r} in the IDL") from None
    _check_protobuf_names(message)
    return message


def _check_protobuf_names(message: Descriptor) -> None:
    """The IDL family's checks of names protobuf's own message classes cannot hold (``protobuf_names``)."""
    where = f"{message.file.name}: {message.full_name.removeprefix(message.file.package + '.')}"
    for field in message.fields:
        protobuf_names.check_field(field.name, f"{where}.{field.name}", extendable=message.is_extendable)
    for nested in message.nested_types:
        if not nested.GetOptions().map_entry:
            protobuf_names.check_nested_message(nested.name, f"{where}.{nested.name}")


def _params(key: str, entry: dict[str, Any], context: _Context) -> tuple[Param, ...]:
    params = []
    for text in entry.get("init", ()):
        star = "**" if text.startswith("**") else "*" if text.startswith("*") else ""
        name, _, default = text.removeprefix(star).partition("=")
        params.append(Param(name.strip(), default.strip() or None, star))
        if name.strip() == "self" or naming.python_refuses(name.strip()):
            raise context.error(f"{key}.init", f"{name.strip()!r} cannot be a parameter of a Python method")
    return tuple(params)


def _inner_names(entry: dict[str, Any], children: list[str], holders: tuple[Holder, ...]) -> frozenset[str]:
    """The names the table gives members of a class besides its fields: nested classes, holders, constants."""
    nested = {child.rsplit(".", 1)[-1] for child in children}
    return frozenset(nested | {holder.name for holder in holders} | set(entry.get("constants", {})))


def _members(
    key: str,
    entry: dict[str, Any],
    message: Descriptor,
    params: tuple[Param, ...],
    dataclass_style: bool,
    context: _Context,
    inner: frozenset[str],
) -> tuple[Member, ...]:
    specs: dict[str, dict[str, Any]] = entry.get("fields", {})
    unknown = sorted(set(specs) - {field.name for field in message.fields})
    if unknown:
        raise context.error(key, f"{message.full_name} has no field {unknown[0]!r}")
    param_names = {param.name for param in params}
    props: dict[str, FieldDescriptor] = {}
    for field in message.fields:
        _check_options(key, field.name, specs.get(field.name, {}), context)
        prop = _property(f"{key}.fields.{field.name}", field.name, specs.get(field.name, {}), param_names, context)
        if prop in props or prop in inner:
            raise context.error(key, f"two members map to the Python name {prop!r}")
        if prop in param_names or not dataclass_style:  # a dataclass keeps the target's fields; the message the rest
            props[prop] = field
    setters = set(entry.get("setters", ()))
    taken = set(context.members | inner | props.keys())
    members = []
    for prop, field in props.items():
        spec = specs.get(field.name, {})
        attr = _attribute(f"{key}.fields.{field.name}", spec, prop, dataclass_style, frozenset(taken), context)
        taken.add(attr)
        doc = _member_doc(field, message, prop not in param_names, context.target)
        shape = _shape(key, field, spec, context)
        members.append(Member(attr, prop, shape, prop not in param_names, prop in setters, doc))
    return tuple(members)


def _property(where: str, field: str, spec: dict[str, Any], params: set[str], context: _Context) -> str:
    """A field's property and parameter: the table's name for it, else the field's name, renamed while it clashes.

    A name the table gives (``param``, or the field's own name in ``init``) is the target API's: if it would
    hide a member every class of the family has, the table must name another.
    """
    given = spec.get("param", field if field in params else None)
    if given is None:
        return naming.field_name(field, context.reserved)
    if given == "self" or naming.python_refuses(given):
        raise context.error(where, f"{given!r} cannot be a property and parameter: name another with 'param'")
    if given in context.reserved:
        raise context.error(
            where, f"the property {given!r} would hide a member the class needs: name another with 'param'"
        )
    return str(given)


def _attribute(
    where: str, spec: dict[str, Any], prop: str, dataclass_style: bool, taken: frozenset[str], context: _Context
) -> str:
    """The instance attribute a member's value lives in: the table's, else ``_<prop>`` (a dataclass: ``prop``)."""
    if "attr" not in spec:
        return prop if dataclass_style else naming.compat_attribute(prop, taken)
    given = str(spec["attr"])
    if naming.python_refuses(given):
        raise context.error(where, f"Python mangles or owns the attribute {given!r}: name another with 'attr'")
    if given in taken:
        raise context.error(where, f"the attribute {given!r} would overwrite a member of the class: name another")
    return given


def _check_options(key: str, field: str, spec: dict[str, Any], context: _Context) -> None:
    unknown = sorted(set(spec) - _FIELD_OPTIONS)
    if unknown:
        raise context.error(f"{key}.fields.{field}", f"unknown option {unknown[0]!r} (known: {sorted(_FIELD_OPTIONS)})")


def _member_doc(field: FieldDescriptor, message: Descriptor, keyword_only: bool, target: str) -> str:
    where = f"field {field.number} ``{field.name}`` of ``{message.full_name}``"
    return f"{where} (not an argument in {target}: kept so nothing is dropped)." if keyword_only else f"{where}."


def _assignments(
    params: tuple[Param, ...], members: tuple[Member, ...], if_none: dict[str, str], taken: frozenset[str]
) -> tuple[Assignment, ...]:
    """``self.<attr> = <param>`` for every parameter; one that is no field's is kept in ``_<param>``."""
    by_prop = {member.prop: member.attr for member in members}
    for name in (p.name for p in params if not p.star and p.name not in by_prop):
        by_prop[name] = naming.compat_attribute(name, taken)
        taken |= {by_prop[name]}
    named = [p.name for p in params if not p.star]
    given = [Assignment(by_prop[name], name, if_none.get(name, "")) for name in named]
    extra = [Assignment(m.attr, m.prop) for m in members if m.keyword_only]
    return (*given, *extra)


# -- shapes -------------------------------------------------------------------------------


def _shape(key: str, field: FieldDescriptor, spec: dict[str, Any], context: _Context) -> Shape:
    """The field's shape, with how the generated reader converts it."""
    shape = dataclasses.replace(_shape_kind(key, field, spec, context), falsy_unset=bool(spec.get("falsy_unset")))
    oneof = field.containing_oneof
    # proto3 `optional` is a oneof of one: not a oneof for the reader
    name = oneof.name if oneof is not None and len(oneof.fields) > 1 else ""
    return dataclasses.replace(
        shape, oneof=name, read=_read_kind(shape, field, bool(name)), write=_write_kind(shape, field)
    )


def _write_kind(shape: Shape, field: FieldDescriptor) -> WriteKind:
    """Inline in ``_fm_write_values`` what is a plain assignment or a child writing itself; else the shape."""
    if not naming.is_attribute_name(field.name):  # ``from``, ``__x``: not ``target.<name>``
        return WriteKind.SHAPE
    if shape.kind is ShapeKind.SCALAR and shape.enum is None and field.enum_type is None:
        return WriteKind.PLAIN
    if shape.kind is ShapeKind.SCALAR and not field.is_repeated:  # also takes an enum.Enum (flytekit's defaults)
        return WriteKind.ENUM
    if shape.kind is ShapeKind.MODELS and shape.model is not None:
        return WriteKind.MODELS
    return WriteKind.MODEL if shape.kind is ShapeKind.MODEL else WriteKind.SHAPE


def _read_kind(shape: Shape, field: FieldDescriptor, in_oneof: bool) -> ReadKind:
    """Inline in ``_fm_read`` what is a plain attribute read; everything else goes through the shape."""
    named = naming.is_attribute_name(field.name)  # pb.<field> is valid Python in a method
    if shape.kind is ShapeKind.MODEL and named and not shape.empty_is_none:
        if not shape.presence:
            return ReadKind.MODEL
        return ReadKind.ONEOF_MODEL if in_oneof else ReadKind.MODEL_PRESENCE
    plain = shape.kind is ShapeKind.SCALAR and shape.enum is None and named
    if in_oneof and shape.presence:
        return ReadKind.ONEOF_PLAIN if plain and not shape.empty_is_none else ReadKind.ONEOF_SHAPE
    if not plain or (shape.presence and shape.empty_is_none):
        return ReadKind.SHAPE
    if shape.presence:
        return ReadKind.PRESENCE
    return ReadKind.OR_NONE if shape.empty_is_none else ReadKind.PLAIN


def _shape_kind(key: str, field: FieldDescriptor, spec: dict[str, Any], context: _Context) -> Shape:
    where = f"{key}.fields.{field.name}"
    chosen = spec.get("shape", "")
    empty_is_none = bool(spec.get("empty_is_none", False))
    presence = spec.get("unset", "none") != "empty"
    if chosen.startswith("custom:"):
        return Shape(ShapeKind.CUSTOM, field.name, custom=chosen.removeprefix("custom:"))
    if chosen == "unwrap":
        return _unwrapped(where, field, spec, context)
    if chosen == "pairs":
        return Shape(ShapeKind.PAIRS, field.name)
    if chosen in ("struct", "message", "naive"):
        kind = {"struct": ShapeKind.STRUCT, "message": ShapeKind.MESSAGE, "naive": ShapeKind.TIMESTAMP}[chosen]
        return Shape(kind, field.name, presence=presence, empty_is_none=empty_is_none, naive=chosen == "naive")
    if chosen:
        raise context.error(where, f"unknown shape {chosen!r}")
    return _derived(where, field, spec, context, presence, empty_is_none)


def _derived(
    where: str, field: FieldDescriptor, spec: dict[str, Any], context: _Context, presence: bool, empty_is_none: bool
) -> Shape:
    message = field.message_type
    if message is not None and message.GetOptions().map_entry:
        value = message.fields_by_name["value"]
        if value.message_type is None:
            return Shape(ShapeKind.SCALAR_MAP, field.name, empty_is_none=empty_is_none)
        return Shape(
            ShapeKind.MODEL_MAP, field.name, empty_is_none=empty_is_none, model=_model(where, value, spec, context)
        )
    if field.is_repeated:
        if message is None:
            return Shape(ShapeKind.REPEATED, field.name, empty_is_none=empty_is_none)
        return Shape(
            ShapeKind.MODELS, field.name, empty_is_none=empty_is_none, model=_model(where, field, spec, context)
        )
    if message is None:
        enum = context.ref(spec["enum"]) if "enum" in spec else None
        return Shape(ShapeKind.SCALAR, field.name, presence=field.has_presence, empty_is_none=empty_is_none, enum=enum)
    well_known = {"google.protobuf.Timestamp": ShapeKind.TIMESTAMP, "google.protobuf.Duration": ShapeKind.DURATION}
    if message.full_name in well_known:
        return Shape(well_known[message.full_name], field.name, presence=presence)
    if message.full_name in _WRAPPERS:
        return Shape(ShapeKind.WRAPPER, field.name, presence=presence)
    model = _model(where, field, spec, context)
    kind = ShapeKind.MESSAGE if model is None else ShapeKind.MODEL
    return Shape(kind, field.name, presence=presence, model=model, empty_is_none=empty_is_none)


def _unwrapped(where: str, field: FieldDescriptor, spec: dict[str, Any], context: _Context) -> Shape:
    wrapper = field.message_type
    if wrapper is None or len(wrapper.fields) != 1:
        raise context.error(where, "shape 'unwrap' needs a message field whose message has exactly one field")
    inner = _derived(where, wrapper.fields[0], spec, context, presence=False, empty_is_none=False)
    return Shape(ShapeKind.UNWRAPPED, field.name, inner=inner)


def _model(where: str, field: FieldDescriptor, spec: dict[str, Any], context: _Context) -> Ref | None:
    """The family class a message field yields: the table's choice, else the one class of that message."""
    if "model" in spec:
        if spec["model"] not in context.classes:
            raise context.error(where, f"model {spec['model']!r} is not a class of the table")
        return context.ref(spec["model"])
    message = field.message_type
    assert message is not None  # only message fields have models
    candidates = context.by_message.get(message.full_name, [])
    if len(candidates) > 1:
        module = where.split(":")[0]
        same_module = [key for key in candidates if key.split(":")[0] == module]
        if len(same_module) != 1:
            raise context.error(where, f"{message.full_name} has several classes {candidates}: say which with 'model'")
        candidates = same_module
    return context.ref(candidates[0]) if candidates else None


def _holder(key: str, entry: dict[str, Any]) -> Holder:
    name = key.split(":")[1].rsplit(".", 1)[-1]
    values = tuple((member, int(value)) for member, value in entry["values"].items())
    doc = f"``{key.replace(':', '.')}``: enum constants."
    return Holder(name, bool(entry.get("python_enum", False)), values, entry.get("unnamed", ""), doc)
