"""The deliberate deviations of ``flytemodels.flytekit`` from ``flytekit.models``, each with its reason.

``API`` holds classes whose constructor or attributes differ on purpose (keyed
``module.QualName``, as in the table), ``VALUES`` properties whose values
differ on purpose, ``GENERAL`` what applies to every class. What flytekit's
``from_flyte_idl(...).to_flyte_idl()`` does to messages (fields it drops,
corrupts, truncates ...) is in ``roundtrip``.
"""

from __future__ import annotations

API: dict[str, str] = {
    "execution.NodeExecutionGetDataResponse": (
        "flytekit's constructor is `(*args, dynamic_workflow=None, **kwargs)`, the positional arguments going "
        "to `(inputs, outputs, full_inputs, full_outputs)`; ours spells those out, then `dynamic_workflow` and "
        "`flyte_urls`, so every call flytekit accepts works the same"
    ),
    "task.Sql.Dialect": (
        "flytekit's constants are one below the IDL's (`ANSI = 0`, `HIVE = 1`; the IDL has `UNDEFINED = 0`, "
        "`ANSI = 1`, `HIVE = 2`, `OTHER = 3`), so flytekit's `Sql(dialect=Sql.Dialect.ANSI)` sends `UNDEFINED`. "
        "Ours is the IDL enum: `Sql.Dialect.ANSI` means ANSI on the wire. Messages read with `from_flyte_idl` "
        "are unaffected (the int passes through)"
    ),
}

#: Properties (``module.Class.property``) whose value differs from flytekit's on purpose.
VALUES: dict[str, str] = {
    "literals.Literal.value": "also returns `offloaded_metadata` when that is the member set (flytekit's knows "
    "only `scalar`, `collection` and `map` and returns `None`)",
    "interface.Parameter.behavior": "also returns `artifact_query` or `artifact_id` when that is the member set "
    "(flytekit's returns `None`)",
    "core.workflow.Node.target": "also returns `gate_node` or `array_node` when that is the member set "
    "(flytekit's returns `None`)",
}

#: Classes whose differential test still fails for reasons not yet analysed (an xfail each).
PENDING: dict[str, str] = {}


GENERAL: tuple[tuple[str, str], ...] = (
    (
        "One class per message",
        "Where a flytekit class wraps an IDL message, ours is the flytemodels class itself (generated, or its "
        "override in `src/flytemodels/_overrides`): `flytemodels.flytekit.task.TaskTemplate is "
        "flytemodels.core.tasks.TaskTemplate`, and every parent hands out that class. So the flytekit argument "
        "orders, names and helpers below are also those of the flytemodels classes.",
    ),
    (
        "Argument order",
        "Where flytekit's constructor orders the fields differently from the IDL (`TaskTemplate`, `TaskMetadata`, "
        "`WorkflowTemplate`, `ExecutionSpec`, `ExecutionClosure`, `LaunchPlanSpec`, `Secret`, `OAuth2TokenRequest`, "
        "`MatchingAttributes`, `NodeExecutionClosure`, `TaskExecutionClosure`, `DynamicJobSpec`, `QuboleHiveJob`, "
        "`Description`, `DescriptionEntity` (flytekit's `Documentation`), `GateNode`, `WorkflowMetadata`, "
        "`DataLoadingConfig`, `ConnectionSet`, `Project`, `Literal`, `Scalar`, `LiteralType`, ...), ours takes "
        "flytekit's order; the IDL fields flytekit lacks follow as extra optional arguments.",
    ),
    (
        "Required arguments",
        "Every constructor argument is optional (the README contract: each field by keyword). flytekit's required "
        "arguments are accepted in the same position; leaving one out gives the proto default instead of a "
        "`TypeError`. flytekit's defaults that set a field are kept (`DataLoadingConfig(enabled=True, "
        "format=PROTO)`, `Description(format=RST)`). The table lists these classes as `compatible`.",
    ),
    (
        "Extra trailing arguments",
        "Fields the IDL has and flytekit's constructor lacks (`org`, `template`, `inputs`, ...) are extra optional "
        "arguments after flytekit's, so nothing is dropped. Listed as `compatible`.",
    ),
    (
        "Renamed arguments",
        "Where flytekit renames a field, flytekit's name is the positional argument and a property, and the IDL's "
        "a keyword-only alias: `Union(stored_type)` (`type`), `Envs(envs)` (`values`), "
        "`ClusterAssignment(cluster_pool)` (`cluster_pool_name`), `ConcurrencyPolicy(max_concurrency)` (`max`), "
        "`HiveQuery(retry_count)` (`retryCount`), `WorkflowNodeMetadata(execution_id)` (`executionId`), "
        "`TaskSpec`/`WorkflowSpec(docs)` (`description`), `TaskMetadata(k8s_object_metadata)` (`metadata`), "
        "`Container(data_loading_config)` (`data_config`), `OAuth2TokenRequest(type_)` (`type`).",
    ),
    (
        "Presence",
        "flytekit decides presence by truthiness: it writes empty sub-messages and default values where the input "
        "had none (`TaskMetadata.generates_deck: false`, an empty `ExecutionSpec.auth_role`, `int_value: 0` for an "
        "empty `PromiseAttribute`), leaves out given but empty ones (`TaskTemplate.custom={}`), and answers `None` "
        "for some empty messages (`SecurityContext.to_flyte_idl`, `SourceCode.from_flyte_idl`). Its properties "
        'likewise give `None` for `""` and empty models for unset fields. We keep presence as given. The '
        "differential tests treat a singular field that holds its default value as unset, on both sides.",
    ),
    (
        "Values",
        "Properties return the flytemodels types: enums are `IntEnum`s (equal to flytekit's ints), `Struct` fields "
        "are dicts, `Timestamp`/`Duration` fields are aware `datetime`/`timedelta` (flytekit hands out "
        "`ContainerError.timestamp` as a message; the constructor takes either), repeated fields are fresh lists. "
        "Where flytekit's form differs from the IDL's, the property has flytekit's: `TypedInterface.inputs`/"
        "`outputs` are dicts of `Variable`, `Container.env`/`config` dicts (given back to the constructor they "
        "rebuild the pairs exactly, a repeated key included), `OutputReference.attr_path` a list of keys and "
        "indexes. The test of property values lists the rest below.",
    ),
    (
        "Nanoseconds",
        "flytekit holds many `Timestamp`/`Duration` fields as `datetime`/`timedelta` and loses the nanoseconds "
        "below a microsecond (the `truncates` rows below); we keep the message, so they survive.",
    ),
    (
        "Setters",
        "Models are immutable except where flytekit has a setter (`Literal.hash`, `Literal.set_metadata`, "
        "`LiteralType.metadata`/`annotation`, `StructuredDatasetType.columns`/`format`, `OutputReference.var`, "
        "`Container.add_env`; `ArrayJob.size`/`min_successes` on the hand-written `ArrayJob`). Those edit the "
        "object by copy on write: a parent that already holds the object keeps the old value (flytekit shares "
        "the child, so the parent changes too). Set first, then build the parent.",
    ),
    (
        "Holder classes",
        "flytekit's enum holder classes are the IDL `OpenEnum`s where the names match (`ResourceType`, "
        "`SimpleType`, the execution phases, `LaunchPlanState`, `MatchableResource`, `Secret.MountType`, ...): "
        "the same constant names and values, plus the members the IDL added (e.g. `ResourceType.DATASET`). Where "
        "flytekit renames them (`NamedEntityState.ACTIVE`, `ConcurrencyLimitBehavior.SKIP`), a small holder binds "
        "flytekit's names to the IDL members; `Description.DescriptionFormat` is an `IntEnum` of flytekit's names.",
    ),
    (
        "Enum names",
        "`enum_to_string` knows every IDL member and prints a value it does not know as its number; flytekit "
        "prints `<UNKNOWN>` for some classes and misses members (`MatchableResource.QUALITY_OF_SERVICE_SPECIFICATION` "
        "and `PLUGIN_OVERRIDE`). `string_to_enum` raises `ValueError` for an unknown name where flytekit returns "
        "the string `<UNKNOWN>`.",
    ),
    (
        "Validation",
        "flytekit's `Secret` refuses a missing `group` and `env_var` names that are not upper-case identifiers; "
        "the IDL constrains neither and ours accepts what it accepts. flytekit's `OAuth2Client(client_id, "
        "client_secret)` annotates `client_secret` as `str` and then cannot serialize it; ours takes the IDL's "
        "`Secret`.",
    ),
    (
        "Hand-written classes",
        "Filters (`flytemodels.flytekit.filters`) and `ArrayJob` are written here, as flytekit has them (the IDL "
        "carries filters as strings and an array job inside `TaskTemplate.custom`). Unlike flytekit's: "
        "`Filter.from_flyte_idl`/`FilterList.from_flyte_idl` parse their string, `SetFilter` writes non-string "
        "values, `hash`/`is_empty`/`serialize_to_string` work on string entities, and `ArrayJob.to_dict` works "
        "without a success criterion. `LaunchPlan(auto_activate=)` is kept beside the message, as in flytekit: "
        "it is not part of `==`, `hash`, pickling or `to_flyte_idl`.",
    ),
    (
        "Pod templates",
        "`K8sPod.to_pod_template()` passes `primary_container_name` on (flytekit's leaves the `PodTemplate` "
        "default); `TaskNodeOverrides(pod_template=)` takes flytekit's `PodTemplate` and converts it with "
        "`K8sPod.from_pod_template`, and its property is the `K8sPod` the message holds. Both need what flytekit "
        "needs: flytekit for `PodTemplate`, the kubernetes client for a `V1PodSpec`.",
    ),
    (
        "Text rendering",
        "`short_string()`, `verbose_string()` and `repr()` print protobuf text format "
        "(`<Identifier resource_type: TASK ...>`), not flytekit's `Flyte Serialized object (...)` layout. "
        "`str(Identifier)` keeps flytekit's `TASK:project:domain:name:version`.",
    ),
)
