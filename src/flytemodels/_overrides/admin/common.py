"""flytekit's conveniences on ``flyteidl/admin/common.proto`` models."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from flytemodels._overrides._support import build
from flytemodels.admin.common import EnvsBase, SortBase
from flytemodels.core.literals import KeyValuePair


class Envs(EnvsBase):
    """Environment variables: flytekit's ``Envs(envs: dict)``, with the IDL's ``values`` list kept."""

    __slots__ = ()

    def __init__(
        self,
        envs: Mapping[str, str] | None = None,
        *,
        values: Iterable[KeyValuePair] | None = None,  # the IDL's form: repeated KeyValuePair
    ) -> None:
        if envs is not None and values is not None:
            raise TypeError("Envs: pass envs or values, not both")
        if envs is not None:
            values = [KeyValuePair(key=key, value=value) for key, value in envs.items()]
        build(self, {"values": values})

    @property
    def envs(self) -> dict[str, str]:
        """The variables as a dict (a repeated key wins with its last value, as in flytekit)."""
        return {pair.key: pair.value for pair in self.values}


class Sort(SortBase):
    """A sort order for admin list calls, with flytekit's ``from_python_std("asc(key)")``."""

    __slots__ = ()

    @classmethod
    def from_python_std(cls, text: str) -> Sort:
        """Parse ``"asc(key)"`` or ``"desc(key)"`` (spaces around the key are ignored); ValueError otherwise."""
        for prefix, direction in (("asc(", cls.Direction.ASCENDING), ("desc(", cls.Direction.DESCENDING)):
            if text.startswith(prefix) and text.endswith(")"):
                return cls(key=text[len(prefix) : -1].strip(), direction=direction)
        raise ValueError(f"cannot parse {text!r} as a sort: expected 'asc(key)' or 'desc(key)'")
