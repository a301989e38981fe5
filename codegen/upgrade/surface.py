"""The comparable surface of an IDL: messages, fields, oneofs, enums and values, and extensions.

``codegen diff`` compares two of these, and the override check reads one. A
surface keeps only what decides wire and Python API compatibility (names,
numbers, types, labels, wire encodings, presence, oneof membership, the file
each type lives in, what each extension extends), so two releases compare
equal when nothing a user can see has changed. It is built from descriptors or
read back from the JSON the generator records (``codegen.upgrade.state``); both
give equal surfaces. A record of format 1 (before extensions and encodings were
recorded) reads back with ``extensions`` None and no encodings but a group's;
one of format 1 or 2 (before presence was recorded) with no field's presence
and ``knows_presence`` False.
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

from codegen.upgrade import encoding as encodings
from codegen.upgrade import presence as presences

_T = FieldDescriptorProto
_TYPE_WORDS = {value: name.removeprefix("TYPE_").lower() for name, value in _T.Type.items()}

#: Field labels, as the .proto spells them: ``optional`` for proto3 ``optional`` and a proto2 scalar
#: (``optional`` or ``required``), ``single`` for any other singular field (proto3, editions, a proto2
#: message). They only approximate presence (an editions ``single`` field has explicit presence by
#: default): ``FieldShape.presence`` says it.
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
    # How it is written (``codegen.upgrade.encoding``): ``delimited``/``length-prefixed`` for a message,
    # ``packed``/``expanded`` for a repeated scalar; None for other fields, and where a record did not say.
    encoding: str | None = None
    # ``explicit``, ``implicit`` or ``required`` (``codegen.upgrade.presence``) for a singular field;
    # None for a repeated field or a map, and where a record did not say (one of format 1 or 2).
    presence: str | None = None

    def describe(self) -> str:
        """The field's type as the .proto spells it: ``repeated string``, ``map<string, int32>``, ``required int32``."""
        if self.label == "map":
            return f"map<{self.key}, {self.type}>"
        if self.presence == presences.REQUIRED:
            return f"required {self.type}"
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
class ExtensionShape:
    """One extension: a field of ``extendee`` declared in ``file``, at file level or inside message ``scope``.

    ``field.name`` is the extension's own name, ``field.oneof`` is None.
    """

    file: str
    extendee: str  # the full name of the extended message
    field: FieldShape
    scope: str | None = None  # the full name of the message it is declared in

    def describe(self) -> str:
        """``optional int32 = 100 of x.Extendable``."""
        return f"{self.field.describe()} = {self.field.number} of {self.extendee}"


@dataclass(frozen=True, slots=True)
class Surface:
    """Every message, enum and extension under one proto root, by full proto name."""

    messages: dict[str, MessageShape]
    enums: dict[str, EnumShape]
    files: dict[str, str] = field(default_factory=dict)  # proto file → proto package
    # None: not known (a record of format 1 has none), so a diff cannot compare them.
    extensions: dict[str, ExtensionShape] | None = field(default_factory=dict)
    # False: no field's presence is known (a record of format 1 or 2), so a diff cannot compare it.
    knows_presence: bool = True

    def qualname(self, full_name: str, file: str) -> str:
        """``flyteidl.core.Literal`` in ``flyteidl/core/literals.proto`` → ``Literal``."""
        package = self.files.get(file, "")
        return full_name.removeprefix(package + ".") if package else full_name


def surface(files: Iterable[FileDescriptorProto], proto_root: str) -> Surface:
    """The surface of every file under ``proto_root/`` (map entry types are folded into their fields)."""
    found = Surface({}, {}, {}, {})
    for file in sorted(files, key=lambda f: f.name):
        if file.name.startswith(proto_root + "/"):
            found.files[file.name] = file.package
            prefix = file.package + "." if file.package else ""
            _add_extensions(found, file, file.extension, prefix, None)
            _walk(found, file, prefix, file.message_type, file.enum_type)
    return found


def _walk(
    found: Surface,
    file: FileDescriptorProto,
    prefix: str,
    message_types: Iterable[DescriptorProto],
    enum_types: Iterable[EnumDescriptorProto],
) -> None:
    for enum in enum_types:
        found.enums[prefix + enum.name] = EnumShape(file.name, tuple((v.name, v.number) for v in enum.value))
    for message in message_types:
        if message.options.map_entry:
            continue
        name = prefix + message.name
        entries = {f".{name}.{n.name}": n for n in message.nested_type if n.options.map_entry}
        fields = tuple(_field(f, message, entries, file) for f in message.field)
        found.messages[name] = MessageShape(file.name, fields, _real_oneofs(message))
        _add_extensions(found, file, message.extension, name + ".", name)
        _walk(found, file, name + ".", message.nested_type, message.enum_type)


def _add_extensions(
    found: Surface, file: FileDescriptorProto, declared: Iterable[FieldDescriptorProto], prefix: str, scope: str | None
) -> None:
    assert found.extensions is not None
    for x in declared:
        kind, wire, label = _type(x), _TYPE_WORDS[x.type], _extension_label(x)
        encoding, presence = encodings.encoding(x, file), presences.presence(x, file, extension=True)
        shape = FieldShape(x.name, x.number, kind, wire, label, None, None, encoding, presence)
        found.extensions[prefix + x.name] = ExtensionShape(file.name, x.extendee.lstrip("."), shape, scope)


def _extension_label(x: FieldDescriptorProto) -> str:
    """An extension always has explicit presence (``optional``), a message one reads ``single`` like a field."""
    if x.label == _T.LABEL_REPEATED:
        return "repeated"
    return "single" if x.type in (_T.TYPE_MESSAGE, _T.TYPE_GROUP) else "optional"


def _real_oneofs(message: DescriptorProto) -> tuple[str, ...]:
    """Declared oneofs, without the synthetic one proto3 ``optional`` makes per field."""
    real = {f.oneof_index for f in message.field if f.HasField("oneof_index") and not f.proto3_optional}
    return tuple(decl.name for index, decl in enumerate(message.oneof_decl) if index in real)


def _field(
    f: FieldDescriptorProto, owner: DescriptorProto, entries: dict[str, DescriptorProto], file: FileDescriptorProto
) -> FieldShape:
    entry = entries.get(f.type_name) if f.label == _T.LABEL_REPEATED else None
    if entry is not None:
        key, value = entry.field[0], entry.field[1]
        return FieldShape(f.name, f.number, _type(value), _TYPE_WORDS[value.type], "map", key=_type(key))
    in_oneof = f.HasField("oneof_index") and not f.proto3_optional
    oneof = owner.oneof_decl[f.oneof_index].name if in_oneof else None
    label = _label(f, file.syntax or "proto2")
    encoding, presence = encodings.encoding(f, file), presences.presence(f, file)
    return FieldShape(f.name, f.number, _type(f), _TYPE_WORDS[f.type], label, oneof, None, encoding, presence)


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
    """A JSON-ready dict, keys sorted by name, one small object per field and per extension."""
    return {
        "files": dict(sorted(value.files.items())),
        "messages": {name: _message_json(value.messages[name]) for name in sorted(value.messages)},
        "enums": {
            name: {"file": shape.file, "values": [list(pair) for pair in shape.values]}
            for name, shape in sorted(value.enums.items())
        },
        "extensions": {name: _extension_json(shape) for name, shape in sorted((value.extensions or {}).items())},
    }


def _message_json(shape: MessageShape) -> dict[str, Any]:
    return {"file": shape.file, "oneofs": list(shape.oneofs), "fields": [_field_json(f) for f in shape.fields]}


def _field_json(f: FieldShape) -> dict[str, Any]:
    """Only what differs from the usual: no ``wire`` equal to the type, no ``single`` label, no usual encoding.

    No usual presence either: a proto3 tree's record names none, an editions
    tree's each scalar with explicit presence, any tree's each required field.
    """
    data: dict[str, Any] = {"number": f.number, "name": f.name, "type": f.type}
    if f.wire != f.type:
        data["wire"] = f.wire
    if f.label != "single":
        data["label"] = f.label
    if f.oneof is not None:
        data["oneof"] = f.oneof
    if f.key is not None:
        data["key"] = f.key
    if f.encoding != encodings.default(f.wire, f.label):
        data["encoding"] = f.encoding
    if f.presence != presences.default(f.wire, f.label, f.oneof):
        data["presence"] = f.presence
    return data


def _extension_json(shape: ExtensionShape) -> dict[str, Any]:
    """The field's facts but its name (the last part of the key), after what it extends and where it is declared."""
    data: dict[str, Any] = {"file": shape.file, "extendee": shape.extendee}
    if shape.scope is not None:
        data["scope"] = shape.scope
    fact = _field_json(shape.field)
    del fact["name"]
    return data | fact


def from_json(data: dict[str, Any], *, version: int = 3) -> Surface:
    """Inverse of ``to_json``; raises ``KeyError``/``TypeError``/``ValueError`` on a malformed document.

    ``version`` is the record's format. Format 1 has no extensions (None: not
    known) and no encodings, but a group's, which its wire type says; formats 1
    and 2 have no presence (each field's is None, and ``knows_presence`` False).
    """
    messages = {
        name: MessageShape(
            str(shape["file"]),
            tuple(_field_from_json(f, version) for f in shape["fields"]),
            tuple(shape["oneofs"]),
        )
        for name, shape in data["messages"].items()
    }
    enums = {
        name: EnumShape(str(shape["file"]), tuple((str(v), int(n)) for v, n in shape["values"]))
        for name, shape in data["enums"].items()
    }
    files = {str(k): str(v) for k, v in data["files"].items()}
    knows_presence = version >= 3
    if version < 2:
        return Surface(messages, enums, files, None, knows_presence)
    extensions = {str(name): _extension_from_json(name, shape, version) for name, shape in data["extensions"].items()}
    return Surface(messages, enums, files, extensions, knows_presence)


def _field_from_json(data: dict[str, Any], version: int) -> FieldShape:
    label = data.get("label", "single")
    if label not in LABELS:
        raise ValueError(f"unknown field label {label!r}")
    kind = str(data["type"])
    wire = str(data.get("wire", kind))
    oneof = data.get("oneof")
    if version >= 2:
        encoding = data.get("encoding", encodings.default(wire, label))
        if encoding not in encodings.WORDS:
            raise ValueError(f"unknown field encoding {encoding!r}")
    else:
        encoding = encodings.DELIMITED if wire == "group" else None
    presence = data.get("presence", presences.default(wire, label, oneof)) if version >= 3 else None
    if presence not in presences.WORDS:
        raise ValueError(f"unknown field presence {presence!r}")
    return FieldShape(
        str(data["name"]), int(data["number"]), kind, wire, label, oneof, data.get("key"), encoding, presence
    )


def _extension_from_json(name: str, data: dict[str, Any], version: int) -> ExtensionShape:
    shape = _field_from_json({**data, "name": name.rpartition(".")[2]}, version)
    scope = data.get("scope")
    return ExtensionShape(str(data["file"]), str(data["extendee"]), shape, None if scope is None else str(scope))
