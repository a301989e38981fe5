"""Mirrors ``flytekit.models.project``."""

from flytemodels.admin.project import Project

__all__ = ["Project"]
