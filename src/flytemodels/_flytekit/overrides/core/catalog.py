"""flytekit's ``CatalogMetadata.source_execution``: the one member of the ``source_execution`` oneof."""

from __future__ import annotations

from typing import Any

from flytemodels.flytekit.core.catalog import CatalogMetadataBase


class CatalogMetadata(CatalogMetadataBase):
    @property
    def source_execution(self) -> Any:
        return self.source_task_execution
