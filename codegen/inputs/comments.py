"""Docstrings from another source's comments, matched to the descriptors' elements by full name.

An installed package's ``_pb2`` modules carry no comments. ``[comments]`` names
one pinned release of the IDL's .proto files (``codegen.inputs.npm``); they are compiled
with protoc for their comments only, and each comment is copied, as
SourceCodeInfo, onto the element of the same kind and full name in the
descriptors the code is generated from (``codegen.model.load`` then reads it as it
reads any file's comments). Fields are matched by message and field name, enum
values by enum and value name, so a field moved to another number keeps its
comment. That release may trail the descriptors: an element it lacks gets no
comment, and ``Coverage`` lists it.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from google.protobuf.descriptor_pb2 import DescriptorProto, EnumDescriptorProto, FileDescriptorProto, SourceCodeInfo

from codegen.errors import GenerateError
from codegen.inputs import npm, sources
from codegen.inputs.config import Comments, Config

Key = tuple[str, str]  # (kind, full name): ("field", "pkg.Message.field")
SourcePath = tuple[int, ...]  # a SourceCodeInfo path
_Text = tuple[str, str]  # (leading, trailing) comment

# SourceCodeInfo paths count descriptor.proto's field numbers.
_FILE_MESSAGES = FileDescriptorProto.MESSAGE_TYPE_FIELD_NUMBER
_FILE_ENUMS = FileDescriptorProto.ENUM_TYPE_FIELD_NUMBER
_FIELDS = DescriptorProto.FIELD_FIELD_NUMBER
_NESTED = DescriptorProto.NESTED_TYPE_FIELD_NUMBER
_ENUMS = DescriptorProto.ENUM_TYPE_FIELD_NUMBER
_ONEOFS = DescriptorProto.ONEOF_DECL_FIELD_NUMBER
_VALUES = EnumDescriptorProto.VALUE_FIELD_NUMBER
KINDS = ("message", "field", "oneof", "enum", "enum value")


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many elements of the generated files got a comment from the source, and which it lacks."""

    source: str  # the source's label, ``@scope/name 1.2.3 (npm)``
    commented: dict[str, int]  # kind → elements with a comment
    uncommented: dict[str, int]  # kind → elements the source has, without a comment
    absent: tuple[str, ...]  # "<kind> <full name>" of each element the source does not have

    def summary(self) -> str:
        return (
            f"docstrings from {self.source}: {sum(self.commented.values())} elements commented, "
            f"{sum(self.uncommented.values())} without a comment there, {len(self.absent)} not in it"
        )

    def to_json(self) -> dict[str, Any]:
        counts = {"commented": self.commented, "uncommented": self.uncommented}
        return {"source": self.source, **counts, "absent": list(self.absent)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Coverage:
        counts = ("commented", "uncommented")
        commented, uncommented = ({str(k): int(v) for k, v in data[key].items()} for key in counts)
        return cls(str(data["source"]), commented, uncommented, tuple(str(e) for e in data["absent"]))


def apply(files: list[FileDescriptorProto], config: Config) -> tuple[list[FileDescriptorProto], Coverage | None]:
    """``files`` with the configured source's comments on the generated ones; unchanged without ``[comments]``."""
    if config.comments is None:
        return files, None
    donor = _donor_comments(config.comments, files, config)
    return graft(files, donor, config.comments.label, config)


def graft(
    files: list[FileDescriptorProto], donor: dict[Key, _Text], label: str, config: Config
) -> tuple[list[FileDescriptorProto], Coverage]:
    """Copies of ``files`` whose generated ones carry ``donor``'s comments (and only those) as SourceCodeInfo."""
    status: Counter[tuple[str, str]] = Counter()
    absent: list[str] = []
    grafted: list[FileDescriptorProto] = []
    for file in files:
        copy = FileDescriptorProto()
        copy.CopyFrom(file)
        if config.generates(file.name):
            copy.source_code_info.CopyFrom(_located(file, donor, status, absent))
        grafted.append(copy)
    commented, uncommented = ({kind: status[kind, state] for kind in KINDS} for state in ("commented", "uncommented"))
    return grafted, Coverage(label, commented, uncommented, tuple(absent))


def _located(
    file: FileDescriptorProto, donor: dict[Key, _Text], status: Counter[tuple[str, str]], absent: list[str]
) -> SourceCodeInfo:
    """SourceCodeInfo for ``file``: one location per element the donor comments; tallies every element."""
    info = SourceCodeInfo()
    for key, path in elements(file):
        text = donor.get(key)
        if text is None:
            absent.append(" ".join(key))
            continue
        commented = any(part.strip() for part in text)
        status[key[0], "commented" if commented else "uncommented"] += 1
        if commented:
            info.location.add(path=path, leading_comments=text[0], trailing_comments=text[1])
    return info


def comments_by_name(files: list[FileDescriptorProto]) -> dict[Key, _Text]:
    """Every element of ``files`` (commented or not) → its (leading, trailing) comment."""
    found: dict[Key, _Text] = {}
    for file in files:
        located = {tuple(at.path): (at.leading_comments, at.trailing_comments) for at in file.source_code_info.location}
        for key, path in elements(file):
            found[key] = located.get(path, ("", ""))
    return found


def elements(file: FileDescriptorProto) -> Iterator[tuple[Key, SourcePath]]:
    """Each message, field, oneof, enum and enum value of ``file`` (map entries excepted) with its path."""
    for i, message in enumerate(file.message_type):
        yield from _message(message, (_FILE_MESSAGES, i), file.package)
    for i, enum in enumerate(file.enum_type):
        yield from _enum(enum, (_FILE_ENUMS, i), file.package)


def _message(message: DescriptorProto, path: SourcePath, scope: str) -> Iterator[tuple[Key, SourcePath]]:
    if message.options.map_entry:  # generated by protoc for a map field; no docstring of its own
        return
    full = f"{scope}.{message.name}" if scope else message.name
    yield ("message", full), path
    for i, field in enumerate(message.field):
        yield ("field", f"{full}.{field.name}"), (*path, _FIELDS, i)
    for i, oneof in enumerate(message.oneof_decl):
        yield ("oneof", f"{full}.{oneof.name}"), (*path, _ONEOFS, i)
    for i, nested in enumerate(message.nested_type):
        yield from _message(nested, (*path, _NESTED, i), full)
    for i, enum in enumerate(message.enum_type):
        yield from _enum(enum, (*path, _ENUMS, i), full)


def _enum(enum: EnumDescriptorProto, path: SourcePath, scope: str) -> Iterator[tuple[Key, SourcePath]]:
    full = f"{scope}.{enum.name}" if scope else enum.name
    yield ("enum", full), path
    for i, value in enumerate(enum.value):
        yield ("enum value", f"{full}.{value.name}"), (*path, _VALUES, i)


def _donor_comments(pinned: Comments, files: list[FileDescriptorProto], config: Config) -> dict[Key, _Text]:
    """The comments of the pinned release's files that the configuration generates, by element."""
    archive = npm.tarball(pinned)
    with tempfile.TemporaryDirectory() as scratch:
        names = [n for n in npm.extract_protos(archive, pinned.proto_path, Path(scratch)) if config.generates(n)]
        if not names:
            raise GenerateError(f"{pinned.label}: no .proto file under {pinned.proto_path}/ that the run generates")
        try:  # its imports from outside the release (well-known types, annotations) come from the input
            compiled = sources.from_proto_files((Path(scratch),), tuple(names), fallback=tuple(files))
        except GenerateError as error:
            raise GenerateError(f"{pinned.label}: cannot compile its .proto files: {error}") from None
    chosen = set(names)
    return comments_by_name([file for file in compiled if file.name in chosen])
