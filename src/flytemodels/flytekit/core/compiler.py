"""Mirrors ``flytekit.models.core.compiler``."""

from flytemodels.core.compiler import (
    CompiledTask,
    CompiledWorkflow,
    CompiledWorkflowClosure,
    ConnectionSet,
)

__all__ = ["CompiledTask", "CompiledWorkflow", "CompiledWorkflowClosure", "ConnectionSet"]
