"""Conveniences for literals: ``value`` returns whichever oneof member is set."""

from __future__ import annotations

from typing import Any

from flytemodels.core.literals import LiteralBase, PrimitiveBase, ScalarBase


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

    @property
    def value(self) -> Any:
        """The member of the ``value`` oneof that is set, as a model; ``None`` if none is."""
        return _set_member(self, "value")


class Literal(LiteralBase):
    """A value of any Flyte type: a scalar, a collection, a map or an offloaded literal."""

    __slots__ = ()

    @property
    def value(self) -> Any:
        """The member of the ``value`` oneof that is set, as a model; ``None`` if none is."""
        return _set_member(self, "value")


def _set_member(model: Any, oneof: str) -> Any:
    member = model.which_oneof(oneof)
    return None if member is None else getattr(model, member)
