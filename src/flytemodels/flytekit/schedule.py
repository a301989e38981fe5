"""Mirrors ``flytekit.models.schedule``."""

from flytemodels.admin.schedule import Schedule

__all__ = ["Schedule"]
