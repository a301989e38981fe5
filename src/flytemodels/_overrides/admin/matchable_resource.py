"""flytekit's constructors and helpers for matchable resources (``flytekit.models.matchable_resource``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flytemodels._overrides._support import build
from flytemodels.admin.matchable_resource import (
    ClusterResourceAttributes,
    ExecutionClusterLabel,
    ExecutionQueueAttributes,
    MatchingAttributesBase,
    PluginOverrideBase,
    PluginOverrides,
    TaskResourceAttributes,
    WorkflowExecutionConfig,
)

if TYPE_CHECKING:
    from flytemodels.admin import cluster_assignment as _admin_cluster_assignment
    from flytemodels.core import execution as _core_execution


class PluginOverride(PluginOverrideBase):
    """Which plugin handles a task type, with flytekit's ``FAIL``/``USE_DEFAULT`` constants."""

    __slots__ = ()

    FAIL = PluginOverrideBase.MissingPluginBehavior.FAIL
    USE_DEFAULT = PluginOverrideBase.MissingPluginBehavior.USE_DEFAULT

    @classmethod
    def string_to_enum(cls, val: str) -> PluginOverrideBase.MissingPluginBehavior:
        """The ``MissingPluginBehavior`` named ``val`` (``"FAIL"``, ``"USE_DEFAULT"``); ValueError if none is."""
        try:
            return cls.MissingPluginBehavior[val]
        except KeyError:
            raise ValueError(f"PluginOverride.MissingPluginBehavior has no member named {val!r}") from None


class MatchingAttributes(MatchingAttributesBase):
    """One kind of matchable attributes: flytekit's order, then the IDL kinds flytekit lacks."""

    __slots__ = ()

    def __init__(
        self,
        cluster_resource_attributes: ClusterResourceAttributes | None = None,
        execution_queue_attributes: ExecutionQueueAttributes | None = None,
        execution_cluster_label: ExecutionClusterLabel | None = None,
        plugin_overrides: PluginOverrides | None = None,
        task_resource_attributes: TaskResourceAttributes | None = None,
        quality_of_service: _core_execution.QualityOfService | None = None,
        workflow_execution_config: WorkflowExecutionConfig | None = None,
        cluster_assignment: _admin_cluster_assignment.ClusterAssignment | None = None,
    ) -> None:
        build(self, locals())
