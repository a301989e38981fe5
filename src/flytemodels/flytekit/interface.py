"""Mirrors ``flytekit.models.interface``."""

from flytemodels.core.interface import (
    Parameter,
    ParameterMap,
    TypedInterface,
    Variable,
    VariableMap,
)

__all__ = ["Parameter", "ParameterMap", "TypedInterface", "Variable", "VariableMap"]
