"""Open enums: ``IntEnum`` classes that keep values the IDL does not know."""

from __future__ import annotations

import enum
from typing import Any


class OpenEnum(enum.IntEnum):
    """An ``IntEnum`` for a proto3 enum, which is open by definition.

    A newer server may send a value this IDL version does not list. Instead of
    failing, the lookup returns a pseudo-member named ``UNKNOWN_<value>`` that
    compares equal to the int, so the value survives a round trip.
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        # Cached so the same unknown value always yields the same object.
        return cls._value2member_map_.setdefault(value, member)

    @classmethod
    def enum_to_string(cls, value: int) -> str:
        """The name of ``value`` (flytekit's spelling of ``Enum(value).name``); unknown values print as numbers."""
        member = cls._value2member_map_.get(value)
        declared = member is not None and member.name in cls._member_map_  # not an UNKNOWN_<n> stand-in
        return member.name if declared else str(value)  # type: ignore[union-attr]

    @classmethod
    def string_to_enum(cls, name: str) -> Any:
        """The member named ``name`` (flytekit's inverse of ``enum_to_string``); ValueError if the IDL has none."""
        try:
            return cls._member_map_[name]
        except KeyError:
            raise ValueError(f"{cls.__qualname__} has no member named {name!r}") from None
