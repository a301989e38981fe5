"""Cold import times in fresh interpreters, and the time to generate all of flyteidl.

Each import is timed inside a new interpreter (interpreter start-up excluded;
CPU time, so other processes on a shared machine do not count),
after one untimed run that leaves the ``.pyc`` files written (under a private
``PYTHONPYCACHEPREFIX``, so nothing is written into the tree).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

IMPORTS: dict[str, tuple[str, ...]] = {
    "protobuf": ("flyteidl.admin.execution_pb2", "flyteidl.core.literals_pb2", "flyteidl.core.workflow_pb2"),
    "idl": ("flytemodels.admin.execution", "flytemodels.core.literals", "flytemodels.core.workflow"),
    "family": ("flytemodels.flytekit.execution", "flytemodels.flytekit.literals", "flytemodels.flytekit.core.workflow"),
    "flytekit": ("flytekit.models.execution", "flytekit.models.literals", "flytekit.models.core.workflow"),
    "flytemodels_package": ("flytemodels",),
}

# Modules ``import flytemodels`` may load: the package itself and its runtime, never a model module.
_NOT_MODELS = ("flytemodels._runtime", "flytemodels.errors", "flytemodels._extras")

_PROBE = """
import json, sys, time
start = time.process_time()
for name in sys.argv[1:]:
    __import__(name)
elapsed = time.process_time() - start
print(json.dumps({"seconds": elapsed, "modules": sorted(m for m in sys.modules if m.startswith("flytemodels."))}))
"""


def _probe(modules: tuple[str, ...], env: dict[str, str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *modules], check=True, capture_output=True, text=True, cwd=ROOT, env=env
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def bytecode_env(cache: str) -> dict[str, str]:
    """An environment where every interpreter reads and writes its ``.pyc`` files under ``cache``.

    The same for all contestants: none pays for compiling (after a first run),
    whether or not ``PYTHONDONTWRITEBYTECODE`` is set or the tree is writable.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": cache}


def model_modules(loaded: list[str]) -> list[str]:
    """The model modules among ``loaded`` (anything outside the package's runtime)."""
    return [name for name in loaded if not name.startswith(_NOT_MODELS)]


def measure_imports(runs: int, env: dict[str, str]) -> dict[str, object]:
    """Cold import medians per group, their ratios to the pb2 modules, and what ``import flytemodels`` loads.

    As everywhere in the benchmark, the groups take turns: each run imports every
    group once (a fresh interpreter each), and a ratio is the median of the
    per-run ratios to the pb2 modules of the same run.
    """
    first = {group: _probe(modules, env) for group, modules in IMPORTS.items()}  # writes the .pyc files
    samples: dict[str, list[float]] = {group: [] for group in IMPORTS}
    for run in range(runs):
        groups = list(IMPORTS)
        for group in groups[run % len(groups) :] + groups[: run % len(groups)]:
            samples[group].append(float(str(_probe(IMPORTS[group], env)["seconds"])))
    results: dict[str, object] = {group: statistics.median(values) for group, values in samples.items()}
    results["ratios"] = {
        group: statistics.median(value / base for value, base in zip(values, samples["protobuf"], strict=True))
        for group, values in samples.items()
        if group != "protobuf"
    }
    loaded = first["flytemodels_package"]["modules"]
    assert isinstance(loaded, list)
    results["flytemodels_package_model_modules"] = model_modules([str(name) for name in loaded])
    return results


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _generate_once(env: dict[str, str]) -> tuple[float, float] | None:
    """Wall and CPU seconds of one run into an empty directory; None if it fails."""
    with tempfile.TemporaryDirectory() as output:
        start, cpu = time.perf_counter(), _children_cpu()
        done = subprocess.run(
            [sys.executable, "-m", "codegen", "--output", output], capture_output=True, text=True, cwd=ROOT, env=env
        )
        wall, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if done.returncode != 0:
        print(f"python -m codegen failed:\n{done.stderr[-2000:]}", file=sys.stderr)
        return None
    return wall, cpu


def measure_generate(runs: int, env: dict[str, str]) -> dict[str, float] | None:
    """Median wall-clock (the target) and CPU seconds of ``python -m codegen`` over all of flyteidl.

    The generator uses every core, so its wall time is what a user waits; on a
    busy machine the CPU time shows how much of that was its own work. ``None``
    (and the generator's error on stderr) if it fails: the rest still stands.
    """
    # Untimed: leaves the generator's own .pyc files written, as after any earlier run.
    subprocess.run([sys.executable, "-c", "import codegen.cli"], check=True, cwd=ROOT, env=env)
    runs_done = []
    for _ in range(runs):
        timing = _generate_once(env)
        if timing is None:
            return None
        runs_done.append(timing)
    return {
        "wall_seconds": statistics.median(wall for wall, _ in runs_done),
        "cpu_seconds": statistics.median(cpu for _, cpu in runs_done),
    }
