"""Mirrors ``flytekit.models.core.errors``."""

from flytemodels.core.errors import ContainerError, ErrorDocument

__all__ = ["ContainerError", "ErrorDocument"]
