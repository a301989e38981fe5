"""Names a generated class keeps for itself, and how a proto name steps aside from them (``codegen.model.naming``).

The reserved names come from the runtime's classes (``naming.members``) and from
data in ``naming`` (what the templates bind per class, Python's own classes). These
tests hold the data to what the classes and the templates really have, so a member
added to either cannot become a name a field takes silently:

- every member of the runtime's base classes is renamed away from, in both families;
- ``PYTHON_MEMBERS`` lists every Python class among the bases, and all it has here;
- the unread subclass adds nothing ``UNREAD_CLASS_NAMES`` leaves out;
- every generated class body (the goldens, and the flytekit family under generated/)
  binds and reads nothing the ``*_CLASS_NAMES`` and ``COMPAT_BODY_NAMES`` leave out.

The rule itself is a table per family.
"""

from __future__ import annotations

import ast
import enum
import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from codegen.model import naming
from flytemodels._flytekit.entity import FlytekitModel
from flytemodels._runtime import unread
from flytemodels._runtime.enums import OpenEnum
from flytemodels._runtime.message import Message
from tests.goldens.harness import EXPECTED, REPO

RUNTIME = "flytemodels._runtime"
FLYTEKIT_BASE = "flytemodels._flytekit.entity:FlytekitModel"
MESSAGE_RESERVED = naming.message_reserved(RUNTIME)
ENUM_RESERVED = naming.enum_reserved(RUNTIME)
COMPAT_RESERVED = naming.compat_reserved(FLYTEKIT_BASE)
COMPAT_MEMBERS = naming.compat_members(FLYTEKIT_BASE)


# -- the rule, as tables --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("proto_name", "python_name"),
    [
        ("name", "name"),
        ("pb", "pb"),  # a local of the property bodies: harmless
        ("PB", "PB"),
        ("from", "from_"),  # a keyword
        ("to_dict", "to_dict_"),  # a public member of Message
        ("_values", "_values_"),  # a private one (the value-built model's arguments)
        ("_message", "_message_"),
        ("_fm_fill", "_fm_fill_"),  # bound by every generated class
        ("_VALIDATE", "_VALIDATE_"),
        ("property", "property_"),  # read by the class body
        ("mro", "mro_"),  # the metaclass's
        ("__init__", "__init___"),  # Python's: as many `_` as it takes to end in three
        ("__x", "__x___"),  # mangled inside a class
        ("__x_", "__x___"),
        ("___", "___"),
        ("_", "_"),
    ],
)
def test_idl_family_field_names(proto_name: str, python_name: str) -> None:
    assert naming.field_name(proto_name, MESSAGE_RESERVED) == python_name


@pytest.mark.parametrize(
    ("proto_name", "python_name"),
    [
        ("RUNNING", "RUNNING"),
        ("None", "None_"),
        ("name", "name_"),  # Enum's
        ("bit_length", "bit_length_"),  # int's
        ("is_integer", "is_integer_"),  # int's from Python 3.12: the same name on every Python
        ("enum_to_string", "enum_to_string_"),  # the runtime's OpenEnum
        ("_missing_", "_missing__"),  # a _sunder_ name the enum module reads
        ("_order_", "_order__"),
        ("_x_", "_x__"),  # any _sunder_ name: the enum module keeps them all
        ("_x", "_x"),
        ("__deep", "__deep___"),
        ("mro", "mro_"),
    ],
)
def test_enum_value_names(proto_name: str, python_name: str) -> None:
    assert naming.enum_value_name(proto_name, ENUM_RESERVED) == python_name


@pytest.mark.parametrize(
    ("field", "prop", "attribute"),
    [
        ("id", "id", "_id"),  # flytekit's spelling
        ("PB", "PB", "_PB_"),  # the message class
        ("fm_pb", "fm_pb", "_fm_pb_"),  # a read model's message
        ("SHAPES", "SHAPES", "_SHAPES_"),
        ("fm_read", "fm_read", "_fm_read_"),  # the generated converter
        ("EAGER", "EAGER", "_EAGER_"),
        ("fm_public", "fm_public", "_fm_public_"),  # the unread subclass's
        ("FM_UNREAD", "FM_UNREAD", "_FM_UNREAD_"),
        ("fm_hashed", "fm_hashed", "_fm_hashed_"),
        ("custom", "custom", "_custom"),  # a module name the class body reads is not a member of instances
        ("to_flyte_idl", "to_flyte_idl_", "_to_flyte_idl_"),  # a member: the property steps aside too
        ("short_class_string", "short_class_string_", "_short_class_string_"),  # the metaclass's
        ("property", "property_", "_property_"),  # read by the class body
        ("_get", "_get_", "__get___"),
        ("_hidden", "_hidden", "__hidden___"),  # not __hidden, which Python would mangle
        ("from", "from_", "_from_"),
        ("_init", "_init", "__init___"),  # past __init (mangled) and __init__ (Python's)
    ],
)
def test_flytekit_family_property_and_attribute_names(field: str, prop: str, attribute: str) -> None:
    assert naming.field_name(field, COMPAT_RESERVED) == prop
    assert naming.compat_attribute(prop, COMPAT_MEMBERS) == attribute


def test_an_attribute_steps_aside_from_the_classes_own_names() -> None:
    """Its class's properties, nested classes, constants and earlier attributes are taken too."""
    assert naming.compat_attribute("a", COMPAT_MEMBERS | {"_a"}) == "_a_"
    assert naming.compat_attribute("a", COMPAT_MEMBERS | {"_a", "_a_"}) == "_a__"


# -- the reserved names cover the runtime's classes -------------------------------------------------------------


def test_members_reads_a_class_its_bases_and_its_metaclass() -> None:
    """What a runtime class gains is reserved at once; Python's classes count by ``PYTHON_MEMBERS``."""

    class Meta(type):
        def meta_method(cls) -> None: ...

    class Base(metaclass=Meta):
        declared: ClassVar[int]  # declared without a value: not in vars() or dir()

        def _added_later(self) -> None: ...

    class Sub(Base):
        pass

    found = naming.members(Sub)
    assert {"declared", "_added_later", "meta_method", "mro"} <= found
    assert "bit_length" not in found and "__init__" not in found  # int is not a base; object's are dunders


def every_member(cls: type) -> set[str]:
    """What a class and its metaclass answer for, by every means Python offers (dir() leaves some out)."""
    found = set(dir(cls)) | set(dir(type(cls)))
    for klass in (*cls.__mro__, *type(cls).__mro__):
        found |= vars(klass).keys() | inspect.get_annotations(klass).keys()
    return {name for name in found if name.isidentifier()}


def test_every_member_of_the_runtime_message_is_renamed_away_from() -> None:
    members = every_member(Message)
    assert {"_values", "_message", "_fm_fill", "_fm_new", "_fm_into", "_PB", "_IDL_PB"} <= members
    assert sorted(name for name in members if naming.field_name(name, MESSAGE_RESERVED) == name) == []


def test_every_member_of_the_runtime_enum_is_renamed_away_from() -> None:
    members = every_member(OpenEnum) | {"name", "value"}
    assert sorted(name for name in members if naming.enum_value_name(name, ENUM_RESERVED) == name) == []


class _Probe(FlytekitModel):
    """A class of a flytekit-like family, for its unread subclass."""

    _SHAPES: ClassVar[dict[str, Any]] = {"_a": object()}


def test_every_member_of_the_flytekit_family_is_renamed_away_from() -> None:
    members = every_member(FlytekitModel) | (vars(unread.unread_class(_Probe)).keys() - {"_a"})
    assert {"_PB", "_SHAPES", "_fm_pb", "_fm_read", "_FM_UNREAD", "_fm_public", "short_class_string"} <= members
    assert sorted(members - COMPAT_MEMBERS - {name for name in members if naming.python_refuses(name)}) == []
    assert sorted(name for name in members if naming.field_name(name, COMPAT_RESERVED) == name) == []


def python_classes() -> Iterator[type]:
    for base in (Message, OpenEnum, FlytekitModel):
        for klass in (*base.__mro__, *type(base).__mro__):
            if not klass.__module__.startswith("flytemodels."):
                yield klass


@pytest.mark.parametrize("klass", sorted(set(python_classes()), key=str), ids=str)
def test_python_members_lists_every_python_class_among_the_bases_and_what_it_has(klass: type) -> None:
    """Data, so the output does not depend on the Python that generates it; here it must cover this Python."""
    listed = naming.PYTHON_MEMBERS.get(f"{klass.__module__}.{klass.__qualname__}")
    assert listed is not None, f"add {klass.__module__}.{klass.__qualname__} to naming.PYTHON_MEMBERS"
    in_enum = issubclass(klass, enum.Enum) or issubclass(klass, enum.EnumType)
    own = {
        name
        for name in vars(klass)
        if not (name.startswith("__") and name.endswith("__")) and not (in_enum and naming.is_sunder(name))
    }
    assert sorted(own - listed) == []


# -- the reserved names cover what the templates generate -----------------------------------------------------


def class_bodies(root: Path, marker: str) -> Iterator[tuple[ast.Module, ast.ClassDef]]:
    """Every class, at any depth, of the modules under ``root`` whose body assigns ``marker``."""
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        pending = [node for node in tree.body if isinstance(node, ast.ClassDef)]
        while pending:
            node = pending.pop()
            pending += [child for child in node.body if isinstance(child, ast.ClassDef)]
            if marker in bound(node):
                yield tree, node


def bound(node: ast.ClassDef) -> dict[str, ast.stmt]:
    """Names the class body binds, with the statement binding each."""
    found: dict[str, ast.stmt] = {}
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef | ast.ClassDef):
            found[statement.name] = statement
        elif isinstance(statement, ast.Assign):
            found.update((target.id, statement) for target in statement.targets if isinstance(target, ast.Name))
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            found[statement.target.id] = statement
    return found


def read_while_running(node: ast.ClassDef, module: ast.Module) -> set[str]:
    """Names the class body reads as it runs (not in methods), other than those it binds itself."""
    evaluated: list[ast.AST | None] = []
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef) and statement.name == "__init__":
            evaluated += statement.decorator_list  # a compatibility table's defaults are its own (Timestamp())
        elif isinstance(statement, ast.FunctionDef):
            evaluated += [*statement.decorator_list, *statement.args.defaults, *statement.args.kw_defaults]
        elif isinstance(statement, ast.ClassDef):
            evaluated += [*statement.decorator_list, *statement.bases, *statement.keywords]
        elif isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
            evaluated.append(statement.value)
    names = {n.id for part in evaluated if part is not None for n in ast.walk(part) if isinstance(n, ast.Name)}
    return names - bound(node).keys()


def module_names(module: ast.Module | ast.If) -> set[str]:
    """Names bound at module level, in either branch of an ``if`` (``if TYPE_CHECKING: ... else: ...``)."""
    found: set[str] = set()
    for statement in [*module.body, *(module.orelse if isinstance(module, ast.If) else ())]:
        if isinstance(statement, ast.Import | ast.ImportFrom):
            found |= {alias.asname or alias.name.split(".")[0] for alias in statement.names}
        elif isinstance(statement, ast.Assign):
            found |= {target.id for target in statement.targets if isinstance(target, ast.Name)}
        elif isinstance(statement, ast.If):
            found |= module_names(statement)
    return found


def is_property(statement: ast.stmt) -> bool:
    if isinstance(statement, ast.FunctionDef):
        return any(isinstance(d, ast.Name) and d.id == "property" for d in statement.decorator_list)
    value = statement.value if isinstance(statement, ast.Assign) else None
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "property"


IDL_TREES = [EXPECTED / "goldenmodels", EXPECTED / "goldenmethods", REPO / "generated" / "flytemodels" / "core"]


def test_a_generated_message_class_binds_and_reads_only_names_the_idl_family_reserves() -> None:
    """Beside its fields (properties), nested types, extension handles and its fields' own attributes."""
    seen = 0
    for root in IDL_TREES:
        for module, node in class_bodies(root, "_FIELDS"):
            seen += 1
            members = bound(node)
            fields = {name for name, statement in members.items() if is_property(statement)}
            nested = {name for name, statement in members.items() if isinstance(statement, ast.ClassDef)}
            handles = {name for name, statement in members.items() if isinstance(statement, ast.AnnAssign)}
            attributes = {name for name in members if name.startswith(("_fm_model_", "_fm_members_"))}
            generated = members.keys() - fields - nested - handles - attributes
            assert sorted(generated - naming.MESSAGE_CLASS_NAMES) == [], node.name
            # The module's own names (_fast, _pb2) step aside from the file's (naming.Privates); builtins cannot.
            assert sorted(read_while_running(node, module) - module_names(module) - naming.MESSAGE_CLASS_NAMES) == []
    assert seen > 100


def test_a_generated_enum_class_binds_only_names_the_idl_family_reserves() -> None:
    for root in IDL_TREES:
        for _, node in class_bodies(root, "__qualname__"):
            if not any(isinstance(base, ast.Name) and base.id.startswith("_OpenEnum") for base in node.bases):
                continue
            members = bound(node)
            values = {name for name, statement in members.items() if isinstance(statement.value, ast.Constant)}
            assert sorted(members.keys() - values - naming.ENUM_CLASS_NAMES) == [], node.name


COMPAT_TREES = [EXPECTED / "goldencompat", REPO / "generated" / "flytemodels" / "flytekit"]


def test_a_generated_flytekit_family_class_binds_and_reads_only_names_the_family_reserves() -> None:
    """Beside its properties, constants, nested classes and holders (the table's), and dataclass fields."""
    seen = 0
    for root in COMPAT_TREES:
        for module, node in class_bodies(root, "_SHAPES"):
            seen += 1
            members = bound(node)
            table = {
                name
                for name, statement in members.items()
                if is_property(statement)
                or isinstance(statement, ast.ClassDef | ast.AnnAssign)
                or (isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Constant))
            }
            assert sorted(members.keys() - table - naming.COMPAT_CLASS_NAMES) == [], node.name
            # The _pb2 aliases are read by `_PB = ...` only, before any property is bound.
            read = {name for name in read_while_running(node, module) if not name.endswith("_pb2")}
            assert sorted(read - naming.COMPAT_BODY_NAMES) == [], node.name
    assert seen > 100
