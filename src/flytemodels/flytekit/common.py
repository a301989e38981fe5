"""Mirrors ``flytekit.models.common``: the entity ABCs and the admin common messages."""

from __future__ import annotations

import abc
from typing import Any

from google.protobuf import json_format, struct_pb2, text_format
from google.protobuf.message import Message as PbMessage

from flytemodels._runtime import Message
from flytemodels.admin.common import (
    Annotations,
    AuthRole,
    EmailNotification,
    Envs,
    Labels,
    NamedEntityIdentifier,
    Notification,
    PagerDutyNotification,
    RawOutputDataConfig,
    SlackNotification,
    UrlBlob,
)


class FlyteABCMeta(abc.ABCMeta):
    """The metaclass of flytekit's model ABCs."""


class FlyteType(FlyteABCMeta):
    """The metaclass of ``FlyteIdlEntity``: class-level text helpers."""

    def from_flyte_idl(cls, idl_object: Any) -> Any:
        """Build an instance from its IDL form; entity classes define their own."""
        raise NotImplementedError(f"{cls.__name__} does not define from_flyte_idl")

    def short_class_string(cls) -> str:
        return repr(cls)

    def verbose_class_string(cls) -> str:
        return repr(cls)


class FlyteIdlEntity(metaclass=FlyteType):
    """What every model is an instance of: something with ``to_flyte_idl()``.

    Every generated model (and override) is a virtual subclass, registered
    below, so ``isinstance(model, FlyteIdlEntity)`` holds without the runtime
    knowing about flytekit. Hand-written entities subclass it and get the same
    identity and text behaviour as the models, computed from ``to_flyte_idl()``.
    """

    @abc.abstractmethod
    def to_flyte_idl(self) -> Any:
        """The flyteidl message (or, for a few hand-written entities, the string) this stands for."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FlyteIdlEntity) or type(self) is not type(other):
            return NotImplemented
        return bool(self.to_flyte_idl() == other.to_flyte_idl())

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(self.serialize_to_string())

    def serialize_to_string(self) -> bytes:
        idl = self.to_flyte_idl()
        if isinstance(idl, PbMessage):
            return idl.SerializeToString(deterministic=True)
        return str(idl).encode()

    def short_string(self) -> str:
        idl = self.to_flyte_idl()
        body = text_format.MessageToString(idl, as_one_line=True) if isinstance(idl, PbMessage) else str(idl)
        return f"<{type(self).__name__} {body}>" if body else f"<{type(self).__name__}>"

    def verbose_string(self) -> str:
        idl = self.to_flyte_idl()
        return str(text_format.MessageToString(idl)) if isinstance(idl, PbMessage) else str(idl)

    @property
    def is_empty(self) -> bool:
        return len(self.serialize_to_string()) == 0

    def __str__(self) -> str:
        return self.short_string()

    def __repr__(self) -> str:
        return self.short_string()


FlyteIdlEntity.register(Message)


class FlyteCustomIdlEntity(FlyteIdlEntity):
    """An entity serialized as a ``google.protobuf.Struct`` of its ``to_dict()``."""

    @classmethod
    @abc.abstractmethod
    def from_dict(cls, idl_dict: dict[str, Any]) -> FlyteCustomIdlEntity:
        """Build the entity from what ``to_dict`` returned."""

    @abc.abstractmethod
    def to_dict(self) -> dict[str, Any]:
        """The entity as a JSON-like dict."""

    @classmethod
    def from_flyte_idl(cls, idl_object: struct_pb2.Struct) -> FlyteCustomIdlEntity:
        return cls.from_dict(json_format.MessageToDict(idl_object))

    def to_flyte_idl(self) -> struct_pb2.Struct:
        return json_format.ParseDict(self.to_dict(), struct_pb2.Struct())


__all__ = [
    "Annotations",
    "AuthRole",
    "EmailNotification",
    "Envs",
    "FlyteABCMeta",
    "FlyteCustomIdlEntity",
    "FlyteIdlEntity",
    "FlyteType",
    "Labels",
    "NamedEntityIdentifier",
    "Notification",
    "PagerDutyNotification",
    "RawOutputDataConfig",
    "SlackNotification",
    "UrlBlob",
]
