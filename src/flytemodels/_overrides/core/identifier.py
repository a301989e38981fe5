"""flytekit's conveniences on identifiers (``flytekit.models.core.identifier``)."""

from __future__ import annotations

from flytemodels.core.identifier import IdentifierBase


class Identifier(IdentifierBase):
    """A task, workflow or launch plan id; ``str()`` is flytekit's ``TYPE:project:domain:name:version``."""

    __slots__ = ()

    def resource_type_name(self) -> str:
        """The name of the resource type, e.g. ``"TASK"``."""
        return self.resource_type.name

    def __str__(self) -> str:
        return f"{self.resource_type_name()}:{self.project}:{self.domain}:{self.name}:{self.version}"
