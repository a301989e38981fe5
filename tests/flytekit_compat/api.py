"""The API comparison: every public class of ``flytekit.models`` against ``flytemodels.flytekit``.

A flytekit class is paired with the attribute of the same qualified name in the
``flytemodels.flytekit`` module of the same path. The pair is then compared on:

- the constructor: flytekit's parameters must come first, with the same names,
  order and kinds; a default flytekit has must be ours too (equal, or ``None``
  standing for a falsy proto default); we may add trailing optional parameters
  (IDL fields flytekit drops) and may default what flytekit requires;
- the public attributes: every one flytekit has, we have;
- enum holder classes (flytekit's plain classes of int constants, or its
  ``enum.Enum`` classes): every constant, with its value.

Nested public classes are compared as rows of their own (``Schedule.FixedRate``).
"""

from __future__ import annotations

import enum
import importlib
import inspect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from google.protobuf.message import Message as PbMessage

#: The ``flytekit.models`` modules the drop-in mirrors (issue 3).
MODULES = (
    "common",
    "execution",
    "literals",
    "types",
    "interface",
    "task",
    "launch_plan",
    "schedule",
    "security",
    "matchable_resource",
    "node_execution",
    "project",
    "named_entity",
    "filters",
    "dynamic_job",
    "documentation",
    "annotation",
    "array_job",
    "concurrency",
    "presto",
    "qubole",
    "domain",
    "event",
    "workflow_closure",
    "admin.common",
    "admin.task_execution",
    "admin.workflow",
    "core.catalog",
    "core.compiler",
    "core.condition",
    "core.errors",
    "core.execution",
    "core.identifier",
    "core.types",
    "core.workflow",
)


class Status(enum.Enum):
    """Where a class stands; ``DIFFERS`` is a failure (an undocumented difference)."""

    SAME = "same"
    COMPATIBLE = "compatible"
    DEVIATION = "deviation"
    DIFFERS = "differs"
    MISSING = "missing"


@dataclass(frozen=True)
class Pair:
    """One flytekit class and ours (``None`` when we have none yet)."""

    module: str
    qualname: str
    flytekit: type
    ours: Any
    nested: bool

    @property
    def key(self) -> str:
        return f"{self.module}.{self.qualname}"


@dataclass
class Comparison:
    """What differs between the two classes of a pair.

    ``differences`` break flytekit code; ``relaxations`` do not (we accept more).
    """

    differences: list[str] = field(default_factory=list)
    relaxations: list[str] = field(default_factory=list)


def pairs() -> list[Pair]:
    """Every public class (and nested public class) of every mirrored module, in module order."""
    found: list[Pair] = []
    for module in MODULES:
        flytekit_module = importlib.import_module(f"flytekit.models.{module}")
        try:
            ours_module: Any = importlib.import_module(f"flytemodels.flytekit.{module}")
        except ModuleNotFoundError:
            ours_module = None
        for name, cls in vars(flytekit_module).items():
            if _is_public_class(name, cls) and cls.__module__ == flytekit_module.__name__:
                found.extend(_walk(module, name, cls, getattr(ours_module, name, None), nested=False))
    return found


def _walk(module: str, qualname: str, cls: type, ours: Any, nested: bool) -> Iterator[Pair]:
    yield Pair(module, qualname, cls, ours, nested)
    for name, inner in vars(cls).items():
        if _is_public_class(name, inner):
            inner_ours = getattr(ours, name, None) if ours is not None else None
            yield from _walk(module, f"{qualname}.{name}", inner, inner_ours, nested=True)


def _is_public_class(name: str, value: object) -> bool:
    return inspect.isclass(value) and not name.startswith("_")


def compare(pair: Pair) -> Comparison:
    """The differences and relaxations between flytekit's class and ours (which must exist)."""
    result = Comparison()
    fk, ours = pair.flytekit, pair.ours
    # hasattr, not dir(): an enum class's dir() leaves out its methods (enum_to_string).
    missing = sorted(name for name in public_attributes(fk) if not hasattr(ours, name))
    if missing:
        result.differences.append("no attribute " + ", ".join(f"`{name}`" for name in missing))
    if is_holder(fk):
        _compare_constants(fk, ours, result)
    elif not issubclass(fk, type):
        _compare_signatures(fk, ours, result)
    return result


def public_attributes(cls: type) -> set[str]:
    """The public names of a class (inherited ones included), nested classes excepted."""
    return {name for name in dir(cls) if not name.startswith("_") and not inspect.isclass(getattr(cls, name, None))}


def is_holder(cls: type) -> bool:
    """flytekit's enum stand-in: a plain class of int constants, never instantiated, or an ``enum.Enum``."""
    if issubclass(cls, enum.Enum):
        return True
    return cls.__init__ is object.__init__ and bool(constants(cls)) and not issubclass(cls, type)


def constants(cls: type) -> dict[str, int]:
    if issubclass(cls, enum.Enum):
        return {member.name: member.value for member in cls}
    return {
        name: value
        for name, value in vars(cls).items()
        if name.isupper() and isinstance(value, int) and not isinstance(value, bool)
    }


def _compare_constants(fk: type, ours: Any, result: Comparison) -> None:
    for name, value in constants(fk).items():
        have = getattr(ours, name, None)
        if have is None:
            result.differences.append(f"no constant `{name}`")
        elif have != value:
            result.differences.append(f"`{name}` is {have!r}, flytekit's is {value!r}")


def _compare_signatures(fk: type, ours: Any, result: Comparison) -> None:
    theirs = _parameters(fk)
    mine = _parameters(ours)
    if theirs is None or mine is None:
        return
    for index, param in enumerate(theirs):
        if index >= len(mine):
            result.differences.append(f"no parameter `{param.name}`")
            continue
        _compare_parameter(param, mine[index], result)
    extra = mine[len(theirs) :]
    required = [param.name for param in extra if _required(param)]
    if required:
        result.differences.append("extra required parameters " + ", ".join(f"`{name}`" for name in required))
    if extra:
        result.relaxations.append("extra optional parameters " + ", ".join(f"`{param.name}`" for param in extra))


def _parameters(cls: Any) -> list[inspect.Parameter] | None:
    try:
        return list(inspect.signature(cls).parameters.values())
    except (TypeError, ValueError):
        return None


def _required(param: inspect.Parameter) -> bool:
    variadic = (param.VAR_POSITIONAL, param.VAR_KEYWORD)
    return param.default is param.empty and param.kind not in variadic


def _compare_parameter(theirs: inspect.Parameter, mine: inspect.Parameter, result: Comparison) -> None:
    if theirs.name != mine.name or theirs.kind != mine.kind:
        result.differences.append(f"parameter `{mine.name}` where flytekit has `{theirs.name}`")
    elif theirs.default is theirs.empty:
        if mine.default is not mine.empty:
            result.relaxations.append(f"`{mine.name}` is optional")
    elif mine.default is mine.empty:
        result.differences.append(f"`{mine.name}` is required, flytekit defaults it to {theirs.default!r}")
    elif not _same_default(theirs.default, mine.default):
        result.differences.append(f"`{mine.name}` defaults to {mine.default!r}, flytekit's to {theirs.default!r}")


def _same_default(theirs: Any, mine: Any) -> bool:
    if isinstance(theirs, enum.Enum):  # flytekit's enum.Enum members stand for their int values
        theirs = theirs.value
    if mine is None:  # "unset": the proto default, which is falsy (an empty message included)
        if isinstance(theirs, PbMessage):
            return theirs.ByteSize() == 0
        return theirs is None or (not theirs and isinstance(theirs, (bool, int, float, str, bytes)))
    try:
        return bool(theirs == mine)
    except Exception:
        return False
