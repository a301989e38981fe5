"""Mirrors ``flytekit.models.node_execution``."""

from flytemodels.admin.node_execution import (
    DynamicWorkflowNodeMetadata,
    NodeExecution,
    NodeExecutionClosure,
    TaskNodeMetadata,
    WorkflowNodeMetadata,
)

__all__ = [
    "DynamicWorkflowNodeMetadata",
    "NodeExecution",
    "NodeExecutionClosure",
    "TaskNodeMetadata",
    "WorkflowNodeMetadata",
]
