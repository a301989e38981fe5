"""Mirrors ``flytekit.models.matchable_resource``; ``MatchableResource`` is the IDL enum."""

from flytemodels.admin.matchable_resource import (
    ClusterResourceAttributes,
    ExecutionClusterLabel,
    ExecutionQueueAttributes,
    MatchableResource,
    MatchingAttributes,
    PluginOverride,
    PluginOverrides,
)

__all__ = [
    "ClusterResourceAttributes",
    "ExecutionClusterLabel",
    "ExecutionQueueAttributes",
    "MatchableResource",
    "MatchingAttributes",
    "PluginOverride",
    "PluginOverrides",
]
