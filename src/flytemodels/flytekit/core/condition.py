"""Mirrors ``flytekit.models.core.condition``."""

from flytemodels.core.condition import (
    BooleanExpression,
    ComparisonExpression,
    ConjunctionExpression,
    Operand,
)

__all__ = ["BooleanExpression", "ComparisonExpression", "ConjunctionExpression", "Operand"]
