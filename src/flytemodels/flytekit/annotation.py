"""Mirrors ``flytekit.models.annotation``."""

from flytemodels.core.types import TypeAnnotation

__all__ = ["TypeAnnotation"]
