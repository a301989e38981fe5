"""Mirrors ``flytekit.models.qubole``."""

from flytemodels.plugins.qubole import (
    HiveQuery,
    HiveQueryCollection,
    QuboleHiveJob,
)

__all__ = ["HiveQuery", "HiveQueryCollection", "QuboleHiveJob"]
