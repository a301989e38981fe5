"""Mirrors ``flytekit.models.core.execution``.

flytekit's phase holders are the IDL's nested ``Phase`` enums: the same
constant names and values (plus any the IDL adds), with ``enum_to_string``.
"""

from flytemodels.core.execution import ExecutionError, NodeExecution, TaskExecution, TaskLog, WorkflowExecution

WorkflowExecutionPhase = WorkflowExecution.Phase
NodeExecutionPhase = NodeExecution.Phase
TaskExecutionPhase = TaskExecution.Phase

__all__ = ["ExecutionError", "NodeExecutionPhase", "TaskExecutionPhase", "TaskLog", "WorkflowExecutionPhase"]
