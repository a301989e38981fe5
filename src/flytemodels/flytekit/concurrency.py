"""Mirrors ``flytekit.models.concurrency``."""

from flytemodels.admin.launch_plan import ConcurrencyLimitBehavior as _IdlBehavior
from flytemodels.admin.launch_plan import ConcurrencyPolicy
from flytemodels.flytekit._holders import EnumHolder


class ConcurrencyLimitBehavior(EnumHolder):
    """flytekit's names for the IDL's ``ConcurrencyLimitBehavior`` (``SKIP``: ``CONCURRENCY_LIMIT_BEHAVIOR_SKIP``)."""

    UNSPECIFIED = _IdlBehavior.CONCURRENCY_LIMIT_BEHAVIOR_UNSPECIFIED
    SKIP = _IdlBehavior.CONCURRENCY_LIMIT_BEHAVIOR_SKIP


__all__ = ["ConcurrencyLimitBehavior", "ConcurrencyPolicy"]
