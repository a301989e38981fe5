"""A clear error when ``flytemodels.v2`` is imported without the ``flyteidl2`` extra.

``flytemodels.v2`` (the models of Flyte 2's IDL) imports ``flyteidl2`` and checks
``buf.validate`` rules with ``protovalidate``; both come with
``pip install 'flytemodels[flyteidl2]'``, not with ``flytemodels`` alone. Without them the
first generated module would stop at ``from flyteidl2... import ..._pb2`` with
"No module named 'flyteidl2'", which does not say what to install.

The generator owns ``flytemodels/v2/__init__.py``, so the check cannot live there.
Instead ``flytemodels/__init__.py`` puts ``V2ExtraGuard`` first on ``sys.meta_path``:
Python asks it about every module not yet imported, it answers only for
``flytemodels.v2`` (once that package is imported, never again), and it never finds
anything itself, so every import goes on exactly as before.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (6 ms), as mypy reads it
if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType

V2_PACKAGE = "flytemodels.v2"
V2_EXTRA = "flyteidl2"  # pyproject.toml's extra for flytemodels.v2
V2_MODULES = ("flyteidl2", "protovalidate")  # what the extra installs that flytemodels.v2 imports


class V2ExtraGuard:
    """A meta path finder that refuses ``flytemodels.v2`` while the ``flyteidl2`` extra is missing."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname == V2_PACKAGE:
            missing = missing_modules(V2_MODULES)
            if missing:
                raise ModuleNotFoundError(v2_extra_message(missing), name=missing[0])
        return None  # the other finders find the module, as if this one were not there


def missing_modules(names: Sequence[str]) -> list[str]:
    """The top-level modules of ``names`` that cannot be imported (looked up, not imported)."""
    from importlib.util import find_spec  # only when flytemodels.v2 is first imported

    return [name for name in names if find_spec(name) is None]


def v2_extra_message(missing: Sequence[str]) -> str:
    return (
        f"{V2_PACKAGE} (the models of Flyte 2's IDL) needs {' and '.join(V2_MODULES)}, "
        f"and {', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not installed: "
        f"pip install 'flytemodels[{V2_EXTRA}]'"
    )


def install_v2_extra_guard() -> None:
    """Put the guard first on ``sys.meta_path``, once per process."""
    if not any(isinstance(finder, V2ExtraGuard) for finder in sys.meta_path):
        sys.meta_path.insert(0, V2ExtraGuard())
