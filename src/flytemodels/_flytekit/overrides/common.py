"""``flytekit.models.common``'s base classes (written in ``flytemodels._flytekit.entity``)."""

from flytemodels._flytekit.entity import FlyteABCMeta, FlyteCustomIdlEntity, FlyteIdlEntity, FlyteType

__all__ = ["FlyteABCMeta", "FlyteCustomIdlEntity", "FlyteIdlEntity", "FlyteType"]
