"""A table of every message and enum in the input, by fully qualified proto name."""

from __future__ import annotations

from dataclasses import dataclass

from google.protobuf.descriptor_pb2 import DescriptorProto, EnumDescriptorProto, FileDescriptorProto


@dataclass(frozen=True, slots=True)
class Symbol:
    """Where a proto type is declared: its file and its name within the file's package."""

    file: str
    qualname: str
    is_enum: bool
    map_entry: DescriptorProto | None  # the entry message when this is a map's entry type


def index(files: list[FileDescriptorProto]) -> dict[str, Symbol]:
    """``.pkg.Outer.Inner`` → Symbol, for every message and enum in ``files``."""
    table: dict[str, Symbol] = {}
    for file in files:
        prefix = "." + file.package if file.package else ""
        for message in file.message_type:
            _add_message(table, file.name, prefix, "", message)
        for enum in file.enum_type:
            _add_enum(table, file.name, prefix, "", enum)
    return table


def _add_message(table: dict[str, Symbol], file: str, prefix: str, outer: str, message: DescriptorProto) -> None:
    qualname = f"{outer}.{message.name}" if outer else message.name
    entry = message if message.options.map_entry else None
    table[f"{prefix}.{qualname}"] = Symbol(file, qualname, is_enum=False, map_entry=entry)
    for nested in message.nested_type:
        _add_message(table, file, prefix, qualname, nested)
    for enum in message.enum_type:
        _add_enum(table, file, prefix, qualname, enum)


def _add_enum(table: dict[str, Symbol], file: str, prefix: str, outer: str, enum: EnumDescriptorProto) -> None:
    qualname = f"{outer}.{enum.name}" if outer else enum.name
    table[f"{prefix}.{qualname}"] = Symbol(file, qualname, is_enum=True, map_entry=None)
