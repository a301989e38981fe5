"""Where ``flytemodels.flytekit`` differs from ``flytekit.models``, each with its reason.

The only deviations allowed are where flytekit loses or corrupts data (or
crashes) and ours keeps it whole. ``roundtrip`` lists what flytekit's
``from_flyte_idl(pb).to_flyte_idl()`` loses, field by field; here are the
rest: ``API`` (names whose constructor or attributes differ, keyed
``module.QualName`` as in the table), ``VALUES`` (properties whose values
differ, ``module.Class.property``), ``CRASHES`` (constructor arguments flytekit
accepts and then cannot serialize), ``FROM_IDL_NONE`` (messages flytekit reads
as ``None``), ``GENERAL`` (what applies to every class).

``PENDING`` lists known bugs of ours, not deviations: each is a strict xfail of
the check named by its key, ``"<check> <module.QualName>"``; fixing the bug
makes the xfail pass, which fails the suite until its entry is removed.
"""

from __future__ import annotations

API: dict[str, str] = {}

VALUES: dict[str, str] = {
    "documentation.Documentation.source_code": (
        "a `source_code` present but without a `link` reads as `SourceCode(link='')`; flytekit's reads None (its "
        "`SourceCode.from_flyte_idl` answers None for it, below) and its round trip drops the field"
    ),
    "types.OutputReference.attr_path": (
        "a step whose key is the empty string reads as `''`; flytekit reads each step as "
        "`string_value or int_value`, so an empty key becomes the index `0` (and its round trip writes "
        "`int_value: 0`)"
    ),
    "matchable_resource.MatchableResource.enum_to_string": (
        "names `QUALITY_OF_SERVICE_SPECIFICATION` (4) and `PLUGIN_OVERRIDE` (5), constants flytekit's class has "
        "but its `enum_to_string` table misses (it answers `<UNKNOWN>`)"
    ),
    "matchable_resource.MatchableResource.string_to_enum": (
        "knows `QUALITY_OF_SERVICE_SPECIFICATION` and `PLUGIN_OVERRIDE` (4 and 5), which flytekit's table misses "
        "(it answers `<UNKNOWN>`)"
    ),
}

CRASHES: dict[str, str] = {
    "security.OAuth2TokenRequest": (
        "its default `type_=OAuth2TokenRequest.Type.CLIENT_CREDENTIALS` is an `enum.Enum` member, which its "
        "`to_flyte_idl` hands to the protobuf int field (TypeError); ours writes the member's value"
    ),
    "workflow_closure.WorkflowClosure": (
        "its `to_flyte_idl` iterates `tasks`, whose default is None (TypeError); ours writes no tasks"
    ),
    "filters.SetFilter": (
        "its `to_flyte_idl` joins the values with `str.join` (TypeError for `ValueIn('a', [1, 2])`); ours writes "
        "`value_in(a,1;2)`"
    ),
    "filters.Filter.from_flyte_idl": (
        "`Filter.from_flyte_idl` and `FilterList.from_flyte_idl` take no argument in flytekit (TypeError when "
        "given the string); ours parse the string as `from_python_std` does"
    ),
    "array_job.ArrayJob": (
        "its `to_dict` (and `to_flyte_idl`) raises without `min_successes` or `min_success_ratio`; ours writes "
        "the fields that are set"
    ),
}

FROM_IDL_NONE: dict[str, str] = {
    "documentation.SourceCode": (
        "flytekit's `SourceCode.from_flyte_idl` returns None for a message without a `link`; ours returns a "
        "`SourceCode` of the message"
    ),
}

_SIGNATURE = (
    "its hand-written `__init__(*args, **kwargs)` (in `src/flytemodels/_flytekit/overrides`) hides the "
    "generated signature: `inspect.signature` shows `(*args, **kwargs)`, not flytekit's parameters"
)
_DURATION = (
    "a zero `timedelta` is not written (`_runtime.shapes.Duration` skips falsy values, as flytekit does for "
    "`TaskMetadata`/`NodeMetadata.timeout` only); flytekit writes `{field} {{}}` here"
)
_CONTAINERS = (
    "the constructor refuses a protobuf repeated container (`TypeError: expected a list, got "
    "RepeatedScalarContainer`): upb's containers have no `__iter__`, which `shapes._expect_iterable` asks for; "
    "flytekit's own `from_flyte_idl` passes them to its constructors"
)

PENDING: dict[str, str] = {
    # -- the API -----------------------------------------------------------------------------
    "api common.FlyteType": "no `from_flyte_idl`: flytekit's metaclass declares it (an abstract method)",
    "api common.FlyteCustomIdlEntity": (
        "`from_dict` is declared a classmethod; flytekit's abstract `from_dict` is an instance method"
    ),
    "api core.workflow.PodTemplate": (
        "no `PodTemplate`: flytekit's module re-exports `flytekit.core.pod_template.PodTemplate`"
    ),
    "api literals.Primitive": _SIGNATURE,
    "api task.TaskTemplate": _SIGNATURE,
    "api task.DataLoadingConfig": _SIGNATURE,
    "api matchable_resource.MatchingAttributes": _SIGNATURE,
    **{
        f"api security.{name}": (
            "the dataclass's required fields have a default: the lazy-attribute descriptors (`_runtime.mutable._Lazy`) "
            "on the class read as field defaults, so `inspect.signature` shows `= <_Lazy>` and "
            f"`{name}()` builds a model holding `_Lazy` objects (flytekit: TypeError, missing arguments)"
        )
        for name in ("OAuth2Client", "OAuth2TokenRequest")
    },
    "api literals.Void": "takes `(*args, **kwargs)`; flytekit's `Void()` takes no arguments (the table's `init`)",
    # -- property values -------------------------------------------------------------------
    "values core.compiler.CompiledWorkflowClosure": (
        "`tasks` hold `core.compiler.CompiledTask`s; flytekit's `from_flyte_idl` builds `task.CompiledTask`s"
    ),
    "values core.workflow.TaskNodeOverrides": (
        "`resources` reads as an empty `Resources` where flytekit's is None (it keeps one only with requests or limits)"
    ),
    "values core.workflow.WorkflowNode": (
        "`sub_workflow_ref` reads as an empty `Identifier` when `launchplan_ref` is set; flytekit's is None "
        "(it reads `sub_workflow_ref` only when `launchplan_ref` is unset)"
    ),
    "values security.OAuth2Client": (
        "`client_secret` is a `security.Secret` model; flytekit's `from_flyte_idl` keeps the "
        "`flyteidl.core.Secret` message (so its dataclass `repr` prints the message's text)"
    ),
    **{
        f"text security.{name}": "its `repr` shows `client_secret` as a `Secret(...)`, flytekit's as the message's "
        "text (see `values security.OAuth2Client`)"
        for name in ("OAuth2Client", "Identity", "OAuth2TokenRequest", "SecurityContext")
    },
    "values task.TaskMetadata": "`generates_deck` reads None when unset; flytekit's is False",
    "values types.LiteralType": (
        "`metadata` reads `{}` for a set but empty Struct; flytekit's is None (`MessageToDict(...) or None`)"
    ),
    # -- constructors -------------------------------------------------------------------------
    "constructor admin.task_execution.TaskExecutionClosure": _DURATION.format(field="duration"),
    "constructor core.execution.TaskLog": _DURATION.format(field="ttl"),
    "constructor core.workflow.SleepCondition": _DURATION.format(field="duration"),
    "constructor execution.ExecutionClosure": _DURATION.format(field="duration"),
    "constructor literals.Primitive": _DURATION.format(field="duration")
    + ": `Primitive(duration=timedelta(0))` writes no member at all",
    "constructor node_execution.NodeExecutionClosure": _DURATION.format(field="duration"),
    "constructor admin.workflow.WorkflowSpec": (
        "a spec built by the constructor keeps `sub_workflows` in the order given; flytekit's `to_flyte_idl` "
        "sorts them by name (so registration bytes, and the version hashes flytekit derives from them, differ)"
    ),
    "constructor annotation.TypeAnnotation": (
        "an empty dict is not written (`_runtime.shapes.Struct` skips it); flytekit writes `annotations {}`"
    ),
    **{
        f"containers {key}": _CONTAINERS
        for key in (
            "common.EmailNotification",
            "common.SlackNotification",
            "common.PagerDutyNotification",
            "common.Notification",
            "core.compiler.ConnectionSet.IdList",
            "core.types.EnumType",
            "core.workflow.Node",
            "event.TaskExecutionMetadata",
            "execution.ExecutionSpec",
            "matchable_resource.ExecutionQueueAttributes",
            "matchable_resource.PluginOverride",
            "qubole.QuboleHiveJob",
            "task.TaskMetadata",
            "task.Container",
        )
    },
    # -- helpers --------------------------------------------------------------------------
    "helpers array_job.ArrayJob(min_successes=0, min_success_ratio=1.0)": (
        "ours raises ValueError (the IDL oneof `success_criteria` takes one member, and 0 counts as set); "
        "flytekit accepts a falsy `min_successes` beside a ratio and its `to_dict` writes `minSuccesses: '0'`"
    ),
    "helpers types.OutputReference.attr_path": (
        "a step with neither member set reads as `''`; flytekit's reads `0` (`string_value or int_value`)"
    ),
}

GENERAL: tuple[tuple[str, str], ...] = (
    (
        "Extra keyword-only arguments",
        "IDL fields a flytekit class lacks (`org`, `template`, `ports`, ...) are keyword-only arguments after "
        "flytekit's, defaulting to None, and properties of the same name: nothing is dropped. They are listed per "
        "class below; every other parameter has flytekit's name, position, kind and default.",
    ),
    (
        "Presence",
        "flytekit decides presence by truthiness when it serializes: read from a message, it writes empty "
        "sub-messages and default values where the message had none (`TaskMetadata.generates_deck: false`, an "
        'empty `ExecutionSpec.auth_role`), and leaves out empty values the message had (`Operand.var: ""`). A '
        "model of ours read from a message gives that message back as it was. Built by the constructor, ours "
        "writes what flytekit writes, except a scalar with presence (a oneof member) given its default value, "
        "which is written as given. The differential test therefore counts a singular field holding its default "
        "value as unset when comparing round trips.",
    ),
    (
        "Nanoseconds",
        "Properties hold `datetime`/`timedelta` values as flytekit's do (microseconds, naive or aware as "
        "flytekit's); the message read keeps the nanoseconds unless the property is assigned.",
    ),
    (
        "`is_empty`",
        "`is_empty` is a function of the message (`to_flyte_idl()` serializes to nothing): it equals flytekit's "
        "wherever flytekit's round trip keeps the message.",
    ),
)
