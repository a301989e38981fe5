"""Differential tests: flytekit.models and flytemodels.flytekit give the same messages.

For every flytekit class whose counterpart is a flytemodels model, seeded random
messages (the descriptor-driven filler, without unknown fields or enum values,
which flytekit's models cannot carry) go through flytekit's
``from_flyte_idl(pb).to_flyte_idl()`` and through ours. Ours must give back
``pb`` itself; flytekit's must equal ours once the fields flytekit is documented
to drop (``deviations.DROPPED``) are cleared.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from google.protobuf.message import Message as PbMessage

from flytemodels._runtime import Message
from tests.flytekit_compat import deviations, table
from tests.support import filler

INSTANCES = 25
OPTIONS = filler.Options().plain()
ROWS = [row for row in table.rows() if isinstance(row.pair.ours, type) and issubclass(row.pair.ours, Message)]


def without_dropped(pb: Any) -> Any:
    """A copy of ``pb`` as flytekit's round trip would give it, by the documented deviations.

    Fields flytekit drops are cleared, nanoseconds it cannot hold are truncated,
    and empty non-oneof sub-messages are removed (flytekit adds them; apply this
    to flytekit's output too).
    """
    copy = type(pb)()
    copy.CopyFrom(pb)
    _normalize(copy)
    return copy


def _normalize(pb: PbMessage) -> None:
    name = pb.DESCRIPTOR.full_name
    for field in deviations.DROPPED.get(name, ((), ""))[0]:
        pb.ClearField(field)
    for field, value in pb.ListFields():
        if field.message_type is None:
            continue
        for item in _items(field, value):
            if name in deviations.MICROSECONDS and item.DESCRIPTOR.full_name in _TIME:
                item.nanos = int(item.nanos / 1000) * 1000
            _normalize(item)
        if not field.is_repeated and field.containing_oneof is None and value.ByteSize() == 0:
            pb.ClearField(field.name)


_TIME = ("google.protobuf.Timestamp", "google.protobuf.Duration")


def _items(field: Any, value: Any) -> list[Any]:
    if field.message_type.GetOptions().map_entry:
        return list(value.values()) if field.message_type.fields_by_name["value"].message_type else []
    return list(value) if field.is_repeated else [value]


def _param(row: table.Row) -> Any:
    pending = deviations.PENDING.get(row.pair.key)
    marks = [pytest.mark.xfail(reason=pending, strict=True)] if pending else []
    return pytest.param(row, id=row.pair.key, marks=marks)


@pytest.mark.parametrize("row", [_param(row) for row in ROWS])
def test_same_messages_as_flytekit(row: table.Row) -> None:
    ours, theirs = row.pair.ours, row.pair.flytekit
    rng = random.Random(row.pair.key)
    for index in range(INSTANCES):
        pb = filler.fill(ours._PB, rng, OPTIONS)
        context = f"{row.pair.key} #{index}: {pb}"
        mine = ours.from_flyte_idl(pb).to_flyte_idl()
        assert mine == pb, context
        assert without_dropped(theirs.from_flyte_idl(pb).to_flyte_idl()) == without_dropped(mine), context
