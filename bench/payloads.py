"""The four benchmark payloads, built as protobuf messages from a fixed seed.

- P1: a ``core.LiteralMap`` of 2,000 mixed primitives, 100 collections and 100
  nested maps of 10 literals each.
- P2: a ``core.WorkflowClosure``: a 500-node ``WorkflowTemplate`` whose nodes bind
  to upstream outputs (a few are branch nodes) and 50 ``TaskTemplate``s with
  interfaces and containers.
- P3: an ``admin.Execution`` with spec (50 inputs), closure (timestamps,
  duration, outputs) and metadata.
- P4: 10,000 ``core.Identifier`` messages.

Every payload is a list of messages (one for P1-P3), so each operation is timed
the same way on all of them. Timestamps and durations hold whole microseconds,
so that flytekit's ``datetime``-based round trip can be lossless too.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

from flyteidl.admin import common_pb2, execution_pb2
from flyteidl.core import (
    condition_pb2,
    identifier_pb2,
    interface_pb2,
    literals_pb2,
    security_pb2,
    tasks_pb2,
    types_pb2,
    workflow_closure_pb2,
    workflow_pb2,
)
from flyteidl.core import (
    execution_pb2 as core_execution_pb2,
)
from google.protobuf.message import Message

SEED = 20240604
_PROJECT = "flytesnacks"
_DOMAIN = "development"
_VERSION = "v1.16.8-3f9c2a1"
_EPOCH_2024 = 1_704_067_200  # 2024-01-01T00:00:00Z


@dataclass(frozen=True)
class Payload:
    """A named list of protobuf messages of one type."""

    key: str
    title: str
    messages: list[Message]


def build_all(seed: int = SEED) -> list[Payload]:
    """P1-P4, each from its own generator seeded with ``seed``."""
    return [
        Payload("P1", "LiteralMap: 2,000 primitives + 100 collections + 100 maps", [literal_map(random.Random(seed))]),
        Payload("P2", "WorkflowClosure: 500 nodes, 50 tasks", [workflow_closure(random.Random(seed))]),
        Payload("P3", "Execution: spec, closure, 50 inputs", [execution(random.Random(seed))]),
        Payload("P4", "10,000 Identifiers", [*identifiers(random.Random(seed), 10_000)]),
    ]


# -- P1: literals -------------------------------------------------------------------


def _word(rng: random.Random, low: int = 6, high: int = 24) -> str:
    return "".join(rng.choices(string.ascii_lowercase + string.digits, k=rng.randint(low, high)))


def primitive(rng: random.Random) -> literals_pb2.Primitive:
    """A random int, float, string, datetime or duration."""
    kind = rng.randrange(5)
    if kind == 0:
        return literals_pb2.Primitive(integer=rng.randrange(-(2**40), 2**40))
    if kind == 1:
        return literals_pb2.Primitive(float_value=rng.uniform(-1e6, 1e6))
    if kind == 2:
        return literals_pb2.Primitive(string_value=_word(rng, 8, 40))
    primitive = literals_pb2.Primitive()
    seconds = rng.randrange(0, 3 * 365 * 86400)
    nanos = rng.randrange(1_000_000) * 1000
    if kind == 3:
        primitive.datetime.seconds = _EPOCH_2024 + seconds
        primitive.datetime.nanos = nanos
    else:
        primitive.duration.seconds = seconds % 86400
        primitive.duration.nanos = nanos
    return primitive


def scalar_literal(rng: random.Random) -> literals_pb2.Literal:
    return literals_pb2.Literal(scalar=literals_pb2.Scalar(primitive=primitive(rng)))


def literal_map(
    rng: random.Random, primitives: int = 2000, collections: int = 100, maps: int = 100, size: int = 10
) -> literals_pb2.LiteralMap:
    """P1: primitives, then collections and nested maps of ``size`` primitives each."""
    result = literals_pb2.LiteralMap()
    for index in range(primitives):
        result.literals[f"p{index:04d}"].CopyFrom(scalar_literal(rng))
    for index in range(collections):
        items = [scalar_literal(rng) for _ in range(size)]
        result.literals[f"c{index:03d}"].collection.literals.extend(items)
    for index in range(maps):
        nested = result.literals[f"m{index:03d}"].map
        for key in range(size):
            nested.literals[f"k{key}"].CopyFrom(scalar_literal(rng))
    return result


# -- P2: a compiled workflow ----------------------------------------------------------

_SIMPLE_TYPES = [types_pb2.INTEGER, types_pb2.FLOAT, types_pb2.STRING, types_pb2.DATETIME, types_pb2.BOOLEAN]
_TASK_INPUTS = 3
_TASK_OUTPUTS = 2


def identifier(kind: identifier_pb2.ResourceType, name: str) -> identifier_pb2.Identifier:
    return identifier_pb2.Identifier(
        resource_type=kind, project=_PROJECT, domain=_DOMAIN, name=name, version=_VERSION, org="acme"
    )


def variables(rng: random.Random, prefix: str, count: int) -> interface_pb2.VariableMap:
    result = interface_pb2.VariableMap()
    for index in range(count):
        variable = result.variables[f"{prefix}{index}"]
        variable.type.simple = rng.choice(_SIMPLE_TYPES)
        variable.description = f"{prefix}{index}: {_word(rng)}"
    return result


def typed_interface(rng: random.Random, inputs: int, outputs: int) -> interface_pb2.TypedInterface:
    return interface_pb2.TypedInterface(inputs=variables(rng, "x", inputs), outputs=variables(rng, "o", outputs))


def container(rng: random.Random, task: str) -> tasks_pb2.Container:
    entry = tasks_pb2.Resources.ResourceEntry
    resources = tasks_pb2.Resources(
        requests=[
            entry(name=tasks_pb2.Resources.CPU, value="500m"),
            entry(name=tasks_pb2.Resources.MEMORY, value="1Gi"),
        ],
        limits=[entry(name=tasks_pb2.Resources.CPU, value="2"), entry(name=tasks_pb2.Resources.MEMORY, value="4Gi")],
    )
    args = ["pyflyte-execute", "--inputs", "{{.input}}", "--output-prefix", "{{.outputPrefix}}"]
    args += ["--resolver", "flytekit.core.python_auto_container.default_task_resolver", "--", "task-name", task]
    env = [literals_pb2.KeyValuePair(key="FLYTE_SDK_LOGGING_LEVEL", value=str(rng.randrange(10, 50)))]
    return tasks_pb2.Container(
        image="ghcr.io/flyteorg/flytekit:py3.11-1.16.31", args=args, resources=resources, env=env
    )


def task_template(rng: random.Random, index: int) -> tasks_pb2.TaskTemplate:
    name = f"workflows.pipeline.task_{index:02d}"
    metadata = tasks_pb2.TaskMetadata(
        discoverable=rng.random() < 0.5,
        runtime=tasks_pb2.RuntimeMetadata(type=tasks_pb2.RuntimeMetadata.FLYTE_SDK, version="1.16.31", flavor="python"),
        retries=literals_pb2.RetryStrategy(retries=rng.randrange(4)),
        discovery_version="1.0",
    )
    metadata.timeout.seconds = rng.randrange(60, 7200)
    return tasks_pb2.TaskTemplate(
        id=identifier(identifier_pb2.TASK, name),
        type="python-task",
        metadata=metadata,
        interface=typed_interface(rng, _TASK_INPUTS, _TASK_OUTPUTS),
        container=container(rng, name),
    )


def promise(node_id: str, var: str) -> literals_pb2.BindingData:
    return literals_pb2.BindingData(promise=types_pb2.OutputReference(node_id=node_id, var=var))


def task_node(
    rng: random.Random, node_id: str, upstream: list[str], tasks: list[tasks_pb2.TaskTemplate]
) -> workflow_pb2.Node:
    """A task node binding each input to an output of a random upstream node."""
    task = rng.choice(tasks)
    node = workflow_pb2.Node(id=node_id, task_node=workflow_pb2.TaskNode(reference_id=task.id))
    node.metadata.name = task.id.name.rsplit(".", 1)[-1]
    node.metadata.retries.retries = task.metadata.retries.retries
    node.metadata.timeout.seconds = task.metadata.timeout.seconds
    sources = set()
    for var in sorted(task.interface.inputs.variables):
        source = rng.choice(upstream) if upstream else "start-node"
        output = f"o{rng.randrange(_TASK_OUTPUTS)}" if upstream else f"wf_in{rng.randrange(3)}"
        node.inputs.add(var=var, binding=promise(source, output))
        sources.add(source)
    node.upstream_node_ids.extend(sorted(sources - {"start-node"}))
    return node


def branch_node(
    rng: random.Random, node_id: str, upstream: list[str], tasks: list[tasks_pb2.TaskTemplate]
) -> workflow_pb2.Node:
    """A branch node: ``if upstream.o0 > k`` / ``elif`` / ``else``, each running one task."""

    def case(suffix: str, operator: condition_pb2.ComparisonExpression.Operator) -> workflow_pb2.IfBlock:
        comparison = condition_pb2.ComparisonExpression(
            operator=operator,
            left_value=condition_pb2.Operand(var=f"{rng.choice(upstream)}.o0"),
            right_value=condition_pb2.Operand(primitive=literals_pb2.Primitive(integer=rng.randrange(100))),
        )
        condition = condition_pb2.BooleanExpression(comparison=comparison)
        return workflow_pb2.IfBlock(
            condition=condition, then_node=task_node(rng, f"{node_id}-{suffix}", upstream, tasks)
        )

    if_else = workflow_pb2.IfElseBlock(
        case=case("then", condition_pb2.ComparisonExpression.GT),
        other=[case("elif", condition_pb2.ComparisonExpression.LTE)],
        else_node=task_node(rng, f"{node_id}-else", upstream, tasks),
    )
    node = workflow_pb2.Node(id=node_id, branch_node=workflow_pb2.BranchNode(if_else=if_else))
    node.metadata.name = f"branch-{node_id}"
    branches = [if_else.case.then_node, if_else.other[0].then_node, if_else.else_node]
    node.upstream_node_ids.extend(sorted({source for branch in branches for source in branch.upstream_node_ids}))
    return node


def workflow_closure(
    rng: random.Random, nodes: int = 500, tasks: int = 50, branch_every: int = 100
) -> workflow_closure_pb2.WorkflowClosure:
    """P2: a workflow of ``nodes`` nodes (every ``branch_every``-th a branch) over ``tasks`` tasks."""
    templates = [task_template(rng, index) for index in range(tasks)]
    workflow = workflow_pb2.WorkflowTemplate(
        id=identifier(identifier_pb2.WORKFLOW, "workflows.pipeline.main"),
        interface=typed_interface(rng, 3, 2),
    )
    for index in range(nodes):
        upstream = [f"n{j}" for j in range(max(0, index - 20), index)]
        build = branch_node if index and index % branch_every == 0 else task_node
        workflow.nodes.append(build(rng, f"n{index}", upstream, templates))
    for index in range(_TASK_OUTPUTS):
        workflow.outputs.add(var=f"o{index}", binding=promise(f"n{nodes - 1}", f"o{index}"))
    return workflow_closure_pb2.WorkflowClosure(workflow=workflow, tasks=templates)


# -- P3: an execution ----------------------------------------------------------------


def execution(rng: random.Random, inputs: int = 50, outputs: int = 10) -> execution_pb2.Execution:
    """P3: an execution of a launch plan with ``inputs`` inputs, succeeded with ``outputs`` outputs."""
    pb = execution_pb2.Execution()
    pb.id.project, pb.id.domain, pb.id.name = _PROJECT, _DOMAIN, "f7a3c9e1b2d4"
    _fill_spec(rng, pb.spec, inputs)
    _fill_closure(rng, pb.closure, outputs)
    return pb


def _fill_spec(rng: random.Random, spec: execution_pb2.ExecutionSpec, inputs: int) -> None:
    spec.launch_plan.CopyFrom(identifier(identifier_pb2.LAUNCH_PLAN, "workflows.pipeline.main"))
    for index in range(inputs):
        spec.inputs.literals[f"in_{index:02d}"].CopyFrom(scalar_literal(rng))
    spec.metadata.mode = execution_pb2.ExecutionMetadata.SCHEDULED
    spec.metadata.principal = "scheduler@acme.example"
    spec.metadata.scheduled_at.seconds = _EPOCH_2024 + rng.randrange(10**7)
    spec.labels.values.update({"team": "ml", "env": "dev", "owner": _word(rng)})
    spec.annotations.values.update({"acme.example/cost-center": "1234"})
    spec.security_context.CopyFrom(security_pb2.SecurityContext(run_as=security_pb2.Identity(k8s_service_account="ml")))
    spec.raw_output_data_config.CopyFrom(common_pb2.RawOutputDataConfig(output_location_prefix="s3://acme-flyte/raw"))
    spec.max_parallelism = 25


def _fill_closure(rng: random.Random, closure: execution_pb2.ExecutionClosure, outputs: int) -> None:
    for index in range(outputs):
        closure.outputs.values.literals[f"o{index}"].CopyFrom(scalar_literal(rng))
    closure.phase = core_execution_pb2.WorkflowExecution.SUCCEEDED
    started = _EPOCH_2024 + rng.randrange(10**7)
    closure.created_at.seconds = started - 3
    closure.started_at.seconds = started
    closure.started_at.nanos = rng.randrange(1_000_000) * 1000
    closure.duration.seconds = rng.randrange(60, 3600)
    closure.updated_at.seconds = started + closure.duration.seconds
    closure.workflow_id.CopyFrom(identifier(identifier_pb2.WORKFLOW, "workflows.pipeline.main"))


# -- P4: identifiers -----------------------------------------------------------------


def identifiers(rng: random.Random, count: int) -> list[identifier_pb2.Identifier]:
    """P4: ``count`` task, workflow and launch plan identifiers."""
    kinds = [identifier_pb2.TASK, identifier_pb2.WORKFLOW, identifier_pb2.LAUNCH_PLAN]
    return [identifier(rng.choice(kinds), f"workflows.{_word(rng)}.{_word(rng)}") for _ in range(count)]
