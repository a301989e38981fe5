"""flytekit's ``ContainerError`` constructor (``flytekit.models.core.errors``): ``timestamp`` as a message too."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from google.protobuf import timestamp_pb2

from flytemodels._overrides._support import build
from flytemodels.core.errors import ContainerErrorBase

if TYPE_CHECKING:
    from flytemodels.core import execution as _core_execution


class ContainerError(ContainerErrorBase):
    """An error a task's container reports; ``timestamp`` may be a ``Timestamp`` message, as flytekit passes it."""

    __slots__ = ()

    def __init__(
        self,
        code: str | None = None,
        message: str | None = None,
        kind: ContainerErrorBase.Kind | int | None = None,
        origin: _core_execution.ExecutionError.ErrorKind | int | None = None,
        timestamp: datetime.datetime | timestamp_pb2.Timestamp | None = None,
        worker: str | None = None,
    ) -> None:
        as_message = timestamp if isinstance(timestamp, timestamp_pb2.Timestamp) else None
        values = {"code": code, "message": message, "kind": kind, "origin": origin, "worker": worker}
        build(self, dict(values, timestamp=None if as_message is not None else timestamp))
        if as_message is not None:  # copied whole: the nanoseconds a datetime cannot hold survive
            self._pb.timestamp.CopyFrom(as_message)
