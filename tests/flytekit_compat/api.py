"""The API comparison: every public name of every ``flytekit.models`` module against ``flytemodels.flytekit``.

Every module of ``flytekit.models`` (found by walking the package) is paired
with the ``flytemodels.flytekit`` module of the same path, and each public name
in it with ours of the same name:

- a class defined there (and each public class nested in it, as a row of its
  own: ``Schedule.FixedRate``) is compared on its constructor (flytekit's
  parameters first, with the same names, order, kinds and defaults; ours may
  add trailing keyword-only parameters, defaulting to ``None``, for IDL fields
  flytekit lacks, and nothing else), its public attributes (every one flytekit
  has, of the same kind: a property, with a setter where flytekit's has one, a
  method, a classmethod ...), and, for enum holders (flytekit's plain classes of
  int constants, or its ``enum.Enum`` classes), every constant and its value;
- any other name (a re-export: ``literals.Error``, ``task.BoolValue``,
  ``typing.Dict``) must be the counterpart of flytekit's object: our class of
  the same path where flytekit's is a ``flytekit.models`` class, the very same
  object otherwise.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import flytekit.models

from flytemodels._flytekit.entity import FlytekitModel

_FLYTEKIT = "flytekit.models"
_OURS = "flytemodels.flytekit"


def _modules() -> tuple[str, ...]:
    found = pkgutil.walk_packages(flytekit.models.__path__, f"{_FLYTEKIT}.")
    return tuple(sorted(info.name.removeprefix(f"{_FLYTEKIT}.") for info in found))


#: Every module of ``flytekit.models``, by its path below the package (``core.workflow``).
MODULES = _modules()


class Status(enum.Enum):
    """Where a name stands; ``DIFFERS`` and ``MISSING`` are failures unless the difference is ``PENDING``."""

    SAME = "same"
    DEVIATION = "deviation"
    PENDING = "pending"
    DIFFERS = "differs"
    MISSING = "missing"


class Kind(enum.Enum):
    CLASS = "class"
    NESTED = "nested class"
    REEXPORT = "re-export"


@dataclass(frozen=True)
class Pair:
    """One public name of a flytekit module and ours (``MISSING_NAME`` when we have none)."""

    module: str
    qualname: str
    flytekit: Any
    ours: Any
    kind: Kind

    @property
    def key(self) -> str:
        return f"{self.module}.{self.qualname}"

    @property
    def is_class(self) -> bool:
        return self.kind is not Kind.REEXPORT

    @property
    def is_model(self) -> bool:
        """Ours is a generated model (or its hand-written subclass): backed by a message."""
        return isinstance(self.ours, type) and issubclass(self.ours, FlytekitModel)


MISSING_NAME = object()


@dataclass
class Comparison:
    """What differs between the two sides of a pair (``differences``) and what ours adds (``extras``)."""

    differences: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)


def pairs() -> list[Pair]:
    """Every public name of every module, module by module: classes (with nested ones) first, then re-exports."""
    found: list[Pair] = []
    for module in MODULES:
        theirs = importlib.import_module(f"{_FLYTEKIT}.{module}")
        try:
            ours: Any = importlib.import_module(f"{_OURS}.{module}")
        except ModuleNotFoundError:
            ours = None
        reexports: list[Pair] = []
        for name, value in vars(theirs).items():
            if name.startswith("_") or inspect.ismodule(value):
                continue
            mine = getattr(ours, name, MISSING_NAME)
            if inspect.isclass(value) and value.__module__ == theirs.__name__:
                found.extend(_walk(module, name, value, mine, Kind.CLASS))
            else:
                reexports.append(Pair(module, name, value, mine, Kind.REEXPORT))
        found.extend(reexports)
    return found


def _walk(module: str, qualname: str, cls: type, ours: Any, kind: Kind) -> Iterator[Pair]:
    yield Pair(module, qualname, cls, ours, kind)
    for name, inner in vars(cls).items():
        if inspect.isclass(inner) and not name.startswith("_"):
            mine = getattr(ours, name, MISSING_NAME) if ours is not MISSING_NAME else MISSING_NAME
            yield from _walk(module, f"{qualname}.{name}", inner, mine, Kind.NESTED)


def counterpart(value: Any) -> Any:
    """Ours for a flytekit object: the class of the same path for a ``flytekit.models`` class, else itself."""
    module = getattr(value, "__module__", None)
    if not (inspect.isclass(value) and module and module.startswith(f"{_FLYTEKIT}.")):
        return value
    found: Any = importlib.import_module(_OURS + module.removeprefix(_FLYTEKIT))
    for part in value.__qualname__.split("."):
        found = getattr(found, part, MISSING_NAME)
        if found is MISSING_NAME:
            return MISSING_NAME
    return found


def compare(pair: Pair) -> Comparison:
    """The differences between flytekit's object and ours (which must exist), and what ours adds."""
    result = Comparison()
    fk, ours = pair.flytekit, pair.ours
    if pair.kind is Kind.REEXPORT:
        expected = counterpart(fk)
        if ours is not expected:
            result.differences.append(f"is {ours!r}, not {expected!r}")
        return result
    if not inspect.isclass(ours):
        result.differences.append(f"is {ours!r}, not a class")
        return result
    _compare_attributes(fk, ours, result)
    if is_holder(fk):
        _compare_constants(fk, ours, result)
    elif not issubclass(fk, type):
        _compare_signatures(fk, ours, result)
    return result


# -- attributes --------------------------------------------------------------------------------


def public_attributes(cls: type) -> dict[str, str]:
    """The public names of a class (inherited ones included), nested classes excepted, with their kinds."""
    names = (name for name in dir(cls) if not name.startswith("_"))
    return {name: kind for name in names if (kind := attribute_kind(cls, name)) != "class"}


def attribute_kind(cls: type, name: str) -> str:
    """What ``cls.name`` is: ``property``, ``property with setter``, ``classmethod``, ``method`` ..."""
    for klass in cls.__mro__:
        if name in vars(klass):
            raw = vars(klass)[name]
            break
    else:  # an enum's members and methods come from its metaclass
        raw = getattr(cls, name, None)
    if isinstance(raw, property):
        return "property with setter" if raw.fset is not None else "property"
    if isinstance(raw, classmethod):
        return "classmethod"
    if isinstance(raw, staticmethod):
        return "staticmethod"
    if inspect.isclass(raw):
        return "class"
    if inspect.isfunction(raw) or inspect.ismethod(raw):
        return "method"
    return "attribute"


def _compare_attributes(fk: type, ours: type, result: Comparison) -> None:
    theirs = public_attributes(fk)
    missing = sorted(name for name in theirs if not hasattr(ours, name))
    if missing:
        result.differences.append("no attribute " + ", ".join(f"`{name}`" for name in missing))
    for name, kind in sorted(theirs.items()):
        if name in missing:
            continue
        mine = attribute_kind(ours, name)
        if mine != kind and not _same_kind(kind, mine):
            result.differences.append(f"`{name}` is a {mine}, flytekit's a {kind}")


def _same_kind(theirs: str, mine: str) -> bool:
    # a property flytekit has without a setter may be one with a setter here (we accept more)
    return theirs == "property" and mine == "property with setter"


# -- enum holders -----------------------------------------------------------------------------


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


def _compare_constants(fk: type, ours: type, result: Comparison) -> None:
    if issubclass(fk, enum.Enum) != issubclass(ours, enum.Enum):
        result.differences.append(f"{'an' if issubclass(ours, enum.Enum) else 'not an'} `enum.Enum`, unlike flytekit's")
        return
    mine = constants(ours)
    for name, value in constants(fk).items():
        if name not in mine:
            result.differences.append(f"no constant `{name}`")
        elif mine[name] != value or type(mine[name]) is not type(value):
            result.differences.append(f"`{name}` is {mine[name]!r}, flytekit's is {value!r}")
    extra = sorted(set(mine) - set(constants(fk)))
    if extra:
        result.differences.append("extra constants " + ", ".join(f"`{name}`" for name in extra))


# -- constructors ---------------------------------------------------------------------------


def parameters(cls: Any) -> list[inspect.Parameter] | None:
    try:
        return list(inspect.signature(cls).parameters.values())
    except (TypeError, ValueError):
        return None


def _compare_signatures(fk: type, ours: type, result: Comparison) -> None:
    theirs, mine = parameters(fk), parameters(ours)
    if theirs is None or mine is None:
        if (theirs is None) != (mine is None):
            result.differences.append("no signature" if mine is None else "a signature where flytekit has none")
        return
    for index, param in enumerate(theirs):
        if index >= len(mine):
            result.differences.append(f"no parameter `{param.name}`")
        else:
            _compare_parameter(param, mine[index], result)
    field_names = set(ours._PB.DESCRIPTOR.fields_by_name) if issubclass(ours, FlytekitModel) else set()
    for param in mine[len(theirs) :]:
        if param.kind is not param.KEYWORD_ONLY or param.default is not None:
            result.differences.append(f"extra parameter `{param}` (only keyword-only ones, defaulting to None)")
        elif param.name not in field_names:
            result.differences.append(f"extra parameter `{param.name}` is no field of the message")
        else:
            result.extras.append(param.name)


def _compare_parameter(theirs: inspect.Parameter, mine: inspect.Parameter, result: Comparison) -> None:
    if (
        theirs.name != mine.name
        or theirs.kind != mine.kind
        or (theirs.default is theirs.empty) != (mine.default is mine.empty)
    ):
        result.differences.append(f"parameter `{mine}` where flytekit has `{theirs}`")
    elif not same_value(theirs.default, mine.default):
        result.differences.append(f"`{mine.name}` defaults to {mine.default!r}, flytekit's to {theirs.default!r}")


def same_value(theirs: Any, mine: Any) -> bool:
    """Equal and of the same type; enum members by name and value; messages by type and content."""
    if isinstance(theirs, enum.Enum):
        return isinstance(mine, enum.Enum) and (theirs.name, theirs.value) == (mine.name, mine.value)
    return type(theirs) is type(mine) and bool(theirs == mine)
