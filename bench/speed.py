"""Conversion, equality, hashing and read timings of one payload, as groups of the four subjects.

Every operation runs over the payload's whole list of messages (one message
for P1-P3, 10,000 for P4), so the Python loop is the same for all subjects.
Each row of the table is one ``Group``: raw protobuf's baseline and the same
operation of flytekit.models and both flytemodels families, timed one after
another in every round (``timer``).

Each payload is measured in an interpreter of its own (``python -m bench.speed
P4``): raw protobuf's baselines on 10,000 small messages (``CopyFrom``, ``==``)
are memory-bound, and in a process that had already built and dropped the
other payloads they ran up to 2.5x slower, and differently from run to run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from google.protobuf.message import Message as PbMessage

from bench.payloads import build_all
from bench.subjects import Side, Subject, subject_for
from bench.timer import Group, Operation, Settings, Timings
from bench.timer import measure as measure_groups
from bench.walk import walk_message, walk_model, walk_properties

MODEL_SIDES = ("flytekit", "idl", "family")
WALKERS: dict[str, Callable[[Any], int]] = {"flytekit": walk_properties, "idl": walk_model, "family": walk_properties}


def _all_equal(left: list[Any], right: list[Any]) -> bool:
    equal = True
    for a, b in zip(left, right, strict=True):
        equal = a == b and equal
    return equal


def _hash_all(values: list[Any]) -> int:
    total = 0
    for value in values:
        total ^= hash(value)
    return total


def copy_all(messages: list[PbMessage]) -> list[PbMessage]:
    """Fresh copies of ``messages``, made in C (the raw-protobuf baseline of a conversion)."""
    copies = []
    for message in messages:
        copy = type(message)()
        copy.CopyFrom(message)
        copies.append(copy)
    return copies


def _serialize_deterministic(messages: list[PbMessage]) -> list[bytes]:
    return [message.SerializeToString(deterministic=True) for message in messages]


def equal_copies(messages: list[PbMessage]) -> list[PbMessage]:
    """Messages equal to ``messages`` but separate objects, parsed from their bytes."""
    return [type(message).FromString(message.SerializeToString()) for message in messages]


def protobuf_operations(messages: list[PbMessage]) -> dict[str, Operation]:
    """The raw protobuf baselines."""
    others = equal_copies(messages)
    return {
        "copy": Operation(lambda: copy_all(messages)),
        "eq": Operation(lambda: _all_equal(messages, others)),
        "serialize_deterministic": Operation(lambda: _serialize_deterministic(messages)),
        # The same on messages just copied, as a first hash sees them: the fair baseline for it.
        "serialize_deterministic_fresh": Operation(_serialize_deterministic, setup=lambda: copy_all(messages)),
        # The floor of a read: copies, then every field of every message read (set sub-messages only).
        "read": Operation(lambda: walk_message(copy_all(messages))),
    }


def model_operations(messages: list[PbMessage], side: Side, walker: Callable[[Any], int]) -> dict[str, Operation]:
    """One model layer: conversions, ``==``, first and repeated ``hash``, first and repeated full walk."""
    from_idl, to_idl, root = side.from_idl, side.to_idl, side.walk_root

    def convert(source: Iterable[PbMessage] = messages) -> list[Any]:
        return [from_idl(message) for message in source]

    models, others, walked = convert(), convert(equal_copies(messages)), convert()
    _hash_all(models)
    walker([root(model) for model in walked])
    return {
        "from_idl": Operation(convert),
        "to_idl": Operation(lambda: [to_idl(value) for value in models]),
        "round_trip": Operation(lambda: [to_idl(value) for value in convert()]),
        "eq": Operation(lambda: _all_equal(models, others)),
        "hash_first": Operation(_hash_all, setup=convert),
        "hash_repeat": Operation(lambda: _hash_all(models)),
        "read": Operation(lambda: walker([root(model) for model in convert()])),
        "read_again": Operation(lambda: walker([root(model) for model in walked])),
        # What FlyteRemote does with a fetched entity it has read: serialize it again.
        "to_idl_walked": Operation(lambda: [to_idl(value) for value in walked]),
    }


# Each row: its raw protobuf baseline (None: flytekit's from_flyte_idl is the baseline) and the
# operation each model layer runs.
ROWS: dict[str, str | None] = {
    "from_idl": "copy",
    "to_idl": "copy",
    "round_trip": "copy",
    "eq": "eq",
    "hash_first": "serialize_deterministic_fresh",
    "hash_repeat": "serialize_deterministic",
    "read": "copy",
    "read_again": "copy",
    "to_idl_walked": "copy",
}


def groups(messages: list[PbMessage], subject: Subject) -> dict[str, Group]:
    """One group per row: raw protobuf's baseline, then flytekit, the IDL family and the flytekit family.

    The read row also has flytekit's eager ``from_flyte_idl`` as a baseline (the
    target is a fraction of it), flytekit's own read, and raw protobuf's read
    (``CopyFrom`` and a walk of the messages' fields: the floor); ``to_flyte_idl``
    after a full walk has flytekit's own as a baseline too.
    """
    raw = protobuf_operations(messages)
    sides = {name: model_operations(messages, subject.side(name), WALKERS[name]) for name in MODEL_SIDES}
    result: dict[str, Group] = {}
    for row, baseline in ROWS.items():
        assert baseline is not None
        operations = {"protobuf": raw[baseline], **{name: sides[name][row] for name in MODEL_SIDES}}
        baselines: tuple[str, ...] = ("protobuf",)
        if row == "read":
            operations["flytekit.from_idl"] = sides["flytekit"]["from_idl"]
            operations["protobuf.read"] = raw["read"]
            baselines = ("protobuf", "flytekit.from_idl", "flytekit", "protobuf.read")
        if row == "to_idl_walked":  # what flytekit's models take for the same: they keep nothing to copy
            baselines = ("protobuf", "flytekit")
        result[row] = Group(operations, baselines)
    return result


def measure(messages: list[PbMessage], subject: Subject, settings: Settings) -> dict[str, Any]:
    """Per row: median seconds by subject, and the median per-round ratios."""
    timed: dict[str, Timings] = measure_groups(groups(messages, subject), settings, progress=lambda _: None)
    return {row: timings.as_dict() for row, timings in timed.items()}


def check_round_trips(messages: list[PbMessage], subject: Subject) -> dict[str, Any]:
    """Whether each model layer gives back equal messages, and how many values a full walk visits."""
    checks: dict[str, Any] = {}
    for name in MODEL_SIDES:
        side = subject.side(name)
        models = [side.from_idl(message) for message in messages]
        checks[f"{name}_lossless"] = [side.to_idl(value) for value in models] == messages
        checks[f"{name}_walk_values"] = WALKERS[name]([side.walk_root(model) for model in models])
    return checks


def measure_payload(key: str, settings: Settings) -> dict[str, Any]:
    """Payload ``key``'s round-trip checks and rows, measured in this interpreter."""
    payload = next(payload for payload in build_all() if payload.key == key)
    subject = subject_for(key)
    messages = payload.messages
    return {
        "title": payload.title,
        "messages": len(messages),
        "bytes": sum(message.ByteSize() for message in messages),
        "checks": check_round_trips(messages, subject),
        "rows": measure(messages, subject, settings),
    }


def measure_in_subprocess(key: str, settings: Settings) -> dict[str, Any]:
    """``measure_payload`` in a fresh interpreter (see the module docstring)."""
    command = [sys.executable, "-m", "bench.speed", key, "--repeats", str(settings.repeats)]
    command += ["--warmup", str(settings.warmup)]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.speed", description=__doc__)
    parser.add_argument("payload", choices=("P1", "P2", "P3", "P4"))
    parser.add_argument("--repeats", type=int, default=Settings.repeats)
    parser.add_argument("--warmup", type=int, default=Settings.warmup)
    arguments = parser.parse_args()
    print(json.dumps(measure_payload(arguments.payload, Settings(arguments.warmup, arguments.repeats))))


if __name__ == "__main__":
    main()
