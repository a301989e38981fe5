"""flytekit's ``DynamicJobSpec`` argument order (``flytekit.models.dynamic_job``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flytemodels._overrides._support import build
from flytemodels.core.dynamic_job import DynamicJobSpecBase

if TYPE_CHECKING:
    from collections import abc as _abc

    from flytemodels.core import literals as _core_literals
    from flytemodels.core import tasks as _core_tasks
    from flytemodels.core import workflow as _core_workflow


class DynamicJobSpec(DynamicJobSpecBase):
    """What a dynamic task produced: flytekit's order (``tasks`` first; the IDL declares them fourth)."""

    __slots__ = ()

    def __init__(
        self,
        tasks: _abc.Iterable[_core_tasks.TaskTemplate] | None = None,
        nodes: _abc.Iterable[_core_workflow.Node] | None = None,
        min_successes: int | None = None,
        outputs: _abc.Iterable[_core_literals.Binding] | None = None,
        subworkflows: _abc.Iterable[_core_workflow.WorkflowTemplate] | None = None,
    ) -> None:
        build(self, locals())
