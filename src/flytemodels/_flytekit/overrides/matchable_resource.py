"""flytekit's ``PluginOverride.string_to_enum``: a missing-plugin behaviour by name."""

from __future__ import annotations

from flytemodels.flytekit.matchable_resource import PluginOverrideBase


class PluginOverride(PluginOverrideBase):
    @classmethod
    def string_to_enum(cls, val: str) -> int | str:
        """``FAIL`` or ``USE_DEFAULT`` as its value; any other name is the string "<UNKNOWN>", as in flytekit."""
        return {"FAIL": cls.FAIL, "USE_DEFAULT": cls.USE_DEFAULT}.get(val, "<UNKNOWN>")
