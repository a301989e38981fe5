"""Mirrors ``flytekit.models.task``: task templates, their parts, and the admin task messages."""

from flytemodels.admin.agent import TaskExecutionMetadata
from flytemodels.admin.task import Task, TaskClosure, TaskSpec
from flytemodels.core.compiler import CompiledTask
from flytemodels.core.tasks import (
    Container,
    DataLoadingConfig,
    IOStrategy,
    K8sObjectMetadata,
    K8sPod,
    Resources,
    RuntimeMetadata,
    Sql,
    TaskMetadata,
    TaskTemplate,
)

__all__ = [
    "CompiledTask",
    "Container",
    "DataLoadingConfig",
    "IOStrategy",
    "K8sObjectMetadata",
    "K8sPod",
    "Resources",
    "RuntimeMetadata",
    "Sql",
    "Task",
    "TaskClosure",
    "TaskExecutionMetadata",
    "TaskMetadata",
    "TaskSpec",
    "TaskTemplate",
]
