"""flytekit's ``ClusterAssignment(cluster_pool)`` (``flytekit.models.execution``)."""

from __future__ import annotations

from flytemodels._overrides._support import build, renamed
from flytemodels.admin.cluster_assignment import ClusterAssignmentBase


class ClusterAssignment(ClusterAssignmentBase):
    """The cluster pool an execution runs in; flytekit calls ``cluster_pool_name`` ``cluster_pool``."""

    __slots__ = ()

    def __init__(self, cluster_pool: str | None = None, *, cluster_pool_name: str | None = None) -> None:
        value = renamed("ClusterAssignment", "cluster_pool", cluster_pool, "cluster_pool_name", cluster_pool_name)
        build(self, {"cluster_pool_name": value})

    @property
    def cluster_pool(self) -> str:
        """flytekit's name for ``cluster_pool_name``."""
        return self.cluster_pool_name
