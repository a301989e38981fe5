"""Run flytekit on flytemodels: ``flytekit.models[.x]`` resolved to ``flytemodels.flytekit[.x]``.

``install()`` puts a finder first on ``sys.meta_path`` so that importing
``flytekit.models.literals`` gives the module object ``flytemodels.flytekit.literals``
itself (one module under two names); every other ``flytekit.*`` module stays
the installed flytekit's. It must run before anything imports ``flytekit``
(flytekit imports its models while it is imported). flytekit's own test suite
runs this way (``make flytekit-tests``), and so does ``make bench``'s end-to-end part.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from types import ModuleType

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


def install() -> None:
    """Put the alias finder first on ``sys.meta_path``; fails if flytekit.models is already imported."""
    early = sorted(name for name in sys.modules if is_aliased(name))
    if early:
        raise RuntimeError(f"{ALIASED} was imported before the alias was installed: {', '.join(early)}")
    sys.meta_path.insert(0, AliasFinder())
