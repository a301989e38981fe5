"""``python -m tests.goldens refresh|check``: rewrite or verify the golden outputs.

``refresh`` (what ``make goldens`` runs) regenerates ``tests/goldens/expected``
from ``protos/fixtures`` (the fixture protos and the compatibility table over
them); review the diff and commit it with the generator change that caused it.
``check`` writes nothing and prints the difference.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.goldens.harness import EXPECTED, FIXTURE_CONFIGS, diff_trees, generate, snapshot

USAGE = "usage: python -m tests.goldens {refresh|check}"


def main(argv: list[str]) -> int:
    if argv == ["refresh"]:
        for config in FIXTURE_CONFIGS:
            print(generate(config, EXPECTED), end="")
        return 0
    if argv == ["check"]:
        with tempfile.TemporaryDirectory() as scratch:
            for config in FIXTURE_CONFIGS:
                generate(config, Path(scratch))
            report = diff_trees(snapshot(EXPECTED), snapshot(Path(scratch)), "")
        print(report.strip() or f"{EXPECTED} is up to date")
        return 1 if report else 0
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
