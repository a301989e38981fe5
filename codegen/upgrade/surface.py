"""The comparable surface of an IDL: messages, fields, oneofs, enums and values.

``codegen diff`` compares two of these, and the override check reads one. A
surface keeps only what decides wire and Python API compatibility (names,
numbers, types, labels, oneof membership, the file each type lives in), so two
releases compare equal when nothing a user can see has changed. It is built
from descriptors or read back from the JSON the generator records
(``codegen.upgrade.state``); both give equal surfaces.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from google.protobuf.descriptor_pb2 import (
    DescriptorProto,
    EnumDescriptorProto,
    FieldDescriptorProto,
    FileDescriptorProto,
)

_T = FieldDescriptorProto
_TYPE_WORDS = {value: name.removeprefix("TYPE_").lower() for name, value in _T.Type.items()}

#: Field labels: ``single`` is proto3 implicit presence, ``optional`` explicit
#: presence (proto3 ``optional``, proto2 ``optional``/``required``).
LABELS = ("single", "optional", "repeated", "map")


@dataclass(frozen=True, slots=True)
class FieldShape:
    """One field. For a map, ``type``/``wire`` describe the value and ``key`` the key."""

    name: str
    number: int
    type: str  # a scalar's type word ("int64"), or the full name of a message or enum
    wire: str  # the proto type word ("int64", "enum", "message"), which decides the encoding
    label: str  # one of LABELS
    oneof: str | None = None  # the real (not synthetic) oneof the field belongs to
    key: str | None = None  # a map's key type word

    def describe(self) -> str:
        """The field's type as the .proto spells it: ``repeated string``, ``map<string, int32>``."""
        if self.label == "map":
            return f"map<{self.key}, {self.type}>"
        return self.type if self.label == "single" else f"{self.label} {self.type}"


@dataclass(frozen=True, slots=True)
class MessageShape:
    file: str
    fields: tuple[FieldShape, ...]
    oneofs: tuple[str, ...]

    def by_number(self) -> dict[int, FieldShape]:
        return {f.number: f for f in self.fields}

    def by_name(self) -> dict[str, FieldShape]:
        return {f.name: f for f in self.fields}

    def oneof_members(self, oneof: str) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.oneof == oneof)


@dataclass(frozen=True, slots=True)
class EnumShape:
    file: str
    values: tuple[tuple[str, int], ...]  # (name, number) in declaration order, aliases included

    def by_name(self) -> dict[str, int]:
        return dict(self.values)


@dataclass(frozen=True, slots=True)
class Surface:
    """Every message and enum under one proto root, by full proto name."""

    messages: dict[str, MessageShape]
    enums: dict[str, EnumShape]
    files: dict[str, str] = field(default_factory=dict)  # proto file → proto package

    def qualname(self, full_name: str, file: str) -> str:
        """``flyteidl.core.Literal`` in ``flyteidl/core/literals.proto`` → ``Literal``."""
        package = self.files.get(file, "")
        return full_name.removeprefix(package + ".") if package else full_name


def surface(files: Iterable[FileDescriptorProto], proto_root: str) -> Surface:
    """The surface of every file under ``proto_root/`` (map entry types are folded into their fields)."""
    messages: dict[str, MessageShape] = {}
    enums: dict[str, EnumShape] = {}
    packages: dict[str, str] = {}
    for file in sorted(files, key=lambda f: f.name):
        if file.name.startswith(proto_root + "/"):
            packages[file.name] = file.package
            prefix = file.package + "." if file.package else ""
            _walk(file, prefix, file.message_type, file.enum_type, messages, enums)
    return Surface(messages, enums, packages)


def _walk(
    file: FileDescriptorProto,
    prefix: str,
    message_types: Iterable[DescriptorProto],
    enum_types: Iterable[EnumDescriptorProto],
    messages: dict[str, MessageShape],
    enums: dict[str, EnumShape],
) -> None:
    for enum in enum_types:
        enums[prefix + enum.name] = EnumShape(file.name, tuple((v.name, v.number) for v in enum.value))
    for message in message_types:
        if message.options.map_entry:
            continue
        name = prefix + message.name
        entries = {f".{name}.{n.name}": n for n in message.nested_type if n.options.map_entry}
        syntax = file.syntax or "proto2"
        fields = tuple(_field(f, message, entries, syntax) for f in message.field)
        messages[name] = MessageShape(file.name, fields, _real_oneofs(message))
        _walk(file, name + ".", message.nested_type, message.enum_type, messages, enums)


def _real_oneofs(message: DescriptorProto) -> tuple[str, ...]:
    """Declared oneofs, without the synthetic one proto3 ``optional`` makes per field."""
    real = {f.oneof_index for f in message.field if f.HasField("oneof_index") and not f.proto3_optional}
    return tuple(decl.name for index, decl in enumerate(message.oneof_decl) if index in real)


def _field(
    f: FieldDescriptorProto, owner: DescriptorProto, entries: dict[str, DescriptorProto], syntax: str
) -> FieldShape:
    entry = entries.get(f.type_name) if f.label == _T.LABEL_REPEATED else None
    if entry is not None:
        key, value = entry.field[0], entry.field[1]
        return FieldShape(f.name, f.number, _type(value), _TYPE_WORDS[value.type], "map", key=_type(key))
    in_oneof = f.HasField("oneof_index") and not f.proto3_optional
    oneof = owner.oneof_decl[f.oneof_index].name if in_oneof else None
    return FieldShape(f.name, f.number, _type(f), _TYPE_WORDS[f.type], _label(f, syntax), oneof)


def _label(f: FieldDescriptorProto, syntax: str) -> str:
    if f.label == _T.LABEL_REPEATED:
        return "repeated"
    if f.proto3_optional or (syntax == "proto2" and f.type not in (_T.TYPE_MESSAGE, _T.TYPE_GROUP)):
        return "optional"
    return "single"


def _type(f: FieldDescriptorProto) -> str:
    return f.type_name.lstrip(".") if f.type_name else _TYPE_WORDS[f.type]


# -- JSON ---------------------------------------------------------------------------


def to_json(value: Surface) -> dict[str, Any]:
    """A JSON-ready dict, keys sorted by name, one small object per field."""
    return {
        "files": dict(sorted(value.files.items())),
        "messages": {name: _message_json(value.messages[name]) for name in sorted(value.messages)},
        "enums": {
            name: {"file": shape.file, "values": [list(pair) for pair in shape.values]}
            for name, shape in sorted(value.enums.items())
        },
    }


def _message_json(shape: MessageShape) -> dict[str, Any]:
    return {"file": shape.file, "oneofs": list(shape.oneofs), "fields": [_field_json(f) for f in shape.fields]}


def _field_json(f: FieldShape) -> dict[str, Any]:
    data: dict[str, Any] = {"number": f.number, "name": f.name, "type": f.type}
    if f.wire != f.type:
        data["wire"] = f.wire
    if f.label != "single":
        data["label"] = f.label
    if f.oneof is not None:
        data["oneof"] = f.oneof
    if f.key is not None:
        data["key"] = f.key
    return data


def from_json(data: dict[str, Any]) -> Surface:
    """Inverse of ``to_json``; raises ``KeyError``/``TypeError``/``ValueError`` on a malformed document."""
    messages = {
        name: MessageShape(
            str(shape["file"]), tuple(_field_from_json(f) for f in shape["fields"]), tuple(shape["oneofs"])
        )
        for name, shape in data["messages"].items()
    }
    enums = {
        name: EnumShape(str(shape["file"]), tuple((str(v), int(n)) for v, n in shape["values"]))
        for name, shape in data["enums"].items()
    }
    return Surface(messages, enums, {str(k): str(v) for k, v in data["files"].items()})


def _field_from_json(data: dict[str, Any]) -> FieldShape:
    label = data.get("label", "single")
    if label not in LABELS:
        raise ValueError(f"unknown field label {label!r}")
    kind = str(data["type"])
    return FieldShape(
        str(data["name"]),
        int(data["number"]),
        kind,
        str(data.get("wire", kind)),
        label,
        data.get("oneof"),
        data.get("key"),
    )
