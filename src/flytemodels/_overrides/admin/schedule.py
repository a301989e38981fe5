"""flytekit's ``Schedule`` (``flytekit.models.schedule``): its argument order and nested names."""

from __future__ import annotations

from typing import Any

from flytemodels._overrides._support import build, set_member
from flytemodels.admin.schedule import CronSchedule as _CronSchedule
from flytemodels.admin.schedule import FixedRate as _FixedRate
from flytemodels.admin.schedule import FixedRateUnit as _FixedRateUnit
from flytemodels.admin.schedule import ScheduleBase


class Schedule(ScheduleBase):
    """When a launch plan runs: a cron expression, a fixed rate or a cron schedule.

    flytekit nests ``FixedRate``, ``CronSchedule`` and ``FixedRateUnit`` in
    ``Schedule``; the IDL declares them at the top of the file. Both paths name
    the same classes.
    """

    __slots__ = ()

    FixedRate = _FixedRate
    CronSchedule = _CronSchedule
    FixedRateUnit = _FixedRateUnit

    def __init__(
        self,
        kickoff_time_input_arg: str | None = None,
        cron_expression: str | None = None,
        rate: _FixedRate | None = None,
        cron_schedule: _CronSchedule | None = None,
    ) -> None:
        build(self, locals())

    @property
    def schedule_expression(self) -> Any:
        """Whichever of ``cron_expression``, ``rate`` and ``cron_schedule`` is set; ``None`` if none is."""
        return set_member(self, "ScheduleExpression")
