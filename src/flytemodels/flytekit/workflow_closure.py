"""Mirrors ``flytekit.models.workflow_closure``."""

from flytemodels.core.workflow_closure import WorkflowClosure

__all__ = ["WorkflowClosure"]
