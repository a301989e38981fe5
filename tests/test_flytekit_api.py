"""API tests: every public name of every ``flytekit.models`` module is in ``flytemodels.flytekit``, alike.

The comparison itself lives in ``tests/flytekit_compat/api.py`` (shared with the
script that writes ``docs/flytekit_compat.md``): for classes, the constructor
(names, order, kinds and defaults; ours may only add keyword-only parameters
for IDL fields), public attributes of the same kinds, holder constants; for
re-exported names, that ours is the counterpart of flytekit's object. Every
difference must be a documented deviation, or a pending bug (a strict xfail).
"""

from __future__ import annotations

import importlib

import pytest
from flytemodels.flytekit.common import FlyteIdlEntity

from flytemodels._flytekit.entity import FlytekitModel
from flytemodels._runtime import Message as IdlMessage
from tests.flytekit_compat import __main__ as compat_main
from tests.flytekit_compat import api, deviations, table
from tests.flytekit_compat.api import Kind, Status

ROWS = table.rows()

#: flytekit's classes that wrap no message and are no enum holder: ours are hand-written too.
HAND_WRITTEN = {
    "common.FlyteABCMeta",
    "common.FlyteType",
    "common.FlyteIdlEntity",
    "common.FlyteCustomIdlEntity",
    "array_job.ArrayJob",
    *(f"filters.{name}" for name in ("FilterList", "Filter", "SetFilter", "Contains", "ValueIn", "ValueNotIn")),
    *(f"filters.{name}" for name in ("Equal", "NotEqual", "GreaterThan", "GreaterThanOrEqual", "LessThan")),
    "filters.LessThanOrEqual",
}


def _param(row: table.Row) -> object:
    pending = deviations.PENDING.get(f"api {row.pair.key}")
    marks = [pytest.mark.xfail(reason=pending, strict=True)] if pending else []
    return pytest.param(row, id=row.pair.key, marks=marks)


@pytest.mark.parametrize("row", [_param(row) for row in ROWS])
def test_name_matches_flytekit(row: table.Row) -> None:
    """Same, or a documented deviation; a pending bug fails here (a strict xfail)."""
    assert row.status in (Status.SAME, Status.DEVIATION), f"{row.pair.key}: {row.status.value}: " + "; ".join(
        api.compare(row.pair).differences if row.pair.ours is not api.MISSING_NAME else ["missing"]
    )


def test_every_module_is_there() -> None:
    for module in api.MODULES:
        importlib.import_module(f"flytemodels.flytekit.{module}")
    assert {"literals", "core.workflow", "admin.common", "filters", "array_job"} <= set(api.MODULES)


def test_names_are_found() -> None:
    """The walk finds what flytekit code imports: classes, nested classes, re-exports."""
    keys = {row.pair.key: row.pair.kind for row in ROWS}
    assert keys["literals.Literal"] is Kind.CLASS
    assert keys["schedule.Schedule.FixedRate"] is Kind.NESTED
    assert keys["literals.Error"] is Kind.REEXPORT
    assert keys["task.BoolValue"] is Kind.REEXPORT
    from flytemodels.flytekit import literals, types

    assert literals.Error is types.Error


def test_only_classes_without_a_message_are_hand_written() -> None:
    """Everything else is a generated model or an enum holder, covered by the differential tests."""
    found = {
        row.pair.key
        for row in ROWS
        if row.pair.is_class and not row.pair.is_model and not api.is_holder(row.pair.flytekit)
    }
    assert found == HAND_WRITTEN


@pytest.mark.parametrize("row", [row for row in ROWS if row.pair.is_model], ids=lambda row: row.pair.key)
def test_models_are_the_flytekit_family(row: table.Row) -> None:
    """A flytekit entity, not the IDL family's class; every message field yields a class of the family."""
    ours = row.pair.ours
    assert issubclass(ours, FlyteIdlEntity) and not issubclass(ours, IdlMessage)
    assert isinstance(ours.from_flyte_idl(ours._PB()), FlyteIdlEntity)
    for shape in ours._SHAPES.values():
        model = getattr(shape, "model", None) or getattr(getattr(shape, "inner", None), "model", None)
        if model is not None:
            assert issubclass(model.get(), FlytekitModel), f"{row.pair.key}: {shape.label} -> {model.get()}"


def test_table_is_current() -> None:
    assert compat_main.main(["--check"]) == 0, "run: make compat"
