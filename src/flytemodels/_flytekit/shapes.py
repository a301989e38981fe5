"""Conversions of flytekit's that no general shape expresses, by the name the table gives them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from google.protobuf.message import Message as PbMessage

from flytemodels._runtime.shapes import fill


def _attr_path_to_python(pb: Any) -> list[str | int]:
    # A PromiseAttribute is a oneof of a key (string_value) or an index (int_value); an unset one
    # reads as flytekit reads it, index 0 (writing it back happens only if the path was changed).
    return [getattr(step, step.WhichOneof("value") or "int_value") for step in pb.attr_path]


def _attr_path_to_proto(value: Any, pb: Any) -> None:
    for step in value:
        if isinstance(step, bool) or not isinstance(step, (str, int)):
            raise TypeError(f"expected a list of str keys and int indexes, got {type(step).__name__}")
        if isinstance(step, str):
            pb.attr_path.add(string_value=step)
        else:
            pb.attr_path.add(int_value=step)


def _auth_role_to_python(pb: Any) -> Any:
    """flytekit's reading of a launch plan's role: ``auth_role``, else the deprecated ``auth``.

    As flytekit does, the deprecated form's service account lands in ``assumable_iam_role``;
    the message keeps ``auth`` as it was.
    """
    from flytemodels.flytekit.common import AuthRole

    if pb.auth_role.assumable_iam_role or pb.auth_role.kubernetes_service_account:
        return AuthRole.from_flyte_idl(pb.auth_role)
    return AuthRole(assumable_iam_role=pb.auth.assumable_iam_role or pb.auth.kubernetes_service_account)


def _auth_role_to_proto(value: Any, pb: Any) -> None:
    fill(pb.auth_role, value)


def _pod_template_to_python(pb: Any) -> Any:
    """The ``K8sPod`` message, as flytekit keeps it when reading (None when unset)."""
    if not pb.HasField("pod_template"):
        return None
    copy = type(pb.pod_template)()
    copy.CopyFrom(pb.pod_template)
    return copy


def _pod_template_to_proto(value: Any, pb: Any) -> None:
    """flytekit's ``PodTemplate`` (converted as flytekit does), a ``K8sPod`` model or a message."""
    # A K8sPod message has a pod_spec too: only something neither message nor model is a PodTemplate.
    if not isinstance(value, PbMessage) and not hasattr(value, "to_flyte_idl") and hasattr(value, "pod_spec"):
        from flytemodels.flytekit.task import K8sPod

        value = K8sPod.from_pod_template(value)
    fill(pb.pod_template, value)


def _sub_workflow_ref_to_python(pb: Any) -> Any:
    """flytekit's reading: None when the node runs a launch plan, else the sub-workflow's id (even unset)."""
    if pb.HasField("launchplan_ref"):
        return None
    from flytemodels.flytekit.core.identifier import Identifier

    return Identifier.from_flyte_idl(pb.sub_workflow_ref)


def _sub_workflow_ref_to_proto(value: Any, pb: Any) -> None:
    fill(pb.sub_workflow_ref, value)


def _sub_workflows_to_python(pb: Any) -> list[Any]:
    from flytemodels.flytekit.core.workflow import WorkflowTemplate

    return [WorkflowTemplate.from_flyte_idl(item) for item in pb.sub_workflows]


def _sub_workflows_to_proto(value: Any, pb: Any) -> None:
    """Sorted by name, as flytekit writes them: registration bytes (and the versions hashed from them) match."""
    for workflow in sorted(value, key=lambda item: item.id.name):
        fill(pb.sub_workflows.add(), workflow)


#: name → (to_python(message), to_proto(value, message)), the message being the field's owner.
CUSTOM: dict[str, tuple[Callable[[Any], Any], Callable[[Any, Any], None]]] = {
    "attr_path": (_attr_path_to_python, _attr_path_to_proto),
    "legacy_auth_role": (_auth_role_to_python, _auth_role_to_proto),
    "pod_template": (_pod_template_to_python, _pod_template_to_proto),
    "sub_workflow_ref": (_sub_workflow_ref_to_python, _sub_workflow_ref_to_proto),
    "sub_workflows_by_name": (_sub_workflows_to_python, _sub_workflows_to_proto),
}
