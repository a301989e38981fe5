"""The scenario: the same flytekit-style script, run on flytekit.models and on flytemodels.flytekit.

``tests/flytekit_compat/scenario.py`` builds identifiers, a task template with a
container and an interface, a workflow template with nodes and bindings, a
launch plan and an execution with its create request. Each message must be the
same on both sides: byte for byte, or up to presence alone (flytekit writes
``generates_deck: false``, an empty ``auth_role``, but no empty ``custom``; the
documented presence deviation), which is all this script runs into.
"""

from __future__ import annotations

from typing import Any

import pytest

from flytemodels.flytekit.common import FlyteIdlEntity
from tests.flytekit_compat import normalize, scenario

THEIRS = scenario.build(scenario.FLYTEKIT)
OURS = scenario.build(scenario.FLYTEMODELS)

#: The models whose messages differ in presence alone (see the module docstring); the others are equal.
DIFFER_IN_PRESENCE = {"task.TaskTemplate", "task.TaskSpec", "execution.Execution", "ExecutionCreateRequest"}


def _message(model: Any) -> Any:
    return model if not hasattr(model, "to_flyte_idl") else model.to_flyte_idl()


@pytest.mark.parametrize("name", list(THEIRS))
def test_the_script_gives_the_same_messages(name: str) -> None:
    mine, theirs = _message(OURS[name]), _message(THEIRS[name])
    assert normalize.comparable(mine, name) == normalize.comparable(theirs, name)
    assert normalize.without_defaults(mine) == normalize.without_defaults(theirs)
    assert (mine != theirs) == (name in DIFFER_IN_PRESENCE)


@pytest.mark.parametrize("name", [name for name in OURS if isinstance(OURS[name], FlyteIdlEntity)])
def test_the_models_are_flytemodels(name: str) -> None:
    """What the script built on our side is the IDL's own class, and reads back from its message."""
    model = OURS[name]
    assert type(model).__module__.startswith("flytemodels.")
    assert type(model).from_flyte_idl(model.to_flyte_idl()) == model


def test_what_flytekit_drops_we_keep() -> None:
    """``ExecutionSpec.inputs`` (deprecated, still read by admin) is dropped by flytekit's model; ours keeps it."""
    from flytemodels.flytekit import execution, literals

    inputs = OURS["ExecutionCreateRequest"].inputs
    spec = execution.ExecutionSpec(
        OURS["execution.Execution"].spec.launch_plan, inputs=literals.LiteralMap.from_flyte_idl(inputs)
    )
    assert spec.to_flyte_idl().inputs == inputs
    assert OURS["launch_plan.LaunchPlan"].should_auto_activate is THEIRS["launch_plan.LaunchPlan"].should_auto_activate
