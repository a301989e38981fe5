"""flytekit's constructors for the execution messages (``flytekit.models.execution``).

The fields come in flytekit's order; the fields flytekit's models lack follow
as extra optional arguments, so nothing the IDL carries is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flytemodels._overrides._support import build
from flytemodels.admin.execution import (
    AbortMetadata,
    ExecutionClosureBase,
    ExecutionMetadata,
    ExecutionSpecBase,
    ExecutionStateChangeDetails,
    LiteralMapBlob,
    NotificationList,
    WorkflowExecutionGetDataResponseBase,
)

if TYPE_CHECKING:
    import datetime as _datetime
    from collections import abc as _abc

    from flytemodels.admin import cluster_assignment as _admin_cluster_assignment
    from flytemodels.admin import common as _admin_common
    from flytemodels.admin import matchable_resource as _admin_matchable_resource
    from flytemodels.core import execution as _core_execution
    from flytemodels.core import execution_envs as _core_execution_envs
    from flytemodels.core import identifier as _core_identifier
    from flytemodels.core import literals as _core_literals
    from flytemodels.core import security as _core_security


class ExecutionSpec(ExecutionSpecBase):
    """How to run an execution: flytekit's argument order, then ``inputs`` and the other IDL fields."""

    __slots__ = ()

    def __init__(
        self,
        launch_plan: _core_identifier.Identifier | None = None,
        metadata: ExecutionMetadata | None = None,
        notifications: NotificationList | None = None,
        disable_all: bool | None = None,
        labels: _admin_common.Labels | None = None,
        annotations: _admin_common.Annotations | None = None,
        auth_role: _admin_common.AuthRole | None = None,
        raw_output_data_config: _admin_common.RawOutputDataConfig | None = None,
        max_parallelism: int | None = None,
        security_context: _core_security.SecurityContext | None = None,
        overwrite_cache: bool | None = None,
        interruptible: bool | None = None,
        envs: _admin_common.Envs | None = None,
        tags: _abc.Iterable[str] | None = None,
        cluster_assignment: _admin_cluster_assignment.ClusterAssignment | None = None,
        execution_cluster_label: _admin_matchable_resource.ExecutionClusterLabel | None = None,
        inputs: _core_literals.LiteralMap | None = None,
        quality_of_service: _core_execution.QualityOfService | None = None,
        execution_env_assignments: _abc.Iterable[_core_execution_envs.ExecutionEnvAssignment] | None = None,
    ) -> None:
        build(self, locals())


class ExecutionClosure(ExecutionClosureBase):
    """What an execution did: flytekit's argument order, then the IDL fields flytekit lacks."""

    __slots__ = ()

    def __init__(
        self,
        phase: _core_execution.WorkflowExecution.Phase | int | None = None,
        started_at: _datetime.datetime | None = None,
        duration: _datetime.timedelta | None = None,
        error: _core_execution.ExecutionError | None = None,
        outputs: LiteralMapBlob | None = None,
        abort_metadata: AbortMetadata | None = None,
        created_at: _datetime.datetime | None = None,
        updated_at: _datetime.datetime | None = None,
        abort_cause: str | None = None,
        output_data: _core_literals.LiteralMap | None = None,
        computed_inputs: _core_literals.LiteralMap | None = None,
        notifications: _abc.Iterable[_admin_common.Notification] | None = None,
        workflow_id: _core_identifier.Identifier | None = None,
        state_change_details: ExecutionStateChangeDetails | None = None,
    ) -> None:
        build(self, locals())


class WorkflowExecutionGetDataResponse(WorkflowExecutionGetDataResponseBase):
    """An execution's data: flytekit's order (``inputs`` first; the IDL declares ``outputs`` first)."""

    __slots__ = ()

    def __init__(
        self,
        inputs: _admin_common.UrlBlob | None = None,
        outputs: _admin_common.UrlBlob | None = None,
        full_inputs: _core_literals.LiteralMap | None = None,
        full_outputs: _core_literals.LiteralMap | None = None,
    ) -> None:
        build(self, locals())
