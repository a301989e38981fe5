"""Mirrors ``flytekit.models.types``: the IDL classes themselves (``flyteidl/core/types.proto``)."""

from flytemodels.core.types import (
    Error,
    LiteralType,
    OutputReference,
    SchemaType,
    SimpleType,
    StructuredDatasetType,
    TypeStructure,
    UnionType,
)

__all__ = [
    "Error",
    "LiteralType",
    "OutputReference",
    "SchemaType",
    "SimpleType",
    "StructuredDatasetType",
    "TypeStructure",
    "UnionType",
]
