"""API tests: every flytekit.models class has a counterpart with a compatible surface.

The comparison itself lives in ``tests/flytekit_compat`` (shared with the
script that writes ``docs/flytekit_compat.md``). Every class must have a
counterpart, and every difference must be documented.
"""

from __future__ import annotations

import pytest

from flytemodels._runtime import Message, registry
from flytemodels.flytekit.common import FlyteIdlEntity
from tests.flytekit_compat import __main__ as compat_main
from tests.flytekit_compat import table
from tests.flytekit_compat.api import Status
from tests.support import catalog

ROWS = table.rows()


#: The flytekit classes that wrap no IDL message (or enum), so ours are written in ``flytemodels.flytekit``.
HAND_WRITTEN = {
    "common.FlyteABCMeta",
    "common.FlyteType",
    "common.FlyteIdlEntity",
    "common.FlyteCustomIdlEntity",
    "named_entity.NamedEntityState",
    "concurrency.ConcurrencyLimitBehavior",
    "documentation.Description.DescriptionFormat",
    "array_job.ArrayJob",
    *(f"filters.{name}" for name in ("FilterList", "Filter", "SetFilter", "Contains", "ValueIn", "ValueNotIn")),
    *(f"filters.{name}" for name in ("Equal", "NotEqual", "GreaterThan", "GreaterThanOrEqual", "LessThan")),
    "filters.LessThanOrEqual",
}


@pytest.mark.parametrize("row", ROWS, ids=[row.pair.key for row in ROWS])
def test_counterpart_matches_flytekit(row: table.Row) -> None:
    assert row.status is not Status.MISSING, f"{row.pair.key}: no counterpart in flytemodels.flytekit"
    assert row.status is not Status.DIFFERS, f"{row.pair.key}: " + "; ".join(row.notes)


def test_only_classes_without_an_idl_counterpart_are_hand_written() -> None:
    """Everything else is a generated model or enum (or an override), covered by the differential tests."""
    assert {row.pair.key for row in ROWS if table.backing(row.pair.ours) == "hand-written"} == HAND_WRITTEN


@pytest.mark.parametrize("row", [row for row in ROWS if isinstance(row.pair.ours, type)], ids=lambda row: row.pair.key)
def test_idl_classes_are_the_public_models(row: table.Row) -> None:
    """No second copy: a counterpart wrapping a message is the class at its public path."""
    ours = row.pair.ours
    if issubclass(ours, Message):
        assert registry.model_class(ours._PB.DESCRIPTOR) is ours


def test_every_model_is_a_flyte_idl_entity() -> None:
    for case in catalog.messages():
        assert issubclass(case.model, FlyteIdlEntity), case.full_name
        assert isinstance(case.model.from_flyte_idl(case.pb_class()), FlyteIdlEntity), case.full_name


def test_table_is_current() -> None:
    assert compat_main.main(["--check"]) == 0, "run: python -m tests.flytekit_compat"
