"""Mirrors ``flytekit.models.admin.common``."""

from flytemodels.admin.common import Sort

__all__ = ["Sort"]
