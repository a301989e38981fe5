"""flytekit's constructors and helpers for launch plans (``flytekit.models.launch_plan``, ``concurrency``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flytemodels._overrides._support import build, renamed
from flytemodels.admin.launch_plan import (
    Auth,
    ConcurrencyLimitBehavior,
    ConcurrencyPolicyBase,
    LaunchPlanBase,
    LaunchPlanClosure,
    LaunchPlanMetadata,
    LaunchPlanSpecBase,
)

if TYPE_CHECKING:
    from collections import abc as _abc

    from flytemodels.admin import cluster_assignment as _admin_cluster_assignment
    from flytemodels.admin import common as _admin_common
    from flytemodels.core import execution as _core_execution
    from flytemodels.core import execution_envs as _core_execution_envs
    from flytemodels.core import identifier as _core_identifier
    from flytemodels.core import interface as _core_interface
    from flytemodels.core import literals as _core_literals
    from flytemodels.core import security as _core_security


class LaunchPlan(LaunchPlanBase):
    """A launch plan, with flytekit's ``auto_activate`` flag.

    ``auto_activate`` is not part of the message (flytekit keeps it beside it,
    for registration): it does not take part in ``==``, ``hash``, pickling or
    ``to_flyte_idl``, and a launch plan read with ``from_flyte_idl`` has it off.
    """

    __slots__ = ("_auto_activate",)

    def __init__(
        self,
        id: _core_identifier.Identifier | None = None,
        spec: LaunchPlanSpec | None = None,
        closure: LaunchPlanClosure | None = None,
        auto_activate: bool = False,
    ) -> None:
        build(self, {"id": id, "spec": spec, "closure": closure})
        self._auto_activate = auto_activate

    @property
    def should_auto_activate(self) -> bool:
        """Whether registering this launch plan should also activate it (flytekit's flag)."""
        return bool(getattr(self, "_auto_activate", False))


class LaunchPlanSpec(LaunchPlanSpecBase):
    """What a launch plan runs and with what: flytekit's order, then the IDL fields flytekit lacks."""

    __slots__ = ()

    def __init__(
        self,
        workflow_id: _core_identifier.Identifier | None = None,
        entity_metadata: LaunchPlanMetadata | None = None,
        default_inputs: _core_interface.ParameterMap | None = None,
        fixed_inputs: _core_literals.LiteralMap | None = None,
        labels: _admin_common.Labels | None = None,
        annotations: _admin_common.Annotations | None = None,
        auth_role: _admin_common.AuthRole | None = None,
        raw_output_data_config: _admin_common.RawOutputDataConfig | None = None,
        max_parallelism: int | None = None,
        security_context: _core_security.SecurityContext | None = None,
        overwrite_cache: bool | None = None,
        concurrency_policy: ConcurrencyPolicy | None = None,
        role: str | None = None,
        auth: Auth | None = None,
        quality_of_service: _core_execution.QualityOfService | None = None,
        interruptible: bool | None = None,
        envs: _admin_common.Envs | None = None,
        execution_env_assignments: _abc.Iterable[_core_execution_envs.ExecutionEnvAssignment] | None = None,
        cluster_assignment: _admin_cluster_assignment.ClusterAssignment | None = None,
    ) -> None:
        build(self, locals())


class ConcurrencyPolicy(ConcurrencyPolicyBase):
    """How many executions of a launch plan may run at once; flytekit calls ``max`` ``max_concurrency``."""

    __slots__ = ()

    def __init__(
        self,
        max_concurrency: int | None = None,
        behavior: ConcurrencyLimitBehavior | int | None = None,
        *,
        max: int | None = None,  # the IDL's name for ``max_concurrency``
    ) -> None:
        value = renamed("ConcurrencyPolicy", "max_concurrency", max_concurrency, "max", max)
        build(self, {"max": value, "behavior": behavior})

    @property
    def max_concurrency(self) -> int:
        """flytekit's name for ``max``."""
        return self.max
