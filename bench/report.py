"""The printed tables: times of raw protobuf and ratios of flytekit and flytemodels to them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from bench.targets import Target

HEADERS = ("payload", "operation", "baseline: raw protobuf", "flytekit", "flytemodels", "target", "result")


@dataclass(frozen=True)
class Row:
    """One operation: which raw baseline it is divided by, and which target it is checked against."""

    label: str
    baseline: str
    raw: str
    flytekit: str | None
    flytemodels: str
    target: str | None = None


SPEED_ROWS = (
    Row("from_flyte_idl", "CopyFrom", "copy", "from_idl", "from_idl"),
    Row("to_flyte_idl", "CopyFrom", "copy", "to_idl", "to_idl"),
    Row("round trip", "CopyFrom", "copy", "round_trip", "round_trip", "round trip / CopyFrom"),
    Row("==", "==", "eq", "eq", "eq", "== / raw =="),
    Row("hash, first", "det. serialize (fresh)", "serialize_deterministic_fresh", "hash", "hash_first", "hash first"),
    Row("hash, repeated", "det. serialize", "serialize_deterministic", "hash", "hash_repeat", "hash repeated"),
    Row("from + full walk", "CopyFrom", "copy", "walk", "walk", "full walk"),
    Row("walk again (cached)", "CopyFrom", "copy", None, "walk_cached"),
)
MEMORY_ROWS = (
    Row("memory held", "pb message", "protobuf_held", "flytekit_held", "flytemodels_held", "memory / pb"),
    Row("memory after walk", "pb message", "protobuf_held", "flytekit_held", "flytemodels_walked_held", "memory after"),
)
RAW_OPERATIONS = {
    "from_string": "FromString",
    "serialize": "SerializeToString",
    "copy": "CopyFrom",
    "eq": "==",
    "serialize_deterministic": "deterministic",
}


def seconds(value: float) -> str:
    """A duration with a readable unit."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if value >= scale:
            return f"{value / scale:.3g} {unit}"
    return f"{value / 1e-9:.3g} ns"


def _generate(value: dict[str, float] | None) -> str:
    if value is None:
        return "failed"
    return f"{seconds(value['wall_seconds'])} (CPU {seconds(value['cpu_seconds'])})"


def size(value: float) -> str:
    """A byte count in KiB or MiB."""
    return f"{value / 2**20:.2f} MiB" if value >= 2**20 else f"{value / 2**10:.1f} KiB"


def ratio(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "n/a"
    return f"{value:.3g}x"


def verdict(target: Target | None) -> str:
    """``PASS (1.2x ≤ 3x)`` or ``FAIL (...)``; empty for rows without a target."""
    if target is None:
        return ""
    if math.isnan(target.measured):
        return "n/a"
    unit = "x" if target.unit == "x" else f" {target.unit}"
    word = "PASS" if target.passed else "FAIL"
    return f"{word} ({target.measured:.3g}{unit})"


def limit(target: Target | None) -> str:
    if target is None:
        return ""
    if target.name.startswith("full walk"):
        return "≤ flytekit from_flyte_idl"
    unit = "x" if target.unit == "x" else f" {target.unit}"
    return f"≤ {target.limit:g}{unit}"


def _find(targets: list[Target], payload: str, prefix: str | None) -> Target | None:
    if prefix is None:
        return None
    return next((t for t in targets if t.payload == payload and t.name.startswith(prefix)), None)


def _speed_row(key: str, result: dict[str, Any], row: Row, targets: list[Target]) -> tuple[str, ...]:
    ratios = result["ratios"]
    baseline = f"protobuf.{row.raw}"
    flytekit = ratios[f"flytekit.{row.flytekit}/{baseline}"] if row.flytekit else None
    target = _find(targets, key, row.target)
    return (
        key,
        row.label,
        f"{row.baseline} {seconds(result['protobuf'][row.raw])}",
        ratio(flytekit) if row.flytekit else "",
        ratio(ratios[f"flytemodels.{row.flytemodels}/{baseline}"]),
        limit(target),
        verdict(target),
    )


def _memory_row(key: str, result: dict[str, Any], row: Row, targets: list[Target]) -> tuple[str, ...]:
    memory = result["memory"]
    base = memory[row.raw]
    target = _find(targets, key, row.target)
    if not base:
        return (key, row.label, "n/a (needs glibc mallinfo2)", "", "", limit(target), verdict(target))
    flytekit = memory[row.flytekit] / base if row.flytekit else None
    return (
        key,
        row.label,
        f"{row.baseline} {size(base)}",
        ratio(flytekit),
        ratio(memory[row.flytemodels] / base),
        limit(target),
        verdict(target),
    )


def payload_rows(key: str, result: dict[str, Any], targets: list[Target]) -> list[tuple[str, ...]]:
    """The speed and memory rows of one payload."""
    rows = [_speed_row(key, result, row, targets) for row in SPEED_ROWS]
    return rows + [_memory_row(key, result, row, targets) for row in MEMORY_ROWS]


def global_rows(results: dict[str, Any], targets: list[Target]) -> list[tuple[str, ...]]:
    """Cold imports and generation."""
    imports = results["imports"]
    base = imports["protobuf"]
    cold, package, generate = (t for t in targets if t.payload is None)
    loaded = ", ".join(imports["flytemodels_package_model_modules"]) or "no model module"
    return [
        (
            "import",
            "3 modules, cold",
            f"3 pb2 modules {seconds(base)}",
            ratio(imports["flytekit"] / base),
            ratio(imports["flytemodels"] / base),
            limit(cold),
            verdict(cold),
        ),
        ("import", "flytemodels alone", "", "", f"{seconds(imports['flytemodels_package'])}, {loaded}", "", ""),
        (
            "",
            "model modules loaded",
            "",
            "",
            str(len(imports["flytemodels_package_model_modules"])),
            "0",
            verdict(package),
        ),
        (
            "generate",
            "all of flyteidl",
            "",
            "",
            _generate(results["generate"]),
            limit(generate),
            verdict(generate),
        ),
    ]


def render(rows: list[tuple[str, ...]]) -> str:
    """A plain-text table with a header rule, columns padded to their widest cell."""
    widths = [max(len(row[i]) for row in [HEADERS, *rows]) for i in range(len(HEADERS))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    header = "  ".join(cell.ljust(width) for cell, width in zip(HEADERS, widths, strict=True)).rstrip()
    return "\n".join([header, "-" * len(header), *lines])


def raw_line(key: str, result: dict[str, Any]) -> str:
    """One line per payload: its size and the raw protobuf times behind the ratios."""
    times = ", ".join(f"{name} {seconds(result['protobuf'][op])}" for op, name in RAW_OPERATIONS.items())
    return f"{key} {result['title']} ({result['messages']} msg, {size(result['bytes'])}): {times}"


def summary(targets: list[Target]) -> str:
    passed = sum(target.passed for target in targets)
    failed = [f"{t.payload or '-'} {t.name}" for t in targets if not t.passed]
    return f"{passed}/{len(targets)} targets pass" + ("; failing: " + "; ".join(failed) if failed else "")


NOTES = (
    "Times are CPU time of the benchmark thread; a ratio is the median of per-round ratios, each from a",
    "subject sampled right after its baseline. 'hash, first' runs on models just built, against deterministic",
    "serialization of messages just copied. 'from + full walk' is from_flyte_idl plus reading every property",
    "of every model (set or not); its target is flytekit's eager from_flyte_idl (the flytekit column of",
    "from_flyte_idl). Memory is bytes held per glibc malloc under PYTHONMALLOC=malloc (tracemalloc cannot see",
    "upb's arenas; its numbers are in results.json). P3 for flytekit: its Execution model drops spec.inputs and",
    "fails on closure.outputs.values, so those two maps go through its LiteralMap model.",
)


def lossless(results: dict[str, Any]) -> str:
    """Which payloads come back equal from each model layer's round trip."""
    parts = []
    for side in ("flytemodels", "flytekit"):
        flags = [
            f"{key} {'yes' if result['checks'][f'{side}_lossless'] else 'no'}"
            for key, result in results["payloads"].items()
        ]
        parts.append(f"{side}: {', '.join(flags)}")
    return "round trip gives back an equal message: " + "; ".join(parts)


def text(results: dict[str, Any], targets: list[Target]) -> str:
    """The whole report: machine, raw protobuf times, the ratio table, notes and a summary line."""
    rows = [row for key, result in results["payloads"].items() for row in payload_rows(key, result, targets)]
    machine = results["machine"]
    settings = results["settings"]
    load = ", ".join(f"{value:.2f}" for value in machine["load_average"])
    repeats = f"medians of {settings['repeats']} after {settings['warmup']} warm-up"
    header = f"{machine['summary']}; load average {load}; {repeats}"
    raw = "\n".join(raw_line(key, result) for key, result in results["payloads"].items())
    table = render(rows + global_rows(results, targets))
    note = "ratios: time or bytes of flytekit / flytemodels over the raw protobuf baseline; lower is better"
    return "\n\n".join([header, raw, note, table, "\n".join(NOTES), lossless(results), summary(targets)])
