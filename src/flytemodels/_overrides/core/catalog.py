"""Conveniences for catalog metadata: ``source_execution`` returns whichever member of that oneof is set."""

from __future__ import annotations

from typing import Any

from flytemodels._overrides._support import set_member
from flytemodels.core.catalog import CatalogMetadataBase


class CatalogMetadata(CatalogMetadataBase):
    """Where a cached output came from."""

    __slots__ = ()

    @property
    def source_execution(self) -> Any:
        """The member of the ``source_execution`` oneof that is set (``source_task_execution``); else ``None``."""
        return set_member(self, "source_execution")
