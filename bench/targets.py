"""The targets of issue 10, checked against the ratios measured in one run, for each flytemodels family.

Each target is a ratio (or a time) with a limit; ``evaluate`` turns the raw
results into a list of ``Target`` values, one per payload and family where it
applies (``family``: ``"idl"`` or ``"family"``, None for targets of the package).
``verdicts`` folds them into one line per target and family.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from bench.subjects import FAMILIES, NAMES

BUILD_FLYTEKIT_LIMIT = {"B1": 0.5, "B2": 0.5, "B3": 0.8}  # nested payloads; flat identifiers
BUILD_PROTOBUF_LIMIT = 2.0
READ_LIMIT = 0.7  # of flytekit's eager from_flyte_idl
# Raw protobuf's read (CopyFrom, then every field of every message by name) ÷ flytekit's from_flyte_idl.
RAW_READ = "protobuf.read/flytekit.from_idl"
ROUND_TRIP_LIMIT = 2.5
EQ_LIMIT = 1.5
HASH_FIRST_LIMIT = 1.5
HASH_REPEAT_LIMIT_US = 1.0  # per model: a cached int, whatever the message size
E2E_LIMIT = 0.7
MEMORY_LIMIT = 1.5
IMPORT_LIMIT = 1.0
GENERATE_LIMIT_S = 15.0

# Target names, in the order of the verdict lines.
BUILD_FLYTEKIT = "build ÷ flytekit"
BUILD_PROTOBUF = "build ÷ raw protobuf constructors"
READ = "from_flyte_idl + full walk ÷ flytekit's from_flyte_idl"
ROUND_TRIP = "round trip ÷ CopyFrom"
EQ = "== ÷ raw =="
HASH_FIRST = "first hash ÷ deterministic serialize"
HASH_REPEAT = "repeated hash, per model"
E2E = "flytekit's own code ÷ flytekit as shipped"
MEMORY = "memory after full walk ÷ message"
IMPORT = "cold import of 3 modules ÷ their pb2 modules"
PACKAGE = "model modules loaded by `import flytemodels`"
GENERATE = "generate all of flyteidl"


@dataclass(frozen=True)
class Target:
    """One target: what was measured against what limit (lower is better)."""

    name: str
    payload: str | None
    family: str | None
    measured: float
    limit: float
    unit: str  # "x" (a ratio), "s", "us" or "modules"
    # The least any model layer could reach (None: not measured): for a read, raw protobuf's own read;
    # end to end, flytekit's time outside its models (as if they took no time).
    floor: float | None = None

    @property
    def passed(self) -> bool:
        return self.measured <= self.limit

    @property
    def below_floor(self) -> bool:
        """Whether the floor itself misses the limit: no model layer can meet it."""
        return self.floor is not None and self.floor > self.limit

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "passed": self.passed, "below_floor": self.below_floor}


def _ratio(numerator: float | None, denominator: float | None) -> float:
    if numerator is None or not denominator:
        return float("nan")
    return numerator / denominator


def build_targets(key: str, result: dict[str, Any]) -> list[Target]:
    ratios = result["ratios"]
    targets = []
    for family in FAMILIES:
        targets.append(
            Target(BUILD_FLYTEKIT, key, family, ratios[f"{family}/flytekit"], BUILD_FLYTEKIT_LIMIT[key], "x")
        )
        targets.append(Target(BUILD_PROTOBUF, key, family, ratios[f"{family}/protobuf"], BUILD_PROTOBUF_LIMIT, "x"))
    return targets


def payload_targets(key: str, result: dict[str, Any]) -> list[Target]:
    """Read, round trip, ``==``, ``hash`` and memory targets of one payload, for each family."""
    rows, memory = result["rows"], result["memory"]
    targets = []
    for family in FAMILIES:
        per_model_us = rows["hash_repeat"]["times"][family] / result["messages"] * 1e6
        walked = _ratio(memory[f"{family}_walked_held"], memory["protobuf_held"])
        read = rows["read"]["ratios"]
        targets += [
            Target(READ, key, family, read[f"{family}/flytekit.from_idl"], READ_LIMIT, "x", read[RAW_READ]),
            Target(ROUND_TRIP, key, family, rows["round_trip"]["ratios"][f"{family}/protobuf"], ROUND_TRIP_LIMIT, "x"),
            Target(EQ, key, family, rows["eq"]["ratios"][f"{family}/protobuf"], EQ_LIMIT, "x"),
            Target(HASH_FIRST, key, family, rows["hash_first"]["ratios"][f"{family}/protobuf"], HASH_FIRST_LIMIT, "x"),
            Target(HASH_REPEAT, key, family, per_model_us, HASH_REPEAT_LIMIT_US, "us"),
            Target(MEMORY, key, family, walked, MEMORY_LIMIT, "x"),
        ]
    return targets


def e2e_targets(e2e: dict[str, Any]) -> list[Target]:
    """flytekit's own tasks; the floor of each: the share of flytekit's time outside its models."""
    return [
        Target(E2E, task, "family", result["ratio"], E2E_LIMIT, "x", _outside_models(result))
        for task, result in e2e["tasks"].items()
    ]


def _outside_models(result: dict[str, Any]) -> float | None:
    share = result.get("model_share")  # not in results from before it was measured
    return None if share is None else 1.0 - share


def global_targets(imports: dict[str, Any], generate: dict[str, float] | None) -> list[Target]:
    """Cold import, lazy package import and generation time."""
    loaded = len(imports["flytemodels_package_model_modules"])
    wall = generate["wall_seconds"] if generate else None
    return [
        *(Target(IMPORT, None, family, imports["ratios"][family], IMPORT_LIMIT, "x") for family in FAMILIES),
        Target(PACKAGE, None, None, float(loaded), 0.0, "modules"),
        Target(GENERATE, None, None, _ratio(wall, 1.0), GENERATE_LIMIT_S, "s"),
    ]


def evaluate(results: dict[str, Any]) -> list[Target]:
    """All targets: builds, payloads, end to end, then the package's."""
    targets = [target for key, result in results["builds"].items() for target in build_targets(key, result)]
    targets += [target for key, result in results["payloads"].items() for target in payload_targets(key, result)]
    targets += e2e_targets(results["e2e"])
    return targets + global_targets(results["imports"], results["generate"])


def _amount(target: Target) -> str:
    unit = "x" if target.unit == "x" else f" {target.unit}"
    return f"{target.measured:.3g}{unit}"


def _limit(targets: list[Target]) -> str:
    limits = sorted({target.limit for target in targets})
    unit = "x" if targets[0].unit == "x" else f" {targets[0].unit}"
    return "/".join(f"{limit:g}" for limit in limits) + unit


def _measurement(target: Target) -> str:
    """``P2 1.46x!``: the payload (if any), the amount, ``!`` when it misses, and a floor that misses too."""
    text = f"{target.payload} {_amount(target)}" if target.payload else _amount(target)
    if not target.passed:
        text += "!"
    if target.below_floor:
        text += f" (floor {target.floor:.3g}x)"
    return text


def verdicts(targets: list[Target]) -> list[str]:
    """One line per target and family: PASS or FAIL, the limit, and every measurement behind it."""
    lines = []
    names = list(dict.fromkeys(target.name for target in targets))
    for name in names:
        of_name = [target for target in targets if target.name == name]
        for family in dict.fromkeys(target.family for target in of_name):
            group = [target for target in of_name if target.family == family]
            word = "PASS" if all(target.passed for target in group) else "FAIL"
            who = NAMES[family] if family else "flytemodels"
            values = ", ".join(_measurement(target) for target in group)
            lines.append(f"{word}  {name} ≤ {_limit(group)}, {who}: {values}")
    return lines
