"""flytekit's constructors for node execution messages (``flytekit.models.node_execution``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flytemodels._overrides._support import build, renamed, set_member
from flytemodels.admin.node_execution import NodeExecutionClosureBase, TaskNodeMetadata, WorkflowNodeMetadataBase

if TYPE_CHECKING:
    import datetime as _datetime

    from flytemodels.core import execution as _core_execution
    from flytemodels.core import identifier as _core_identifier
    from flytemodels.core import literals as _core_literals


class WorkflowNodeMetadata(WorkflowNodeMetadataBase):
    """The execution a workflow node launched; flytekit's ``execution_id`` for the IDL's ``executionId``."""

    __slots__ = ()

    def __init__(
        self,
        execution_id: _core_identifier.WorkflowExecutionIdentifier | None = None,
        *,
        executionId: _core_identifier.WorkflowExecutionIdentifier | None = None,
    ) -> None:
        value = renamed("WorkflowNodeMetadata", "execution_id", execution_id, "executionId", executionId)
        build(self, {"executionId": value})

    @property
    def execution_id(self) -> _core_identifier.WorkflowExecutionIdentifier | None:
        """flytekit's name for ``executionId``."""
        return self.executionId


class NodeExecutionClosure(NodeExecutionClosureBase):
    """What a node execution did: flytekit's argument order, then the IDL fields flytekit lacks."""

    __slots__ = ()

    def __init__(
        self,
        phase: _core_execution.NodeExecution.Phase | int | None = None,
        started_at: _datetime.datetime | None = None,
        duration: _datetime.timedelta | None = None,
        output_uri: str | None = None,
        deck_uri: str | None = None,
        error: _core_execution.ExecutionError | None = None,
        workflow_node_metadata: WorkflowNodeMetadata | None = None,
        task_node_metadata: TaskNodeMetadata | None = None,
        created_at: _datetime.datetime | None = None,
        updated_at: _datetime.datetime | None = None,
        output_data: _core_literals.LiteralMap | None = None,
        dynamic_job_spec_uri: str | None = None,
    ) -> None:
        build(self, locals())

    @property
    def target_metadata(self) -> Any:
        """``workflow_node_metadata`` or ``task_node_metadata``, whichever is set; ``None`` if neither is."""
        return set_member(self, "target_metadata")
