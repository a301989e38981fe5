"""What flytekit's type classes have beyond their messages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flytemodels.flytekit.types import LiteralTypeBase

_SINGLE, _MULTIPART = 0, 1  # flyteidl.core.BlobType.BlobDimensionality


class LiteralType(LiteralTypeBase):
    def __rich_repr__(self) -> Iterator[str]:
        """A short name of the type for rich's pretty printer (``List[Simple]``, ``File``, ...)."""
        yield _short_name(self)


def _short_name(literal_type: Any) -> str:
    if literal_type.simple:
        return "Simple"
    if literal_type.schema:
        return "Schema"
    if literal_type.collection_type:
        return f"List[{_short_name(literal_type.collection_type)}]"
    if literal_type.map_value_type:
        return f"Dict[str, {_short_name(literal_type.map_value_type)}]"
    if literal_type.blob:
        dimensionality = literal_type.blob.dimensionality
        return {_SINGLE: "File", _MULTIPART: "Directory"}.get(dimensionality, "Unknown Blob Type")
    if literal_type.enum_type:
        return "Enum"
    if literal_type.union_type:
        return "Union"
    if literal_type.structured_dataset_type:
        return f"StructuredDataset(format={literal_type.structured_dataset_type.format})"
    return "Unknown Type"
