"""Timing groups of operations round by round, and ratios as medians of per-round ratios.

Time is the CPU time of the measuring thread (``time.thread_time``): every
operation is single-threaded and CPU-bound, and on a shared machine wall time
would also count the time other processes held the CPU.

A ``Group`` is the operations one row of the table compares (say raw protobuf's
``CopyFrom``, and the round trip of flytekit.models and of both flytemodels
families). Every round samples each operation of each group, the operations of
a group one right after another (in an order rotated from round to round), and
takes the ratio of each operation to the group's baselines *within the round*.
A ratio is the median of those per-round ratios: on a shared machine whose load
changes between rounds, both sides of a ratio see the same load, where medians
of separate runs moved by 2-3x.

Like ``timeit``: fast operations are called several times per sample so that a
sample lasts at least ``MIN_SAMPLE_S``; times are seconds per call.
"""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

MIN_SAMPLE_S = 0.015
MAX_CALLS_PER_SAMPLE = 100_000


@dataclass(frozen=True)
class Settings:
    """How much to repeat: ``warmup`` untimed calls, then ``repeats`` rounds."""

    warmup: int = 2
    repeats: int = 15


@dataclass(frozen=True)
class Operation:
    """A callable to time.

    Without ``setup``, ``call()`` is timed. With it, ``call(setup())`` is timed
    on a fresh state each time, built before the clock starts: for first-time
    costs (the first ``hash``) that a repeated call on one object would not pay.
    """

    call: Callable[..., Any]
    setup: Callable[[], Any] | None = None


@dataclass(frozen=True)
class Group:
    """Operations compared with each other, by name; ratios are taken to each of ``baselines``."""

    operations: dict[str, Operation]
    baselines: tuple[str, ...]


@dataclass(frozen=True)
class Timings:
    """Median seconds per call by operation, and median per-round ratios by ``"operation/baseline"``."""

    times: dict[str, float]
    ratios: dict[str, float]
    # The spread of each ratio over the rounds: (first quartile, third quartile).
    quartiles: dict[str, tuple[float, float]]

    def as_dict(self) -> dict[str, Any]:
        return {"times": self.times, "ratios": self.ratios, "quartiles": self.quartiles}


def sample(call: Callable[[], Any], number: int, clock: Callable[[], float] = time.thread_time) -> float:
    """Seconds of CPU per call over ``number`` calls, with the garbage collector paused."""
    gc.disable()
    try:
        start = clock()
        for _ in range(number):
            call()
        return (clock() - start) / number
    finally:
        gc.enable()


def _one_by_one(call: Callable[[Any], Any], states: Iterator[Any]) -> Callable[[], Any]:
    return lambda: call(next(states))


def _sample_operation(operation: Operation, number: int) -> float:
    if operation.setup is None:
        return sample(operation.call, number)
    states = [operation.setup() for _ in range(number)]
    return sample(_one_by_one(operation.call, iter(states)), number)


def calls_per_sample(seconds_per_call: float) -> int:
    """How many calls make a sample of at least ``MIN_SAMPLE_S``."""
    return max(1, min(MAX_CALLS_PER_SAMPLE, math.ceil(MIN_SAMPLE_S / max(seconds_per_call, 1e-9))))


def quartiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 2:
        return values[0], values[0]
    first, _, third = statistics.quantiles(values, n=4)
    return first, third


def rotated(names: list[str], round_index: int) -> list[str]:
    """``names`` starting at a different one each round, so no operation is always sampled first."""
    shift = round_index % len(names)
    return names[shift:] + names[:shift]


def summarize(rounds: list[dict[str, float]], baselines: tuple[str, ...]) -> Timings:
    """Medians of the samples and of the per-round ratios of each operation to each baseline."""
    names = list(rounds[0])
    times = {name: statistics.median(samples[name] for samples in rounds) for name in names}
    ratios: dict[str, float] = {}
    spread: dict[str, tuple[float, float]] = {}
    for baseline in baselines:
        for name in names:
            if name == baseline:
                continue
            per_round = [samples[name] / samples[baseline] for samples in rounds]
            ratios[f"{name}/{baseline}"] = statistics.median(per_round)
            spread[f"{name}/{baseline}"] = quartiles(per_round)
    return Timings(times, ratios, spread)


def measure(
    groups: dict[str, Group], settings: Settings, progress: Callable[[str], None] = print
) -> dict[str, Timings]:
    """Time every group for ``settings.repeats`` rounds; see the module docstring.

    Everything alive when this starts (payloads, models) is frozen out of the
    garbage collector's reach, so the collections between samples stay cheap.
    """
    gc.collect()
    gc.freeze()
    try:
        numbers: dict[tuple[str, str], int] = {}
        for key, group in groups.items():
            for name, operation in group.operations.items():
                for _ in range(settings.warmup):
                    _sample_operation(operation, 1)
                numbers[key, name] = calls_per_sample(_sample_operation(operation, 1))
        rounds: dict[str, list[dict[str, float]]] = {key: [] for key in groups}
        for index in range(settings.repeats):
            for key, group in groups.items():
                samples: dict[str, float] = {}
                for name in rotated(list(group.operations), index):
                    gc.collect()
                    samples[name] = _sample_operation(group.operations[name], numbers[key, name])
                rounds[key].append(samples)
            progress(f"    round {index + 1}/{settings.repeats}")
    finally:
        gc.unfreeze()
    return {key: summarize(rounds[key], group.baselines) for key, group in groups.items()}
