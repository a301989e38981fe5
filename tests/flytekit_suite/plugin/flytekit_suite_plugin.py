"""pytest plugin for running flytekit's own unit tests, on flytekit as shipped or on flytemodels.

Loaded with ``-p flytekit_suite_plugin`` (its folder on ``PYTHONPATH``), so it is imported before the
suite's conftests and before anything imports flytekit. It is a top-level module, not
``tests.flytekit_suite...``: the suite has a ``tests`` package of its own, which a ``tests``
namespace from this repo would shadow.

- With ``FLYTEMODELS_ALIAS=1``, ``flytekit.models`` and every ``flytekit.models.<x>[.<y>]`` are
  ``flytemodels.flytekit[.<x>[.<y>]]``: the same module object under both names. Every other
  ``flytekit.*`` module is the installed flytekit.
- Always, on both sides, the isolation the suite needs for results that do not depend on file
  order: ``os.environ`` is restored after each test module and flytekit's context stack is reset
  after each test.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Iterator, Sequence
from types import ModuleType
from typing import Any

import pytest

ALIAS_ENV = "FLYTEMODELS_ALIAS"
ALIASED = "flytekit.models"
TARGET = "flytemodels.flytekit"


def target_name(fullname: str) -> str:
    """``flytekit.models.core.identifier`` -> ``flytemodels.flytekit.core.identifier``."""
    return TARGET + fullname[len(ALIASED) :]


def is_aliased(fullname: str) -> bool:
    """Whether ``fullname`` is ``flytekit.models`` or a module under it."""
    return fullname == ALIASED or fullname.startswith(ALIASED + ".")


class AliasFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Resolves ``flytekit.models[.x]`` to the already-imported ``flytemodels.flytekit[.x]`` module."""

    def __init__(self) -> None:
        # The flytemodels module's own spec, put back after the import system overwrote it with ours.
        self._specs: dict[str, importlib.machinery.ModuleSpec | None] = {}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if not is_aliased(fullname):
            return None
        module = import_target(fullname)
        return importlib.util.spec_from_loader(fullname, self, is_package=hasattr(module, "__path__"))

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = sys.modules[target_name(spec.name)]
        self._specs[spec.name] = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        # Nothing to execute: the flytemodels module is fully imported. The import system has just set
        # module.__spec__ to the alias spec; restore the module's own so it still names itself.
        alias_spec = module.__spec__
        assert alias_spec is not None  # set by importlib from find_spec's spec just before this call
        module.__spec__ = self._specs.pop(alias_spec.name)


def import_target(fullname: str) -> ModuleType:
    """Import the flytemodels module behind ``fullname``; a missing one names both modules."""
    target = target_name(fullname)
    try:
        return importlib.import_module(target)
    except ModuleNotFoundError as error:
        missing = error.name or ""
        if target != missing and not target.startswith(missing + "."):
            raise  # something flytemodels itself imports is missing: keep the original error
        raise ModuleNotFoundError(
            f"No module named {target!r}, the flytemodels alias of {fullname!r}",
            name=fullname,
        ) from error


def install_alias() -> None:
    """Put the alias finder first on ``sys.meta_path``; fails if flytekit.models is already imported."""
    early = sorted(name for name in sys.modules if is_aliased(name))
    if early:
        raise pytest.UsageError(f"{ALIASED} was imported before the alias was installed: {', '.join(early)}")
    sys.meta_path.insert(0, AliasFinder())


# Installed at import, not in a hook: `-p` imports this module before conftests and test modules.
if os.environ.get(ALIAS_ENV) == "1":
    install_alias()


def pytest_report_header(config: pytest.Config) -> str:
    side = f"flytemodels ({ALIASED} -> {TARGET})" if aliasing() else "flytekit as shipped"
    return f"flytekit suite: {side}"


def aliasing() -> bool:
    """Whether this run resolves flytekit.models to flytemodels."""
    return any(isinstance(finder, AliasFinder) for finder in sys.meta_path)


@pytest.fixture(autouse=True, scope="module")
def _restore_environ() -> Iterator[None]:
    """Undo every change a test module makes to ``os.environ`` (e.g. ``FLYTE_USE_OLD_DC_FORMAT``)."""
    saved = dict(os.environ)
    yield
    for name in set(os.environ) - set(saved):
        del os.environ[name]
    for name, value in saved.items():
        if os.environ.get(name) != value:
            os.environ[name] = value


class ContextReset:
    """Puts flytekit's context stack back to a single default context when a test leaves it otherwise.

    flytekit 1.16 keeps the stack in the ContextVar ``flyte_context_Var`` of
    ``flytekit.core.context_manager``; ``FlyteContextManager.initialize()`` replaces it with a fresh
    default context. A test that fails inside a workflow or a conditional leaves contexts pushed.
    """

    def __init__(self) -> None:
        self._clean: Any = None  # the default context the stack held after the last reset

    def __call__(self) -> None:
        manager_module = sys.modules.get("flytekit.core.context_manager")
        if manager_module is None:
            return  # flytekit not imported yet: nothing to reset
        stack = manager_module.flyte_context_Var.get()
        if len(stack) == 1 and stack[0] is self._clean:
            return
        manager_module.FlyteContextManager.initialize()
        self._clean = manager_module.flyte_context_Var.get()[0]


_reset_context = ContextReset()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Also before each test: the first test must not see what test modules did at collection.
    _reset_context()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    _reset_context()
