"""Generated enums: ``IntEnum`` classes that keep values the IDL does not know, unless the enum is closed."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

# Kept outside the classes: an attribute declared in an enum's body reads to mypy as a member.
_PROTO_NAMES: dict[type, dict[str, str]] = {}  # member name -> proto name, renamed members only
_MEMBER_NAMES: dict[type, dict[str, str]] = {}  # the inverse
_CLOSED: set[type] = set()  # closed enums (proto2, editions CLOSED): no stand-ins for undeclared numbers


class OpenEnum(enum.IntEnum):
    """An ``IntEnum`` for a proto3 enum, which is open by definition.

    A newer server may send a value this IDL version does not list. Instead of
    failing, the lookup returns a pseudo-member named ``UNKNOWN_<value>`` that
    compares equal to the int, so the value survives a round trip.

    A value whose proto name Python cannot use as a member (``None``, ``name``)
    is generated as ``None_``; the class says so in its ``proto_names``
    keyword, so ``enum_to_string`` still prints the IDL's name.

    A closed enum (proto2, or editions' ``enum_type = CLOSED``) is declared with
    ``closed=True``: protobuf keeps an undeclared number of it out of the field
    (in the unknown fields), so no model ever holds one, and ``Size(7)`` raises
    ``ValueError`` as a plain ``IntEnum`` does.
    """

    def __init_subclass__(
        cls, proto_names: Mapping[str, str] | None = None, closed: bool = False, **kwargs: Any
    ) -> None:
        super().__init_subclass__(**kwargs)
        if closed:
            _CLOSED.add(cls)
        if proto_names:
            _PROTO_NAMES[cls] = dict(proto_names)
            _MEMBER_NAMES[cls] = {proto: member for member, proto in proto_names.items()}

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, int) or isinstance(value, bool) or cls in _CLOSED:
            return None
        member = int.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        # Cached so the same unknown value always yields the same object.
        return cls._value2member_map_.setdefault(value, member)

    def __str__(self) -> str:
        """The IDL's name of the value (``RUNNING``), not its number; an unknown value is ``UNKNOWN_<n>``.

        f-strings and ``format()`` follow (``enum`` formats with ``__str__`` when a class defines it);
        ``int(value)`` or ``%d`` give the number.
        """
        return _PROTO_NAMES.get(type(self), {}).get(self._name_, self._name_)

    @classmethod
    def enum_to_string(cls, value: int) -> str:
        """The name of ``value`` (flytekit's spelling of ``Enum(value).name``); unknown values print as numbers."""
        member = cls._value2member_map_.get(value)
        if member is None or member.name not in cls._member_map_:  # an UNKNOWN_<n> stand-in
            return str(value)
        return _PROTO_NAMES.get(cls, {}).get(member.name, member.name)

    @classmethod
    def string_to_enum(cls, name: str) -> Any:
        """The member named ``name`` in the IDL or in Python (flytekit's inverse of ``enum_to_string``).

        Raises:
            ValueError: the IDL has no such value.
        """
        try:
            return cls._member_map_[_MEMBER_NAMES.get(cls, {}).get(name, name)]
        except KeyError:
            raise ValueError(f"{cls.__qualname__} has no member named {name!r}") from None
