"""End to end: flytekit's own code on flytekit as shipped and on the flytekit family, alternately.

``flytekit.models`` can only be resolved to ``flytemodels.flytekit`` before
flytekit is first imported, so each side runs in a worker interpreter of its
own (``python -m bench.e2e --worker [--alias]``): with ``--alias``, a meta-path
finder makes ``flytekit.models`` and every ``flytekit.models.<x>`` the very
module object ``flytemodels.flytekit[.<x>]`` (as ``make flytekit-tests`` does).

Both workers live for the whole measurement and answer one request at a time
on stdin/stdout (one JSON object a line): the parent asks the plain worker for
a sample of a task, then the aliased one (the other order on odd rounds), and
takes the ratio of the two samples of that round; the reported ratio is the
median of the per-round ratios, as for every other row (``bench.timer``). A
worker is idle while the other one samples, so the two never share the CPU.
Time is the CPU time of the worker process, all threads: flytekit's type
engine converts on an event loop in a thread of its own.

The tasks are in ``bench.e2e_flyte``; before timing, the parent checks that the
aliased worker really runs on flytemodels and that both produce the same bytes.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

from bench.timer import Settings, quartiles, sample

ROOT = Path(__file__).resolve().parent.parent
MIN_SAMPLE_S = 0.02


# -- the worker ------------------------------------------------------------------------------


def _respond(out: IO[str], value: dict[str, Any]) -> None:
    out.write(json.dumps(value) + "\n")
    out.flush()


def worker(alias: bool) -> None:
    """Answer requests on stdin: ``{"task": name, "number": n}`` -> seconds per call; ``{"check": true}``;
    ``{"share": true}`` -> each task's share of profiled time in model code (``bench.profile.share_of``)."""
    if alias:
        from flytemodels._flytekit.alias import install

        try:
            install()
        except RuntimeError as error:
            raise SystemExit(str(error)) from None
    out = sys.stdout
    sys.stdout = sys.stderr  # flytekit's own prints must not reach the protocol
    from bench import e2e_flyte

    gc.collect()
    gc.freeze()
    _respond(out, {"ready": True})
    for line in sys.stdin:
        request = json.loads(line)
        if request.get("check"):
            digests = {name: e2e_flyte.digest(name) for name in e2e_flyte.TASKS}
            _respond(out, {"models": e2e_flyte.models_module(), "digests": digests})
            continue
        if request.get("share"):
            from bench.profile import share_of

            shares = {name: share_of(task)[0] for name, task in e2e_flyte.ON_THIS_THREAD.items()}
            _respond(out, {"shares": shares})
            continue
        task = e2e_flyte.TASKS[request["task"]]
        gc.collect()
        # The CPU time of the whole worker: flytekit's type engine runs its async transformers on an
        # event loop in a thread of its own, while the calling thread waits.
        _respond(out, {"seconds": sample(task, int(request["number"]), time.process_time)})


# -- the parent ------------------------------------------------------------------------------


class Worker:
    """A worker interpreter, one side of every end-to-end ratio."""

    def __init__(self, alias: bool) -> None:
        command = [sys.executable, "-m", "bench.e2e", "--worker", *(["--alias"] if alias else [])]
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1
        )
        self._read()  # ready

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"bench.e2e worker exited with {self.process.wait()}")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def ask(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return self._read()

    def sample(self, task: str, number: int) -> float:
        return float(self.ask({"task": task, "number": number})["seconds"])

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)


def measure(settings: Settings, progress: Any = print) -> dict[str, Any]:
    """Per task: median seconds of each side and the median per-round ratio family / flytekit."""
    plain, aliased = Worker(alias=False), Worker(alias=True)
    try:
        checks = {"flytekit": plain.ask({"check": True}), "family": aliased.ask({"check": True})}
        tasks = list(checks["flytekit"]["digests"])
        # The floor of each ratio: flytekit's time outside its models, had they taken none.
        shares = plain.ask({"share": True})["shares"]
        numbers = {}
        for task in tasks:
            for _ in range(settings.warmup):
                plain.sample(task, 1)
                aliased.sample(task, 1)
            numbers[task] = _calls(plain.sample(task, 1))
        rounds: dict[str, list[tuple[float, float]]] = {task: [] for task in tasks}
        for index in range(settings.repeats):
            for task in tasks:
                if index % 2 == 0:
                    base = plain.sample(task, numbers[task])
                    subject = aliased.sample(task, numbers[task])
                else:
                    subject = aliased.sample(task, numbers[task])
                    base = plain.sample(task, numbers[task])
                rounds[task].append((base, subject))
            progress(f"    round {index + 1}/{settings.repeats}")
    finally:
        plain.close()
        aliased.close()
    results: dict[str, Any] = {
        "checks": {
            "flytekit_models": checks["flytekit"]["models"],
            "family_models": checks["family"]["models"],
            "same_output": {
                task: checks["flytekit"]["digests"][task] == checks["family"]["digests"][task] for task in tasks
            },
        },
        "tasks": {},
    }
    for task, samples in rounds.items():
        ratios = [subject / base for base, subject in samples]
        results["tasks"][task] = {
            "flytekit": statistics.median(base for base, _ in samples),
            "family": statistics.median(subject for _, subject in samples),
            "ratio": statistics.median(ratios),
            "quartiles": quartiles(ratios),
            "number": numbers[task],
            "model_share": shares[task],
        }
    return results


def _calls(seconds: float) -> int:
    """Calls per sample for a sample of at least ``MIN_SAMPLE_S``."""
    return max(1, int(-(-MIN_SAMPLE_S // max(seconds, 1e-9))))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.e2e")
    parser.add_argument("--worker", action="store_true", help="run as a worker (used by the benchmark)")
    parser.add_argument("--alias", action="store_true", help="resolve flytekit.models to flytemodels.flytekit")
    parser.add_argument("--repeats", type=int, default=Settings.repeats)
    arguments = parser.parse_args()
    if arguments.worker:
        worker(arguments.alias)
    else:
        results = measure(Settings(repeats=arguments.repeats), progress=lambda line: print(line, file=sys.stderr))
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
