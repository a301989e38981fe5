"""Mirrors ``flytekit.models.named_entity``."""

from flytemodels.admin.common import NamedEntityIdentifier, NamedEntityMetadata
from flytemodels.admin.common import NamedEntityState as _IdlState
from flytemodels.flytekit._holders import EnumHolder


class NamedEntityState(EnumHolder):
    """flytekit's names for the IDL's ``NamedEntityState`` (``ACTIVE`` for ``NAMED_ENTITY_ACTIVE`` ...)."""

    ACTIVE = _IdlState.NAMED_ENTITY_ACTIVE
    ARCHIVED = _IdlState.NAMED_ENTITY_ARCHIVED
    SYSTEM_GENERATED = _IdlState.SYSTEM_GENERATED


__all__ = ["NamedEntityIdentifier", "NamedEntityMetadata", "NamedEntityState"]
