"""flytekit's ``PluginOverride.string_to_enum``: a missing-plugin behaviour by name."""

from __future__ import annotations

from flytemodels.flytekit.matchable_resource import MatchingAttributesBase, PluginOverrideBase


class PluginOverride(PluginOverrideBase):
    @classmethod
    def string_to_enum(cls, val: str) -> int | str:
        """``FAIL`` or ``USE_DEFAULT`` as its value; any other name is the string "<UNKNOWN>", as in flytekit."""
        return {"FAIL": cls.FAIL, "USE_DEFAULT": cls.USE_DEFAULT}.get(val, "<UNKNOWN>")


class MatchingAttributes(MatchingAttributesBase):
    def _fm_post_init(self) -> None:
        targets = (
            self._cluster_resource_attributes,
            self._execution_queue_attributes,
            self._execution_cluster_label,
            self._plugin_overrides,
        )
        if sum(bool(target) for target in targets) > 1:
            raise ValueError("Only one target can be set")
