"""Memory held by each payload as protobuf messages, flytekit models and both flytemodels families.

tracemalloc alone cannot answer "how big is the model next to its message":
the protobuf runtime (upb) allocates messages in arenas with C ``malloc``,
which tracemalloc does not see (a 100 KB message shows up as ~100 bytes). So
this module runs in its own interpreter with ``PYTHONMALLOC=malloc``, where
Python objects are ``malloc``-ed too, and reads glibc's ``mallinfo2`` for the
bytes held by everything. tracemalloc's figure (the Python heap alone) is
recorded next to it.

Run by ``python -m bench``; ``python -m bench.memory`` prints the JSON.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import json
import os
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from google.protobuf.message import Message as PbMessage

from bench.payloads import build_all
from bench.speed import WALKERS, copy_all
from bench.subjects import Subject, subject_for

ROOT = Path(__file__).resolve().parent.parent


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks")
    ] + [("keepcost", ctypes.c_size_t)]


def _mallinfo2() -> Callable[[], int] | None:
    """Bytes in use by ``malloc`` (heap plus mmap-ed blocks), or None off glibc >= 2.33."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    function = getattr(libc, "mallinfo2", None)
    if function is None:
        return None
    function.restype = _MallInfo2

    def in_use() -> int:
        info = function()
        return int(info.uordblks + info.hblkhd)

    return in_use


def _held(build: Callable[[], Any], counter: Callable[[], int]) -> int:
    """Bytes still held by what ``build`` returns, while it is alive."""
    gc.collect()
    before = counter()
    kept = build()
    gc.collect()
    held = counter() - before
    del kept
    return held


def _traced() -> int:
    return tracemalloc.get_traced_memory()[0]


def _converter(messages: list[PbMessage], subject: Subject, name: str, walk: bool) -> Callable[[], Any]:
    """Models of ``messages`` by side ``name``; with ``walk``, after a full walk of them."""
    side, walker = subject.side(name), WALKERS[name]

    def convert() -> list[Any]:
        models = [side.from_idl(message) for message in messages]
        if walk:
            walker([side.walk_root(model) for model in models])
        return models

    return convert


def _builders(messages: list[PbMessage], subject: Subject) -> dict[str, Callable[[], Any]]:
    builders: dict[str, Callable[[], Any]] = {"protobuf": lambda: copy_all(messages)}
    for name in ("flytekit", "idl", "family"):
        builders[name] = _converter(messages, subject, name, walk=False)
        builders[f"{name}_walked"] = _converter(messages, subject, name, walk=True)
    return builders


def _warm_up(messages: list[PbMessage], subject: Subject) -> None:
    """Import every lazily loaded module and build every field spec before measuring."""
    for name in ("flytekit", "idl", "family"):
        _converter(messages, subject, name, walk=True)()


def measure() -> dict[str, dict[str, int | None]]:
    """Per payload and subject: ``malloc`` bytes held (``held``) and tracemalloc's view (``traced``)."""
    in_use = _mallinfo2()
    results: dict[str, dict[str, int | None]] = {}
    for payload in build_all():
        subject = subject_for(payload.key)
        _warm_up(payload.messages, subject)
        builders = _builders(payload.messages, subject)
        for name, build in builders.items():
            results.setdefault(payload.key, {})[f"{name}_held"] = _held(build, in_use) if in_use else None
        tracemalloc.start()
        for name, build in builders.items():
            results[payload.key][f"{name}_traced"] = _held(build, _traced)
        tracemalloc.stop()
    return results


def measure_in_subprocess() -> dict[str, dict[str, int | None]]:
    """Run ``measure`` in a fresh interpreter where every allocation goes through ``malloc``."""
    env = {**os.environ, "PYTHONMALLOC": "malloc"}
    done = subprocess.run(
        [sys.executable, "-m", "bench.memory"], env=env, check=True, capture_output=True, text=True, cwd=ROOT
    )
    results: dict[str, dict[str, int | None]] = json.loads(done.stdout)
    return results


if __name__ == "__main__":
    print(json.dumps(measure()))
