"""flytekit's constructor for ``TaskExecutionClosure`` (``flytekit.models.admin.task_execution``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flytemodels._overrides._support import build
from flytemodels.admin.task_execution import Reason, TaskExecutionClosureBase

if TYPE_CHECKING:
    import datetime as _datetime
    from collections import abc as _abc

    from flytemodels.core import execution as _core_execution
    from flytemodels.core import literals as _core_literals
    from flytemodels.event import event as _event_event


class TaskExecutionClosure(TaskExecutionClosureBase):
    """What a task execution did: flytekit's argument order, then the IDL fields flytekit lacks."""

    __slots__ = ()

    def __init__(
        self,
        phase: _core_execution.TaskExecution.Phase | int | None = None,
        logs: _abc.Iterable[_core_execution.TaskLog] | None = None,
        started_at: _datetime.datetime | None = None,
        duration: _datetime.timedelta | None = None,
        created_at: _datetime.datetime | None = None,
        updated_at: _datetime.datetime | None = None,
        output_uri: str | None = None,
        error: _core_execution.ExecutionError | None = None,
        metadata: _event_event.TaskExecutionMetadata | None = None,
        output_data: _core_literals.LiteralMap | None = None,
        custom_info: dict[str, Any] | None = None,
        reason: str | None = None,
        task_type: str | None = None,
        event_version: int | None = None,
        reasons: _abc.Iterable[Reason] | None = None,
        log_context: _core_execution.LogContext | None = None,
    ) -> None:
        build(self, locals())
