"""``python -m bench``: run the whole benchmark, print the table, write JSON and PNG.

Order: the builds (B1-B3), then per payload (P1-P4, each in an interpreter of
its own) conversion, equality, hashing and reads, all four subjects alternating
round by round; then memory (in a child interpreter), flytekit's own code end
to end (two worker interpreters, plain and aliased), cold imports (one child
per run) and the generator over all of flyteidl. See ``bench/__init__.py`` for
what is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from google.protobuf.internal import api_implementation

from bench import build, chart, e2e, report, speed
from bench.memory import measure_in_subprocess
from bench.payloads import SEED
from bench.startup import bytecode_env, measure_generate, measure_imports
from bench.targets import evaluate
from bench.timer import Group, Operation, Settings
from bench.timer import measure as measure_groups

HERE = Path(__file__).resolve().parent
PAYLOADS = ("P1", "P2", "P3", "P4")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--repeats", type=int, default=Settings.repeats, help="rounds (ratios: median of rounds)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed calls before timing")
    parser.add_argument("--import-runs", type=int, default=9, help="fresh interpreters per cold import")
    parser.add_argument("--generate-runs", type=int, default=1, help="timed runs of the generator (median)")
    parser.add_argument("--output", type=Path, default=HERE, help="directory for results.json and results.png")
    return parser.parse_args()


def _cpu_model() -> str:
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return platform.processor() or "unknown CPU"
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), "unknown CPU")


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    info = {
        "cpus": os.cpu_count(),
        "cpu": _cpu_model(),
        "system": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
        "protobuf": f"{metadata.version('protobuf')} ({api_implementation.Type()})",
        "flyteidl": metadata.version("flyteidl"),
        "flytekit": metadata.version("flytekit"),
        "load_average": os.getloadavg(),  # at the start; "load_average_end" is added at the end
    }
    summary = f"{info['system']}, {info['cpus']} CPUs ({info['cpu']}), Python {info['python']}"
    info["summary"] = f"{summary}, protobuf {info['protobuf']}, flytekit {info['flytekit']}"
    return info


def measure_builds(settings: Settings) -> dict[str, Any]:
    """B1-B3: each subject's build, in one group per payload (baselines: raw protobuf and flytekit)."""
    payloads = build.build_all()
    groups = {
        payload.key: Group(
            {name: Operation(call) for name, call in payload.builds.items()}, baselines=("protobuf", "flytekit")
        )
        for payload in payloads
    }
    checks = {payload.key: build.check(payload) for payload in payloads}
    timed = measure_groups(groups, settings, progress=lambda _: None)
    return {
        payload.key: {"title": payload.title, "checks": checks[payload.key], **timed[payload.key].as_dict()}
        for payload in payloads
    }


def run(arguments: argparse.Namespace) -> dict[str, Any]:
    """Every measurement, as one JSON-ready dict."""
    settings = Settings(warmup=arguments.warmup, repeats=arguments.repeats)
    results: dict[str, Any] = {"machine": machine(), "settings": {**vars(settings), "seed": SEED}}
    print("build", flush=True)
    results["builds"] = measure_builds(settings)
    print("convert, compare, hash, read", flush=True)
    results["payloads"] = {}
    for key in PAYLOADS:
        print(f"  {key}", flush=True)
        results["payloads"][key] = speed.measure_in_subprocess(key, settings)
    print("memory", flush=True)
    for key, memory in measure_in_subprocess().items():
        results["payloads"][key]["memory"] = memory
    print("end to end: flytekit's own code, plain and aliased", flush=True)
    results["e2e"] = e2e.measure(settings, progress=lambda _: None)
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as cache:
        print("cold imports", flush=True)
        results["imports"] = measure_imports(arguments.import_runs, bytecode_env(cache))
        print("generate", flush=True)
        results["generate"] = measure_generate(arguments.generate_runs, bytecode_env(cache))
    results["machine"]["load_average_end"] = os.getloadavg()
    return results


def main() -> None:
    arguments = _arguments()
    start = time.perf_counter()
    results = run(arguments)
    targets = evaluate(results)
    results["targets"] = [target.as_dict() for target in targets]
    results["elapsed_seconds"] = time.perf_counter() - start
    print()
    print(report.text(results, targets))
    arguments.output.mkdir(parents=True, exist_ok=True)
    (arguments.output / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    chart.draw(results, targets, arguments.output / "results.png")
    print(f"\nwrote {arguments.output / 'results.json'} and results.png in {results['elapsed_seconds']:.0f} s")


if __name__ == "__main__":
    main()
