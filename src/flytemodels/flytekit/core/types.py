"""Mirrors ``flytekit.models.core.types``: the IDL classes themselves."""

from flytemodels.core.types import BlobType, EnumType

__all__ = ["BlobType", "EnumType"]
