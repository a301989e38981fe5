"""Shared test helpers: a descriptor-driven random message filler and the message catalog."""

from __future__ import annotations

from collections import Counter

#: Counts of generated cases the tests checked, printed at the end of the run (see conftest).
tally: Counter[str] = Counter()
#: Lines the run prints at its end, one per report (the third-party IDLs' counts, see conftest).
reports: list[str] = []
