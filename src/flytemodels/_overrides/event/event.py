"""flytekit's ``event.TaskExecutionMetadata(external_resources)`` (``flytekit.models.event``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flytemodels._overrides._support import build
from flytemodels.event.event import ExternalResourceInfo, ResourcePoolInfo, TaskExecutionMetadataBase

if TYPE_CHECKING:
    from collections import abc as _abc


class TaskExecutionMetadata(TaskExecutionMetadataBase):
    """What a plugin reports about a task execution: ``external_resources`` first, as in flytekit."""

    __slots__ = ()

    def __init__(
        self,
        external_resources: _abc.Iterable[ExternalResourceInfo] | None = None,
        generated_name: str | None = None,
        resource_pool_info: _abc.Iterable[ResourcePoolInfo] | None = None,
        plugin_identifier: str | None = None,
        instance_class: TaskExecutionMetadataBase.InstanceClass | int | None = None,
    ) -> None:
        build(self, locals())
