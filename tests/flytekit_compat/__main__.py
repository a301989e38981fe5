"""``python -m tests.flytekit_compat [--check]``: rewrite (or check) docs/flytekit_compat.md."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.flytekit_compat import table

DOC = Path(__file__).resolve().parents[2] / "docs" / "flytekit_compat.md"


def main(argv: list[str]) -> int:
    text = table.render(table.rows())
    if "--check" in argv:
        if not DOC.is_file() or DOC.read_text(encoding="utf-8") != text:
            print(f"{DOC} is stale: run python -m tests.flytekit_compat", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
