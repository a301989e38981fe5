"""The base of flytekit's enum holder classes: int constants on a plain class."""

from __future__ import annotations

from typing import ClassVar


class Holder:
    """Constants under flytekit's names; ``enum_to_string`` names a value as flytekit does."""

    #: What ``enum_to_string`` gives a value without a name: flytekit prints "<UNKNOWN>" or the number.
    _UNNAMED: ClassVar[str | None] = None

    @classmethod
    def _names(cls) -> dict[int, str]:
        names: dict[int, str] = {}
        for klass in reversed(cls.__mro__):
            for name, value in vars(klass).items():
                if name.isupper() and isinstance(value, int) and not isinstance(value, bool):
                    names.setdefault(value, name)
        return names

    @classmethod
    def enum_to_string(cls, val: int) -> str:
        name = cls._names().get(val)
        if name is not None:
            return name
        return cls._UNNAMED if cls._UNNAMED is not None else str(val)

    @classmethod
    def string_to_enum(cls, val: str) -> int | str:
        """The value named ``val``; flytekit answers an unknown name with the string "<UNKNOWN>"."""
        for value, name in cls._names().items():
            if name == val:
                return value
        return "<UNKNOWN>"
