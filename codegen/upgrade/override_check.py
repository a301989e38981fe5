"""The override check: does the hand-written code in ``src/`` still fit the IDL?

Every override module (``<overrides dir>/core/literals.py`` mirrors
``<proto_root>/core/literals.proto``; modules and directories starting with
``_`` are helpers) is parsed, never imported, and every use of the IDL in it is
resolved against the IDL's surface (``codegen.upgrade.surface``). Uses are found by
their shape; what has none of these shapes is not checked:

- Imports: ``from <package>.<module> import Name`` (``Name`` must be a top-level
  message or enum of the module's proto file, or ``<Message>Base``) and
  ``from <package>.<dir> import module`` (the module must model a proto file).
- Attribute chains from those names, from ``self``/``cls`` in override methods
  and from parameters annotated with a model class: ``SimpleType.STRING``,
  ``ScheduleBase.FixedRateBase``, ``self.collection.bindings``,
  ``annotation.annotations``. On a message each step must be a field (by its
  Python name), a nested type, or a member of the runtime's ``Message`` or of
  an override of that message; on an enum, a value or a member of ``OpenEnum``.
  A singular field of message or enum type continues the chain with its type.
  A name starting with ``_`` ends the chain, except ``self._pb.<proto field>``.
- Field names in strings: ``self._get("f")``, ``self._pb.HasField("f")`` and
  ``ClearField``, and the configured field helpers (``[overrides] field_helpers``):
  ``helper(self, "f", ...)``, ``helper(self, {"f": ...})``, ``helper(self, dict(f=...))``,
  including a local variable holding such a dict and its ``.update(f=...)`` calls,
  and ``locals()`` (the function's parameters, as at the top of a constructor).
- Oneof names in strings: ``self.which_oneof("o")``, ``self._pb.WhichOneof("o")``,
  and ``helper(self, "o")`` for the configured oneof helpers (``oneof_helpers``).
- Keywords of ``super().__init__(f=...)``, ``<Name>Base.__init__(self, f=...)``
  and of calls of model classes that keep the generated constructor
  (``KeyValuePair(key=...)``; not an override that defines ``__init__``).
- Every public class of an override module must name a message of its file
  (a nested class: a nested message of its parent's), and every override module
  must mirror a proto file.

A use of something the IDL does not have is an error. Given the surface the
overrides were last generated against (the record in ``generated/``), a use of
a field, oneof, enum value or type that changed since (type, label, presence,
oneof, members, number, file) is reported for review, as is a property an override
defines for a field the IDL has since removed. Other expressions are not typed
here; ``mypy --strict`` over ``src`` and the regenerated tree checks the rest.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from codegen.inputs.config import Config
from codegen.upgrade.override_idl import Idl, Kind, Ref, Step, Use, runtime_members
from codegen.upgrade.surface import Surface


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path
    line: int
    message: str
    review: bool = False  # True: still valid, but what it uses changed; False: broken
    element: str | None = None  # the full proto name (or file) at issue, when there is one

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {'review' if self.review else 'error'}: {self.message}"


def check(config: Config, new: Surface, old: Surface | None = None) -> list[Problem]:
    """Every problem in the override modules of ``config``, sorted by file and line."""
    if config.overrides_dir is None or not config.overrides_dir.is_dir():
        return []
    idl = Idl(config, new, old, runtime_members(config.runtime, config.methods.names))
    parsed = {path: _parse(path) for path in _override_modules(config.overrides_dir)}
    modules = [_Module(idl, path, _module_name(config, path), tree) for path, tree in parsed.items()]
    for module in modules:
        module.learn()
    problems = [tree for tree in parsed.values() if isinstance(tree, Problem)]
    for module in modules:
        problems += module.check()
    return sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))


def _override_modules(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*.py")):
        if not any(part.startswith("_") for part in path.relative_to(directory).parts):
            yield path


def _module_name(config: Config, path: Path) -> str:
    """The generated module an override module mirrors: ``core/literals.py`` → ``<package>.core.literals``."""
    assert config.overrides_dir is not None
    return ".".join((config.package, *path.relative_to(config.overrides_dir).with_suffix("").parts))


def _parse(path: Path) -> ast.Module | Problem:
    try:
        return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as error:
        return Problem(path, error.lineno or 1, f"cannot parse: {error.msg}")


class _Module:
    """One override module: its imports, its override classes and every use of the IDL in them."""

    def __init__(self, idl: Idl, path: Path, mirrors: str, tree: ast.Module | Problem) -> None:
        self.idl, self.path, self.mirrors = idl, path, mirrors
        self.tree = tree if isinstance(tree, ast.Module) else None
        self.names: dict[str, Ref] = {}
        self.classes: list[tuple[ast.ClassDef, str]] = []  # (class, message full name), nested ones too
        self.problems: list[Problem] = []
        self.uses: list[tuple[Use, int]] = []

    def learn(self) -> None:
        """Find the override classes, so other modules know their members and constructors."""
        if self.tree is None:
            return
        found = self.idl.module(self.mirrors)
        if found is None or found.ref is None or found.ref.file is None:
            self._error(1, f"mirrors {self.mirrors}, which models no proto file of the IDL")
            return
        for node in self.tree.body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                full = self.idl.full_name(found.ref.file, node.name)
                if self._learn_class(node, full, found.ref.file):
                    self.names[node.name] = Ref(Kind.CLASS, full)

    def _learn_class(self, node: ast.ClassDef, full: str, where: str) -> bool:
        if full not in self.idl.new.messages:
            gone = self.idl.old is not None and full in self.idl.old.messages
            self._error(node.lineno, f"class {node.name} overrides {full}, which {where} {_defines(gone)}", full)
            return False
        self.idl.learn(full, node)
        self.classes.append((node, full))
        for child in node.body:
            nested = f"{full}.{child.name}" if isinstance(child, ast.ClassDef) else ""
            if nested in self.idl.new.messages or (self.idl.old is not None and nested in self.idl.old.messages):
                assert isinstance(child, ast.ClassDef)
                self._learn_class(child, nested, full)
        return True

    def check(self) -> list[Problem]:
        if self.tree is None:
            return self.problems
        self._imports()
        overrides = {id(node) for node, _ in self.classes}
        for node, full in self.classes:
            self._class(node, full, overrides)
        for statement in self.tree.body:
            if id(statement) not in overrides:
                _Scope(self, None, statement).walk(statement)
        for use, line in self.uses:
            changed = self.idl.review(use)
            if changed:
                message = f"uses {_describe(use)}, and {changed}"
                self.problems.append(Problem(self.path, line, message, review=True, element=_describe(use)))
        return self.problems

    def _imports(self) -> None:
        assert self.tree is not None
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found = self.idl.module(node.module)
                if found is None:
                    continue
                if found.ref is None:
                    self._error(node.lineno, found.error or "")
                    continue
                for alias in node.names:
                    step = self.idl.attribute(found.ref, alias.name)
                    self._record(step, node.lineno)
                    if step.ref is not None:
                        self.names[alias.asname or alias.name] = step.ref
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    found = self.idl.module(alias.name)
                    if found is not None and alias.asname:
                        self._record(found, node.lineno)
                        if found.ref is not None:
                            self.names[alias.asname] = found.ref

    def _class(self, node: ast.ClassDef, full: str, overrides: set[int]) -> None:
        for name in sorted(self.idl.removed_fields(full) & set(_property_names(node))):
            line = next(s.lineno for s in node.body if isinstance(s, ast.FunctionDef) and s.name == name)
            message = f"{node.name} defines {name!r} for a field {full} no longer has"
            self.problems.append(Problem(self.path, line, message, review=True, element=f"{full}.{name}"))
        for statement in node.body:
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                _Scope(self, full, statement).walk(statement)
            elif id(statement) not in overrides:  # nested overrides are classes of their own
                _Scope(self, None, statement).walk(statement)
        for base in node.bases:
            _Scope(self, None, base).walk(base)

    def _record(self, step: Step, line: int) -> None:
        if step.error is not None:
            self._error(line, step.error, step.element)
        if step.use is not None:
            self.uses.append((step.use, line))

    def _error(self, line: int, message: str, element: str | None = None) -> None:
        self.problems.append(Problem(self.path, line, message, element=element))


def _defines(gone: bool) -> str:
    return "no longer defines" if gone else "does not define"


def _property_names(node: ast.ClassDef) -> Iterator[str]:
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef) and any(
            isinstance(d, ast.Name) and d.id == "property" for d in statement.decorator_list
        ):
            yield statement.name


def _describe(use: Use) -> str:
    return f"{use.owner}.{use.name}" if use.what != "type" else use.owner


class _Scope:
    """One function (or statement) of an override module: resolves its expressions once each."""

    def __init__(self, module: _Module, message: str | None, node: ast.AST) -> None:
        self.module, self.message, self.idl = module, message, module.idl
        self.locals: dict[str, Ref] = {}
        self.resolved: dict[int, Ref | None] = {}
        self.function = node if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) else None
        if self.function is not None:
            self._bind_parameters(self.function)

    def _bind_parameters(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        arguments = [*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs]
        decorators = {d.id for d in function.decorator_list if isinstance(d, ast.Name)}
        if self.message is not None and arguments and "staticmethod" not in decorators:
            kind = Kind.CLASS if "classmethod" in decorators else Kind.INSTANCE
            self.locals[arguments[0].arg] = Ref(kind, self.message)
            arguments = arguments[1:]
        for argument in arguments:
            annotated = _annotated_type(argument.annotation)
            ref = self.resolve(annotated) if annotated is not None else None
            if ref is not None and ref.kind is Kind.CLASS and not ref.is_enum:
                self.locals[argument.arg] = Ref(Kind.INSTANCE, ref.name)

    def walk(self, node: ast.AST) -> None:
        for child in ast.walk(node):
            if isinstance(child, ast.Attribute):
                self.resolve(child)
            elif isinstance(child, ast.Call):
                self._call(child)

    def resolve(self, node: ast.expr) -> Ref | None:
        key = id(node)
        if key not in self.resolved:
            self.resolved[key] = self._resolve(node)
        return self.resolved[key]

    def _resolve(self, node: ast.expr) -> Ref | None:
        if isinstance(node, ast.Name):
            return self.locals.get(node.id) or self.module.names.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self.resolve(node.value)
            if base is None:
                return None
            step = self.idl.attribute(base, node.attr)
            self.module._record(step, node.lineno)
            return step.ref
        return None

    def _call(self, node: ast.Call) -> None:
        function = node.func
        if isinstance(function, ast.Attribute):
            self._method_call(node, function)
        helper = function.id if isinstance(function, ast.Name) else None
        if helper is not None and node.args:
            target = self.resolve(node.args[0])
            if target is not None and target.kind is Kind.INSTANCE and not target.is_enum:
                self._helper_call(helper, target.name, node)
        callee = self.resolve(function)
        if (
            callee is not None
            and callee.kind is Kind.CLASS
            and not callee.is_enum
            and self.idl.constructor_checked(callee)
        ):
            self._keywords(callee.name, node)

    def _method_call(self, node: ast.Call, function: ast.Attribute) -> None:
        if function.attr == "__init__" and self._is_super(function.value):
            assert self.message is not None
            self._keywords(self.message, node)
            return
        owner = self.resolve(function.value)
        if owner is None or owner.is_enum or owner.kind not in (Kind.INSTANCE, Kind.RAW):
            if owner is not None and owner.kind is Kind.CLASS and function.attr == "__init__" and owner.generated:
                self._keywords(owner.name, node)
            return
        name = _string(node.args[0]) if node.args else None
        if name is None:
            return
        if function.attr in ("which_oneof", "WhichOneof"):
            self.module._record(self.idl.oneof(owner.name, name), node.lineno)
        elif function.attr in ("_get", "HasField", "ClearField"):
            self.module._record(self.idl.proto_field(owner.name, name), node.lineno)

    def _is_super(self, node: ast.expr) -> bool:
        return (
            self.message is not None
            and isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "super"
        )

    def _helper_call(self, helper: str, message: str, node: ast.Call) -> None:
        argument = node.args[1] if len(node.args) > 1 else None
        if argument is None:
            return
        if helper in self.idl.config.oneof_helpers:
            name = _string(argument)
            if name is not None:
                self.module._record(self.idl.oneof(message, name), node.lineno)
        elif helper in self.idl.config.field_helpers:
            name = _string(argument)
            keys = [(name, node.lineno)] if name is not None else self._dict_keys(argument, set())
            for key, line in keys:
                self.module._record(self.idl.proto_field(message, key), line)

    def _keywords(self, message: str, node: ast.Call) -> None:
        for keyword in node.keywords:
            if keyword.arg is not None:
                self.module._record(self.idl.python_field(message, keyword.arg), keyword.lineno)

    def _dict_keys(self, node: ast.expr, seen: set[str]) -> list[tuple[str, int]]:
        """The string keys of a dict expression, following local variables within the function."""
        if isinstance(node, ast.Dict):
            found = [(k.value, k.lineno) for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
            for key, value in zip(node.keys, node.values, strict=True):
                if key is None:
                    found += self._dict_keys(value, seen)
            return found
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
            return self._call_keys(node, seen)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "locals":
            return self._parameters()
        if isinstance(node, ast.Name) and node.id not in seen and self.function is not None:
            seen.add(node.id)
            return [key for value in _assigned(self.function, node.id) for key in self._dict_keys(value, seen)]
        return []

    def _parameters(self) -> list[tuple[str, int]]:
        """``locals()`` at the top of a constructor: its parameters, after ``self``."""
        if self.function is None:
            return []
        arguments = self.function.args
        named = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
        return [(a.arg, a.lineno) for a in named[1 if self.message is not None else 0 :]]

    def _call_keys(self, node: ast.Call, seen: set[str]) -> list[tuple[str, int]]:
        found = [(k.arg, k.lineno) for k in node.keywords if k.arg is not None]
        for value in [*node.args, *(k.value for k in node.keywords if k.arg is None)]:
            found += self._dict_keys(value, seen)
        return found


def _assigned(function: ast.AST, name: str) -> Iterator[ast.expr]:
    """What ``name`` is bound to in ``function``: assignments, and ``name.update(...)`` calls (as a call)."""
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            yield node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            if node.value is not None:
                yield node.value
        elif _is_update_of(node, name):
            assert isinstance(node, ast.Call)
            yield ast.Call(func=ast.Name(id="dict"), args=node.args, keywords=node.keywords)


def _is_update_of(node: ast.AST, name: str) -> bool:
    """``name.update(...)``."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute) or node.func.attr != "update":
        return False
    return isinstance(node.func.value, ast.Name) and node.func.value.id == name


def _annotated_type(annotation: ast.expr | None) -> ast.expr | None:
    """``X``, ``X | None`` or ``None | X`` → ``X``; anything else → None."""
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        sides = [annotation.left, annotation.right]
        others = [s for s in sides if not (isinstance(s, ast.Constant) and s.value is None)]
        return others[0] if len(others) == 1 else None
    return annotation if isinstance(annotation, ast.Name | ast.Attribute) else None


def _string(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
