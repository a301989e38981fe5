"""How protobuf writes a field: a message delimited or length-prefixed, a repeated scalar packed or expanded.

The descriptors protoc writes keep the source's spelling: a proto2 group is a
``TYPE_GROUP`` field, but an editions field with ``features.message_encoding =
DELIMITED`` is a ``TYPE_MESSAGE`` one whose feature says so (protobuf resolves it
to ``TYPE_GROUP`` only when it loads the file). Each function here resolves the
fact as protobuf does, from the syntax, the field's options and the edition's
features: a field's feature, else the file's, else the edition's default (a
message or oneof cannot set these two features; protoc refuses them there).

A change of message encoding breaks the wire (group tags and a length prefix
are different wire types: a reader of one keeps the other as an unknown field).
A change of packing does not: every parser reads a packable field both ways.
"""

from __future__ import annotations

from google.protobuf.descriptor_pb2 import FeatureSet, FieldDescriptorProto, FileDescriptorProto

_T = FieldDescriptorProto

DELIMITED = "delimited"
LENGTH_PREFIXED = "length-prefixed"
PACKED = "packed"
EXPANDED = "expanded"
#: What a record may say (None: the field has no choice of encoding).
WORDS = frozenset({DELIMITED, LENGTH_PREFIXED, PACKED, EXPANDED, None})

#: Types a repeated field can pack: every scalar but string and bytes, and enums.
_UNPACKABLE = frozenset({_T.TYPE_STRING, _T.TYPE_BYTES, _T.TYPE_MESSAGE, _T.TYPE_GROUP})


def encoding(f: FieldDescriptorProto, file: FileDescriptorProto) -> str | None:
    """``delimited``/``length-prefixed`` for a message field, ``packed``/``expanded`` for a repeated scalar.

    None for any other field. A map is not asked: its entries are always length-prefixed.
    """
    if f.type in (_T.TYPE_MESSAGE, _T.TYPE_GROUP):
        return DELIMITED if _delimited(f, file) else LENGTH_PREFIXED
    if f.label == _T.LABEL_REPEATED and f.type not in _UNPACKABLE:
        return PACKED if _packed(f, file) else EXPANDED
    return None


def default(wire: str, label: str) -> str | None:
    """The encoding a field has unless its record says otherwise (what a record of format 2 leaves out).

    A group is delimited, any other message field length-prefixed, and a
    repeated scalar packed (proto3's and the editions' default; a proto2 field
    that is not ``[packed = true]`` records ``expanded``).
    """
    if label == "map":
        return None
    if wire == "group":
        return DELIMITED
    if wire == "message":
        return LENGTH_PREFIXED
    if label == "repeated" and wire not in ("string", "bytes"):
        return PACKED
    return None


def _delimited(f: FieldDescriptorProto, file: FileDescriptorProto) -> bool:
    if f.type == _T.TYPE_GROUP:
        return True
    if file.syntax != "editions":
        return False
    for options in (f.options, file.options):
        if options.features.HasField("message_encoding"):
            return options.features.message_encoding == FeatureSet.DELIMITED
    return False  # editions 2023 and 2024 default to LENGTH_PREFIXED


def _packed(f: FieldDescriptorProto, file: FileDescriptorProto) -> bool:
    if file.syntax in ("", "proto2"):
        return f.options.packed
    if file.syntax == "proto3":
        return f.options.packed if f.options.HasField("packed") else True
    for options in (f.options, file.options):
        if options.features.HasField("repeated_field_encoding"):
            return options.features.repeated_field_encoding == FeatureSet.PACKED
    return True  # editions 2023 and 2024 default to PACKED
