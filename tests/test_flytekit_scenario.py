"""The scenario: the same flytekit-style script, run on flytekit.models and on flytemodels.flytekit.

``tests/flytekit_compat/scenario.py`` builds identifiers, a task template with a
container and an interface, a workflow template with nodes and bindings, a
launch plan and an execution with its create request, then mutates models as
flytekit's code does (setters, private attributes, children already held by a
parent, models read from messages). Every message must be byte-for-byte the
same on both sides, and every value the script reads back equal and of the
same shape (``values.differences``).
"""

from __future__ import annotations

from typing import Any

import pytest

from flytemodels._flytekit.entity import FlytekitModel
from tests.flytekit_compat import scenario, values

THEIRS = scenario.build(scenario.FLYTEKIT)
OURS = scenario.build(scenario.FLYTEMODELS)
MODELS = [name for name, value in THEIRS.items() if hasattr(value, "to_flyte_idl")]
MESSAGES = [name for name, value in THEIRS.items() if hasattr(value, "SerializeToString")]
READS = [name for name in THEIRS if name not in MODELS and name not in MESSAGES]


@pytest.mark.parametrize("name", MODELS)
def test_the_script_gives_the_same_messages(name: str) -> None:
    mine, theirs = OURS[name], THEIRS[name]
    assert isinstance(mine, FlytekitModel), type(mine)
    assert type(mine).__name__ == type(theirs).__name__
    assert mine.to_flyte_idl() == theirs.to_flyte_idl()
    assert mine.to_flyte_idl().SerializeToString(deterministic=True) == theirs.to_flyte_idl().SerializeToString(
        deterministic=True
    )


@pytest.mark.parametrize("name", MESSAGES)
def test_the_script_sends_the_same_requests(name: str) -> None:
    assert OURS[name] == THEIRS[name]


@pytest.mark.parametrize("name", READS)
def test_the_script_reads_the_same_values(name: str) -> None:
    assert not values.differences(THEIRS[name], OURS[name], name)


def _message(name: str) -> Any:
    return OURS[name].to_flyte_idl()


def test_mutations_reach_the_messages() -> None:
    """What the script changed is in what ours serializes (so the equality above is not vacuous)."""
    variable = _message("interface.Variable (holding it)")
    assert variable.type.structure.tag == "dict"
    assert variable.type.annotation.annotations["cache-key"] == "v1"
    assert variable.type.metadata["schema"]["type"] == "object"
    literal = _message("literals.LiteralMap (holding a mutated literal)").literals["seven"]
    assert (literal.hash, dict(literal.metadata)) == ("abc123", {"origin": "cache"})
    assert _message("literals.Binding (holding a mutated reference)").binding.promise.var == "o1"
    dataset = _message("literals.Literal (holding a mutated dataset)").scalar.structured_dataset
    assert dataset.metadata.structured_dataset_type.format == "csv"
    assert [column.name for column in dataset.metadata.structured_dataset_type.columns] == ["a"]
    assert {pair.key for pair in _message("task.TaskTemplate (container changed)").container.env} >= {"EXTRA"}
    read = _message("task.TaskTemplate (read, then changed)")
    assert read.metadata.retries.retries == 7
    assert read.custom["replicas"] == 2
    assert read.container.image  # the rest kept
    execution = _message("execution.Execution (read, then changed)")
    assert execution.closure.phase == 6  # FAILED
    assert execution.spec.labels.values["run"] == "rerun"


def test_what_flytekit_drops_we_keep() -> None:
    """``ExecutionSpec.inputs`` (deprecated, still read by admin) is dropped by flytekit's model; ours keeps it."""
    from flytemodels.flytekit import execution, literals

    inputs = OURS["ExecutionCreateRequest"].inputs
    spec = execution.ExecutionSpec(
        OURS["execution.Execution"].spec.launch_plan, None, inputs=literals.LiteralMap.from_flyte_idl(inputs)
    )
    assert spec.to_flyte_idl().inputs == inputs
    assert execution.ExecutionSpec.from_flyte_idl(spec.to_flyte_idl()).to_flyte_idl().inputs == inputs
    assert OURS["launch_plan.LaunchPlan"].should_auto_activate is THEIRS["launch_plan.LaunchPlan"].should_auto_activate
