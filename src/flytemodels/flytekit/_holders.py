"""flytekit's enum holder classes where its names differ from the IDL's.

flytekit spells enums as plain classes of int constants with an
``enum_to_string`` classmethod. Where its constant names are the IDL's, the
drop-in is the IDL's ``OpenEnum`` itself; where they differ
(``NamedEntityState.ACTIVE`` for ``NAMED_ENTITY_ACTIVE``), a holder subclasses
``EnumHolder`` and binds flytekit's names to the IDL's members, so a constant
can be passed wherever the IDL enum is expected.
"""

from __future__ import annotations

import enum
from typing import ClassVar


class EnumHolder:
    """Int constants under flytekit's names, each an IDL enum member; never instantiated."""

    _NAMES: ClassVar[dict[int, str]] = {}

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        constants = {
            name: value for name, value in vars(cls).items() if name.isupper() and isinstance(value, enum.Enum)
        }
        cls._NAMES = {int(value.value): name for name, value in constants.items()}

    @classmethod
    def enum_to_string(cls, val: int) -> str:
        """flytekit's name of ``val``; a value without a constant prints as its number."""
        return cls._NAMES.get(val, str(val))
