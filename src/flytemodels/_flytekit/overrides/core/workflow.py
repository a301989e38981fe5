"""What flytekit's workflow classes have beyond their messages: which member of a oneof is set."""

from __future__ import annotations

from typing import Any

from flytemodels.flytekit.core.workflow import GateNodeBase, NodeBase, WorkflowNodeBase


class Node(NodeBase):
    @property
    def target(self) -> Any:
        """The task, workflow or branch node (flytekit leaves gate and array nodes out)."""
        return self.task_node or self.workflow_node or self.branch_node


class WorkflowNode(WorkflowNodeBase):
    @property
    def reference(self) -> Any:
        return self.launchplan_ref or self.sub_workflow_ref


class GateNode(GateNodeBase):
    @property
    def condition(self) -> Any:
        return self.signal or self.sleep or self.approve
