"""flytekit's ``ExecutionError`` renders in notebooks as its code and message."""

from __future__ import annotations

from flytemodels.flytekit.core.execution import ExecutionErrorBase


class ExecutionError(ExecutionErrorBase):
    def _repr_html_(self) -> str:
        return f"<b>{self.code}</b> <pre>{self.message}</pre>"
