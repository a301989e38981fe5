"""Mirrors ``flytekit.models.admin.workflow``."""

from flytemodels.admin.workflow import (
    Workflow,
    WorkflowClosure,
    WorkflowSpec,
)

__all__ = ["Workflow", "WorkflowClosure", "WorkflowSpec"]
