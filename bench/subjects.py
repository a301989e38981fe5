"""The four contestants, and how each converts and walks each payload's message type.

- ``protobuf``: the raw messages (the physical floor);
- ``flytekit``: ``flytekit.models`` as shipped (eager ``from_flyte_idl``);
- ``idl``: the IDL family, ``flytemodels.<package>.<file>`` (``flytemodels.core.literals.LiteralMap``);
- ``family``: the flytekit family, ``flytemodels.flytekit.<module>``, the drop-in for ``flytekit.models``.

flytekit's ``Execution`` model cannot carry all of P3: it drops the deprecated
``spec.inputs`` and raises ``ValueError`` on ``closure.outputs.values``
(``LiteralMapBlob.from_flyte_idl`` calls itself on the inner ``LiteralMap``).
FlyteRemote reads execution data with flytekit's ``LiteralMap`` model instead,
so for P3 flytekit converts the execution without those two maps plus the two
maps with ``LiteralMap``: the same data, through flytekit's own models. The
flytekit family keeps both maps, so it converts P3 as one ``Execution``; its
walk reads ``spec.inputs`` explicitly (flytekit's ``ExecutionSpec`` has no such
property), so that both walks read the same data.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flyteidl.admin import execution_pb2
from google.protobuf.message import Message as PbMessage

SUBJECTS = ("protobuf", "flytekit", "idl", "family")
NAMES = {
    "protobuf": "raw protobuf",
    "flytekit": "flytekit",
    "idl": "IDL family",
    "family": "flytekit family",
}
FAMILIES = ("idl", "family")


@dataclass(frozen=True)
class Side:
    """How one model layer converts a payload's messages, and what a full walk starts from."""

    from_idl: Callable[[PbMessage], Any]
    to_idl: Callable[[Any], PbMessage]
    walk_root: Callable[[Any], Any]


@dataclass(frozen=True)
class Subject:
    """The three model layers of one payload (raw protobuf needs nothing)."""

    flytekit: Side
    idl: Side
    family: Side

    def side(self, name: str) -> Side:
        side: Side = getattr(self, name)
        return side


#: ``model.to_flyte_idl()``, called from C: a Python wrapper here would add its own call to every
#: model-side conversion timed (about 60 ns, a sixth of copying an ``Identifier``), and raw protobuf's has none.
_to_idl: Callable[[Any], PbMessage] = operator.methodcaller("to_flyte_idl")


def _itself(model: Any) -> Any:
    return model


def _side(cls: Any) -> Side:
    return Side(cls.from_flyte_idl, _to_idl, _itself)


def subject_for(key: str) -> Subject:
    """The subject of payload ``key`` (P1-P4); imports flytekit.models and both families."""
    import flytemodels.flytekit.core.identifier as family_identifier
    import flytemodels.flytekit.execution as family_execution
    import flytemodels.flytekit.literals as family_literals
    import flytemodels.flytekit.workflow_closure as family_closure
    from flytekit.models import literals, workflow_closure
    from flytekit.models.core import identifier
    from flytemodels.admin.execution import Execution
    from flytemodels.core.identifier import Identifier
    from flytemodels.core.literals import LiteralMap
    from flytemodels.core.workflow_closure import WorkflowClosure

    if key == "P1":
        return Subject(_side(literals.LiteralMap), _side(LiteralMap), _side(family_literals.LiteralMap))
    if key == "P2":
        return Subject(
            _side(workflow_closure.WorkflowClosure), _side(WorkflowClosure), _side(family_closure.WorkflowClosure)
        )
    if key == "P3":
        flytekit = Side(_flytekit_execution, _flytekit_execution_to_idl, _flytekit_execution_parts)
        family = Side(family_execution.Execution.from_flyte_idl, _to_idl, _family_execution_parts)
        return Subject(flytekit, _side(Execution), family)
    if key == "P4":
        return Subject(_side(identifier.Identifier), _side(Identifier), _side(family_identifier.Identifier))
    raise KeyError(key)


@dataclass(frozen=True)
class FlytekitExecution:
    """flytekit's view of an ``admin.Execution``: the execution and its two literal maps.

    ``==`` and ``hash`` come from the dataclass and delegate to the three
    flytekit models, which compare and hash their re-serialized messages.
    """

    execution: Any
    inputs: Any
    outputs: Any


def _flytekit_execution(pb: PbMessage) -> FlytekitExecution:
    from flytekit.models import execution, literals

    assert isinstance(pb, execution_pb2.Execution)
    rest = execution_pb2.Execution()
    rest.CopyFrom(pb)
    rest.spec.ClearField("inputs")
    rest.closure.ClearField("outputs")
    return FlytekitExecution(
        execution.Execution.from_flyte_idl(rest),
        literals.LiteralMap.from_flyte_idl(pb.spec.inputs),
        literals.LiteralMap.from_flyte_idl(pb.closure.outputs.values),
    )


def _flytekit_execution_to_idl(model: FlytekitExecution) -> PbMessage:
    pb: execution_pb2.Execution = model.execution.to_flyte_idl()
    pb.spec.inputs.CopyFrom(model.inputs.to_flyte_idl())
    pb.closure.outputs.values.CopyFrom(model.outputs.to_flyte_idl())
    return pb


def _flytekit_execution_parts(model: FlytekitExecution) -> tuple[Any, ...]:
    return model.execution, model.inputs, model.outputs


def _family_execution_parts(model: Any) -> tuple[Any, ...]:
    return model, model.spec.inputs
