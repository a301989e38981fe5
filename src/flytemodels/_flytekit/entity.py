"""flytekit's model base classes, and ``FlytekitModel``, the base of every generated flytekit-family class.

``FlyteIdlEntity`` behaves as flytekit's: ``==`` compares ``to_flyte_idl()``
with any other entity's, ``hash`` is the hash of the deterministic bytes,
``repr`` is the message's text format, ``str``/``short_string`` flytekit's
indented ``Flyte Serialized object (Name):`` layout. ``FlytekitModel`` gets
the same results cheaper: it compares and prints the message it holds, without
rebuilding it, when nothing was read or changed.
"""

from __future__ import annotations

import abc
import json
import textwrap
from typing import Any

from flytemodels._runtime.mutable import MutableModel

_WIDTH = 80  # flytekit shortens each scalar line of short_string() to this width


class FlyteABCMeta(abc.ABCMeta):
    """The metaclass of flytekit's model ABCs."""


class FlyteType(FlyteABCMeta):
    """The metaclass of ``FlyteIdlEntity``: a class prints as its plain ``repr``."""

    def __repr__(cls) -> str:
        return cls.short_class_string()

    def __str__(cls) -> str:
        return cls.verbose_class_string()

    def short_class_string(cls) -> str:
        return super().__repr__()

    def verbose_class_string(cls) -> str:
        return cls.short_class_string()

    @abc.abstractmethod
    def from_flyte_idl(cls, idl_object: Any) -> Any:
        """Build an instance from its IDL message (each entity class defines it)."""


class FlyteIdlEntity(metaclass=FlyteType):
    """Something with ``to_flyte_idl()``: equality, hash and text follow from the message."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FlyteIdlEntity) and bool(other.to_flyte_idl() == self.to_flyte_idl())

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __repr__(self) -> str:
        return str(self.to_flyte_idl())

    def __str__(self) -> str:
        return self.short_string()

    def __hash__(self) -> int:
        return _hash_of_message(self.to_flyte_idl())

    def short_string(self) -> str:
        """``Flyte Serialized object (Name):`` and the set fields, one per line, indented by depth."""
        body = yaml_like(self.to_flyte_idl(), indent=2).rstrip("\n")
        return f"Flyte Serialized object ({type(self).__name__}):\n{body}"

    def serialize_to_string(self) -> bytes:
        return _bytes_of(self.to_flyte_idl())

    def _repr_html_(self) -> str:
        body = yaml_like(self.to_flyte_idl()).rstrip("\n")
        return f"<h4>{type(self).__name__}</h4><pre>{body}</pre>"

    @property
    def is_empty(self) -> bool:
        return len(_bytes_of(self.to_flyte_idl())) == 0

    @abc.abstractmethod
    def to_flyte_idl(self) -> Any:
        """The flyteidl message this entity stands for."""


class FlyteCustomIdlEntity(FlyteIdlEntity):
    """An entity carried as a ``google.protobuf.Struct`` of its ``to_dict()``."""

    @classmethod
    def from_flyte_idl(cls, idl_object: Any) -> Any:
        from google.protobuf import json_format  # imported here: it loads protobuf's pool

        from_dict: Any = cls.from_dict  # declared as a method, as flytekit does; subclasses make it a classmethod
        return from_dict(idl_dict=json_format.MessageToDict(idl_object))

    def to_flyte_idl(self) -> Any:
        from google.protobuf import json_format, struct_pb2

        return json_format.Parse(json.dumps(self.to_dict()), struct_pb2.Struct())

    @abc.abstractmethod
    def from_dict(self, idl_dict: Any) -> Any:
        """Build the entity from what ``to_dict`` returned (subclasses make it a classmethod, as flytekit's do)."""

    @abc.abstractmethod
    def to_dict(self) -> Any:
        """The entity as a JSON-like dict."""


class FlytekitModel(MutableModel, FlyteIdlEntity):
    """The base of generated flytekit-family classes: a ``MutableModel`` that is a ``FlyteIdlEntity``."""

    def __eq__(self, other: object) -> bool:
        # type() first: isinstance with an ABC's metaclass costs more than the comparison of two small messages
        if type(other) is type(self) or isinstance(other, FlytekitModel):  # _fm_message on both sides, inlined
            mine = self._fm_pb if self._FM_UNREAD else self.to_flyte_idl()
            theirs = other._fm_pb if other._FM_UNREAD else other.to_flyte_idl()
            equal: bool = mine == theirs  # protobuf's == gives a bool: no bool() call (a fifth of the time)
            return equal
        return isinstance(other, FlyteIdlEntity) and bool(other.to_flyte_idl() == self._fm_message())

    def __hash__(self) -> int:
        return self._fm_hash(_hash_of_message)

    def __repr__(self) -> str:
        return str(self._fm_message())

    def short_string(self) -> str:
        body = yaml_like(self._fm_message(), indent=2).rstrip("\n")
        return f"Flyte Serialized object ({type(self).__name__}):\n{body}"

    def serialize_to_string(self) -> bytes:
        return _bytes_of(self._fm_message())

    @property
    def is_empty(self) -> bool:
        message = self._fm_message()
        return bool(type(message).ByteSize(message) == 0)  # through the class: see _bytes_of

    # -- crossing to the IDL family: both hold the same message, so each way is one C copy --

    def to_idl_model(self) -> Any:
        """The IDL-family model of the same message (``flytemodels.<package>.<file>``)."""
        from flytemodels import _index  # noqa: F401  (registers the IDL family's modules)
        from flytemodels._runtime import registry

        descriptor: Any = self._PB.DESCRIPTOR
        # flytekit models flyteidl, which the tree rooted at flytemodels generates (not flytemodels.v2's).
        return registry.model_class(descriptor, "flytemodels").wrap(self.to_flyte_idl())

    @classmethod
    def from_idl_model(cls, model: Any) -> Any:
        """This family's model of an IDL-family model's message."""
        return cls.from_flyte_idl(model._message())


def _bytes_of(message: Any) -> bytes:
    """``message.SerializeToString()``, through its class: a field named ``SerializeToString`` hides the
    method on the instance, not on the class (fixtures/protobuf_members.proto)."""
    data: bytes = type(message).SerializeToString(message)
    return data


def _hash_of_message(message: Any) -> int:
    """flytekit's hash of an entity: of its message's deterministic bytes."""
    return hash(type(message).SerializeToString(message, deterministic=True))  # through the class: see _bytes_of


def yaml_like(message: Any, indent: int = 0) -> str:
    """flytekit's text of a message: ``name:`` then nested fields two spaces deeper; scalars on one line.

    Empty sub-messages are left out; repeated and map fields print as Python's
    text of the container, shortened to 80 characters.
    """
    if not hasattr(message, "ListFields"):
        return str(message)
    lines: list[str] = []
    pad = " " * indent
    for descriptor, value in message.ListFields():
        if hasattr(value, "ListFields"):
            if value.ListFields():
                lines.append(f"{pad}{descriptor.name}:\n{yaml_like(value, indent + 2)}")
            continue
        text = textwrap.shorten(str(value).strip(), width=_WIDTH)
        if text:
            lines.append(f"{pad}{descriptor.name}: {text}\n")
    return "".join(lines)
