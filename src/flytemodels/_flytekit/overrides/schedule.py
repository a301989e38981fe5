"""flytekit's ``Schedule.schedule_expression``: whichever form of schedule is set."""

from __future__ import annotations

from typing import Any

from flytemodels.flytekit.schedule import ScheduleBase


class Schedule(ScheduleBase):
    @property
    def schedule_expression(self) -> Any:
        return self.cron_expression or self.rate or self.cron_schedule
