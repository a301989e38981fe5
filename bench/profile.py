"""Where the time goes: cProfile of the flytekit family's build and read paths (not part of ``make bench``).

``python -m bench.profile`` profiles, for the flytekit family, each build
(B1-B3: constructors, ``to_flyte_idl()``, serialization) and each read (P1-P4:
``from_flyte_idl`` and the full walk of flytekit's properties), and prints the
functions with the most time of their own. ``--family idl`` does the same for
the IDL family, ``--family flytekit`` for flytekit.models. ``--e2e`` profiles
flytekit's own code (``bench.e2e_flyte``) with ``flytekit.models`` resolved to
``flytemodels.flytekit`` (``--plain``: as shipped).

``--share`` answers how much of flytekit's own work its models are: for each
of those tasks, the share of the profiled time spent in model code (functions
of ``flytekit.models``, or of ``flytemodels`` with ``--e2e`` aliased, and
protobuf's own), run on the calling thread. A model layer that took no time at
all would take the task down to ``1 - share`` of flytekit's time.

cProfile adds a fixed cost to every Python call, so it inflates code that makes
many small calls; read the shares, not the absolute times.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
from collections.abc import Callable
from typing import Any


def _profiled(call: Callable[[], Any], repeat: int) -> cProfile.Profile:
    """A profile of ``repeat`` calls of ``call``, after one call unprofiled."""
    call()  # warm: imports, per-class tables
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        call()
    profiler.disable()
    return profiler


def _profile(title: str, call: Callable[[], Any], repeat: int, top: int) -> None:
    out = io.StringIO()
    stats = pstats.Stats(_profiled(call, repeat), stream=out)
    stats.sort_stats("tottime").print_stats(top)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    start = next(index for index, line in enumerate(lines) if "function calls" in line)
    print(f"== {title}")
    print("\n".join(lines[start : start + 3 + top]).replace("/work/main/", ""))
    print()


def models(family: str, top: int) -> None:
    from bench import build
    from bench.payloads import build_all
    from bench.speed import WALKERS
    from bench.subjects import subject_for

    for payload in build.build_all():
        _profile(f"{family} build {payload.key}: {payload.title}", payload.builds[family], 3, top)
    walker = WALKERS[family]
    for converted in build_all():
        side = subject_for(converted.key).side(family)
        messages = converted.messages

        def read() -> int:
            return walker([side.walk_root(side.from_idl(message)) for message in messages])  # noqa: B023

        _profile(f"{family} read {converted.key}: {converted.title}", read, 3, top)


def end_to_end(alias: bool, top: int) -> None:
    if alias:
        from flytemodels._flytekit.alias import install

        install()
    from bench import e2e_flyte

    side = "flytekit family" if alias else "flytekit"
    for name, task in e2e_flyte.TASKS.items():
        _profile(f"{side}: {name}", task, 3, top)


#: Where model code lives: files of flytekit's models or of flytemodels, and protobuf's (upb's C methods too).
_MODEL_CODE = ("/flytekit/models/", "/flytemodels/", "/google/protobuf/", "google._upb")


def _model_seconds(stats: pstats.Stats) -> tuple[float, float]:
    """Seconds of the profiled run spent in model code, and in all."""
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = model = 0.0
    for (filename, _, function), (_, _, own, _, _) in table.items():
        total += own
        if any(part in filename or part in function for part in _MODEL_CODE):
            model += own
    return model, total


def model_share(alias: bool) -> None:
    if alias:
        from flytemodels._flytekit.alias import install

        install()
    from bench import e2e_flyte

    side = "flytekit family" if alias else "flytekit as shipped"
    print(f"== share of each task's profiled time in model code ({side}); no model time at all: 1 - share")
    for name, task in e2e_flyte.ON_THIS_THREAD.items():
        share, total = share_of(task)
        print(f"{name:22s} {share:6.1%} of {total:.3f} s  (1 - share: {1 - share:.3f})")


def share_of(task: Callable[[], Any], repeat: int = 3) -> tuple[float, float]:
    """The share of ``task``'s profiled time spent in model code, and that time in seconds."""
    model, total = _model_seconds(pstats.Stats(_profiled(task, repeat)))
    return model / total, total


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("--family", default="family", choices=("family", "idl", "flytekit"))
    parser.add_argument("--e2e", action="store_true", help="profile flytekit's own code instead")
    parser.add_argument("--plain", action="store_true", help="with --e2e or --share: flytekit.models as shipped")
    parser.add_argument("--share", action="store_true", help="the share of flytekit's own tasks in model code")
    parser.add_argument("--top", type=int, default=15, help="functions shown per profile")
    arguments = parser.parse_args()
    if arguments.share:
        model_share(not arguments.plain)
    elif arguments.e2e:
        end_to_end(not arguments.plain, arguments.top)
    else:
        models(arguments.family, arguments.top)


if __name__ == "__main__":
    main()
