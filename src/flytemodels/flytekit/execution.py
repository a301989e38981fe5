"""Mirrors ``flytekit.models.execution``: the admin execution messages."""

from flytemodels.admin.cluster_assignment import ClusterAssignment
from flytemodels.admin.execution import (
    AbortMetadata,
    Execution,
    ExecutionClosure,
    ExecutionMetadata,
    ExecutionSpec,
    LiteralMapBlob,
    NotificationList,
    SystemMetadata,
    WorkflowExecutionGetDataResponse,
)
from flytemodels.admin.node_execution import NodeExecutionGetDataResponse
from flytemodels.admin.task_execution import TaskExecutionGetDataResponse

__all__ = [
    "AbortMetadata",
    "ClusterAssignment",
    "Execution",
    "ExecutionClosure",
    "ExecutionMetadata",
    "ExecutionSpec",
    "LiteralMapBlob",
    "NodeExecutionGetDataResponse",
    "NotificationList",
    "SystemMetadata",
    "TaskExecutionGetDataResponse",
    "WorkflowExecutionGetDataResponse",
]
