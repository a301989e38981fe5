"""Mirrors ``flytekit.models.admin.task_execution``."""

from flytemodels.admin.task_execution import (
    TaskExecution,
    TaskExecutionClosure,
)

__all__ = ["TaskExecution", "TaskExecutionClosure"]
