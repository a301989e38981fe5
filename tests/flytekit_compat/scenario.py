"""A realistic script written against flytekit's model API, run against either namespace.

``build(ns)`` registers and launches a small workflow the way flytekit's
serialization and ``FlyteRemote`` do: identifiers, a task template with a
container and an interface, a workflow template whose nodes are wired by
bindings, a launch plan with a schedule and default inputs, and an execution
with its create request (the inputs travel in the request, as flytekit sends
them). Along the way it mutates models as flytekit's code does: through
setters (``LiteralType.metadata``, ``Literal.hash``, ``OutputReference.var``,
``Container.add_env``) and private attributes (``lt._structure = ...``,
``sd._metadata = ...``, ``execution._closure = ...``), after the models were
handed to a parent (which must serialize the change) and on models read from
messages. ``build`` also returns values the script reads back (``str`` of an
identifier, identity of what a parent hands out, property values).
``ns`` is ``FLYTEKIT`` (``flytekit.models``) or ``FLYTEMODELS``
(``flytemodels.flytekit``): the script is the same text for both.
"""

from __future__ import annotations

import datetime
import importlib
from types import SimpleNamespace
from typing import Any

from flyteidl.admin import execution_pb2

_MODULES = {
    "common": "common",
    "execution": "execution",
    "identifier": "core.identifier",
    "interface": "interface",
    "launch_plan": "launch_plan",
    "literals": "literals",
    "phases": "core.execution",
    "schedule": "schedule",
    "security": "security",
    "annotation": "annotation",
    "task": "task",
    "types": "types",
    "workflow": "core.workflow",
}


def namespace(package: str) -> SimpleNamespace:
    """The modules the script uses, from ``flytekit.models`` or ``flytemodels.flytekit``."""
    return SimpleNamespace(**{name: importlib.import_module(f"{package}.{path}") for name, path in _MODULES.items()})


FLYTEKIT = "flytekit.models"
FLYTEMODELS = "flytemodels.flytekit"

PROJECT, DOMAIN, VERSION = "flytesnacks", "development", "v1"
STARTED = datetime.datetime(2024, 5, 1, 12, 30, 15, 250000, tzinfo=datetime.UTC)


def build(package: str) -> dict[str, Any]:
    """Every model the script makes, by name (the flytekit class key each is compared under, first)."""
    ns = namespace(package)
    task_id = ns.identifier.Identifier(ns.identifier.ResourceType.TASK, PROJECT, DOMAIN, "wf.double", VERSION)
    workflow_id = ns.identifier.Identifier(ns.identifier.ResourceType.WORKFLOW, PROJECT, DOMAIN, "wf.main", VERSION)
    plan_id = ns.identifier.Identifier(ns.identifier.ResourceType.LAUNCH_PLAN, PROJECT, DOMAIN, "wf.main", VERSION)
    integer = ns.types.LiteralType(simple=ns.types.SimpleType.INTEGER)
    x = ns.interface.Variable(integer, "the number to double")
    interface = ns.interface.TypedInterface(inputs={"x": x}, outputs={"o0": ns.interface.Variable(integer, "twice x")})
    template = _task(ns, task_id, interface)
    spec = ns.task.TaskSpec(template)
    workflow = _workflow(ns, workflow_id, task_id, interface)
    plan = _launch_plan(ns, plan_id, workflow_id, x)
    execution, request = _execution(ns, plan_id)
    built = {
        "core.identifier.Identifier": task_id,
        "interface.TypedInterface": interface,
        "task.TaskTemplate": template,
        "task.TaskSpec": spec,
        "core.workflow.WorkflowTemplate": workflow,
        "launch_plan.LaunchPlan": plan,
        "execution.Execution": execution,
        "ExecutionCreateRequest": request,
        # values read back
        "str(task_id)": str(task_id),
        "template.id is task_id": template.id is task_id,
        "spec.template is template": spec.template is template,
        "interface.inputs['x'].type.simple": interface.inputs["x"].type.simple,
        "template.container.env": template.container.env,
        "execution.closure.started_at": execution.closure.started_at,
        "execution.spec.labels.values": execution.spec.labels.values,
        "plan.spec.default_inputs.parameters['x'].default.value.value.value": (
            plan.spec.default_inputs.parameters["x"].default.value.value.value
        ),
    }
    built.update(_mutations(ns, template, execution))
    return built


def _mutations(ns: SimpleNamespace, template: Any, execution: Any) -> dict[str, Any]:
    """Changes made the way flytekit's code makes them, and what parents serialize afterwards."""
    # a child mutated after its parent was built: through setters and private attributes
    lt = ns.types.LiteralType(simple=ns.types.SimpleType.STRUCT)
    variable = ns.interface.Variable(lt, "a struct")
    lt.metadata = {"schema": {"type": "object"}}
    lt._annotation = ns.annotation.TypeAnnotation({"cache-key": "v1"})  # its setter recurses forever
    lt._structure = ns.types.TypeStructure(tag="dict")
    # a literal in a map, then its hash and metadata set
    literal = _literal(ns, 7)
    literals = ns.literals.LiteralMap({"seven": literal})
    literal.hash = "abc123"
    literal.set_metadata({"origin": "cache"})
    # a promise, then retargeted
    reference = ns.types.OutputReference("n0", "o0")
    binding = ns.literals.Binding("x", ns.literals.BindingData(promise=reference))
    reference.var = "o1"
    # a structured dataset, its metadata set as flytekit's transformers set it
    columns = [
        ns.types.StructuredDatasetType.DatasetColumn("a", ns.types.LiteralType(simple=ns.types.SimpleType.INTEGER))
    ]
    sd_type = ns.types.StructuredDatasetType(format="parquet")
    sd = ns.literals.StructuredDataset(uri="s3://bucket/df")
    sd_literal = ns.literals.Literal(scalar=ns.literals.Scalar(structured_dataset=sd))
    sd._metadata = ns.literals.StructuredDatasetMetadata(sd_type)
    sd_type.columns = columns
    sd_type.format = "csv"
    # the template's container gets one more variable, after the template was built
    template.container.add_env("EXTRA", "1")
    # models read from messages, then changed: the change is serialized, the rest kept
    read = ns.task.TaskTemplate.from_flyte_idl(template.to_flyte_idl())
    read.metadata._retries = ns.literals.RetryStrategy(7)
    read._custom = {"replicas": 2}
    read_execution = ns.execution.Execution.from_flyte_idl(execution.to_flyte_idl())
    read_execution._closure = ns.execution.ExecutionClosure(
        ns.phases.WorkflowExecutionPhase.FAILED, STARTED, datetime.timedelta(seconds=1)
    )
    read_execution.spec.labels.values["run"] = "rerun"
    return {
        "types.LiteralType (mutated)": lt,
        "interface.Variable (holding it)": variable,
        "literals.LiteralMap (holding a mutated literal)": literals,
        "literals.Binding (holding a mutated reference)": binding,
        "literals.Literal (holding a mutated dataset)": sd_literal,
        "task.TaskTemplate (container changed)": template,
        "task.TaskTemplate (read, then changed)": read,
        "execution.Execution (read, then changed)": read_execution,
        "lt.metadata": lt.metadata,
        "variable.type.structure.tag": variable.type.structure.tag,
        "literal.hash": literal.hash,
        "read.metadata.retries.retries": read.metadata.retries.retries,
    }


def _literal(ns: SimpleNamespace, value: int) -> Any:
    return ns.literals.Literal(scalar=ns.literals.Scalar(primitive=ns.literals.Primitive(integer=value)))


def _task(ns: SimpleNamespace, task_id: Any, interface: Any) -> Any:
    resources = ns.task.Resources(
        requests=[ns.task.Resources.ResourceEntry(ns.task.Resources.ResourceName.CPU, "500m")],
        limits=[ns.task.Resources.ResourceEntry(ns.task.Resources.ResourceName.MEMORY, "1Gi")],
    )
    container = ns.task.Container(
        image="ghcr.io/flyteorg/flytekit:py3.11-1.16.0",
        command=[],
        args=["pyflyte-execute", "--inputs", "{{.input}}", "--output-prefix", "{{.outputPrefix}}"],
        resources=resources,
        env={"FLYTE_INTERNAL_IMAGE": "ghcr.io/flyteorg/flytekit:py3.11-1.16.0"},
        config={},
    )
    runtime = ns.task.RuntimeMetadata(ns.task.RuntimeMetadata.RuntimeType.FLYTE_SDK, "1.16.0", "python")
    metadata = ns.task.TaskMetadata(
        True,
        runtime,
        datetime.timedelta(minutes=10),
        ns.literals.RetryStrategy(3),
        False,
        "1.0",
        "",
        False,
        "",
        [],
    )
    security = ns.security.SecurityContext(
        run_as=ns.security.Identity(k8s_service_account="flyte-worker"),
        secrets=[ns.security.Secret(group="aws", key="token")],
    )
    return ns.task.TaskTemplate(
        task_id, "python-task", metadata, interface, {}, container=container, security_context=security
    )


def _workflow(ns: SimpleNamespace, workflow_id: Any, task_id: Any, interface: Any) -> Any:
    def node(name: str, source: Any) -> Any:
        metadata = ns.workflow.NodeMetadata(
            name, timeout=datetime.timedelta(minutes=5), retries=ns.literals.RetryStrategy(1)
        )
        binding = ns.literals.Binding("x", ns.literals.BindingData(promise=source))
        upstream = [] if source.node_id == "start-node" else [source.node_id]
        task_node = ns.workflow.TaskNode(reference_id=task_id)
        return ns.workflow.Node(name, metadata, [binding], upstream, [], task_node=task_node)

    first = node("n0", ns.types.OutputReference("start-node", "x"))
    second = node("n1", ns.types.OutputReference("n0", "o0"))
    output = ns.literals.Binding("o0", ns.literals.BindingData(promise=ns.types.OutputReference("n1", "o0")))
    return ns.workflow.WorkflowTemplate(
        workflow_id,
        ns.workflow.WorkflowMetadata(on_failure=ns.workflow.WorkflowMetadata.OnFailurePolicy.FAIL_IMMEDIATELY),
        ns.workflow.WorkflowMetadataDefaults(interruptible=False),
        interface,
        [first, second],
        [output],
    )


def _launch_plan(ns: SimpleNamespace, plan_id: Any, workflow_id: Any, x: Any) -> Any:
    default = ns.interface.Parameter(x, default=_literal(ns, 21))
    notify = ns.common.Notification(
        [ns.phases.WorkflowExecutionPhase.FAILED], email=ns.common.EmailNotification(["oncall@example.com"])
    )
    entity = ns.launch_plan.LaunchPlanMetadata(ns.schedule.Schedule("kickoff", cron_expression="0 * * * *"), [notify])
    spec = ns.launch_plan.LaunchPlanSpec(
        workflow_id,
        entity,
        ns.interface.ParameterMap({"x": default}),
        ns.literals.LiteralMap({}),
        ns.common.Labels({"team": "ml"}),
        ns.common.Annotations({}),
        ns.common.AuthRole(kubernetes_service_account="flyte-worker"),
        ns.common.RawOutputDataConfig("s3://bucket/raw"),
        max_parallelism=10,
    )
    closure = ns.launch_plan.LaunchPlanClosure(
        ns.launch_plan.LaunchPlanState.ACTIVE, ns.interface.ParameterMap({"x": default}), ns.interface.VariableMap({})
    )
    return ns.launch_plan.LaunchPlan(plan_id, spec, closure, auto_activate=True)


def _execution(ns: SimpleNamespace, plan_id: Any) -> tuple[Any, Any]:
    metadata = ns.execution.ExecutionMetadata(ns.execution.ExecutionMetadata.ExecutionMode.MANUAL, "alice", 0)
    spec = ns.execution.ExecutionSpec(
        plan_id,
        metadata,
        labels=ns.common.Labels({"run": "nightly"}),
        annotations=ns.common.Annotations({}),
        raw_output_data_config=ns.common.RawOutputDataConfig("s3://bucket/raw"),
        max_parallelism=5,
        overwrite_cache=True,
        envs=ns.common.Envs({"LOG_LEVEL": "debug"}),
        tags=["nightly"],
    )
    execution_id = ns.identifier.WorkflowExecutionIdentifier(PROJECT, DOMAIN, "f8a2c1b0")
    closure = ns.execution.ExecutionClosure(
        ns.phases.WorkflowExecutionPhase.SUCCEEDED,
        STARTED,
        datetime.timedelta(seconds=42, microseconds=5),
        outputs=ns.execution.LiteralMapBlob(uri="s3://bucket/outputs.pb"),
    )
    inputs = ns.literals.LiteralMap({"x": _literal(ns, 21)})
    request = execution_pb2.ExecutionCreateRequest(
        project=PROJECT, domain=DOMAIN, name="f8a2c1b0", spec=spec.to_flyte_idl(), inputs=inputs.to_flyte_idl()
    )
    return ns.execution.Execution(execution_id, spec, closure), request
