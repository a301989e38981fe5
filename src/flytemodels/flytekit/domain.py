"""Mirrors ``flytekit.models.domain``."""

from flytemodels.admin.project import Domain

__all__ = ["Domain"]
