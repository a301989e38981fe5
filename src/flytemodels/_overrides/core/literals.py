"""Conveniences for literals: ``value`` returns whichever member of the ``value`` oneof is set."""

from __future__ import annotations

from typing import Any

from flytemodels._overrides._support import set_member
from flytemodels.core.literals import BindingDataBase, LiteralBase, PrimitiveBase, ScalarBase


class Primitive(PrimitiveBase):
    """A primitive literal value (int, float, str, bool, datetime or timedelta)."""

    __slots__ = ()

    @property
    def value(self) -> Any:
        """The member of the ``value`` oneof that is set, converted; ``None`` if none is."""
        return set_member(self, "value")


class Scalar(ScalarBase):
    """A scalar literal: a primitive, blob, binary, schema, union, error, ..."""

    __slots__ = ()

    @property
    def value(self) -> Any:
        """The member of the ``value`` oneof that is set, as a model; ``None`` if none is."""
        return set_member(self, "value")


class Literal(LiteralBase):
    """A value of any Flyte type: a scalar, a collection, a map or an offloaded literal."""

    __slots__ = ()

    @property
    def value(self) -> Any:
        """The member of the ``value`` oneof that is set, as a model; ``None`` if none is."""
        return set_member(self, "value")


class BindingData(BindingDataBase):
    """What a node input is bound to: a scalar, a collection, a map, a promise or an offloaded literal."""

    __slots__ = ()

    @property
    def value(self) -> Any:
        """The member of the ``value`` oneof that is set, as a model; ``None`` if none is."""
        return set_member(self, "value")
