"""Mirrors ``flytekit.models.filters``: admin list filters, which the IDL carries as plain strings.

A filter is ``<comparator>(<key>,<value>)`` (``eq(project,flytesnacks)``); a
set filter joins its values with ``;`` (``value_in(phase,RUNNING;QUEUED)``);
a ``FilterList`` joins filters with ``+``. ``to_flyte_idl`` returns that string.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from flytemodels._flytekit.entity import FlyteIdlEntity


class FilterList(FlyteIdlEntity):
    """Filters that must all hold."""

    def __init__(self, filter_list: Iterable[Filter]) -> None:
        self._filters = list(filter_list)

    def to_flyte_idl(self) -> str:
        return "+".join(item.to_flyte_idl() for item in self._filters)

    @classmethod
    def from_flyte_idl(cls, idl_object: str) -> FilterList:
        """Parse ``"eq(a,b)+ne(c,d)"`` (an empty string is an empty list)."""
        return cls([Filter.from_python_std(text) for text in idl_object.split("+") if text])


class Filter(FlyteIdlEntity):
    """One comparison of a key with a value; the subclasses name the comparator."""

    _comparator: ClassVar[str] = "nil"

    def __init__(self, key: str, value: Any) -> None:
        self._key = key
        self._value = value

    def to_flyte_idl(self) -> str:
        return f"{self._comparator}({self._key},{self._text()})"

    def _text(self) -> str:
        return str(self._value)

    @classmethod
    def from_flyte_idl(cls, idl_object: str) -> Filter:
        """Parse one filter string (as ``from_python_std``)."""
        return cls.from_python_std(idl_object)

    @classmethod
    def from_python_std(cls, string: str) -> Filter:
        """Parse ``"<comparator>(<key>,<value>)"`` into the filter class of that comparator.

        Spaces around the key and value are dropped; an unknown comparator, a
        missing ``)`` or a number of commas other than one raise ValueError.
        """
        for comparator, kind in _BY_COMPARATOR.items():
            if string.startswith(comparator + "("):
                return kind._parsed(string[len(comparator) + 1 :], string)
        raise ValueError(f"{string!r} is not a filter: it starts with no known comparator")

    @classmethod
    def _parsed(cls, rest: str, string: str) -> Filter:
        if not rest.endswith(")"):
            raise ValueError(f"{string!r} is not a filter: it does not end with ')'")
        parts = rest[:-1].split(",")
        if len(parts) != 2:
            raise ValueError(f"{string!r} is not a filter: expected one key and one value, like 'eq(abc,def)'")
        key, value = (part.strip() for part in parts)
        return cls(key, cls._value_of(value))

    @classmethod
    def _value_of(cls, text: str) -> Any:
        return text


class Equal(Filter):
    _comparator = "eq"


class NotEqual(Filter):
    _comparator = "ne"


class GreaterThan(Filter):
    _comparator = "gt"


class GreaterThanOrEqual(Filter):
    _comparator = "gte"


class LessThan(Filter):
    _comparator = "lt"


class LessThanOrEqual(Filter):
    _comparator = "lte"


class SetFilter(Filter):
    """A comparison of a key with several values, written joined by ``;``."""

    def __init__(self, key: str, values: list[Any]) -> None:
        if not isinstance(values, list):
            raise TypeError(f"values must be a list. but got {type(values)}")
        super().__init__(key, list(values))

    def _text(self) -> str:
        return ";".join(str(item) for item in self._value)

    @classmethod
    def _value_of(cls, text: str) -> Any:
        return text.split(";")


class Contains(SetFilter):
    _comparator = "contains"


class ValueIn(SetFilter):
    _comparator = "value_in"


class ValueNotIn(SetFilter):
    _comparator = "value_not_in"


_BY_COMPARATOR: dict[str, type[Filter]] = {
    kind._comparator: kind
    for kind in (
        Equal,
        NotEqual,
        GreaterThan,
        GreaterThanOrEqual,
        LessThan,
        LessThanOrEqual,
        Contains,
        ValueIn,
        ValueNotIn,
    )
}

__all__ = [
    "Contains",
    "Equal",
    "Filter",
    "FilterList",
    "GreaterThan",
    "GreaterThanOrEqual",
    "LessThan",
    "LessThanOrEqual",
    "NotEqual",
    "SetFilter",
    "ValueIn",
    "ValueNotIn",
]
