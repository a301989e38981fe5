"""flytekit's ``ConnectionSet(upstream, downstream)`` (``flytekit.models.core.compiler``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flytemodels._overrides._support import build
from flytemodels.core.compiler import ConnectionSetBase

if TYPE_CHECKING:
    from collections import abc as _abc


class ConnectionSet(ConnectionSetBase):
    """A workflow's edges: flytekit's order (``upstream`` first; the IDL declares ``downstream`` first)."""

    __slots__ = ()

    def __init__(
        self,
        upstream: _abc.Mapping[str, ConnectionSet.IdList] | None = None,
        downstream: _abc.Mapping[str, ConnectionSet.IdList] | None = None,
    ) -> None:
        build(self, locals())

    class IdList(ConnectionSetBase.IdListBase):
        """The ids of a node's neighbours, at flytekit's (and the IDL's) path ``ConnectionSet.IdList``."""

        __slots__ = ()
