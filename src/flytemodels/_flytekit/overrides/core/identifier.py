"""flytekit's ``Identifier`` prints as ``TASK:project:domain:name:version``."""

from __future__ import annotations

from flytemodels.flytekit.core.identifier import IdentifierBase


class Identifier(IdentifierBase):
    def resource_type_name(self) -> str:
        """The IDL's name of the resource type; a value the IDL does not list is a ValueError, as in protobuf."""
        from flyteidl.core import identifier_pb2

        return str(identifier_pb2.ResourceType.Name(self.resource_type))

    def __str__(self) -> str:
        return f"{self.resource_type_name()}:{self.project}:{self.domain}:{self.name}:{self.version}"

    def __repr__(self) -> str:
        return self.__str__()
