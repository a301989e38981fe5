"""Conveniences for interfaces: ``Parameter.behavior`` returns whichever member of that oneof is set."""

from __future__ import annotations

from typing import Any

from flytemodels._overrides._support import set_member
from flytemodels.core.interface import ParameterBase


class Parameter(ParameterBase):
    """An input of a launch plan: its variable and its default, requirement or artifact source."""

    __slots__ = ()

    @property
    def behavior(self) -> Any:
        """Whichever of ``default``, ``required``, ``artifact_query`` and ``artifact_id`` is set; else ``None``."""
        return set_member(self, "behavior")
