"""``python -m tests.flytekit_suite --tests DIR [--only PATH ...] [--reuse-baseline]``.

Runs flytekit's unit tests on flytekit as shipped, then with ``flytekit.models`` resolved to
``flytemodels.flytekit``, and reports the tests that pass on the first and not on the second. Exits 1
when there is such a regression that ``allowed.toml`` does not list, 2 when the suite could not run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tests.flytekit_suite import junit, report, runner

REPO = Path(__file__).resolve().parents[2]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.flytekit_suite", description=__doc__.splitlines()[2])
    parser.add_argument(
        "--tests",
        type=Path,
        default=REPO.parent / "shared" / "flytekit-tests",
        help="the folder holding flytekit's tests/ (default: ../shared/flytekit-tests)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="PATH",
        help="run only this directory, file or node id under tests/flytekit/unit (repeatable), "
        "e.g. models or core/test_type_engine.py",
    )
    parser.add_argument(
        "--reuse-baseline",
        action="store_true",
        help="reuse the last flytekit-as-shipped results when they cover what is asked for",
    )
    parser.add_argument("--timeout", type=int, default=120, help="seconds per test (pytest-timeout)")
    parser.add_argument("--out", type=Path, default=REPO / "build" / "flytekit-tests", help="where results go")
    parser.add_argument(
        "--tb",
        default="line",
        choices=("line", "short", "long", "native", "no"),
        help="pytest's traceback style in the logs (default line: the others are slow when thousands of tests fail)",
    )
    parser.add_argument("--python", default=sys.executable, help="the interpreter with flytekit and pytest")
    parser.add_argument("--allowed", type=Path, default=Path(__file__).with_name("allowed.toml"))
    return parser.parse_args(argv)


def run_side(settings: runner.Settings, side: runner.Side) -> int:
    """Run one side of the comparison, saying what it does and how it ended."""
    print(f"running flytekit's unit tests on {side.name} (output: {side.log})", flush=True)
    code = runner.run(settings, side)
    print(f"  pytest exit {code}: {runner.last_line(side.log)}", flush=True)
    return code


def outcomes(side: runner.Side, only: list[str]) -> dict[str, junit.Outcome]:
    """The side's results restricted to the --only paths (a reused baseline may cover more)."""
    if not side.xml.is_file():
        return {}
    return {node_id: outcome for node_id, outcome in junit.load(side.xml).items() if report.in_scope(node_id, only)}


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    suite = args.tests.resolve()
    if not (suite / runner.UNIT_DIR).is_dir():
        print(f"no {runner.UNIT_DIR} under {suite}: pass --tests (make FLYTEKIT_TESTS=...)", file=sys.stderr)
        return 2
    only = [report.unit_path(path) for path in args.only]
    settings = runner.Settings(args.python, suite, tuple(only), args.timeout, args.tb)
    baseline, candidate = runner.sides(args.out.resolve())
    if args.reuse_baseline and runner.reusable(baseline, only):
        print(f"reusing {baseline.xml} (flytekit as shipped)")
    else:
        run_side(settings, baseline)
    code = run_side(settings, candidate)
    before = outcomes(baseline, only)
    if not before:
        print(f"no results from flytekit as shipped: see {baseline.log}", file=sys.stderr)
        return 2
    # Without an XML, flytemodels' run stopped before any test (typically: flytekit failed to import).
    not_run = f"pytest exited {code} before running tests: {runner.last_line(candidate.log)}"
    comparison = report.compare(before, outcomes(candidate, only), report.load_allowed(args.allowed), not_run)
    return print_report(comparison, args.out.resolve())


def print_report(comparison: report.Comparison, out: Path) -> int:
    """Print the table, totals and top messages; write report.md and regressions.txt. Returns the exit code."""
    (out / "report.md").write_text(report.markdown_report(comparison), encoding="utf-8")
    (out / "regressions.txt").write_text(report.regressions_text(comparison), encoding="utf-8")
    print()
    print(report.text_table(comparison))
    print()
    print(report.summary(comparison))
    if comparison.unexpected:
        print(f"\nTop regression messages (all of them: {out / 'regressions.txt'}):")
        print(report.top_messages(comparison))
    print(f"\nreport: {out / 'report.md'}")
    return 1 if comparison.unexpected else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
