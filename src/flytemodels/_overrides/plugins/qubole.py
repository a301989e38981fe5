"""flytekit's Qubole models (``flytekit.models.qubole``): its names and argument order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flytemodels._overrides._support import build, renamed
from flytemodels.plugins.qubole import HiveQueryBase, HiveQueryCollection, QuboleHiveJobBase

if TYPE_CHECKING:
    from collections import abc as _abc


class HiveQuery(HiveQueryBase):
    """One Hive query; flytekit's ``retry_count`` for the IDL's ``retryCount``."""

    __slots__ = ()

    def __init__(
        self,
        query: str | None = None,
        timeout_sec: int | None = None,
        retry_count: int | None = None,
        *,
        retryCount: int | None = None,
    ) -> None:
        count = renamed("HiveQuery", "retry_count", retry_count, "retryCount", retryCount)
        build(self, {"query": query, "timeout_sec": timeout_sec, "retryCount": count})

    @property
    def retry_count(self) -> int:
        """flytekit's name for ``retryCount``."""
        return self.retryCount


class QuboleHiveJob(QuboleHiveJobBase):
    """A Qubole Hive job: flytekit's order (``query`` first; the IDL declares it last)."""

    __slots__ = ()

    def __init__(
        self,
        query: HiveQuery | None = None,
        cluster_label: str | None = None,
        tags: _abc.Iterable[str] | None = None,
        query_collection: HiveQueryCollection | None = None,
    ) -> None:
        build(self, locals())
