"""One piece of work run by many threads at once, switching between them as often as CPython can."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any


def race(work: Callable[[], Any], threads: int) -> list[Any]:
    """Run ``work`` in ``threads`` threads released together; their results, or the first failure raised."""
    barrier = threading.Barrier(threads)
    results: list[Any] = [None] * threads
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait()
            results[index] = work()
        except BaseException as error:  # raised below, with the thread's traceback
            errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        running = [threading.Thread(target=run, args=(index,)) for index in range(threads)]
        for thread in running:
            thread.start()
        for thread in running:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    if errors:
        raise errors[0]
    return results
