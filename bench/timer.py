"""Medians of repeated timings, after warm-up, with the garbage collector paused while timing.

Time is the CPU time of the measuring thread (``time.thread_time``): every
operation is single-threaded and CPU-bound, and on a shared machine wall time
would also count the time other processes held the CPU.

Like ``timeit``: fast operations are called several times per sample so that a
sample lasts at least ``MIN_SAMPLE_S``; results are seconds per call. Ratios
are medians of per-round ratios, each taken from a subject sampled right after
its baseline, so that a shared machine's changing load cancels out.
"""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

MIN_SAMPLE_S = 0.005
MAX_CALLS_PER_SAMPLE = 100_000


@dataclass(frozen=True)
class Settings:
    """How much to repeat: ``warmup`` untimed calls, then ``repeats`` timed samples."""

    warmup: int = 2
    repeats: int = 9


@dataclass(frozen=True)
class Operation:
    """A callable to time.

    Without ``setup``, ``call()`` is timed. With it, ``call(setup())`` is timed
    on a fresh state each time, built before the clock starts: for first-time
    costs (the first ``hash``) that a repeated call on one object would not pay.
    """

    call: Callable[..., Any]
    setup: Callable[[], Any] | None = None


def _sample(call: Callable[[], Any], number: int) -> float:
    gc.disable()
    try:
        start = time.thread_time()
        for _ in range(number):
            call()
        return (time.thread_time() - start) / number
    finally:
        gc.enable()


def _one_by_one(call: Callable[[Any], Any], states: Iterator[Any]) -> Callable[[], Any]:
    return lambda: call(next(states))


def _sample_operation(operation: Operation, number: int) -> float:
    if operation.setup is None:
        return _sample(operation.call, number)
    states = [operation.setup() for _ in range(number)]
    return _sample(_one_by_one(operation.call, iter(states)), number)


def _calls_per_sample(operation: Operation) -> int:
    """How many calls make a sample of at least ``MIN_SAMPLE_S``, from one timed call."""
    once = _sample_operation(operation, 1)
    return max(1, min(MAX_CALLS_PER_SAMPLE, math.ceil(MIN_SAMPLE_S / max(once, 1e-9))))


def _warm_up(operation: Operation, settings: Settings) -> None:
    for _ in range(settings.warmup):
        _sample_operation(operation, 1)


@dataclass(frozen=True)
class Timings:
    """Median seconds per call by operation, and median ratios by ``"subject/baseline"``."""

    times: dict[str, float]
    ratios: dict[str, float]


def _round(
    operations: dict[str, Operation], pairs: list[tuple[str, str]], numbers: dict[str, int]
) -> tuple[dict[str, list[float]], dict[str, float]]:
    """One sample of everything: each subject right after a sample of its baseline."""
    samples: dict[str, list[float]] = {name: [] for name in operations}
    ratios: dict[str, float] = {}

    def take(name: str) -> float:
        seconds = _sample_operation(operations[name], numbers[name])
        samples[name].append(seconds)
        return seconds

    for subject, baseline in pairs:
        base = take(baseline)
        ratios[f"{subject}/{baseline}"] = take(subject) / base
    for name in operations.keys() - {subject for subject, _ in pairs}:
        take(name)
    return samples, ratios


def measure(operations: dict[str, Operation], pairs: list[tuple[str, str]], settings: Settings) -> Timings:
    """Time every operation, and every ``(subject, baseline)`` pair as a ratio.

    Each round samples a subject right after its baseline, so a change in
    machine load hits both; a ratio is the median of the per-round ratios.
    Everything alive when this starts (payloads, models) is frozen out of the
    garbage collector's reach, so the collections between rounds stay cheap.
    """
    gc.collect()
    gc.freeze()
    try:
        for operation in operations.values():
            _warm_up(operation, settings)
        numbers = {name: _calls_per_sample(operation) for name, operation in operations.items()}
        rounds = []
        for _ in range(settings.repeats):
            gc.collect()
            rounds.append(_round(operations, pairs, numbers))
    finally:
        gc.unfreeze()
    times = {name: statistics.median(t for samples, _ in rounds for t in samples[name]) for name in operations}
    ratios = {key: statistics.median(ratios[key] for _, ratios in rounds) for key in rounds[0][1]}
    return Timings(times, ratios)
