"""flytekit's ``TypeAnnotation``: equal when the annotations are; merged key by key."""

from __future__ import annotations

from typing import Any

from flytemodels.flytekit.annotation import TypeAnnotationBase


class TypeAnnotation(TypeAnnotationBase):
    # flytekit's TypeAnnotation compares its dicts (and so is unhashable), unlike the entities.
    __hash__ = None  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, type(self)) and self.annotations == other.annotations

    @classmethod
    def merge_annotations(cls, annotation: Any, other_annotation: Any) -> TypeAnnotation:
        """The union of both annotations; ``other_annotation`` wins a key both have."""
        return cls(annotations={**annotation.annotations, **other_annotation.annotations})
