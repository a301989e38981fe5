"""The printed report: one table of ratios (flytekit and both flytemodels families), notes, verdicts."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from bench.subjects import FAMILIES
from bench.targets import (
    BUILD_FLYTEKIT,
    BUILD_PROTOBUF,
    E2E,
    EQ,
    GENERATE,
    HASH_FIRST,
    HASH_REPEAT,
    IMPORT,
    MEMORY,
    PACKAGE,
    READ,
    ROUND_TRIP,
    Target,
    verdicts,
)

HEADERS = (
    "payload",
    "operation",
    "baseline",
    "flytekit",
    "IDL family",
    "flytekit family",
    "target",
    "IDL family",
    "flytekit family",
)


def seconds(value: float) -> str:
    """A duration with a readable unit."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if value >= scale:
            return f"{value / scale:.3g} {unit}"
    return f"{value / 1e-9:.3g} ns"


def size(value: float) -> str:
    """A byte count in KiB or MiB."""
    return f"{value / 2**20:.2f} MiB" if value >= 2**20 else f"{value / 2**10:.1f} KiB"


def ratio(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "n/a"
    return f"{value:.3g}x"


def verdict(target: Target | None) -> str:
    """``PASS`` or ``FAIL``, with the measurement when it is not the ratio in the row; empty without target."""
    if target is None:
        return ""
    if math.isnan(target.measured):
        return "n/a"
    word = "PASS" if target.passed else "FAIL"
    return word if target.unit == "x" else f"{word} ({target.measured:.3g} {target.unit})"


def limit(target: Target | None) -> str:
    if target is None:
        return ""
    unit = "x" if target.unit == "x" else f" {target.unit}"
    return f"≤ {target.limit:g}{unit}"


def _find(targets: list[Target], name: str, payload: str | None, family: str | None) -> Target | None:
    return next((t for t in targets if t.name == name and t.payload == payload and t.family == family), None)


@dataclass(frozen=True)
class Row:
    """One row of a payload: the group it reads, its baseline, and the target it is checked against."""

    label: str
    group: str
    baseline: str  # the operation the ratios are taken to
    baseline_label: str
    target: str | None = None


SPEED_ROWS = (
    Row("from_flyte_idl", "from_idl", "protobuf", "CopyFrom"),
    Row("to_flyte_idl", "to_idl", "protobuf", "CopyFrom"),
    Row("round trip", "round_trip", "protobuf", "CopyFrom", ROUND_TRIP),
    Row("==", "eq", "protobuf", "raw =="),
    Row("hash, first", "hash_first", "protobuf", "det. serialize (fresh)", HASH_FIRST),
    Row("hash, repeated", "hash_repeat", "protobuf", "det. serialize", HASH_REPEAT),
    Row("read: from + full walk", "read", "flytekit.from_idl", "flytekit from_flyte_idl", READ),
    Row("read: from + full walk", "read", "flytekit", "flytekit from + walk"),
    Row("read: from + full walk", "read", "protobuf.read", "raw read"),
    Row("read again (walk only)", "read_again", "protobuf", "CopyFrom"),
    Row("to_flyte_idl after a full walk", "to_idl_walked", "flytekit", "flytekit to_flyte_idl"),
)
# `==` has its target on the row above; keep the label short but check it.
_EQ_ROW = "=="


def _cells(
    payload: str,
    label: str,
    base: str,
    values: dict[str, str],
    name: str | None,
    targets: list[Target],
    key: str | None = "",
) -> tuple[str, ...]:
    """A row's cells; its targets are those named ``name`` for payload ``key`` (default: ``payload``)."""
    key = payload if key == "" else key
    found = {family: _find(targets, name, key, family) if name else None for family in FAMILIES}
    shown = next((target for target in found.values() if target is not None), None)
    return (
        payload,
        label,
        base,
        values.get("flytekit", ""),
        values.get("idl", ""),
        values.get("family", ""),
        limit(shown),
        verdict(found["idl"]),
        verdict(found["family"]),
    )


def build_rows(results: dict[str, Any], targets: list[Target]) -> list[tuple[str, ...]]:
    rows = []
    for key, result in results["builds"].items():
        ratios, times = result["ratios"], result["times"]
        for baseline, label, name in (
            ("protobuf", "raw protobuf constructors", BUILD_PROTOBUF),
            ("flytekit", "flytekit", BUILD_FLYTEKIT),
        ):
            values = {side: ratio(ratios.get(f"{side}/{baseline}", 1.0)) for side in ("flytekit", *FAMILIES)}
            base = f"{label} {seconds(times[baseline])}"
            rows.append(_cells(key, f"build + serialize ÷ {baseline}", base, values, name, targets))
    return rows


def payload_rows(key: str, result: dict[str, Any], targets: list[Target]) -> list[tuple[str, ...]]:
    """The speed and memory rows of one payload."""
    rows = []
    for row in SPEED_ROWS:
        group = result["rows"][row.group]
        ratios = group["ratios"]
        values = {
            side: ratio(ratios.get(f"{side}/{row.baseline}"))
            for side in ("flytekit", *FAMILIES)
            if side != row.baseline
        }
        target = EQ if row.label == _EQ_ROW else row.target
        base = f"{row.baseline_label} {seconds(group['times'][row.baseline])}"
        if row.baseline == "flytekit.from_idl":  # the floor: raw protobuf's read, in the same unit as the target
            base += f" (raw read {ratio(ratios['protobuf.read/flytekit.from_idl'])})"
        rows.append(_cells(key, row.label, base, values, target, targets))
    memory = result["memory"]
    base = memory["protobuf_held"]
    for label, suffix, name in (("memory held", "", None), ("memory after full walk", "_walked", MEMORY)):
        if not base:
            rows.append(_cells(key, label, "n/a (needs glibc mallinfo2)", {}, name, targets))
            continue
        values = {side: ratio(memory[f"{side}{suffix}_held"] / base) for side in ("flytekit", *FAMILIES)}
        rows.append(_cells(key, label, f"pb message {size(base)}", values, name, targets))
    return rows


E2E_LABELS = {
    "serialize": "serialize a 300-node workflow",
    "to_literal_list": "to_literal list[int] 10k",
    "to_literal_list_idl": "to_literal list[int] 10k + to_flyte_idl",
    "to_literal_dict": "to_literal dict[str, float] 10k",
    "to_literal_dict_idl": "to_literal dict[str, float] 10k + to_flyte_idl",
    "read_executions": "read 1,000 admin Executions (FlyteRemote)",
}


def e2e_rows(results: dict[str, Any], targets: list[Target]) -> list[tuple[str, ...]]:
    rows = []
    for task, result in results["e2e"]["tasks"].items():
        values = {"flytekit": "1x", "idl": "-", "family": ratio(result["ratio"])}
        base = f"flytekit as shipped {seconds(result['flytekit'])}"
        if "model_share" in result:  # the floor: flytekit's time outside its models
            base += f" (models {result['model_share']:.0%})"
        rows.append(_cells("e2e", E2E_LABELS.get(task, task), base, values, E2E, targets, key=task))
    return rows


def global_rows(results: dict[str, Any], targets: list[Target]) -> list[tuple[str, ...]]:
    """Cold imports and generation."""
    imports = results["imports"]
    ratios = imports["ratios"]
    values = {side: ratio(ratios[side]) for side in ("flytekit", *FAMILIES)}
    generate = results["generate"]
    said = (
        "failed"
        if generate is None
        else f"{seconds(generate['wall_seconds'])} (CPU {seconds(generate['cpu_seconds'])})"
    )
    loaded = imports["flytemodels_package_model_modules"]
    package = _find(targets, PACKAGE, None, None)
    generated = _find(targets, GENERATE, None, None)
    return [
        _cells(
            "import", "3 modules, cold", f"3 pb2 modules {seconds(imports['protobuf'])}", values, IMPORT, targets, None
        ),
        (
            "import",
            "flytemodels alone",
            seconds(imports["flytemodels_package"]),
            "",
            f"{len(loaded)} model modules",
            "",
            "0 modules",
            verdict(package),
            "",
        ),
        ("generate", "all of flyteidl", said, "", "", "", limit(generated), verdict(generated), ""),
    ]


def render(rows: list[tuple[str, ...]]) -> str:
    """A plain-text table with a header rule, columns padded to their widest cell."""
    group_header = ("", "", "", "ratios to the baseline:", "", "", "", "result:", "")
    widths = [max(len(row[i]) for row in [HEADERS, *rows]) for i in range(len(HEADERS))]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()

    header = line(HEADERS)
    return "\n".join([line(group_header), header, "-" * len(header), *(line(row) for row in rows)])


def table(results: dict[str, Any], targets: list[Target]) -> str:
    rows = build_rows(results, targets)
    for key, result in results["payloads"].items():
        rows += payload_rows(key, result, targets)
    return render(rows + e2e_rows(results, targets) + global_rows(results, targets))


NOTES = (
    "Times are CPU time (end to end: of the worker process, all threads); every ratio is the median of per-round",
    "ratios, the operations of a row timed one after another in each round. 'build + serialize': B1-B3 built",
    "bottom-up with each API's constructors, then to_flyte_idl() and SerializeToString() (flytekit and the flytekit",
    "family run the same code). 'read': from_flyte_idl plus reading every property recursively (flytekit and the",
    "flytekit family: the properties flytekit's classes have; IDL family: every field), ratio to flytekit's eager",
    "from_flyte_idl alone (its flytekit column: flytekit's from_flyte_idl + the same walk); 'raw read', the floor:",
    "CopyFrom, then every field of every message read by name (sub-messages when set). 'hash, first' runs on",
    "models just converted, against deterministic serialization of messages just copied; 'hash, repeated' is",
    "checked per model (O(1) means under 1 µs). Memory: bytes held per glibc malloc under PYTHONMALLOC=malloc.",
    "End to end: flytekit's code in two worker interpreters, flytekit.models as shipped and resolved to",
    "flytemodels.flytekit, ratio of the second to the first. P3 for flytekit: its Execution model drops spec.inputs",
    "and fails on closure.outputs.values, so those two maps go through its LiteralMap model. '(models N%)': the",
    "share of flytekit's own time in its models and protobuf (cProfile, on the calling thread; python -m",
    "bench.profile --share). A verdict's '(floor X)' is the least any model layer could reach, shown where it misses",
    "the target itself: for a read, raw protobuf's read; end to end, 1 - that share (models taking no time at all).",
)


def checks(results: dict[str, Any]) -> str:
    """Which payloads come back equal, builds agree, walks visit, and end-to-end sides agree."""
    lines = []
    for side in ("flytekit", *FAMILIES):
        flags = [
            f"{key} {'yes' if result['checks'][f'{side}_lossless'] else 'no'}"
            for key, result in results["payloads"].items()
        ]
        walks = [f"{key} {result['checks'][f'{side}_walk_values']}" for key, result in results["payloads"].items()]
        lines.append(f"{side}: round trip equal: {', '.join(flags)}; values a full walk visits: {', '.join(walks)}")
    same = [
        f"{key} {name.removesuffix('_same_message')}"
        for key, result in results["builds"].items()
        for name, ok in result["checks"].items()
        if not ok
    ]
    lines.append("builds make raw protobuf's message: " + ("all" if not same else "all but " + ", ".join(same)))
    e2e = results["e2e"]["checks"]
    differ = [task for task, ok in e2e["same_output"].items() if not ok]
    lines.append(
        f"end to end: flytekit.models.literals.Literal from {e2e['flytekit_models']} / {e2e['family_models']}; "
        + ("same output on both sides" if not differ else "output differs: " + ", ".join(differ))
    )
    return "\n".join(lines)


def header(results: dict[str, Any]) -> str:
    machine = results["machine"]
    settings = results["settings"]
    start = ", ".join(f"{value:.2f}" for value in machine["load_average"])
    end = ", ".join(f"{value:.2f}" for value in machine.get("load_average_end", machine["load_average"]))
    rounds = f"{settings['repeats']} rounds after {settings['warmup']} warm-up calls"
    return f"{machine['summary']}\nload average {start} at the start, {end} at the end; {rounds}"


def summary(targets: list[Target]) -> str:
    passed = sum(target.passed for target in targets)
    line = f"{passed}/{len(targets)} targets pass"
    unreachable = sum(target.below_floor for target in targets)
    if unreachable:
        line += f"; of the {len(targets) - passed} that fail, {unreachable} have a floor that misses the target itself"
    return line


def text(results: dict[str, Any], targets: list[Target]) -> str:
    """The whole report: machine, the table, notes, checks, one verdict line per target and family."""
    return "\n\n".join(
        [
            header(results),
            table(results, targets),
            "\n".join(NOTES),
            checks(results),
            "\n".join(verdicts(targets)),
            summary(targets),
        ]
    )
