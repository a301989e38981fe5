"""What flytekit's ``from_flyte_idl(pb).to_flyte_idl()`` does to messages, and why we do not copy it.

Each ``Deviation`` names an IDL message, the fields concerned, what flytekit
does (``Kind``) and why that is flytekit's loss, not a behaviour to copy. The
differential test applies them (``normalize``); the docs list them. A
deviation may be limited to some flytekit classes (``classes``, table keys)
when only those flytekit classes behave that way.
"""

from __future__ import annotations

import collections
import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class Kind(enum.Enum):
    """What flytekit's round trip does to the fields of a deviation."""

    #: flytekit has no attribute for the fields (or does not read them): they come back unset.
    DROPS = "drops"
    #: flytekit writes something else into the fields.
    CORRUPTS = "corrupts"
    #: flytekit holds the Timestamp/Duration fields as datetime/timedelta: nanoseconds become microseconds.
    TRUNCATES = "truncates"
    #: flytekit holds the repeated key/value fields as a dict: a repeated key keeps its last value.
    COLLAPSES = "collapses"
    #: flytekit sorts the repeated fields (by ``key``).
    SORTS = "sorts"
    #: flytekit raises when the fields are set; the differential test clears them from its input.
    REJECTS = "rejects"
    #: flytekit moves the (deprecated) fields into others; the differential test clears them from its input.
    REWRITES = "rewrites"
    #: flytekit's round trip raises when the repeated fields are empty; such inputs are not compared.
    REQUIRES = "requires"


@dataclass(frozen=True)
class Deviation:
    message: str
    fields: tuple[str, ...]
    kind: Kind
    reason: str
    key: str = ""
    classes: tuple[str, ...] = ()

    def applies_to(self, root: str) -> bool:
        """Whether this deviation holds when the flytekit class under test is ``root``."""
        return not self.classes or root in self.classes


_NO_ORG = "flytekit's model has no `org` (the IDL added it for multi-org deployments)"
_TIMES = "flytekit converts them to `datetime`/`timedelta`, which hold microseconds"
_DICT = "flytekit keeps them as a `dict`"
_NO_FIELDS = "flytekit's model has no attribute for them"
_UNREAD = "flytekit's `from_flyte_idl` does not read them, though its constructor takes them"

ROUNDTRIP: tuple[Deviation, ...] = (
    # -- identifiers and common ---------------------------------------------------------------
    Deviation("flyteidl.core.Identifier", ("org",), Kind.DROPS, _NO_ORG),
    Deviation("flyteidl.core.WorkflowExecutionIdentifier", ("org",), Kind.DROPS, _NO_ORG),
    Deviation("flyteidl.admin.NamedEntityIdentifier", ("org",), Kind.DROPS, _NO_ORG),
    Deviation("flyteidl.admin.EmailNotification", ("template",), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.admin.SlackNotification", ("template",), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.admin.PagerDutyNotification", ("template",), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.admin.Envs", ("values",), Kind.COLLAPSES, _DICT),
    # -- executions ---------------------------------------------------------------------------
    Deviation("flyteidl.admin.SystemMetadata", ("namespace",), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.admin.ExecutionMetadata", ("artifact_ids",), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.admin.ExecutionMetadata", ("scheduled_at",), Kind.TRUNCATES, _TIMES),
    Deviation(
        "flyteidl.admin.ExecutionSpec",
        ("inputs", "quality_of_service", "execution_env_assignments"),
        Kind.DROPS,
        _NO_FIELDS + "; `inputs` (deprecated in the IDL, still sent by older clients) included",
    ),
    Deviation(
        "flyteidl.admin.ExecutionClosure",
        ("abort_cause", "output_data", "computed_inputs", "notifications", "workflow_id", "state_change_details"),
        Kind.DROPS,
        _NO_FIELDS,
    ),
    Deviation(
        "flyteidl.admin.ExecutionClosure",
        ("started_at", "duration", "created_at", "updated_at"),
        Kind.TRUNCATES,
        _TIMES,
    ),
    Deviation(
        "flyteidl.admin.LiteralMapBlob",
        ("values",),
        Kind.REJECTS,
        "flytekit's `LiteralMapBlob.from_flyte_idl` asks the inline `LiteralMap` for a field it does not have "
        "(ValueError); only the `uri` form survives its round trip",
    ),
    Deviation("flyteidl.admin.NodeExecutionClosure", ("output_data", "dynamic_job_spec_uri"), Kind.DROPS, _NO_FIELDS),
    Deviation(
        "flyteidl.admin.NodeExecutionClosure",
        ("started_at", "duration", "created_at", "updated_at"),
        Kind.TRUNCATES,
        _TIMES,
    ),
    Deviation("flyteidl.admin.TaskNodeMetadata", ("checkpoint_uri",), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.admin.DynamicWorkflowNodeMetadata", ("dynamic_job_spec_uri",), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.admin.NodeExecutionGetDataResponse", ("flyte_urls",), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.admin.TaskExecutionGetDataResponse", ("flyte_urls",), Kind.DROPS, _NO_FIELDS),
    Deviation(
        "flyteidl.admin.TaskExecutionClosure",
        ("output_data", "custom_info", "reason", "task_type", "event_version", "reasons", "log_context"),
        Kind.DROPS,
        _NO_FIELDS,
    ),
    Deviation(
        "flyteidl.admin.TaskExecutionClosure",
        ("started_at", "duration", "created_at", "updated_at"),
        Kind.TRUNCATES,
        _TIMES,
    ),
    Deviation(
        "flyteidl.event.TaskExecutionMetadata",
        ("generated_name", "resource_pool_info", "plugin_identifier", "instance_class"),
        Kind.DROPS,
        _NO_FIELDS,
    ),
    Deviation("flyteidl.core.ExecutionError", ("timestamp", "worker"), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.core.TaskLog", ("ShowWhilePending", "HideOnceFinished"), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.core.TaskLog", ("ttl",), Kind.TRUNCATES, _TIMES),
    # -- tasks ----------------------------------------------------------------------------------
    Deviation("flyteidl.core.Container", ("ports", "architecture"), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.core.Container", ("env", "config"), Kind.COLLAPSES, _DICT),
    Deviation("flyteidl.core.K8sPod", ("primary_container_name",), Kind.DROPS, _UNREAD),
    Deviation("flyteidl.core.TaskMetadata", ("tags",), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.core.TaskMetadata", ("timeout",), Kind.TRUNCATES, _TIMES),
    Deviation(
        "flyteidl.core.Secret",
        ("env_var",),
        Kind.REJECTS,
        "flytekit's `Secret` refuses `env_var` names that are not upper-case identifiers (ValueError), also "
        "in a message it reads; ours checks them in its constructor, as flytekit's, and reads any message",
    ),
    Deviation(
        "flyteidl.admin.TaskExecutionMetadata",
        ("max_attempts", "interruptible", "interruptible_failure_threshold", "overrides"),
        Kind.DROPS,
        _NO_FIELDS,
    ),
    Deviation("flyteidl.admin.TaskClosure", ("created_at",), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.admin.DescriptionEntity", ("id", "tags"), Kind.DROPS, _NO_FIELDS),
    Deviation(
        "flyteidl.core.CompiledTask",
        ("template",),
        Kind.DROPS,
        "flytekit's `core.compiler.CompiledTask.from_flyte_idl` leaves `template` unset, and its `to_flyte_idl` "
        "cannot write a `TaskTemplate` model (TypeError); `task.CompiledTask` works",
        classes=("core.compiler.CompiledTask",),
    ),
    # -- launch plans, matchable resources, projects --------------------------------------------
    Deviation(
        "flyteidl.admin.LaunchPlanSpec",
        (
            "role",
            "auth",
            "quality_of_service",
            "interruptible",
            "envs",
            "execution_env_assignments",
            "cluster_assignment",
        ),
        Kind.DROPS,
        _NO_FIELDS,
    ),
    Deviation(
        "flyteidl.admin.LaunchPlanSpec",
        ("auth",),
        Kind.REWRITES,
        "flytekit's `LaunchPlanSpec.from_flyte_idl` turns the deprecated `auth` into `auth_role` "
        "(when that is unset), keeping only `assumable_iam_role`; we keep the message as it was sent",
    ),
    Deviation("flyteidl.admin.LaunchPlanClosure", ("created_at", "updated_at"), Kind.DROPS, _NO_FIELDS),
    Deviation(
        "flyteidl.admin.LaunchPlanMetadata",
        ("launch_conditions",),
        Kind.CORRUPTS,
        "flytekit packs the `Any` it read into another `Any` (`type_url` becomes `google.protobuf.Any`)",
    ),
    Deviation(
        "flyteidl.admin.MatchingAttributes",
        ("task_resource_attributes", "quality_of_service", "workflow_execution_config", "cluster_assignment"),
        Kind.DROPS,
        _NO_FIELDS,
    ),
    Deviation("flyteidl.admin.Project", ("domains", "labels", "org"), Kind.DROPS, _NO_FIELDS),
    # -- workflows ------------------------------------------------------------------------------
    Deviation("flyteidl.core.WorkflowMetadata", ("quality_of_service", "tags"), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.core.NodeMetadata", ("config",), Kind.DROPS, _NO_FIELDS),
    Deviation("flyteidl.core.NodeMetadata", ("timeout",), Kind.TRUNCATES, _TIMES),
    Deviation("flyteidl.core.SleepCondition", ("duration",), Kind.TRUNCATES, _TIMES),
    Deviation(
        "flyteidl.core.ArrayNode",
        ("min_successes", "execution_mode", "is_original_sub_node_interface", "data_mode", "bound_inputs"),
        Kind.DROPS,
        _UNREAD,
    ),
    Deviation("flyteidl.core.TaskNode", ("overrides",), Kind.DROPS, _UNREAD),
    Deviation(
        "flyteidl.core.TaskNodeOverrides",
        ("pod_template",),
        Kind.REJECTS,
        "flytekit's `TaskNodeOverrides.from_flyte_idl` keeps the `K8sPod` message, which its `to_flyte_idl` "
        "reads as a flytekit `PodTemplate` (AttributeError `labels`)",
    ),
    Deviation("flyteidl.core.CompiledWorkflowClosure", ("launch_plans",), Kind.DROPS, _NO_FIELDS),
    Deviation(
        "flyteidl.core.ConnectionSet",
        ("downstream",),
        Kind.CORRUPTS,
        "flytekit's `ConnectionSet.to_flyte_idl` writes `upstream` into `downstream`",
    ),
    Deviation(
        "flyteidl.admin.WorkflowSpec",
        ("sub_workflows",),
        Kind.SORTS,
        "flytekit's `WorkflowSpec.to_flyte_idl` orders `sub_workflows` by name (for deterministic registration "
        "bytes), also those of a spec it read; ours gives a message it read back in the order it came in",
        key="id.name",
    ),
    Deviation("flyteidl.admin.WorkflowClosure", ("created_at",), Kind.DROPS, _NO_FIELDS),
    Deviation(
        "flyteidl.core.DynamicJobSpec",
        ("outputs",),
        Kind.REQUIRES,
        "flytekit's `DynamicJobSpec.from_flyte_idl` turns empty `outputs` into `None`, which its "
        "`to_flyte_idl` then iterates (TypeError)",
    ),
    # -- literals -------------------------------------------------------------------------
    Deviation("flyteidl.core.Primitive", ("datetime", "duration"), Kind.TRUNCATES, _TIMES),
    Deviation("flyteidl.core.BindingData", ("union", "offloaded_metadata"), Kind.DROPS, _NO_FIELDS),
    Deviation(
        "flyteidl.core.Scalar",
        ("error",),
        Kind.REJECTS,
        "flytekit's `Scalar.from_flyte_idl` keeps the `error` as a protobuf message, which its "
        "`to_flyte_idl` then calls `.to_flyte_idl()` on (AttributeError)",
    ),
)

BY_MESSAGE: dict[str, tuple[Deviation, ...]] = {}
_grouped: dict[str, list[Deviation]] = collections.defaultdict(list)
for _deviation in ROUNDTRIP:
    _grouped[_deviation.message].append(_deviation)
BY_MESSAGE.update((name, tuple(found)) for name, found in _grouped.items())


def shows(rule: Deviation, pb: Any, flytekit_round_trip: Callable[[Any], Any]) -> bool:
    """Whether ``pb`` (a message of ``rule.message``) shows flytekit's round trip doing what ``rule`` says."""
    present = [name for name in rule.fields if _is_set(pb, name)]
    if rule.kind is Kind.REQUIRES:
        if present:
            return False
        return _raises(flytekit_round_trip, pb)
    if not present:
        return False
    if rule.kind is Kind.REJECTS:
        return _raises(flytekit_round_trip, pb)
    try:
        out = flytekit_round_trip(pb)
    except Exception:
        return False
    if rule.kind is Kind.REWRITES:
        return out != pb and not any(_is_set(out, name) for name in rule.fields)
    return any(getattr(out, name) != getattr(pb, name) for name in present)


def _is_set(pb: Any, name: str) -> bool:
    field = pb.DESCRIPTOR.fields_by_name[name]
    if field.is_repeated:
        return len(getattr(pb, name)) > 0
    if field.message_type is not None:
        return pb.HasField(name) and getattr(pb, name).ByteSize() > 0
    return bool(getattr(pb, name))


def _raises(call: Callable[[Any], Any], pb: Any) -> bool:
    try:
        call(pb)
    except Exception:
        return True
    return False
