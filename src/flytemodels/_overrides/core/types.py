"""flytekit's conveniences on the type models (``flytekit.models.types``).

``LiteralType`` takes flytekit's argument order; the setters flytekit has
(``LiteralType.metadata``/``annotation``, ``StructuredDatasetType.columns``/``format``,
``OutputReference.var``) edit the model in place by copy on write
(``flytemodels._overrides._support.replace_field``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flytemodels._overrides._support import build, replace_field
from flytemodels.core.types import (
    BlobType,
    EnumType,
    LiteralTypeBase,
    OutputReferenceBase,
    PromiseAttribute,
    SchemaType,
    SimpleType,
    StructuredDatasetTypeBase,
    TypeAnnotationBase,
    TypeStructure,
    UnionType,
)


class LiteralType(LiteralTypeBase):
    """The type of a literal: simple, schema, collection, map, blob, enum, union, ..."""

    __slots__ = ()

    def __init__(
        self,
        simple: SimpleType | int | None = None,
        schema: SchemaType | None = None,
        collection_type: LiteralType | None = None,
        map_value_type: LiteralType | None = None,
        blob: BlobType | None = None,
        enum_type: EnumType | None = None,
        union_type: UnionType | None = None,
        structured_dataset_type: StructuredDatasetType | None = None,
        metadata: dict[str, Any] | None = None,
        structure: TypeStructure | None = None,
        annotation: TypeAnnotation | None = None,
    ) -> None:
        # flytekit's argument order: union_type before structured_dataset_type, structure before annotation.
        kinds: dict[str, Any] = dict(
            simple=simple, schema=schema, collection_type=collection_type, map_value_type=map_value_type
        )
        kinds.update(blob=blob, enum_type=enum_type, union_type=union_type)
        kinds.update(structured_dataset_type=structured_dataset_type)
        build(self, dict(kinds, metadata=metadata, structure=structure, annotation=annotation))

    @property
    def metadata(self) -> dict[str, Any] | None:
        """``metadata``: optional google.protobuf.Struct, field 6. Settable, as in flytekit."""
        value: dict[str, Any] | None = self._get("metadata")
        return value

    @metadata.setter
    def metadata(self, value: dict[str, Any] | None) -> None:
        replace_field(self, "metadata", value)

    @property
    def annotation(self) -> TypeAnnotation | None:
        """``annotation``: optional flyteidl.core.TypeAnnotation, field 9. Settable, as in flytekit."""
        value: TypeAnnotation | None = self._get("annotation")
        return value

    @annotation.setter
    def annotation(self, value: TypeAnnotation | None) -> None:
        replace_field(self, "annotation", value)


class StructuredDatasetType(StructuredDatasetTypeBase):
    """The type of a structured dataset; ``columns`` and ``format`` are settable, as in flytekit."""

    __slots__ = ()

    @property
    def columns(self) -> list[StructuredDatasetTypeBase.DatasetColumn]:
        """``columns``: repeated flyteidl.core.StructuredDatasetType.DatasetColumn, field 1."""
        value: list[StructuredDatasetTypeBase.DatasetColumn] = self._get("columns")
        return value

    @columns.setter
    def columns(self, value: Iterable[StructuredDatasetTypeBase.DatasetColumn] | None) -> None:
        replace_field(self, "columns", value)

    @property
    def format(self) -> str:
        """``format``: string, field 2."""
        value: str = self._pb.format
        return value

    @format.setter
    def format(self, value: str | None) -> None:
        replace_field(self, "format", value)


class OutputReference(OutputReferenceBase):
    """A reference to an output of another node; ``var`` is settable, as in flytekit.

    ``attr_path`` is flytekit's list of keys and indexes (``["a", 0]``) into
    the output; the IDL wraps each in a ``PromiseAttribute``, which the
    constructor also takes.
    """

    __slots__ = ()

    def __init__(
        self,
        node_id: str | None = None,
        var: str | None = None,
        attr_path: Iterable[str | int | PromiseAttribute | None] | None = None,
    ) -> None:
        path = None if attr_path is None else [_promise_attribute(step) for step in attr_path]
        build(self, {"node_id": node_id, "var": var, "attr_path": path})

    @property
    def attr_path(self) -> list[str | int | None]:  # type: ignore[override]  # flytekit's keys, not the IDL's wrappers
        """The keys (``str``) and indexes (``int``) into the output; ``None`` for a step that holds neither."""
        steps: list[PromiseAttribute] = self._get("attr_path")
        return [step.string_value if step.string_value is not None else step.int_value for step in steps]

    @property
    def var(self) -> str:
        """``var``: string, field 2."""
        value: str = self._pb.var
        return value

    @var.setter
    def var(self, value: str | None) -> None:
        replace_field(self, "var", value)


class TypeAnnotation(TypeAnnotationBase):
    """Free-form annotations of a type, with flytekit's ``merge_annotations``."""

    __slots__ = ()

    @classmethod
    def merge_annotations(cls, annotation: TypeAnnotation, other_annotation: TypeAnnotation) -> TypeAnnotation:
        """A new annotation with the keys of both; ``other_annotation`` wins on a shared key."""
        merged = dict(annotation.annotations or {})
        merged.update(other_annotation.annotations or {})
        return cls(annotations=merged)


def _promise_attribute(step: str | int | PromiseAttribute | None) -> PromiseAttribute:
    if step is None:  # a step that holds neither, as ``attr_path`` hands it out
        return PromiseAttribute()
    if isinstance(step, PromiseAttribute):
        return step
    if isinstance(step, str):
        return PromiseAttribute(string_value=step)
    return PromiseAttribute(int_value=step)
