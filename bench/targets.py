"""The targets of issue 4, checked against the ratios measured in one run.

Each target is a ratio (or a time) with a limit; ``evaluate`` turns the raw
results into a list of ``Target`` values, one per payload where it applies.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

ROUND_TRIP_LIMIT = {"P1": 3.0, "P2": 3.0, "P3": 3.0, "P4": 5.0}
EQ_LIMIT = 2.0
HASH_FIRST_LIMIT = 2.0
HASH_REPEAT_LIMIT_S = 1e-6  # per model: a cached int, whatever the message size
WALK_LIMIT = 1.0
MEMORY_LIMIT = 2.0
IMPORT_LIMIT = 1.5
GENERATE_LIMIT_S = 15.0


@dataclass(frozen=True)
class Target:
    """One target: what was measured against what limit (lower is better)."""

    name: str
    payload: str | None
    measured: float
    limit: float
    unit: str  # "x" (a ratio), "s" or "us"

    @property
    def passed(self) -> bool:
        return self.measured <= self.limit

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "passed": self.passed}


def _ratio(numerator: float | None, denominator: float | None) -> float:
    if numerator is None or not denominator:
        return float("nan")
    return numerator / denominator


def payload_targets(key: str, result: dict[str, Any]) -> list[Target]:
    """Round trip, ``==``, ``hash``, walk and memory targets of one payload."""
    ratios, memory = result["ratios"], result["memory"]
    per_model_us = result["flytemodels"]["hash_repeat"] / result["messages"] * 1e6
    return [
        Target(
            "round trip / CopyFrom", key, ratios["flytemodels.round_trip/protobuf.copy"], ROUND_TRIP_LIMIT[key], "x"
        ),
        Target("== / raw ==", key, ratios["flytemodels.eq/protobuf.eq"], EQ_LIMIT, "x"),
        Target(
            "hash first / deterministic serialize",
            key,
            ratios["flytemodels.hash_first/protobuf.serialize_deterministic_fresh"],
            HASH_FIRST_LIMIT,
            "x",
        ),
        Target("hash repeated, per model", key, per_model_us, HASH_REPEAT_LIMIT_S * 1e6, "us"),
        Target(
            "full walk / flytekit from_flyte_idl", key, ratios["flytemodels.walk/flytekit.from_idl"], WALK_LIMIT, "x"
        ),
        Target(
            "memory / pb message",
            key,
            _ratio(memory["flytemodels_held"], memory["protobuf_held"]),
            MEMORY_LIMIT,
            "x",
        ),
        Target(
            "memory after full walk / pb message",
            key,
            _ratio(memory["flytemodels_walked_held"], memory["protobuf_held"]),
            MEMORY_LIMIT,
            "x",
        ),
    ]


def global_targets(imports: dict[str, Any], generate: dict[str, float] | None) -> list[Target]:
    """Cold import, lazy package import and generation time."""
    loaded = len(imports["flytemodels_package_model_modules"])
    return [
        Target("cold import / pb2 modules", None, imports["flytemodels"] / imports["protobuf"], IMPORT_LIMIT, "x"),
        Target("model modules loaded by `import flytemodels`", None, float(loaded), 0.0, "modules"),
        Target(
            "generate all of flyteidl",
            None,
            _ratio(generate["wall_seconds"] if generate else None, 1.0),
            GENERATE_LIMIT_S,
            "s",
        ),
    ]


def evaluate(results: dict[str, Any]) -> list[Target]:
    """All targets, payload by payload, then the global ones."""
    targets = [target for key, result in results["payloads"].items() for target in payload_targets(key, result)]
    return targets + global_targets(results["imports"], results["generate"])
