"""flytekit's own code at work, for the end-to-end rows: imported only by the workers of ``bench.e2e``.

The same code runs on flytekit as shipped and with ``flytekit.models``
resolved to ``flytemodels.flytekit``; each task returns a digest of what it
produced, so the two sides can be checked to produce the same messages.

- ``serialize``: what ``pyflyte package`` does for a workflow of 300 task nodes
  (10 tasks, chained): ``get_serializable`` of the tasks, the workflow and its
  default launch plan, then ``to_flyte_idl()`` and serialization of every entity
  sent to Admin;
- ``to_literal_list`` / ``to_literal_dict``: ``TypeEngine.to_literal`` of a
  ``list[int]`` and a ``dict[str, float]`` of 10,000 values (flytekit's literal
  cache, which would hand back the first result, is cleared before each call);
  the ``+idl`` variants also convert the literal ``to_flyte_idl()``, as a task's
  outputs or an execution's inputs are before they are written or sent;
- ``read_executions``: 1,000 admin ``Execution`` messages read as FlyteRemote
  does (``Execution.from_flyte_idl``, as ``list_executions_paginated``; then
  ``FlyteWorkflowExecution.promote_from_model``, as ``recent_executions``),
  then the properties a listing reads (id, launch plan, phase, ``is_done``,
  times, error, outputs URI, labels).
"""

from __future__ import annotations

import asyncio
import hashlib
import random
import typing
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from flyteidl.admin import execution_pb2
from flyteidl.core import execution_pb2 as core_execution_pb2
from flyteidl.core import identifier_pb2
from flytekit import task, workflow
from flytekit.configuration import ImageConfig, SerializationSettings
from flytekit.core.context_manager import FlyteContextManager
from flytekit.core.launch_plan import LaunchPlan
from flytekit.core.type_engine import TypeEngine
from flytekit.models import execution as execution_models
from flytekit.remote.executions import FlyteWorkflowExecution
from flytekit.tools.serialize_helpers import _should_register_with_admin
from flytekit.tools.translator import get_serializable

from bench.payloads import _EPOCH_2024, SEED, _word, identifier

NODES = 300
VALUES = 10_000
EXECUTIONS = 1_000


@task
def step0(a: int, b: str) -> tuple[int, str]:
    return a + 1, b


@task
def step1(a: int, b: str) -> tuple[int, str]:
    return a + 2, b


@task
def step2(a: int, b: str) -> tuple[int, str]:
    return a + 3, b


@task
def step3(a: int, b: str) -> tuple[int, str]:
    return a + 4, b


@task
def step4(a: int, b: str) -> tuple[int, str]:
    return a + 5, b


@task
def step5(a: int, b: str) -> tuple[int, str]:
    return a + 6, b


@task
def step6(a: int, b: str) -> tuple[int, str]:
    return a + 7, b


@task
def step7(a: int, b: str) -> tuple[int, str]:
    return a + 8, b


@task
def step8(a: int, b: str) -> tuple[int, str]:
    return a + 9, b


@task
def step9(a: int, b: str) -> tuple[int, str]:
    return a + 10, b


STEPS = (step0, step1, step2, step3, step4, step5, step6, step7, step8, step9)


@workflow
def pipeline(a: int, b: str) -> tuple[int, str]:
    x, y = a, b
    for index in range(NODES):  # unrolled when the workflow is compiled: 300 task nodes
        x, y = STEPS[index % len(STEPS)](a=x, b=y)
    return x, y


_SETTINGS = SerializationSettings(
    image_config=ImageConfig.auto_default_image(), project="flytesnacks", domain="development", version="v1"
)


def serialize(deterministic: bool = False) -> list[bytes]:
    """``pyflyte package``: the registrable entities of the workflow, as bytes."""
    ctx = FlyteContextManager.current_context()
    entities: OrderedDict[Any, Any] = OrderedDict()
    for entity in STEPS:
        get_serializable(entities, _SETTINGS, entity)
    get_serializable(entities, _SETTINGS, pipeline)
    get_serializable(entities, _SETTINGS, LaunchPlan.get_default_launch_plan(ctx, pipeline))
    registrable = [entity for entity in entities.values() if _should_register_with_admin(entity)]
    return [entity.to_flyte_idl().SerializeToString(deterministic=deterministic) for entity in registrable]


class _ToLiteral:
    """``TypeEngine.to_literal`` of one value, as a task's outputs are converted."""

    def __init__(self, value: Any, python_type: Any) -> None:
        self.value, self.python_type = value, python_type
        self.literal_type = TypeEngine.to_literal_type(python_type)

    def __call__(self, to_idl: bool) -> Any:
        TypeEngine._LITERAL_CACHE.clear()
        ctx = FlyteContextManager.current_context()
        literal = TypeEngine.to_literal(ctx, self.value, self.python_type, self.literal_type)
        return literal.to_flyte_idl() if to_idl else literal

    def on_this_thread(self, to_idl: bool) -> Any:
        """The same conversion run on the calling thread (``to_literal`` runs it on flytekit's loop
        thread), so that a profiler of this thread sees it (``python -m bench.profile --share``)."""
        TypeEngine._LITERAL_CACHE.clear()
        ctx = FlyteContextManager.current_context()
        converting = TypeEngine.async_to_literal(ctx, self.value, self.python_type, self.literal_type)
        literal = asyncio.run(converting)
        return literal.to_flyte_idl() if to_idl else literal


_rng = random.Random(SEED)
_list = _ToLiteral([_rng.randrange(-(2**40), 2**40) for _ in range(VALUES)], list[int])
_dict = _ToLiteral({f"key_{index:05d}": _rng.uniform(-1e6, 1e6) for index in range(VALUES)}, dict[str, float])


def _admin_execution(rng: random.Random, index: int) -> execution_pb2.Execution:
    """An execution as Admin lists it: spec without inputs, closure with an outputs URI or an error."""
    pb = execution_pb2.Execution()
    pb.id.project, pb.id.domain, pb.id.name = "flytesnacks", "development", f"f{index:05d}{_word(rng, 8, 8)}"
    spec = pb.spec
    spec.launch_plan.CopyFrom(identifier(identifier_pb2.LAUNCH_PLAN, f"workflows.pipeline_{index % 20}.main"))
    spec.metadata.mode = (
        execution_pb2.ExecutionMetadata.SCHEDULED if index % 3 else execution_pb2.ExecutionMetadata.MANUAL
    )
    spec.metadata.principal = "scheduler@acme.example"
    spec.labels.values.update({"team": "ml", "env": "dev"})
    spec.annotations.values.update({"acme.example/cost-center": "1234"})
    spec.raw_output_data_config.output_location_prefix = "s3://acme-flyte/raw"
    spec.max_parallelism = 25
    closure = pb.closure
    started = _EPOCH_2024 + rng.randrange(10**7)
    closure.created_at.seconds = started - 3
    closure.started_at.seconds = started
    closure.duration.seconds = rng.randrange(60, 3600)
    closure.updated_at.seconds = started + closure.duration.seconds
    closure.workflow_id.CopyFrom(identifier(identifier_pb2.WORKFLOW, f"workflows.pipeline_{index % 20}.main"))
    if index % 10 == 9:
        closure.phase = core_execution_pb2.WorkflowExecution.FAILED
        closure.error.code = "USER:RuntimeError"
        closure.error.message = f"task failed: {_word(rng)}"
        closure.error.error_uri = f"s3://acme-flyte/errors/{index}.pb"
    else:
        closure.phase = core_execution_pb2.WorkflowExecution.SUCCEEDED
        closure.outputs.uri = f"s3://acme-flyte/metadata/{index}/outputs.pb"
    return pb


_EXECUTIONS = [_admin_execution(random.Random(SEED + index), index) for index in range(EXECUTIONS)]


def _listing_row(execution: Any) -> tuple[Any, ...]:
    identifier_, spec, closure = execution.id, execution.spec, execution.closure
    error = closure.error
    outputs = closure.outputs
    return (
        identifier_.project,
        identifier_.domain,
        identifier_.name,
        spec.launch_plan.name,
        spec.launch_plan.version,
        spec.metadata.mode,
        spec.metadata.principal,
        sorted(spec.labels.values.items()),
        sorted(spec.annotations.values.items()),
        int(closure.phase),
        execution.is_done,
        execution.is_successful,
        closure.started_at,
        closure.duration,
        closure.created_at,
        closure.updated_at,
        (error.code, error.message) if error is not None else None,
        outputs.uri if outputs is not None else None,
    )


def read_executions() -> list[tuple[Any, ...]]:
    models = [execution_models.Execution.from_flyte_idl(pb) for pb in _EXECUTIONS]
    executions = [FlyteWorkflowExecution.promote_from_model(model) for model in models]
    return [_listing_row(execution) for execution in executions]


TASKS: dict[str, Callable[[], Any]] = {
    "serialize": serialize,
    "to_literal_list": lambda: _list(False),
    "to_literal_list_idl": lambda: _list(True),
    "to_literal_dict": lambda: _dict(False),
    "to_literal_dict_idl": lambda: _dict(True),
    "read_executions": read_executions,
}

# The tasks as a profiler of the calling thread can see them (TASKS' to_literal runs on another thread).
ON_THIS_THREAD: dict[str, Callable[[], Any]] = {
    **TASKS,
    "to_literal_list": lambda: _list.on_this_thread(False),
    "to_literal_list_idl": lambda: _list.on_this_thread(True),
    "to_literal_dict": lambda: _dict.on_this_thread(False),
    "to_literal_dict_idl": lambda: _dict.on_this_thread(True),
}


def digest(name: str) -> str:
    """A short digest of what task ``name`` produces, the same on both sides when they agree."""
    value = serialize(deterministic=True) if name == "serialize" else TASKS[name]()
    if hasattr(value, "to_flyte_idl"):
        value = value.to_flyte_idl()
    if hasattr(value, "SerializeToString"):
        value = value.SerializeToString(deterministic=True)
    if isinstance(value, list) and value and isinstance(value[0], bytes):
        value = b"".join(value)
    data = value if isinstance(value, bytes) else repr(value).encode()
    return hashlib.sha256(data).hexdigest()[:16]


def models_module() -> str:
    """Where ``flytekit.models.literals.Literal`` comes from on this side."""
    from flytekit.models import literals

    return typing.cast(str, literals.Literal.__module__)
