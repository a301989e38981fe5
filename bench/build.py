"""Build payloads: trees built bottom-up with each API's constructors, then serialized.

What flytekit does most (serialization, the type engine, ``pyflyte
package/register``) is building models from Python values and turning them into
messages. Each build payload is plain Python data made once from a fixed seed
(``spec``); a build is that data turned into a tree with one API's constructors,
then ``to_flyte_idl()`` and ``SerializeToString()`` (raw protobuf: its
constructors, then ``SerializeToString()``):

- B1: a P1-shaped ``LiteralMap`` (2,000 primitives, 100 collections and 100
  maps of 10 literals: 2,200 top-level literals; the same message as P1);
- B2: a P2-shaped ``WorkflowClosure``: 500 nodes (every 100th a branch) over 50
  task templates with interfaces, containers and resources;
- B3: 10,000 ``Identifier``s, each built, converted and serialized.

flytekit.models and the flytekit family run the *same* builder code (the family
is a drop-in: only the modules differ). Raw protobuf and the IDL family share
the other builder: the IDL family's constructors take the IDL's field names, as
protobuf's do. Every builder makes the same message (checked by ``check``).
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from flyteidl.core import condition_pb2, identifier_pb2, tasks_pb2, types_pb2

from bench.payloads import _DOMAIN, _EPOCH_2024, _PROJECT, _VERSION, SEED, _word

# Modules the builders use, by short name: for flytekit.models / flytemodels.flytekit ...
KIT_MODULES = {
    "literals": "literals",
    "workflow": "core.workflow",
    "identifier": "core.identifier",
    "condition": "core.condition",
    "task": "task",
    "interface": "interface",
    "types": "types",
    "closure": "workflow_closure",
}
# ... and for raw protobuf (flyteidl.core.<x>_pb2) / the IDL family (flytemodels.core.<x>).
IDL_MODULES = {
    "literals": "literals",
    "workflow": "workflow",
    "identifier": "identifier",
    "condition": "condition",
    "tasks": "tasks",
    "interface": "interface",
    "types": "types",
    "closure": "workflow_closure",
}


def kit_api(package: str) -> SimpleNamespace:
    """``flytekit.models`` or ``flytemodels.flytekit``: the modules the kit builders use."""
    return SimpleNamespace(
        **{name: importlib.import_module(f"{package}.{module}") for name, module in KIT_MODULES.items()}
    )


def idl_api(package: str, suffix: str = "") -> SimpleNamespace:
    """``flyteidl.core`` (suffix ``_pb2``) or ``flytemodels.core``: the modules the IDL builders use."""
    return SimpleNamespace(
        **{name: importlib.import_module(f"{package}.{module}{suffix}") for name, module in IDL_MODULES.items()}
    )


# -- the plain data ---------------------------------------------------------------------

Kwargs = dict[str, Any]


def primitive(rng: random.Random) -> Kwargs:
    """A primitive's constructor arguments; the same random draws as ``payloads.primitive``."""
    kind = rng.randrange(5)
    if kind == 0:
        return {"integer": rng.randrange(-(2**40), 2**40)}
    if kind == 1:
        return {"float_value": rng.uniform(-1e6, 1e6)}
    if kind == 2:
        return {"string_value": _word(rng, 8, 40)}
    seconds = rng.randrange(0, 3 * 365 * 86400)
    micros = rng.randrange(1_000_000)
    if kind == 3:
        moment = dt.datetime.fromtimestamp(_EPOCH_2024 + seconds, dt.UTC).replace(microsecond=micros)
        return {"datetime": moment}
    return {"duration": dt.timedelta(seconds=seconds % 86400, microseconds=micros)}


@dataclass(frozen=True)
class LiteralMapSpec:
    primitives: list[tuple[str, Kwargs]]
    collections: list[tuple[str, list[Kwargs]]]
    maps: list[tuple[str, list[tuple[str, Kwargs]]]]


def literal_map_spec(rng: random.Random, primitives: int = 2000, count: int = 100, size: int = 10) -> LiteralMapSpec:
    """B1: the data of ``payloads.literal_map`` (same seed, same draws, same message)."""
    return LiteralMapSpec(
        [(f"p{index:04d}", primitive(rng)) for index in range(primitives)],
        [(f"c{index:03d}", [primitive(rng) for _ in range(size)]) for index in range(count)],
        [(f"m{index:03d}", [(f"k{key}", primitive(rng)) for key in range(size)]) for index in range(count)],
    )


@dataclass(frozen=True)
class TaskSpec:
    name: str
    discoverable: bool
    retries: int
    timeout: dt.timedelta
    inputs: list[tuple[str, int, str]]  # name, SimpleType, description
    outputs: list[tuple[str, int, str]]
    log_level: str


@dataclass(frozen=True)
class NodeSpec:
    id: str
    name: str
    task: int = -1  # index of the task a task node runs
    retries: int = 0
    timeout: dt.timedelta | None = None
    bindings: list[tuple[str, str, str]] = field(default_factory=list)  # var, upstream node, its output
    upstream: list[str] = field(default_factory=list)
    # A branch node: (operator, left var, right integer, then-node) cases, and the else node.
    cases: list[tuple[int, str, int, NodeSpec]] = field(default_factory=list)
    otherwise: NodeSpec | None = None


@dataclass(frozen=True)
class ClosureSpec:
    name: str
    inputs: list[tuple[str, int, str]]
    outputs: list[tuple[str, int, str]]
    nodes: list[NodeSpec]
    bindings: list[tuple[str, str, str]]
    tasks: list[TaskSpec]


_SIMPLE = [types_pb2.INTEGER, types_pb2.FLOAT, types_pb2.STRING, types_pb2.DATETIME, types_pb2.BOOLEAN]


def _variables(rng: random.Random, prefix: str, count: int) -> list[tuple[str, int, str]]:
    return [(f"{prefix}{i}", rng.choice(_SIMPLE), f"{prefix}{i}: {_word(rng)}") for i in range(count)]


def _task_spec(rng: random.Random, index: int) -> TaskSpec:
    return TaskSpec(
        name=f"workflows.pipeline.task_{index:02d}",
        discoverable=rng.random() < 0.5,
        retries=rng.randrange(4),
        timeout=dt.timedelta(seconds=rng.randrange(60, 7200)),
        inputs=_variables(rng, "x", 3),
        outputs=_variables(rng, "o", 2),
        log_level=str(rng.randrange(10, 50)),
    )


def _task_node_spec(rng: random.Random, node_id: str, upstream: list[str], tasks: list[TaskSpec]) -> NodeSpec:
    index = rng.randrange(len(tasks))
    task = tasks[index]
    bindings = []
    for var, _, _ in task.inputs:
        source = rng.choice(upstream) if upstream else "start-node"
        output = f"o{rng.randrange(2)}" if upstream else f"wf_in{rng.randrange(3)}"
        bindings.append((var, source, output))
    sources = sorted({source for _, source, _ in bindings} - {"start-node"})
    name = task.name.rsplit(".", 1)[-1]
    return NodeSpec(node_id, name, index, task.retries, task.timeout, bindings, sources)


def _branch_node_spec(rng: random.Random, node_id: str, upstream: list[str], tasks: list[TaskSpec]) -> NodeSpec:
    operators = (int(condition_pb2.ComparisonExpression.GT), int(condition_pb2.ComparisonExpression.LTE))
    cases = [
        (
            operator,
            f"{rng.choice(upstream)}.o0",
            rng.randrange(100),
            _task_node_spec(rng, f"{node_id}-{s}", upstream, tasks),
        )
        for operator, s in zip(operators, ("then", "elif"), strict=True)
    ]
    otherwise = _task_node_spec(rng, f"{node_id}-else", upstream, tasks)
    sources = sorted({s for branch in [*(c[3] for c in cases), otherwise] for s in branch.upstream})
    return NodeSpec(node_id, f"branch-{node_id}", upstream=sources, cases=cases, otherwise=otherwise)


def closure_spec(rng: random.Random, nodes: int = 500, tasks: int = 50, branch_every: int = 100) -> ClosureSpec:
    """B2: the data of a P2-shaped workflow closure."""
    templates = [_task_spec(rng, index) for index in range(tasks)]
    inputs, outputs = _variables(rng, "x", 3), _variables(rng, "o", 2)
    node_specs = []
    for index in range(nodes):
        upstream = [f"n{j}" for j in range(max(0, index - 20), index)]
        make = _branch_node_spec if index and index % branch_every == 0 else _task_node_spec
        node_specs.append(make(rng, f"n{index}", upstream, templates))
    bindings = [(f"o{i}", f"n{nodes - 1}", f"o{i}") for i in range(2)]
    return ClosureSpec("workflows.pipeline.main", inputs, outputs, node_specs, bindings, templates)


IdentifierSpec = tuple[int, str, str, str, str]  # resource type, project, domain, name, version


def identifier_specs(rng: random.Random, count: int = 10_000) -> list[IdentifierSpec]:
    """B3: ``count`` task, workflow and launch plan identifiers (no ``org``: flytekit's has none)."""
    kinds = [identifier_pb2.TASK, identifier_pb2.WORKFLOW, identifier_pb2.LAUNCH_PLAN]
    return [
        (rng.choice(kinds), _PROJECT, _DOMAIN, f"workflows.{_word(rng)}.{_word(rng)}", _VERSION) for _ in range(count)
    ]


# -- B1: the same builder for every API (flytekit's literal constructors take the IDL's names) --


def literal_map(api: SimpleNamespace, spec: LiteralMapSpec) -> Any:
    literals = api.literals
    literal, scalar, primitive_ = literals.Literal, literals.Scalar, literals.Primitive
    literal_map_, collection = literals.LiteralMap, literals.LiteralCollection

    def leaf(kwargs: Kwargs) -> Any:
        return literal(scalar=scalar(primitive=primitive_(**kwargs)))

    entries = {key: leaf(kwargs) for key, kwargs in spec.primitives}
    for key, items in spec.collections:
        entries[key] = literal(collection=collection(literals=[leaf(kwargs) for kwargs in items]))
    for key, pairs in spec.maps:
        entries[key] = literal(map=literal_map_(literals={name: leaf(kwargs) for name, kwargs in pairs}))
    return literal_map_(literals=entries)


# -- B2, flytekit's constructors (flytekit.models and the flytekit family) -------------------


def _kit_interface(
    api: SimpleNamespace, inputs: list[tuple[str, int, str]], outputs: list[tuple[str, int, str]]
) -> Any:
    variable, literal_type = api.interface.Variable, api.types.LiteralType

    def variables(items: list[tuple[str, int, str]]) -> dict[str, Any]:
        return {name: variable(literal_type(simple=simple), description) for name, simple, description in items}

    return api.interface.TypedInterface(variables(inputs), variables(outputs))


def _kit_task(api: SimpleNamespace, spec: TaskSpec, task_id: Any) -> Any:
    task, retry = api.task, api.literals.RetryStrategy
    runtime = task.RuntimeMetadata(task.RuntimeMetadata.RuntimeType.FLYTE_SDK, "1.16.31", "python")
    metadata = task.TaskMetadata(
        spec.discoverable, runtime, spec.timeout, retry(spec.retries), None, "1.0", "", False, "", []
    )
    entry = task.Resources.ResourceEntry
    resources = task.Resources(
        requests=[entry(tasks_pb2.Resources.CPU, "500m"), entry(tasks_pb2.Resources.MEMORY, "1Gi")],
        limits=[entry(tasks_pb2.Resources.CPU, "2"), entry(tasks_pb2.Resources.MEMORY, "4Gi")],
    )
    args = ["pyflyte-execute", "--inputs", "{{.input}}", "--output-prefix", "{{.outputPrefix}}"]
    args += ["--resolver", "flytekit.core.python_auto_container.default_task_resolver", "--", "task-name", spec.name]
    container = task.Container(
        "ghcr.io/flyteorg/flytekit:py3.11-1.16.31",
        [],
        args,
        resources,
        {"FLYTE_SDK_LOGGING_LEVEL": spec.log_level},
        {},
    )
    interface = _kit_interface(api, spec.inputs, spec.outputs)
    return task.TaskTemplate(task_id, "python-task", metadata, interface, None, container=container)


def _kit_binding(api: SimpleNamespace, var: str, node: str, output: str) -> Any:
    literals = api.literals
    return literals.Binding(var, literals.BindingData(promise=api.types.OutputReference(node, output)))


def _kit_node(api: SimpleNamespace, spec: NodeSpec, task_ids: list[Any]) -> Any:
    workflow = api.workflow
    metadata = workflow.NodeMetadata(spec.name, spec.timeout, api.literals.RetryStrategy(spec.retries))
    inputs = [_kit_binding(api, var, node, output) for var, node, output in spec.bindings]
    if spec.otherwise is None:
        task_node = workflow.TaskNode(task_ids[spec.task])
        return workflow.Node(spec.id, metadata, inputs, spec.upstream, [], task_node=task_node)
    condition = api.condition
    blocks = [
        workflow.IfBlock(
            condition.BooleanExpression(
                comparison=condition.ComparisonExpression(
                    operator,
                    condition.Operand(var=left),
                    condition.Operand(primitive=api.literals.Primitive(integer=right)),
                )
            ),
            _kit_node(api, then, task_ids),
        )
        for operator, left, right, then in spec.cases
    ]
    if_else = workflow.IfElseBlock(blocks[0], blocks[1:], _kit_node(api, spec.otherwise, task_ids))
    return workflow.Node(spec.id, metadata, inputs, spec.upstream, [], branch_node=workflow.BranchNode(if_else))


def kit_closure(api: SimpleNamespace, spec: ClosureSpec) -> Any:
    ident = api.identifier.Identifier
    kinds = api.identifier.ResourceType
    task_ids = [ident(kinds.TASK, _PROJECT, _DOMAIN, task.name, _VERSION) for task in spec.tasks]
    tasks = [_kit_task(api, task, task_id) for task, task_id in zip(spec.tasks, task_ids, strict=True)]
    workflow = api.workflow
    template = workflow.WorkflowTemplate(
        ident(kinds.WORKFLOW, _PROJECT, _DOMAIN, spec.name, _VERSION),
        workflow.WorkflowMetadata(),
        workflow.WorkflowMetadataDefaults(),
        _kit_interface(api, spec.inputs, spec.outputs),
        [_kit_node(api, node, task_ids) for node in spec.nodes],
        [_kit_binding(api, var, node, output) for var, node, output in spec.bindings],
    )
    return api.closure.WorkflowClosure(template, tasks)


# -- B2, the IDL's constructors (raw protobuf and the IDL family) ----------------------------


def _idl_interface(
    api: SimpleNamespace, inputs: list[tuple[str, int, str]], outputs: list[tuple[str, int, str]]
) -> Any:
    interface, literal_type = api.interface, api.types.LiteralType

    def variables(items: list[tuple[str, int, str]]) -> Any:
        return interface.VariableMap(
            variables={
                name: interface.Variable(type=literal_type(simple=simple), description=description)
                for name, simple, description in items
            }
        )

    return interface.TypedInterface(inputs=variables(inputs), outputs=variables(outputs))


def _idl_task(api: SimpleNamespace, spec: TaskSpec, task_id: Any, false: Any) -> Any:
    tasks = api.tasks
    runtime = tasks.RuntimeMetadata(type=tasks_pb2.RuntimeMetadata.FLYTE_SDK, version="1.16.31", flavor="python")
    metadata = tasks.TaskMetadata(
        discoverable=spec.discoverable,
        runtime=runtime,
        timeout=spec.timeout,
        retries=api.literals.RetryStrategy(retries=spec.retries),
        discovery_version="1.0",
        generates_deck=false,
    )
    entry = tasks.Resources.ResourceEntry
    resources = tasks.Resources(
        requests=[
            entry(name=tasks_pb2.Resources.CPU, value="500m"),
            entry(name=tasks_pb2.Resources.MEMORY, value="1Gi"),
        ],
        limits=[entry(name=tasks_pb2.Resources.CPU, value="2"), entry(name=tasks_pb2.Resources.MEMORY, value="4Gi")],
    )
    args = ["pyflyte-execute", "--inputs", "{{.input}}", "--output-prefix", "{{.outputPrefix}}"]
    args += ["--resolver", "flytekit.core.python_auto_container.default_task_resolver", "--", "task-name", spec.name]
    container = tasks.Container(
        image="ghcr.io/flyteorg/flytekit:py3.11-1.16.31",
        args=args,
        resources=resources,
        env=[api.literals.KeyValuePair(key="FLYTE_SDK_LOGGING_LEVEL", value=spec.log_level)],
    )
    interface = _idl_interface(api, spec.inputs, spec.outputs)
    return tasks.TaskTemplate(
        id=task_id, type="python-task", metadata=metadata, interface=interface, container=container
    )


def _idl_binding(api: SimpleNamespace, var: str, node: str, output: str) -> Any:
    literals = api.literals
    promise = api.types.OutputReference(node_id=node, var=output)
    return literals.Binding(var=var, binding=literals.BindingData(promise=promise))


def _idl_node(api: SimpleNamespace, spec: NodeSpec, task_ids: list[Any]) -> Any:
    workflow = api.workflow
    metadata = workflow.NodeMetadata(
        name=spec.name, timeout=spec.timeout, retries=api.literals.RetryStrategy(retries=spec.retries)
    )
    inputs = [_idl_binding(api, var, node, output) for var, node, output in spec.bindings]
    if spec.otherwise is None:
        task_node = workflow.TaskNode(reference_id=task_ids[spec.task])
        return workflow.Node(
            id=spec.id, metadata=metadata, inputs=inputs, upstream_node_ids=spec.upstream, task_node=task_node
        )
    condition = api.condition
    blocks = [
        workflow.IfBlock(
            condition=condition.BooleanExpression(
                comparison=condition.ComparisonExpression(
                    operator=operator,
                    left_value=condition.Operand(var=left),
                    right_value=condition.Operand(primitive=api.literals.Primitive(integer=right)),
                )
            ),
            then_node=_idl_node(api, then, task_ids),
        )
        for operator, left, right, then in spec.cases
    ]
    if_else = workflow.IfElseBlock(case=blocks[0], other=blocks[1:], else_node=_idl_node(api, spec.otherwise, task_ids))
    branch = workflow.BranchNode(if_else=if_else)
    return workflow.Node(
        id=spec.id, metadata=metadata, inputs=inputs, upstream_node_ids=spec.upstream, branch_node=branch
    )


def idl_closure(api: SimpleNamespace, spec: ClosureSpec, false: Any) -> Any:
    """``false``: what the API takes for a ``BoolValue`` holding false (a message, or ``False``)."""
    ident = api.identifier.Identifier
    task_ids = [
        ident(resource_type=identifier_pb2.TASK, project=_PROJECT, domain=_DOMAIN, name=task.name, version=_VERSION)
        for task in spec.tasks
    ]
    tasks = [_idl_task(api, task, task_id, false) for task, task_id in zip(spec.tasks, task_ids, strict=True)]
    workflow = api.workflow
    template = workflow.WorkflowTemplate(
        id=ident(
            resource_type=identifier_pb2.WORKFLOW, project=_PROJECT, domain=_DOMAIN, name=spec.name, version=_VERSION
        ),
        metadata=workflow.WorkflowMetadata(),
        metadata_defaults=workflow.WorkflowMetadataDefaults(),
        interface=_idl_interface(api, spec.inputs, spec.outputs),
        nodes=[_idl_node(api, node, task_ids) for node in spec.nodes],
        outputs=[_idl_binding(api, var, node, output) for var, node, output in spec.bindings],
    )
    return api.closure.WorkflowClosure(workflow=template, tasks=tasks)


# -- B3 ---------------------------------------------------------------------------------------


def kit_identifiers(api: SimpleNamespace, specs: list[IdentifierSpec]) -> list[bytes]:
    ident = api.identifier.Identifier
    return [ident(*spec).to_flyte_idl().SerializeToString() for spec in specs]


def idl_identifiers(api: SimpleNamespace, specs: list[IdentifierSpec]) -> list[bytes]:
    ident = api.identifier.Identifier
    return [
        ident(resource_type=kind, project=project, domain=domain, name=name, version=version)
        .to_flyte_idl()
        .SerializeToString()
        for kind, project, domain, name, version in specs
    ]


def pb_identifiers(api: SimpleNamespace, specs: list[IdentifierSpec]) -> list[bytes]:
    ident = api.identifier.Identifier
    return [
        ident(resource_type=kind, project=project, domain=domain, name=name, version=version).SerializeToString()
        for kind, project, domain, name, version in specs
    ]


# -- the payloads -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildPayload:
    """A build payload: what it is, its root message type, and one build per subject."""

    key: str
    title: str
    builds: dict[str, Callable[[], Any]]  # subject -> build and serialize; returns bytes or a list of bytes
    message: Any  # the pb2 class of the message (or of each message of a list)


def _serialized(model: Any) -> bytes:
    data: bytes = model.to_flyte_idl().SerializeToString()
    return data


def build_all(seed: int = SEED) -> list[BuildPayload]:
    """B1-B3, each from its own generator seeded with ``seed``."""
    from flyteidl.core import identifier_pb2 as pb_identifier
    from flyteidl.core import literals_pb2, workflow_closure_pb2
    from google.protobuf import wrappers_pb2

    pb, idl = idl_api("flyteidl.core", "_pb2"), idl_api("flytemodels.core")
    flytekit, family = kit_api("flytekit.models"), kit_api("flytemodels.flytekit")
    literals = literal_map_spec(random.Random(seed))
    closure = closure_spec(random.Random(seed))
    identifiers = identifier_specs(random.Random(seed))
    pb_false = wrappers_pb2.BoolValue(value=False)
    return [
        BuildPayload(
            "B1",
            "LiteralMap: 2,200 literals (P1's)",
            {
                "protobuf": lambda: literal_map(pb, literals).SerializeToString(),
                "flytekit": lambda: _serialized(literal_map(flytekit, literals)),
                "idl": lambda: _serialized(literal_map(idl, literals)),
                "family": lambda: _serialized(literal_map(family, literals)),
            },
            literals_pb2.LiteralMap,
        ),
        BuildPayload(
            "B2",
            "WorkflowClosure: 500 nodes, 50 tasks",
            {
                "protobuf": lambda: idl_closure(pb, closure, pb_false).SerializeToString(),
                "flytekit": lambda: _serialized(kit_closure(flytekit, closure)),
                "idl": lambda: _serialized(idl_closure(idl, closure, False)),
                "family": lambda: _serialized(kit_closure(family, closure)),
            },
            workflow_closure_pb2.WorkflowClosure,
        ),
        BuildPayload(
            "B3",
            "10,000 Identifiers",
            {
                "protobuf": lambda: pb_identifiers(pb, identifiers),
                "flytekit": lambda: kit_identifiers(flytekit, identifiers),
                "idl": lambda: idl_identifiers(idl, identifiers),
                "family": lambda: kit_identifiers(family, identifiers),
            },
            pb_identifier.Identifier,
        ),
    ]


def check(payload: BuildPayload) -> dict[str, bool]:
    """Whether each subject's build gives the same message as raw protobuf's."""

    def parsed(data: Any) -> list[Any]:
        blobs = data if isinstance(data, list) else [data]
        return [payload.message.FromString(blob) for blob in blobs]

    expected = parsed(payload.builds["protobuf"]())
    return {f"{name}_same_message": parsed(build()) == expected for name, build in payload.builds.items()}
