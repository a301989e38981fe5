"""The results as one PNG: a panel per target, ratios to raw protobuf on a log scale.

Each panel has a row per payload with a grey flytekit bar and flytemodels bars
coloured green (meets the target) or red (misses it); a black tick marks the
target on each row, and a dotted line marks raw protobuf (1x).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from bench.targets import Target

PASS_COLOUR, FAIL_COLOUR, FLYTEKIT_COLOUR = "#2e9d52", "#d1432f", "#9a9a9a"
_BAR = 0.36

Extract = Callable[[dict[str, Any]], float | None]


@dataclass(frozen=True)
class Panel:
    """One target: how to read the flytekit and flytemodels ratios of a payload, and its target."""

    title: str
    flytekit: Extract
    flytemodels: Extract
    target: str


def _speed(side: str, op: str, base: str) -> Extract:
    return lambda result: result["ratios"][f"{side}.{op}/protobuf.{base}"]


def _memory(field: str) -> Extract:
    def extract(result: dict[str, Any]) -> float | None:
        memory = result["memory"]
        return memory[field] / memory["protobuf_held"] if memory["protobuf_held"] else None

    return extract


PANELS = (
    Panel(
        "round trip ÷ raw CopyFrom",
        _speed("flytekit", "round_trip", "copy"),
        _speed("flytemodels", "round_trip", "copy"),
        "round trip",
    ),
    Panel("== ÷ raw ==", _speed("flytekit", "eq", "eq"), _speed("flytemodels", "eq", "eq"), "== /"),
    Panel(
        "first hash ÷ raw deterministic serialize\n(both on fresh messages)",
        _speed("flytekit", "hash", "serialize_deterministic_fresh"),
        _speed("flytemodels", "hash_first", "serialize_deterministic_fresh"),
        "hash first",
    ),
    Panel(
        "full walk ÷ raw CopyFrom\n(flytekit: eager from_flyte_idl)",
        _speed("flytekit", "from_idl", "copy"),
        _speed("flytemodels", "walk", "copy"),
        "full walk",
    ),
    Panel(
        "memory after full walk ÷ pb message",
        _memory("flytekit_held"),
        _memory("flytemodels_walked_held"),
        "memory after",
    ),
)


def _target(targets: list[Target], payload: str, prefix: str) -> Target | None:
    return next((t for t in targets if t.payload == payload and t.name.startswith(prefix)), None)


def _label(axes: Axes, x: float, y: float) -> None:
    axes.text(x * 1.08, y, f"{x:.3g}x", va="center", fontsize=8)


def _draw_panel(axes: Axes, panel: Panel, payloads: dict[str, Any], targets: list[Target]) -> None:
    for row, (key, result) in enumerate(payloads.items()):
        flytekit, models = panel.flytekit(result), panel.flytemodels(result)
        target = _target(targets, key, panel.target)
        if flytekit is not None:
            axes.barh(row - _BAR / 2, flytekit, _BAR, color=FLYTEKIT_COLOUR)
            _label(axes, flytekit, row - _BAR / 2)
        if models is not None and target is not None:
            axes.barh(row + _BAR / 2, models, _BAR, color=PASS_COLOUR if target.passed else FAIL_COLOUR)
            _label(axes, models, row + _BAR / 2)
            limit = flytekit if panel.target == "full walk" else target.limit
            if limit is not None and not math.isnan(limit):
                axes.plot([limit, limit], [row - 0.45, row + 0.45], color="black", linewidth=2)
    _style(axes, panel.title, list(payloads))


def _style(axes: Axes, title: str, labels: list[str]) -> None:
    axes.set_xscale("log")
    axes.axvline(1.0, color="black", linestyle=":", linewidth=1)
    axes.set_yticks(range(len(labels)), labels)
    axes.invert_yaxis()
    axes.set_title(title, fontsize=10)
    axes.set_xlim(left=0.3, right=axes.get_xlim()[1] * 4)
    axes.grid(axis="x", which="major", alpha=0.3)


def _draw_imports(axes: Axes, results: dict[str, Any], targets: list[Target]) -> None:
    imports = results["imports"]
    cold = next(t for t in targets if t.name.startswith("cold import"))
    values = [imports["flytekit"] / imports["protobuf"], cold.measured]
    axes.barh([0, 1], values, 0.6, color=[FLYTEKIT_COLOUR, PASS_COLOUR if cold.passed else FAIL_COLOUR])
    for y, x in enumerate(values):
        _label(axes, x, y)
    axes.plot([cold.limit, cold.limit], [0.55, 1.45], color="black", linewidth=2)
    generate = results["generate"]
    said = "failed" if generate is None else f"{generate['wall_seconds']:.1f} s"
    title = f"cold import of 3 modules ÷ 3 pb2 modules\n(generating all of flyteidl: {said}, target ≤ 15 s)"
    _style(axes, title, ["flytekit", "flytemodels"])


def draw(results: dict[str, Any], targets: list[Target], path: Path) -> None:
    """Write the chart to ``path``."""
    figure, grid = plt.subplots(2, 3, figsize=(15, 8), layout="constrained")
    panels = list(grid.flat)
    for axes, panel in zip(panels, PANELS, strict=False):
        _draw_panel(axes, panel, results["payloads"], targets)
    _draw_imports(panels[-1], results, targets)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colour) for colour in (FLYTEKIT_COLOUR, PASS_COLOUR, FAIL_COLOUR)]
    labels = ["flytekit.models", "flytemodels (meets target)", "flytemodels (misses target)"]
    figure.legend(handles, labels, loc="outside lower center", ncols=3)
    figure.suptitle(f"Lower is better; ratios to raw protobuf, log scale; | = target. {results['machine']['summary']}")
    figure.savefig(path, dpi=110)
    plt.close(figure)
