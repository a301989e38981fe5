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

import os
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from flytemodels._flytekit.alias import ALIASED, TARGET, AliasFinder
from flytemodels._flytekit.alias import install as install_alias

ALIAS_ENV = "FLYTEMODELS_ALIAS"

# Installed at import, not in a hook: `-p` imports this module before conftests and test modules.
if os.environ.get(ALIAS_ENV) == "1":
    try:
        install_alias()
    except RuntimeError as error:  # flytekit.models was imported first: the run would not be aliased
        raise pytest.UsageError(str(error)) from None


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
