"""Conveniences for workflow nodes: one property per oneof, returning whichever member is set."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flytemodels._overrides._support import set_member
from flytemodels.core.workflow import GateNodeBase, NodeBase, WorkflowNodeBase

if TYPE_CHECKING:
    from flytemodels.core import identifier as _core_identifier


class Node(NodeBase):
    """A node of a workflow."""

    __slots__ = ()

    @property
    def target(self) -> Any:
        """The member of the ``target`` oneof that is set (task, workflow, branch, gate, array node); else ``None``."""
        return set_member(self, "target")


class WorkflowNode(WorkflowNodeBase):
    """A node that runs a launch plan or a sub-workflow."""

    __slots__ = ()

    @property
    def reference(self) -> _core_identifier.Identifier | None:
        """``launchplan_ref`` or ``sub_workflow_ref``, whichever is set; else ``None``."""
        found: _core_identifier.Identifier | None = set_member(self, "reference")
        return found


class GateNode(GateNodeBase):
    """A node that waits for an approval, a signal or some time."""

    __slots__ = ()

    @property
    def condition(self) -> Any:
        """The member of the ``condition`` oneof that is set: approve, signal or sleep; else ``None``."""
        return set_member(self, "condition")
