"""Fields the IDL deprecates: flagged in docstrings, and a ``DeprecationWarning`` when one is set.

``Schedule.cron_expression`` (flyteidl/admin/schedule.proto) is deprecated in
favour of ``cron_schedule``. The warning points at the caller's line, names
``Message.field``, and changes nothing else: the value is kept as given.
Reading a message that holds a deprecated field, and the flytekit family
(flytekit warns about none), stay silent.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from flytemodels.admin.schedule import CronSchedule, Schedule
from flytemodels.core.identifier import Identifier
from flytemodels.flytekit import schedule as flytekit_schedule

WARNING = r"^Schedule\.cron_expression is deprecated in the IDL$"


@pytest.fixture
def silent() -> Iterator[None]:
    """Any DeprecationWarning inside fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        yield


@pytest.mark.parametrize("value", ["0 * * * *", "0 * * * * é"], ids=["fast path", "checked path"])
def test_setting_a_deprecated_field_warns_and_keeps_the_value(value: str) -> None:
    with pytest.warns(DeprecationWarning, match=WARNING) as caught:
        schedule = Schedule(cron_expression=value, kickoff_time_input_arg="at")
    assert len(caught) == 1 and caught[0].filename == __file__, "points at the caller"
    assert schedule.cron_expression == value and schedule.kickoff_time_input_arg == "at"
    assert schedule.to_flyte_idl().cron_expression == value


def test_replace_warns_for_a_deprecated_field_only() -> None:
    with pytest.warns(DeprecationWarning, match=WARNING):
        schedule = Schedule(kickoff_time_input_arg="at").replace(cron_expression="0 * * * *")
    assert schedule.cron_expression == "0 * * * *"
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        assert schedule.replace(kickoff_time_input_arg="then").cron_expression == "0 * * * *"


@pytest.mark.usefixtures("silent")
def test_other_fields_and_reading_do_not_warn() -> None:
    schedule = Schedule(cron_schedule=CronSchedule(schedule="@daily"), kickoff_time_input_arg="at")
    assert schedule.cron_expression is None
    Identifier(project="p", domain="d", name="n", version="v")  # a class without deprecated fields
    held = Schedule.from_flyte_idl(Schedule(cron_expression=None, kickoff_time_input_arg="at").to_flyte_idl())
    pb = held.to_flyte_idl()
    pb.cron_expression = "0 * * * *"
    assert Schedule.from_flyte_idl(pb).cron_expression == "0 * * * *"
    assert Schedule.from_bytes(pb.SerializeToString()).cron_expression == "0 * * * *"


@pytest.mark.usefixtures("silent")
def test_the_flytekit_family_does_not_warn() -> None:
    schedule = flytekit_schedule.Schedule("at", cron_expression="0 * * * *")
    assert schedule.to_flyte_idl().cron_expression == "0 * * * *"


def test_docstrings_flag_the_deprecation_before_the_idl_comment() -> None:
    doc = Schedule.cron_expression.__doc__ or ""
    assert doc.startswith("Deprecated.\n\n") and "Uses AWS syntax" in doc
    assert not (Schedule.cron_schedule.__doc__ or "").startswith("Deprecated.")
