"""flytekit's constructors and helpers for the task models (``flytekit.models.task``).

``TaskTemplate``, ``TaskMetadata``, ``Container`` and ``DataLoadingConfig``
take flytekit's argument order (the IDL fields flytekit lacks follow as extra
optional arguments); ``Container.env``/``config`` are dicts, as in flytekit.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from flytemodels._overrides._support import build, renamed, replace_field, repr_with_defaults
from flytemodels.core.literals import KeyValuePair
from flytemodels.core.tasks import (
    ContainerBase,
    ContainerPort,
    DataLoadingConfigBase,
    ExtendedResources,
    IOStrategyBase,
    K8sObjectMetadata,
    K8sPodBase,
    Resources,
    RuntimeMetadata,
    Sql,
    TaskMetadataBase,
    TaskTemplateBase,
)

if TYPE_CHECKING:
    import datetime as _datetime
    from collections import abc as _abc

    from flytemodels.core import identifier as _core_identifier
    from flytemodels.core import interface as _core_interface
    from flytemodels.core import literals as _core_literals
    from flytemodels.core import security as _core_security

#: A list of key/value pairs as flytekit gives it (a dict) or as the IDL holds it.
_Pairs = Mapping[str, str] | Iterable[KeyValuePair]


class TaskMetadata(TaskMetadataBase):
    """How a task runs: flytekit's order; ``k8s_object_metadata`` is the IDL's ``metadata``."""

    __slots__ = ()

    def __init__(
        self,
        discoverable: bool | None = None,
        runtime: RuntimeMetadata | None = None,
        timeout: _datetime.timedelta | None = None,
        retries: _core_literals.RetryStrategy | None = None,
        interruptible: bool | None = None,
        discovery_version: str | None = None,
        deprecated_error_message: str | None = None,
        cache_serializable: bool | None = None,
        pod_template_name: str | None = None,
        cache_ignore_input_vars: _abc.Iterable[str] | None = None,
        is_eager: bool | None = None,
        generates_deck: bool | None = None,
        k8s_object_metadata: K8sObjectMetadata | None = None,
        tags: _abc.Mapping[str, str] | None = None,
        *,
        metadata: K8sObjectMetadata | None = None,  # the IDL's name for ``k8s_object_metadata``
    ) -> None:
        values: dict[str, Any] = dict(discoverable=discoverable, runtime=runtime, timeout=timeout, retries=retries)
        values.update(interruptible=interruptible, discovery_version=discovery_version)
        values.update(deprecated_error_message=deprecated_error_message, cache_serializable=cache_serializable)
        values.update(pod_template_name=pod_template_name, cache_ignore_input_vars=cache_ignore_input_vars)
        values.update(is_eager=is_eager, generates_deck=generates_deck, tags=tags)
        pod = renamed("TaskMetadata", "k8s_object_metadata", k8s_object_metadata, "metadata", metadata)
        build(self, dict(values, metadata=pod))

    @property
    def k8s_object_metadata(self) -> K8sObjectMetadata | None:
        """flytekit's name for ``metadata``: labels and annotations for the task's pod."""
        return self.metadata


class TaskTemplate(TaskTemplateBase):
    """A task: flytekit's order (``task_type_version``, ``security_context`` and ``config`` before ``k8s_pod``)."""

    __slots__ = ()

    def __init__(
        self,
        id: _core_identifier.Identifier | None = None,
        type: str | None = None,
        metadata: TaskMetadata | None = None,
        interface: _core_interface.TypedInterface | None = None,
        custom: dict[str, Any] | None = None,
        container: Container | None = None,
        task_type_version: int | None = None,
        security_context: _core_security.SecurityContext | None = None,
        config: _abc.Mapping[str, str] | None = None,
        k8s_pod: K8sPod | None = None,
        sql: Sql | None = None,
        extended_resources: ExtendedResources | None = None,
    ) -> None:
        build(self, locals())


class Container(ContainerBase):
    """A container task's image and command; ``env`` and ``config`` are dicts, as in flytekit.

    They are repeated key/value pairs in the IDL: a message with a key twice
    keeps both, the dict shows the last value.
    """

    __slots__ = ()

    def __init__(
        self,
        image: str | None = None,
        command: _abc.Iterable[str] | None = None,
        args: _abc.Iterable[str] | None = None,
        resources: Resources | None = None,
        env: _Pairs | None = None,
        config: _Pairs | None = None,
        data_loading_config: DataLoadingConfig | None = None,
        ports: _abc.Iterable[ContainerPort] | None = None,
        architecture: ContainerBase.Architecture | int | None = None,
        *,
        data_config: DataLoadingConfig | None = None,  # the IDL's name for ``data_loading_config``
    ) -> None:
        data = renamed("Container", "data_loading_config", data_loading_config, "data_config", data_config)
        values: dict[str, Any] = dict(image=image, command=command, args=args, resources=resources, env=_pairs(env))
        values.update(config=_pairs(config), data_config=data, ports=ports, architecture=architecture)
        build(self, values)

    @property
    def env(self) -> dict[str, str]:  # type: ignore[override]  # flytekit's dict, not the IDL's pairs
        """The environment variables as a dict (given back to the constructor, it rebuilds the pairs exactly)."""
        return _KeyValues(self._get("env"))

    @property
    def config(self) -> dict[str, str]:  # type: ignore[override]  # flytekit's dict, not the IDL's pairs
        """The plugin configuration as a dict (given back to the constructor, it rebuilds the pairs exactly)."""
        return _KeyValues(self._get("config"))

    @property
    def data_loading_config(self) -> DataLoadingConfig | None:
        """flytekit's name for ``data_config``."""
        return self.data_config

    def add_env(self, key: str, val: str) -> None:
        """Set one environment variable in place, as flytekit does (copy on write, see ``replace_field``)."""
        replace_field(self, "env", _pairs(dict(self.env, **{key: val})))


class DataLoadingConfig(DataLoadingConfigBase):
    """Where a raw container finds its inputs and writes its outputs; enabled, in PROTO format, by default."""

    __slots__ = ()

    LITERALMAP_FORMAT_JSON = DataLoadingConfigBase.LiteralMapFormat.JSON
    LITERALMAP_FORMAT_PROTO = DataLoadingConfigBase.LiteralMapFormat.PROTO
    LITERALMAP_FORMAT_YAML = DataLoadingConfigBase.LiteralMapFormat.YAML

    def __init__(
        self,
        input_path: str | None = None,
        output_path: str | None = None,
        enabled: bool | None = True,
        format: DataLoadingConfigBase.LiteralMapFormat | int | None = DataLoadingConfigBase.LiteralMapFormat.PROTO,
        io_strategy: IOStrategy | None = None,
    ) -> None:
        build(self, locals())

    def __repr__(self) -> str:
        return repr_with_defaults(self)


class IOStrategy(IOStrategyBase):
    """How inputs are downloaded and outputs uploaded, with flytekit's mode constants."""

    __slots__ = ()

    DOWNLOAD_MODE_EAGER = IOStrategyBase.DownloadMode.DOWNLOAD_EAGER
    DOWNLOAD_MODE_STREAM = IOStrategyBase.DownloadMode.DOWNLOAD_STREAM
    DOWNLOAD_MODE_NO_DOWNLOAD = IOStrategyBase.DownloadMode.DO_NOT_DOWNLOAD
    UPLOAD_MODE_EAGER = IOStrategyBase.UploadMode.UPLOAD_EAGER
    UPLOAD_MODE_ON_EXIT = IOStrategyBase.UploadMode.UPLOAD_ON_EXIT
    UPLOAD_MODE_NO_UPLOAD = IOStrategyBase.UploadMode.DO_NOT_UPLOAD


class K8sPod(K8sPodBase):
    """A pod task's pod spec, convertible from and to flytekit's ``PodTemplate``."""

    __slots__ = ()

    @classmethod
    def from_pod_template(cls, pod_template: Any) -> K8sPod:
        """The pod of a flytekit ``PodTemplate`` (``pod_spec`` serialized by the kubernetes client)."""
        pod_spec = pod_template.pod_spec
        if pod_spec is not None and not isinstance(pod_spec, dict):
            # A kubernetes V1PodSpec: serialized by the kubernetes client, as flytekit does (imported only here).
            client = importlib.import_module("kubernetes.client")
            pod_spec = client.ApiClient().sanitize_for_serialization(pod_spec)
        metadata = K8sObjectMetadata(labels=pod_template.labels, annotations=pod_template.annotations)
        return cls(metadata=metadata, pod_spec=pod_spec, primary_container_name=pod_template.primary_container_name)

    def to_pod_template(self) -> Any:
        """flytekit's ``PodTemplate`` for this pod (needs flytekit; the pod spec stays a dict, as in flytekit)."""
        pod_template_class = importlib.import_module("flytekit").PodTemplate
        metadata = self.metadata or K8sObjectMetadata()
        extra = {"primary_container_name": self.primary_container_name} if self.primary_container_name else {}
        return pod_template_class(
            labels=metadata.labels, annotations=metadata.annotations, pod_spec=self.pod_spec, **extra
        )


class _KeyValues(dict[str, str]):
    """A dict of key/value pairs that remembers the pairs it was made from.

    A message may hold a key twice; the dict shows the last value, and as long
    as it is not changed, ``_pairs`` hands the original pairs back, so a model
    rebuilt from its own ``env`` is the same model.
    """

    def __init__(self, pairs: list[KeyValuePair]) -> None:
        super().__init__((pair.key, pair.value) for pair in pairs)
        self.pairs = pairs

    def unchanged(self) -> bool:
        return dict(self) == {pair.key: pair.value for pair in self.pairs}


def _pairs(values: _Pairs | None) -> list[KeyValuePair] | None:
    if isinstance(values, _KeyValues) and values.unchanged():
        return list(values.pairs)
    if values is None or not isinstance(values, Mapping):
        return None if values is None else list(values)
    return [KeyValuePair(key=key, value=value) for key, value in values.items()]
