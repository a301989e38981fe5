"""Mirrors ``flytekit.models.event``."""

from flytemodels.event.event import TaskExecutionMetadata

__all__ = ["TaskExecutionMetadata"]
