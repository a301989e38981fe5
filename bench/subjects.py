"""How flytemodels and flytekit.models convert each payload's message type.

flytekit's ``Execution`` model cannot carry all of P3: it drops the deprecated
``spec.inputs`` and raises ``ValueError`` on ``closure.outputs.values``
(``LiteralMapBlob.from_flyte_idl`` calls itself on the inner ``LiteralMap``).
FlyteRemote reads execution data with flytekit's ``LiteralMap`` model instead,
so for P3 flytekit converts the execution without those two maps plus the two
maps with ``LiteralMap``: the same data, through flytekit's own models.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flyteidl.admin import execution_pb2
from flytemodels.admin.execution import Execution
from flytemodels.core.identifier import Identifier
from flytemodels.core.literals import LiteralMap
from flytemodels.core.workflow_closure import WorkflowClosure
from google.protobuf.message import Message as PbMessage

from flytemodels._runtime import Message


@dataclass(frozen=True)
class Subject:
    """The flytemodels class and the flytekit conversion of one payload's messages."""

    model: type[Message]
    flytekit_from: Callable[[PbMessage], Any]
    flytekit_to: Callable[[Any], PbMessage]


def subject_for(key: str) -> Subject:
    """The subject of payload ``key`` (P1-P4); imports flytekit.models."""
    from flytekit.models import literals, workflow_closure
    from flytekit.models.core import identifier

    if key == "P1":
        return Subject(LiteralMap, literals.LiteralMap.from_flyte_idl, _to_idl)
    if key == "P2":
        return Subject(WorkflowClosure, workflow_closure.WorkflowClosure.from_flyte_idl, _to_idl)
    if key == "P3":
        return Subject(Execution, _flytekit_execution, _flytekit_execution_to_idl)
    if key == "P4":
        return Subject(Identifier, identifier.Identifier.from_flyte_idl, _to_idl)
    raise KeyError(key)


def _to_idl(model: Any) -> PbMessage:
    pb: PbMessage = model.to_flyte_idl()
    return pb


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
