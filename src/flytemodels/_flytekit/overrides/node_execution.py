"""flytekit's ``NodeExecutionClosure.target_metadata``: the workflow or task node metadata."""

from __future__ import annotations

from typing import Any

from flytemodels.flytekit.node_execution import NodeExecutionClosureBase


class NodeExecutionClosure(NodeExecutionClosureBase):
    @property
    def target_metadata(self) -> Any:
        return self.workflow_node_metadata or self.task_node_metadata
