"""Shapes: how one attribute of a compatibility model maps to one field of its message.

A shape reads the attribute's value from a held message (``read``), writes a
given value into a new message (``write``), and rewrites a value over the copy
of a held message (``rewrite``: only when it differs from what the message
holds, so reading an attribute never loses what the Python value cannot carry,
such as nanoseconds or a repeated key). Generated classes list their shapes in
``_SHAPES``; the compatibility table (data) says which shape each field takes.

Writing checks what it writes: a value of the wrong kind raises ``TypeError``
naming ``Class.attribute`` and what was expected. ``None`` means unset.
"""

from flytemodels._runtime.shapes.base import (
    NOT_READ,
    ClassRef,
    Shape,
    attribute,
    bound,
    falsy_unset,
    fill,
    getter,
    late_getter,
    setter,
)
from flytemodels._runtime.shapes.messages import Message, Model, ModelMap, Models
from flytemodels._runtime.shapes.values import Custom, Pairs, Repeated, Scalar, ScalarMap, Unwrapped, enum_number
from flytemodels._runtime.shapes.wellknown import Duration, Struct, Timestamp, Wrapper

__all__ = [
    "NOT_READ",
    "ClassRef",
    "Custom",
    "Duration",
    "Message",
    "Model",
    "ModelMap",
    "Models",
    "Pairs",
    "Repeated",
    "Scalar",
    "ScalarMap",
    "Shape",
    "Struct",
    "Timestamp",
    "Unwrapped",
    "Wrapper",
    "attribute",
    "bound",
    "enum_number",
    "falsy_unset",
    "fill",
    "getter",
    "late_getter",
    "setter",
]
