"""Conveniences for literals: ``value`` returns whichever oneof member is set.

``Literal``, ``Scalar``, ``Union`` and ``BindingData`` also take flytekit's
constructor arguments (``flytekit.models.literals``): the same names in the
same order, so code written against flytekit runs unchanged.
"""

from __future__ import annotations

from typing import Any

from flytemodels._overrides._support import build, replace_field
from flytemodels.core import types as _types
from flytemodels.core.literals import (
    Binary,
    BindingDataBase,
    Blob,
    LiteralBase,
    LiteralCollection,
    LiteralMap,
    LiteralOffloadedMetadata,
    PrimitiveBase,
    ScalarBase,
    Schema,
    StructuredDataset,
    UnionBase,
    Void,
)


class Primitive(PrimitiveBase):
    """A primitive literal value (int, float, str, bool, datetime or timedelta)."""

    __slots__ = ()

    @property
    def value(self) -> Any:
        """The member of the ``value`` oneof that is set, converted; ``None`` if none is."""
        return _set_member(self, "value")


class Scalar(ScalarBase):
    """A scalar literal: a primitive, blob, binary, schema, union, error, ..."""

    __slots__ = ()

    def __init__(
        self,
        primitive: Primitive | None = None,
        blob: Blob | None = None,
        binary: Binary | None = None,
        schema: Schema | None = None,
        union: Union | None = None,
        none_type: Void | None = None,
        error: _types.Error | None = None,
        generic: dict[str, Any] | None = None,
        structured_dataset: StructuredDataset | None = None,
    ) -> None:
        # flytekit's argument order; the IDL declares ``union`` last.
        values = dict(primitive=primitive, blob=blob, binary=binary, schema=schema, union=union)
        build(
            self, dict(values, none_type=none_type, error=error, generic=generic, structured_dataset=structured_dataset)
        )

    @property
    def value(self) -> Any:
        """The member of the ``value`` oneof that is set, as a model; ``None`` if none is."""
        return _set_member(self, "value")


class Literal(LiteralBase):
    """A value of any Flyte type: a scalar, a collection, a map or an offloaded literal."""

    __slots__ = ()

    def __init__(
        self,
        scalar: Scalar | None = None,
        collection: LiteralCollection | None = None,
        map: LiteralMap | None = None,
        hash: str | None = None,
        metadata: dict[str, str] | None = None,
        offloaded_metadata: LiteralOffloadedMetadata | None = None,
    ) -> None:
        # flytekit's argument order; the IDL declares ``offloaded_metadata`` before ``hash``.
        values = dict(scalar=scalar, collection=collection, map=map, hash=hash, metadata=metadata)
        build(self, dict(values, offloaded_metadata=offloaded_metadata))

    @property
    def value(self) -> Any:
        """The member of the ``value`` oneof that is set, as a model; ``None`` if none is."""
        return _set_member(self, "value")

    @property
    def hash(self) -> str:
        """``hash``: string, field 4. Settable, as in flytekit (see ``replace_field``)."""
        value: str = self._pb.hash
        return value

    @hash.setter
    def hash(self, value: str | None) -> None:
        replace_field(self, "hash", value)

    def set_metadata(self, metadata: dict[str, str]) -> None:
        """Replace the metadata in place, as flytekit does (see ``replace_field``)."""
        replace_field(self, "metadata", metadata)


class Union(UnionBase):
    """A value of a union type, with the variant it was stored as."""

    __slots__ = ()

    def __init__(
        self,
        value: Literal | None = None,
        stored_type: _types.LiteralType | None = None,
        *,
        type: _types.LiteralType | None = None,  # the IDL's name for flytekit's ``stored_type``
    ) -> None:
        if stored_type is not None and type is not None:
            raise TypeError("Union: pass stored_type or type, not both")
        build(self, dict(value=value, type=stored_type if stored_type is not None else type))

    @property
    def stored_type(self) -> _types.LiteralType | None:
        """flytekit's name for ``type``: the variant the value was stored as."""
        return self.type


class BindingData(BindingDataBase):
    """What a node input is bound to: a scalar, a collection, a map or a promise."""

    __slots__ = ()

    @property
    def value(self) -> Any:
        """The member of the ``value`` oneof that is set, as a model; ``None`` if none is."""
        return _set_member(self, "value")

    def to_literal_model(self) -> Literal:
        """The literal this binding holds; a promise (anywhere inside) raises ``ValueError``."""
        if self.scalar is not None:
            return Literal(scalar=self.scalar)
        if self.collection is not None:
            items = [item.to_literal_model() for item in self.collection.bindings]
            return Literal(collection=LiteralCollection(literals=items))
        if self.map is not None:
            entries = {key: item.to_literal_model() for key, item in self.map.bindings.items()}
            return Literal(map=LiteralMap(literals=entries))
        if self.offloaded_metadata is not None:
            return Literal(offloaded_metadata=self.offloaded_metadata)
        raise ValueError(f"cannot convert BindingData to a Literal: it holds {self.which_oneof('value')!r}")


def _set_member(model: Any, oneof: str) -> Any:
    member = model.which_oneof(oneof)
    return None if member is None else getattr(model, member)
