"""Conveniences for node executions: ``target_metadata`` returns whichever member of that oneof is set."""

from __future__ import annotations

from typing import Any

from flytemodels._overrides._support import set_member
from flytemodels.admin.node_execution import NodeExecutionClosureBase


class NodeExecutionClosure(NodeExecutionClosureBase):
    """What a node execution did."""

    __slots__ = ()

    @property
    def target_metadata(self) -> Any:
        """``workflow_node_metadata`` or ``task_node_metadata``, whichever is set; ``None`` if neither is."""
        return set_member(self, "target_metadata")
