"""What mypy needs to read the ``_pb2`` modules a generated tree imports (``python -m codegen mypy-config``).

A generated tree imports ``_pb2`` modules: its own IDL's, and those of the types
its fields name from other packages (``google.rpc``). mypy reads them in one of
three ways, decided by what the installed package ships (PEP 561):

- ``py.typed`` and ``.pyi`` stubs (opentelemetry-proto), or a stub package
  (``types-protobuf``'s ``google-stubs``): nothing to configure;
- ``.pyi`` stubs without ``py.typed`` (flyteidl, googleapis-common-protos):
  ``follow_untyped_imports = true`` lets mypy read them;
- no stubs (tensorflow-metadata): protoc's ``_pb2.py`` defines its classes at
  run time, which mypy cannot see, so the modules are ``Any`` to it
  (``ignore_missing_imports``, ``follow_imports = "skip"``).

Each module is looked up where ``import`` would find it (``sys.path``), and the
overrides come out as ``[[tool.mypy.overrides]]`` blocks for ``pyproject.toml``,
one per way, each module pattern the package that holds the modules.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from codegen.model.nodes import Tree


class Typing(enum.Enum):
    """How mypy can read one ``_pb2`` module installed here."""

    TYPED = "typed"
    UNMARKED_STUBS = "unmarked stubs"
    UNTYPED = "untyped"
    MISSING = "missing"


#: The overrides each way needs, and the comment that says why.
_SETTINGS: dict[Typing, tuple[str, tuple[tuple[str, str], ...]]] = {
    Typing.UNMARKED_STUBS: (
        ".pyi stubs beside the _pb2 modules, but no py.typed marker: mypy reads the stubs when told to.",
        (("follow_untyped_imports", "true"),),
    ),
    Typing.UNTYPED: (
        "no stubs: protoc's _pb2.py builds its classes at run time, so they are Any to mypy.",
        (("ignore_missing_imports", "true"), ("follow_imports", '"skip"')),
    ),
}


@dataclass(frozen=True, slots=True)
class Override:
    """One ``[[tool.mypy.overrides]]`` block: module patterns and the settings they need."""

    typing: Typing
    modules: tuple[str, ...]  # "flyteidl.*"

    def toml(self) -> str:
        reason, settings = _SETTINGS[self.typing]
        modules = ", ".join(f'"{module}"' for module in self.modules)
        lines = ["[[tool.mypy.overrides]]", f"# {reason}", f"module = [{modules}]"]
        return "\n".join([*lines, *(f"{key} = {value}" for key, value in settings)]) + "\n"


def pb2_modules(tree: Tree) -> set[str]:
    """Every ``_pb2`` module the tree's generated code imports, at run time or for annotations."""
    found: set[str] = set()
    for file in tree.files:
        imports = (file.pb2_import, *file.pb2_imports) if file.has_messages else ()
        found.update(imp.module for imp in (*imports, *file.typing_imports) if imp.module.endswith("_pb2"))
    return found


def classify(module: str, roots: Sequence[Path]) -> Typing:
    """How mypy reads ``module``: from the first of ``roots`` (``sys.path``) that holds it."""
    parts = module.split(".")
    for root in roots:
        if root.joinpath(f"{parts[0]}-stubs", *parts[1:]).with_suffix(".pyi").is_file():
            return Typing.TYPED
        where = root.joinpath(*parts)
        if not where.with_suffix(".py").is_file() and not where.with_suffix(".pyi").is_file():
            continue
        if not where.with_suffix(".pyi").is_file():
            return Typing.UNTYPED
        marked = any(root.joinpath(*parts[:depth], "py.typed").is_file() for depth in range(1, len(parts)))
        return Typing.TYPED if marked else Typing.UNMARKED_STUBS
    return Typing.MISSING


def pattern(module: str, roots: Sequence[Path]) -> str:
    """The package to name for ``module``: its first regular package (``flyteidl.*``), else its own (``google.rpc.*``).

    A namespace package (``google``) is shared by distributions that need different settings.
    """
    parts = module.split(".")
    for depth in range(1, len(parts)):
        package = parts[:depth]
        if any(root.joinpath(*package, "__init__.py").is_file() for root in roots):
            return ".".join(package) + ".*"
    return ".".join(parts[:-1]) + ".*"


def overrides(modules: Iterable[str], roots: Sequence[Path] | None = None) -> tuple[list[Override], list[str]]:
    """The blocks ``modules`` need (one per way, patterns sorted), and the modules not installed here."""
    searched = roots if roots is not None else [Path(entry) for entry in sys.path if entry]
    patterns: dict[Typing, set[str]] = {}
    missing = []
    for module in sorted(modules):
        typing = classify(module, searched)
        if typing is Typing.MISSING:
            missing.append(module)
        elif typing is not Typing.TYPED:
            patterns.setdefault(typing, set()).add(pattern(module, searched))
    blocks = [Override(typing, _outermost(patterns[typing])) for typing in _SETTINGS if typing in patterns]
    return blocks, missing


def _outermost(patterns: set[str]) -> tuple[str, ...]:
    """``google.rpc.*`` covers ``google.rpc.context.*``: keep only patterns no other one covers."""
    prefixes = {p.removesuffix("*") for p in patterns}
    kept = {p for p in prefixes if not any(p != q and p.startswith(q) for q in prefixes)}
    return tuple(sorted(p + "*" for p in kept))
