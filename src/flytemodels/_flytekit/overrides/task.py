"""What flytekit's task classes have beyond their messages."""

from __future__ import annotations

from typing import Any

from flytemodels.flytekit.task import (
    ContainerBase,
    DataLoadingConfigBase,
    K8sObjectMetadata,
    K8sPodBase,
    TaskTemplateBase,
)


class TaskTemplate(TaskTemplateBase):
    def _fm_post_init(self) -> None:
        targets = [self._container, self._k8s_pod, self._sql]
        if sum(target is not None for target in targets) > 1:
            raise ValueError("At most one of container, k8s_pod or sql can be set")


class DataLoadingConfig(DataLoadingConfigBase):
    _LITERALMAP_FORMATS = frozenset(
        {
            DataLoadingConfigBase.LITERALMAP_FORMAT_JSON,
            DataLoadingConfigBase.LITERALMAP_FORMAT_PROTO,
            DataLoadingConfigBase.LITERALMAP_FORMAT_YAML,
        }
    )

    def _fm_post_init(self) -> None:
        if self._format not in self._LITERALMAP_FORMATS:
            raise ValueError(
                f"Metadata format {self._format} not supported. Should be one of {self._LITERALMAP_FORMATS}"
            )


class Container(ContainerBase):
    def add_env(self, key: str, val: str) -> None:
        """Set one environment variable (a mutation, as in flytekit)."""
        self._env[key] = val


class K8sPod(K8sPodBase):
    def to_pod_template(self) -> Any:
        """flytekit's ``PodTemplate`` of this pod (needs flytekit)."""
        from flytekit import PodTemplate

        return PodTemplate(labels=self.metadata.labels, annotations=self.metadata.annotations, pod_spec=self.pod_spec)

    @classmethod
    def from_pod_template(cls, pod_template: Any) -> K8sPod:
        """A pod from flytekit's ``PodTemplate`` (needs the kubernetes client to serialize the pod spec)."""
        from kubernetes.client import ApiClient

        return cls(
            metadata=K8sObjectMetadata(labels=pod_template.labels, annotations=pod_template.annotations),
            pod_spec=ApiClient().sanitize_for_serialization(pod_template.pod_spec),
            primary_container_name=pod_template.primary_container_name,
        )
