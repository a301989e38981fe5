"""Where the time goes: cProfile of the flytekit family's build and read paths (not part of ``make bench``).

``python -m bench.profile`` profiles, for the flytekit family, each build
(B1-B3: constructors, ``to_flyte_idl()``, serialization) and each read (P1-P4:
``from_flyte_idl`` and the full walk of flytekit's properties), and prints the
functions with the most time of their own. ``--family idl`` does the same for
the IDL family, ``--family flytekit`` for flytekit.models. ``--e2e`` profiles
flytekit's own code (``bench.e2e_flyte``) with ``flytekit.models`` resolved to
``flytemodels.flytekit`` (``--plain``: as shipped).

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


def _profile(title: str, call: Callable[[], Any], repeat: int, top: int) -> None:
    call()  # warm: imports, per-class tables
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        call()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
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


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("--family", default="family", choices=("family", "idl", "flytekit"))
    parser.add_argument("--e2e", action="store_true", help="profile flytekit's own code instead")
    parser.add_argument("--plain", action="store_true", help="with --e2e: flytekit.models as shipped")
    parser.add_argument("--top", type=int, default=15, help="functions shown per profile")
    arguments = parser.parse_args()
    if arguments.e2e:
        end_to_end(not arguments.plain, arguments.top)
    else:
        models(arguments.family, arguments.top)


if __name__ == "__main__":
    main()
