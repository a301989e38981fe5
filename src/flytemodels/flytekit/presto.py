"""Mirrors ``flytekit.models.presto``."""

from flytemodels.plugins.presto import PrestoQuery

__all__ = ["PrestoQuery"]
