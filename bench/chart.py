"""The results as one PNG: a panel per target, ratios on a log scale, a black tick at each target.

Each panel has a row per payload (or end-to-end task) with a grey flytekit bar
and a bar per flytemodels family (IDL family plain, flytekit family hatched),
green where it meets the target and red where it misses it; a dotted line marks
the panel's baseline (1x), and a black diamond raw protobuf where it is not the
baseline (the floor: its constructors for a build, CopyFrom and reading every
field for a read).
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
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import NullFormatter

from bench.subjects import FAMILIES
from bench.targets import (
    BUILD_FLYTEKIT,
    BUILD_PROTOBUF,
    E2E,
    EQ,
    HASH_FIRST,
    IMPORT,
    MEMORY,
    READ,
    ROUND_TRIP,
    Target,
)

PASS_COLOUR, FAIL_COLOUR, FLYTEKIT_COLOUR = "#2e9d52", "#d1432f", "#9a9a9a"
HATCH = {"idl": "", "family": "///"}
_BAR = 0.26

# A row of a panel: its label, flytekit's ratio (or None), the name of the payload its targets name, and
# where raw protobuf itself is on the panel's scale when it is not the baseline (or None).
PanelRow = tuple[str, float | None, str | None, float | None]


@dataclass(frozen=True)
class Panel:
    title: str
    target: str
    rows: Callable[[dict[str, Any]], list[PanelRow]]


def _builds(baseline: str) -> Callable[[dict[str, Any]], list[PanelRow]]:
    def rows(results: dict[str, Any]) -> list[PanelRow]:
        return [
            (key, result["ratios"].get(f"flytekit/{baseline}", 1.0), key, result["ratios"].get(f"protobuf/{baseline}"))
            for key, result in results["builds"].items()
        ]

    return rows


def _payloads(group: str, baseline: str) -> Callable[[dict[str, Any]], list[PanelRow]]:
    def rows(results: dict[str, Any]) -> list[PanelRow]:
        return [
            (
                key,
                result["rows"][group]["ratios"].get(f"flytekit/{baseline}"),
                key,
                result["rows"][group]["ratios"].get(f"protobuf.read/{baseline}"),
            )
            for key, result in results["payloads"].items()
        ]

    return rows


def _memory(results: dict[str, Any]) -> list[PanelRow]:
    rows: list[PanelRow] = []
    for key, result in results["payloads"].items():
        memory = result["memory"]
        base = memory["protobuf_held"]
        rows.append((key, memory["flytekit_held"] / base if base else None, key, None))
    return rows


def _e2e(results: dict[str, Any]) -> list[PanelRow]:
    return [(task.replace("_", " "), 1.0, task, None) for task in results["e2e"]["tasks"]]


def _imports(results: dict[str, Any]) -> list[PanelRow]:
    return [("3 modules", results["imports"]["ratios"]["flytekit"], None, None)]


PANELS = (
    Panel("build + serialize ÷ flytekit", BUILD_FLYTEKIT, _builds("flytekit")),
    Panel("build + serialize ÷ raw protobuf constructors", BUILD_PROTOBUF, _builds("protobuf")),
    Panel(
        "from_flyte_idl + full walk\n÷ flytekit's eager from_flyte_idl", READ, _payloads("read", "flytekit.from_idl")
    ),
    Panel("round trip ÷ raw CopyFrom", ROUND_TRIP, _payloads("round_trip", "protobuf")),
    Panel("== ÷ raw ==", EQ, _payloads("eq", "protobuf")),
    Panel(
        "first hash ÷ deterministic serialize\n(both on fresh messages)",
        HASH_FIRST,
        _payloads("hash_first", "protobuf"),
    ),
    Panel("flytekit's own code ÷ flytekit as shipped\n(flytekit family as flytekit.models)", E2E, _e2e),
    Panel("memory after full walk ÷ pb message", MEMORY, _memory),
    Panel("cold import ÷ pb2 modules", IMPORT, _imports),
)


def _find(targets: list[Target], name: str, payload: str | None, family: str) -> Target | None:
    return next((t for t in targets if t.name == name and t.payload == payload and t.family == family), None)


def _label(axes: Axes, x: float, y: float) -> None:
    axes.text(x * 1.08, y, f"{x:.3g}x", va="center", fontsize=7)


def _draw_panel(axes: Axes, panel: Panel, results: dict[str, Any], targets: list[Target]) -> None:
    rows = panel.rows(results)
    for index, (_, flytekit, payload, floor) in enumerate(rows):
        if floor is not None:
            axes.plot([floor], [index - _BAR], marker="D", color="black", markersize=5)
        if flytekit is not None and not math.isnan(flytekit):
            axes.barh(index - _BAR, flytekit, _BAR, color=FLYTEKIT_COLOUR)
            _label(axes, flytekit, index - _BAR)
        limit = None
        for offset, family in enumerate(FAMILIES):
            target = _find(targets, panel.target, payload, family)
            if target is None or math.isnan(target.measured):
                continue
            y = index + offset * _BAR
            colour = PASS_COLOUR if target.passed else FAIL_COLOUR
            axes.barh(y, target.measured, _BAR, color=colour, hatch=HATCH[family], edgecolor="white")
            _label(axes, target.measured, y)
            limit = target.limit
        if limit is not None:
            axes.plot([limit, limit], [index - 0.42, index + 0.55], color="black", linewidth=2)
    _style(axes, panel.title, [row[0] for row in rows])


def _style(axes: Axes, title: str, labels: list[str]) -> None:
    axes.set_xscale("log")
    axes.axvline(1.0, color="black", linestyle=":", linewidth=1)
    axes.set_yticks(range(len(labels)), labels, fontsize=8)
    axes.invert_yaxis()
    axes.set_title(title, fontsize=9)
    low, high = axes.get_xlim()
    axes.set_xlim(left=min(0.1, low), right=max(10.0, high * 4))
    axes.xaxis.set_minor_formatter(NullFormatter())
    axes.grid(axis="x", which="major", alpha=0.3)


def draw(results: dict[str, Any], targets: list[Target], path: Path) -> None:
    """Write the chart to ``path``."""
    figure, grid = plt.subplots(3, 3, figsize=(16, 12), layout="constrained")
    for axes, panel in zip(grid.flat, PANELS, strict=True):
        _draw_panel(axes, panel, results, targets)
    handles: list[Any] = [
        Rectangle((0, 0), 1, 1, facecolor=FLYTEKIT_COLOUR),
        Rectangle((0, 0), 1, 1, facecolor=PASS_COLOUR),
        Rectangle((0, 0), 1, 1, facecolor=PASS_COLOUR, hatch=HATCH["family"], edgecolor="white"),
        Rectangle((0, 0), 1, 1, facecolor=FAIL_COLOUR),
    ]
    handles.append(Line2D([], [], marker="D", color="black", linestyle="none", markersize=5))
    labels = [
        "flytekit.models",
        "IDL family (meets target)",
        "flytekit family (meets target)",
        "misses target",
        "raw protobuf (build: its constructors; read: CopyFrom + reading every field)",
    ]
    figure.legend(handles, labels, loc="outside lower center", ncols=5, fontsize=9)
    machine = results["machine"]
    figure.suptitle(
        f"Lower is better; ratios (medians of per-round ratios), log scale; | = target.\n{machine['summary']}",
        fontsize=10,
    )
    figure.savefig(path, dpi=100)
    plt.close(figure)
