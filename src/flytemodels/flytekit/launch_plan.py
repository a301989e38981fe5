"""Mirrors ``flytekit.models.launch_plan``; ``LaunchPlanState`` is the IDL enum (same names and values)."""

from flytemodels.admin.launch_plan import (
    Auth,
    LaunchPlan,
    LaunchPlanClosure,
    LaunchPlanMetadata,
    LaunchPlanSpec,
    LaunchPlanState,
)

__all__ = ["Auth", "LaunchPlan", "LaunchPlanClosure", "LaunchPlanMetadata", "LaunchPlanSpec", "LaunchPlanState"]
