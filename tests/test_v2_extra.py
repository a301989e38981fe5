"""flytemodels without the flyteidl2 extra: the flyteidl families work, flytemodels.v2 says what to install."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import subprocess
import sys
import textwrap

import pytest

import flytemodels
from flytemodels._extras import V2ExtraGuard, install_v2_extra_guard, v2_extra_message

# Runs in a fresh interpreter in which the named modules cannot be imported, as if not installed
# (a None entry in sys.modules makes both `import` and importlib.util.find_spec give up on a name).
WITHOUT = textwrap.dedent(
    """
    import sys
    for name in {hidden!r}:
        sys.modules[name] = None
    from flytemodels.core.identifier import Identifier, ResourceType
    from flytemodels.flytekit import literals
    assert Identifier.from_json(Identifier(ResourceType.TASK, "p", "d", "n", "v").to_json()).name == "n"
    assert literals.Literal.from_flyte_idl(literals.Literal(hash="h").to_flyte_idl()).hash == "h"
    try:
        from flytemodels.v2.task.task_definition import TaskSpec
    except ModuleNotFoundError as error:
        print(error.name)
        print(error)
    assert not any(name.startswith("flytemodels.v2") for name in sys.modules), "half-imported v2 tree"
    """
)


def _run_without(*hidden: str) -> list[str]:
    probe = WITHOUT.format(hidden=hidden)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_without_flyteidl2_only_v2_fails_and_names_the_extra() -> None:
    name, message = _run_without("flyteidl2", "protovalidate")
    assert name == "flyteidl2"
    assert message == (
        "flytemodels.v2 (the models of Flyte 2's IDL) needs flyteidl2 and protovalidate, "
        "and flyteidl2, protovalidate are not installed: pip install 'flytemodels[flyteidl2]'"
    )


def test_without_protovalidate_alone_v2_fails_too() -> None:
    # flyteidl2 requires protovalidate, but `pip install --no-deps` can leave it out; constructors need it.
    name, message = _run_without("protovalidate")
    assert name == "protovalidate"
    assert message.endswith("and protovalidate is not installed: pip install 'flytemodels[flyteidl2]'")


def test_with_the_extra_the_guard_finds_nothing_and_refuses_nothing() -> None:
    guard = V2ExtraGuard()
    assert guard.find_spec("flytemodels.v2", flytemodels.__path__) is None
    assert guard.find_spec("json", None) is None
    assert importlib.util.find_spec("flytemodels.v2") is not None


def test_the_guard_is_installed_once_before_the_path_finder() -> None:
    install_v2_extra_guard()  # again, as a reload of flytemodels would
    guards = [index for index, finder in enumerate(sys.meta_path) if isinstance(finder, V2ExtraGuard)]
    assert len(guards) == 1
    assert guards[0] < sys.meta_path.index(importlib.machinery.PathFinder)  # asked before the tree is found


@pytest.mark.parametrize(
    ("missing", "verb"),
    [(["flyteidl2"], "flyteidl2 is not installed"), (["flyteidl2", "protovalidate"], "are not installed")],
)
def test_the_message_names_what_is_missing(missing: list[str], verb: str) -> None:
    assert verb in v2_extra_message(missing)
