"""flytekit's ``Sort.from_python_std``: ``asc(key)`` or ``desc(key)``."""

from __future__ import annotations

from flytemodels.flytekit.admin.common import SortBase


class Sort(SortBase):
    @classmethod
    def from_python_std(cls, text: str) -> Sort:
        """Parse ``asc(key)``/``desc(key)``; anything else is a ValueError that quotes it."""
        text = text.strip()
        if not text.endswith(")"):
            raise ValueError(
                f"Could not parse string.  Must be in format 'asc(key)' or 'desc(key)'.  '{text}' did not end with ')'."
            )
        for prefix, direction in (("asc(", cls.Direction.ASCENDING), ("desc(", cls.Direction.DESCENDING)):
            if text.startswith(prefix):
                return cls(key=text[len(prefix) : -1].strip(), direction=direction)
        raise ValueError(
            f"Could not parse string.  Must be in format 'asc(key)' or 'desc(key)'.  '{text}' did not "
            "start with 'asc(' or 'desc'."
        )
