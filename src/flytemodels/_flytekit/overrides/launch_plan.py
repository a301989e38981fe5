"""flytekit's ``LaunchPlan`` carries ``auto_activate`` beside its message (not serialized)."""

from __future__ import annotations

from flytemodels.flytekit.launch_plan import LaunchPlanBase


class LaunchPlan(LaunchPlanBase):
    # Read by a model built from a message, which has no constructor argument for it.
    _auto_activate = False

    @property
    def should_auto_activate(self) -> bool:
        return bool(self._auto_activate)
