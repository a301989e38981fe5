"""flytekit's constructors and helpers for workflow models (``flytekit.models.core.workflow``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flytemodels._overrides._support import build, set_member
from flytemodels.core.tasks import K8sPod
from flytemodels.core.workflow import (
    ApproveCondition,
    GateNodeBase,
    NodeBase,
    SignalCondition,
    SleepCondition,
    TaskNodeOverridesBase,
    WorkflowMetadataBase,
    WorkflowMetadataDefaults,
    WorkflowNodeBase,
    WorkflowTemplateBase,
)

if TYPE_CHECKING:
    from collections import abc as _abc

    from flytemodels.core import execution as _core_execution
    from flytemodels.core import identifier as _core_identifier
    from flytemodels.core import interface as _core_interface
    from flytemodels.core import literals as _core_literals
    from flytemodels.core import tasks as _core_tasks


class Node(NodeBase):
    """A node of a workflow, with flytekit's ``target``."""

    __slots__ = ()

    @property
    def target(self) -> Any:
        """The node's kind, whichever is set: task, workflow, branch, gate or array node; else ``None``."""
        return set_member(self, "target")


class WorkflowNode(WorkflowNodeBase):
    """A node that runs a launch plan or a sub-workflow, with flytekit's ``reference``."""

    __slots__ = ()

    @property
    def reference(self) -> _core_identifier.Identifier | None:
        """``launchplan_ref`` or ``sub_workflow_ref``, whichever is set; else ``None``."""
        found: _core_identifier.Identifier | None = set_member(self, "reference")
        return found


class GateNode(GateNodeBase):
    """A node that waits: flytekit's order (``signal``, ``sleep``, ``approve``), with its ``condition``."""

    __slots__ = ()

    def __init__(
        self,
        signal: SignalCondition | None = None,
        sleep: SleepCondition | None = None,
        approve: ApproveCondition | None = None,
    ) -> None:
        build(self, locals())

    @property
    def condition(self) -> Any:
        """What the gate waits for, whichever is set: approve, signal or sleep; else ``None``."""
        return set_member(self, "condition")


class TaskNodeOverrides(TaskNodeOverridesBase):
    """Per-node overrides of a task; ``pod_template`` also takes flytekit's ``PodTemplate``."""

    __slots__ = ()

    def __init__(
        self,
        resources: _core_tasks.Resources | None = None,
        extended_resources: _core_tasks.ExtendedResources | None = None,
        container_image: str | None = None,
        pod_template: _core_tasks.K8sPod | Any | None = None,
    ) -> None:
        if pod_template is not None and not isinstance(pod_template, K8sPod):
            pod_template = K8sPod.from_pod_template(pod_template)  # flytekit's PodTemplate
        build(self, locals())


class WorkflowMetadata(WorkflowMetadataBase):
    """How a workflow runs: ``on_failure`` first, as in flytekit."""

    __slots__ = ()

    def __init__(
        self,
        on_failure: WorkflowMetadataBase.OnFailurePolicy | int | None = None,
        quality_of_service: _core_execution.QualityOfService | None = None,
        tags: _abc.Mapping[str, str] | None = None,
    ) -> None:
        build(self, locals())


class WorkflowTemplate(WorkflowTemplateBase):
    """A workflow: flytekit's order (``metadata_defaults`` third; the IDL declares it last)."""

    __slots__ = ()

    def __init__(
        self,
        id: _core_identifier.Identifier | None = None,
        metadata: WorkflowMetadata | None = None,
        metadata_defaults: WorkflowMetadataDefaults | None = None,
        interface: _core_interface.TypedInterface | None = None,
        nodes: _abc.Iterable[Node] | None = None,
        outputs: _abc.Iterable[_core_literals.Binding] | None = None,
        failure_node: Node | None = None,
    ) -> None:
        build(self, locals())
