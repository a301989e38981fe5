"""Conversion, equality, hashing and walk timings of one payload, for all three subjects.

Every operation runs over the payload's whole list of messages (one message
for P1-P3, 10,000 for P4), so the Python loop is the same for all subjects.
Results are seconds per pass over the payload, by subject and operation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from google.protobuf.message import Message as PbMessage

from bench.subjects import Subject
from bench.timer import Operation, Settings
from bench.timer import measure as measure_operations
from bench.walk import walk_flytekit, walk_model

SUBJECTS = ("protobuf", "flytekit", "flytemodels")
SIDES = SUBJECTS[1:]  # the two model layers compared with raw protobuf


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


def _equal_copies(messages: list[PbMessage]) -> list[PbMessage]:
    """Messages equal to ``messages`` but separate objects, parsed from their bytes."""
    return [type(message).FromString(message.SerializeToString()) for message in messages]


def protobuf_operations(messages: list[PbMessage]) -> dict[str, Operation]:
    """The raw protobuf baselines."""
    pb_class = type(messages[0])
    blobs = [message.SerializeToString() for message in messages]
    others = _equal_copies(messages)
    return {
        "from_string": Operation(lambda: [pb_class.FromString(blob) for blob in blobs]),
        "serialize": Operation(lambda: [message.SerializeToString() for message in messages]),
        "copy": Operation(lambda: copy_all(messages)),
        "eq": Operation(lambda: _all_equal(messages, others)),
        "serialize_deterministic": Operation(lambda: _serialize_deterministic(messages)),
        # The same on messages just copied, as a first hash sees them: the fair baseline for it.
        "serialize_deterministic_fresh": Operation(_serialize_deterministic, setup=lambda: copy_all(messages)),
    }


def flytemodels_operations(messages: list[PbMessage], subject: Subject) -> dict[str, Operation]:
    """flytemodels: conversions, ``==``, first and repeated ``hash``, first and cached walk."""
    model = subject.model

    def convert(source: Iterable[PbMessage] = messages) -> list[Any]:
        return [model.from_flyte_idl(message) for message in source]

    models, others, walked = convert(), convert(_equal_copies(messages)), convert()
    _hash_all(models)
    walk_model(walked)
    return {
        "from_idl": Operation(convert),
        "to_idl": Operation(lambda: [value.to_flyte_idl() for value in models]),
        "round_trip": Operation(lambda: [value.to_flyte_idl() for value in convert()]),
        "eq": Operation(lambda: _all_equal(models, others)),
        "hash_first": Operation(_hash_all, setup=convert),
        "hash_repeat": Operation(lambda: _hash_all(models)),
        "walk": Operation(lambda: walk_model(convert())),
        "walk_cached": Operation(lambda: walk_model(walked)),
    }


def flytekit_operations(messages: list[PbMessage], subject: Subject) -> dict[str, Operation]:
    """flytekit.models: its eager conversions, and ``==``/``hash`` that re-serialize every time."""
    to_idl = subject.flytekit_to

    def convert(source: Iterable[PbMessage] = messages) -> list[Any]:
        return [subject.flytekit_from(message) for message in source]

    models, others = convert(), convert(_equal_copies(messages))
    return {
        "from_idl": Operation(convert),
        "to_idl": Operation(lambda: [to_idl(value) for value in models]),
        "round_trip": Operation(lambda: [to_idl(value) for value in convert()]),
        "eq": Operation(lambda: _all_equal(models, others)),
        "hash": Operation(lambda: _hash_all(models)),
        "walk": Operation(lambda: walk_flytekit(convert())),
    }


# Every (subject, baseline) ratio the report, the targets and the chart use.
PAIRS = [
    *((f"{side}.{op}", "protobuf.copy") for op in ("from_idl", "to_idl", "round_trip", "walk") for side in SIDES),
    ("flytemodels.walk_cached", "protobuf.copy"),
    ("flytekit.eq", "protobuf.eq"),
    ("flytemodels.eq", "protobuf.eq"),
    ("flytekit.hash", "protobuf.serialize_deterministic_fresh"),
    ("flytemodels.hash_first", "protobuf.serialize_deterministic_fresh"),
    ("flytekit.hash", "protobuf.serialize_deterministic"),
    ("flytemodels.hash_repeat", "protobuf.serialize_deterministic"),
    ("flytemodels.walk", "flytekit.from_idl"),
]


def measure(messages: list[PbMessage], subject: Subject, settings: Settings) -> dict[str, dict[str, float]]:
    """Median seconds of every operation by subject, and the ratios (under ``ratios``)."""
    by_subject = {
        "protobuf": protobuf_operations(messages),
        "flytekit": flytekit_operations(messages, subject),
        "flytemodels": flytemodels_operations(messages, subject),
    }
    flat = {f"{side}.{name}": op for side, operations in by_subject.items() for name, op in operations.items()}
    timed = measure_operations(flat, PAIRS, settings)
    times = {side: {name: timed.times[f"{side}.{name}"] for name in by_subject[side]} for side in SUBJECTS}
    return {**times, "ratios": timed.ratios}


def check_round_trips(messages: list[PbMessage], subject: Subject) -> dict[str, Any]:
    """Whether each subject gives back equal messages, and how many values a full walk visits."""
    models = [subject.model.from_flyte_idl(message) for message in messages]
    flytekit = [subject.flytekit_from(message) for message in messages]
    return {
        "flytemodels_lossless": [value.to_flyte_idl() for value in models] == messages,
        "flytekit_lossless": [subject.flytekit_to(value) for value in flytekit] == messages,
        "flytemodels_walk_values": walk_model(models),
        "flytekit_walk_values": walk_flytekit(flytekit),
    }
