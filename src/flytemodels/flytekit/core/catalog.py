"""Mirrors ``flytekit.models.core.catalog``."""

from flytemodels.core.catalog import (
    CatalogArtifactTag,
    CatalogMetadata,
)

__all__ = ["CatalogArtifactTag", "CatalogMetadata"]
