"""flytekit's ``NodeExecutionGetDataResponse`` takes the common data arguments positionally or by name."""

from __future__ import annotations

from typing import Any

from flytemodels.flytekit.execution import NodeExecutionGetDataResponseBase

_COMMON = ("inputs", "outputs", "full_inputs", "full_outputs")


class NodeExecutionGetDataResponse(NodeExecutionGetDataResponseBase):
    def __init__(self, *args: Any, dynamic_workflow: Any = None, **kwargs: Any) -> None:
        values = dict(zip(_COMMON, args, strict=False))
        overlap = set(values) & set(kwargs)
        if overlap:
            raise TypeError(f"NodeExecutionGetDataResponse got multiple values for {sorted(overlap)[0]!r}")
        values.update(kwargs)
        missing = [name for name in _COMMON if name not in values]
        if missing:
            raise TypeError(f"NodeExecutionGetDataResponse missing required argument {missing[0]!r}")
        super().__init__(dynamic_workflow=dynamic_workflow, **values)
