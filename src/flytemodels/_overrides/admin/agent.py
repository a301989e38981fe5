"""flytekit's ``task.TaskExecutionMetadata`` constructor (``flytekit.models.task``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flytemodels._overrides._support import build
from flytemodels.admin.agent import TaskExecutionMetadataBase

if TYPE_CHECKING:
    from collections import abc as _abc

    from flytemodels.core import identifier as _core_identifier
    from flytemodels.core import security as _core_security
    from flytemodels.core import workflow as _core_workflow


class TaskExecutionMetadata(TaskExecutionMetadataBase):
    """What an agent is told about the task execution: flytekit's order (``identity`` right after the env)."""

    __slots__ = ()

    def __init__(
        self,
        task_execution_id: _core_identifier.TaskExecutionIdentifier | None = None,
        namespace: str | None = None,
        labels: _abc.Mapping[str, str] | None = None,
        annotations: _abc.Mapping[str, str] | None = None,
        k8s_service_account: str | None = None,
        environment_variables: _abc.Mapping[str, str] | None = None,
        identity: _core_security.Identity | None = None,
        max_attempts: int | None = None,
        interruptible: bool | None = None,
        interruptible_failure_threshold: int | None = None,
        overrides: _core_workflow.TaskNodeOverrides | None = None,
    ) -> None:
        build(self, locals())
