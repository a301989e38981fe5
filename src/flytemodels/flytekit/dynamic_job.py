"""Mirrors ``flytekit.models.dynamic_job``."""

from flytemodels.core.dynamic_job import DynamicJobSpec

__all__ = ["DynamicJobSpec"]
