"""``python -m fuzz``: fuzz ``from_bytes`` and print how many inputs were tried and crashes found.

With atheris installed (``pip install -e ".[fuzz]"``, which ``make fuzz`` does),
libFuzzer mutates a seed corpus of valid encodings of every message type, guided
by coverage of the (instrumented) runtime and models. Without it, or with
``--engine hypothesis``, Hypothesis generates random and mutated inputs instead.
The run stops after ``--runs`` inputs or ``--seconds``, whichever comes first;
the exit status is 1 if anything crashed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10_000_000, help="stop after this many inputs")
    parser.add_argument("--seconds", type=float, default=60.0, help="stop after this long")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the engine")
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    parser.add_argument("--crash-dir", type=Path, default=None, help="where crashing inputs are written")
    args = parser.parse_args(argv)
    global _CRASH_DIR
    _CRASH_DIR = args.crash_dir
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if _has_atheris() else "hypothesis"
    print(f"fuzz from_bytes: engine {engine}, seed {args.seed}", flush=True)
    if engine == "atheris":
        _run_atheris(args.runs, args.seconds, args.seed)  # does not return
    _run_hypothesis(args.runs, args.seconds, args.seed)
    return report()


_CRASH_DIR: Path | None = None


def report() -> int:
    """Print the tally and every distinct crash, writing its input to a file; 1 if anything crashed."""
    from fuzz import target

    tally = target.TALLY
    print(tally.summary(), flush=True)
    if tally.crashes:
        directory = _CRASH_DIR or Path(tempfile.mkdtemp(prefix="flytemodels-crashes-"))
        directory.mkdir(parents=True, exist_ok=True)
        for number, (key, data) in enumerate(tally.crashes.items()):
            path = directory / f"crash-{number}"
            path.write_bytes(data)
            case = target.split(data)[0].full_name
            print(f"  CRASH {key}\n    {tally.messages.get(key, '')}\n    {case} input: {path}", flush=True)
    return 1 if tally.crashes else 0


def _has_atheris() -> bool:
    try:
        import atheris  # noqa: F401
    except ImportError:
        return False
    return True


def _run_atheris(runs: int, seconds: float, seed: int) -> None:
    import atheris

    # Instrument what a crash could come from, so libFuzzer is guided by its
    # coverage: the runtime, every model module (the catalog imports them all),
    # protobuf's Python half (text and JSON formats) and the target itself.
    with atheris.instrument_imports(include=["flytemodels", "google.protobuf", "fuzz"]):
        from fuzz import target
    corpus = Path(tempfile.mkdtemp(prefix="flytemodels-fuzz-"))
    for number, data in enumerate(target.seed_corpus()):
        (corpus / f"seed-{number:05d}").write_bytes(data)
    deadline = time.monotonic() + seconds

    def test_one_input(data: bytes) -> None:
        target.one_input(data)
        if target.TALLY.inputs >= runs or time.monotonic() >= deadline:
            # libFuzzer leaves through C exit(), skipping Python's atexit: report here.
            sys.stdout.flush()
            status = report()
            shutil.rmtree(corpus, ignore_errors=True)  # the working corpus libFuzzer grew
            os._exit(status)

    flags = [f"-seed={seed}", "-max_len=4096", "-rss_limit_mb=4096", "-print_final_stats=0", str(corpus)]
    atheris.Setup([sys.argv[0], *flags], test_one_input)
    atheris.Fuzz()


def _run_hypothesis(runs: int, seconds: float, seed: int) -> None:
    import random

    from hypothesis import HealthCheck, given, settings

    from fuzz import target
    from fuzz.strategies import fuzz_inputs

    @settings(database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(fuzz_inputs())
    def run(data: bytes) -> None:
        target.one_input(data)

    # Hypothesis's hook for external drivers: each random buffer is one input.
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    while target.TALLY.inputs < runs and time.monotonic() < deadline:
        run.hypothesis.fuzz_one_input(rng.randbytes(512))


if __name__ == "__main__":
    sys.exit(main())
