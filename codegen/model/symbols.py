"""A table of every message and enum in the input, by fully qualified proto name."""

from __future__ import annotations

from dataclasses import dataclass

from google.protobuf.descriptor_pb2 import DescriptorProto, EnumDescriptorProto, FeatureSet, FileDescriptorProto


@dataclass(frozen=True, slots=True)
class Symbol:
    """Where a proto type is declared: its file and its name within the file's package."""

    file: str
    qualname: str
    is_enum: bool
    map_entry: DescriptorProto | None  # the entry message when this is a map's entry type
    closed_numbers: tuple[int, ...] = ()  # a closed enum's declared numbers, sorted: all a field of it may hold


def index(files: list[FileDescriptorProto]) -> dict[str, Symbol]:
    """``.pkg.Outer.Inner`` → Symbol, for every message and enum in ``files``."""
    table: dict[str, Symbol] = {}
    for file in files:
        prefix = "." + file.package if file.package else ""
        for message in file.message_type:
            _add_message(table, file, prefix, "", message)
        for enum in file.enum_type:
            _add_enum(table, file, prefix, "", enum)
    return table


def _add_message(
    table: dict[str, Symbol], file: FileDescriptorProto, prefix: str, outer: str, message: DescriptorProto
) -> None:
    qualname = f"{outer}.{message.name}" if outer else message.name
    entry = message if message.options.map_entry else None
    table[f"{prefix}.{qualname}"] = Symbol(file.name, qualname, is_enum=False, map_entry=entry)
    for nested in message.nested_type:
        _add_message(table, file, prefix, qualname, nested)
    for enum in message.enum_type:
        _add_enum(table, file, prefix, qualname, enum)


def _add_enum(
    table: dict[str, Symbol], file: FileDescriptorProto, prefix: str, outer: str, enum: EnumDescriptorProto
) -> None:
    qualname = f"{outer}.{enum.name}" if outer else enum.name
    numbers = tuple(sorted({value.number for value in enum.value})) if _is_closed(enum, file) else ()
    table[f"{prefix}.{qualname}"] = Symbol(file.name, qualname, is_enum=True, map_entry=None, closed_numbers=numbers)


def _is_closed(enum: EnumDescriptorProto, file: FileDescriptorProto) -> bool:
    """Whether the enum is closed (a field of it holds declared values only), as protobuf decides it.

    proto2: closed; proto3: open; editions: the ``enum_type`` feature of the enum,
    else of the file (a message cannot set it), else the edition's default, open.
    """
    if file.syntax != "editions":
        return file.syntax in ("", "proto2")
    for options in (enum.options, file.options):
        if options.features.HasField("enum_type"):
            return options.features.enum_type == FeatureSet.CLOSED
    return False  # editions 2023 and 2024 default to open enums
