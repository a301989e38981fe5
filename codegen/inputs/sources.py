"""Reading descriptors: from installed ``_pb2`` modules, a descriptor set, or .proto files.

Each reader returns every ``FileDescriptorProto`` needed (the generated files and
their imports), sorted by file name, or raises ``GenerateError`` naming the input.
"""

from __future__ import annotations

import importlib
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from types import ModuleType

from google.protobuf import descriptor_pb2
from google.protobuf.descriptor import FileDescriptor
from google.protobuf.message import DecodeError

from codegen.errors import GenerateError
from codegen.inputs import pb2files
from codegen.inputs.config import Source

FileProto = descriptor_pb2.FileDescriptorProto


def read(source: Source) -> list[FileProto]:
    if source.python_package:
        files = from_python_package(source.python_package)
    elif source.descriptor_set:
        files = from_descriptor_set(source.descriptor_set)
    elif source.proto_files:
        files = from_proto_files(source.proto_path, source.proto_files)
    elif source.wheel:
        files = pb2files.complete(pb2files.from_wheel(wheel_path(source.wheel, source.cache)))
    else:
        raise GenerateError("configuration: [source] names no python_package, descriptor_set, proto_files or wheel")
    _check_imports(files)
    return sorted(files, key=lambda file: file.name)


def wheel_path(wheel: str, cache: Path) -> Path:
    """A wheel file: ``wheel`` itself, or the pinned requirement it names, downloaded into ``cache``."""
    return pb2files.download(wheel, cache) if "==" in wheel else Path(wheel)


@dataclass(frozen=True, slots=True)
class Origin:
    """Which release the descriptors came from, when the source says (installed package or wheel)."""

    distribution: str | None = None
    version: str | None = None

    def label(self, fallback: str) -> str:
        if self.distribution is None:
            return fallback
        return f"{self.distribution} {self.version}" if self.version else self.distribution


def origin(source: Source) -> Origin:
    """The distribution and version the source reads; unknown for descriptor sets and .proto files."""
    if source.python_package:
        return installed_origin(source.python_package)
    if source.wheel:
        return Origin(*pb2files.wheel_origin(wheel_path(source.wheel, source.cache)))
    return Origin()


def installed_origin(package: str) -> Origin:
    """The installed distribution that provides the import package ``package``, and its version."""
    top = package.split(".")[0]
    candidates = metadata.packages_distributions().get(top, [])
    wanted = re.sub(r"[-_.]+", "-", top).lower()
    chosen = next((d for d in candidates if re.sub(r"[-_.]+", "-", d).lower() == wanted), None)
    chosen = chosen or _holder(package, candidates) or (candidates[0] if candidates else None)
    if chosen is None:
        return Origin()
    try:
        return Origin(chosen, metadata.version(chosen))
    except metadata.PackageNotFoundError:
        return Origin(chosen)


def _holder(package: str, candidates: list[str]) -> str | None:
    """The distribution holding ``package``'s files, when several share its top level (``google``)."""
    prefix = package.replace(".", "/") + "/"
    for candidate in candidates:
        if any(str(path).startswith(prefix) for path in metadata.files(candidate) or ()):
            return candidate
    return None


def from_python_package(package: str) -> list[FileProto]:
    """Every file of the package's ``*_pb2`` modules, plus what they import.

    The package may be a namespace package (``google.type``, no ``__init__.py``):
    every directory of it is searched.
    """
    found: dict[str, FileProto] = {}
    for directory in _directories(_import(package), package):
        for path in sorted(directory.rglob("*_pb2.py")):
            relative = path.relative_to(directory).with_suffix("")
            module = _import(".".join((package, *relative.parts)))
            _collect(module.DESCRIPTOR, found)
    return list(found.values())


def _directories(root: ModuleType, package: str) -> list[Path]:
    """Where a package's modules are (a namespace package has no ``__file__``, and maybe several)."""
    paths = getattr(root, "__path__", None)
    if paths is None:
        raise GenerateError(f"{package}: a module, not a package of _pb2 modules")
    return sorted({Path(path) for path in paths})


def _import(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except Exception as error:  # an IDL package can fail to import in many ways
        raise GenerateError(f"{name}: cannot import: {error}") from None


def _collect(file_descriptor: FileDescriptor, found: dict[str, FileProto]) -> None:
    if file_descriptor.name in found:
        return
    found[file_descriptor.name] = FileProto.FromString(file_descriptor.serialized_pb)
    for dependency in file_descriptor.dependencies:
        _collect(dependency, found)


def from_descriptor_set(path: Path) -> list[FileProto]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GenerateError(f"{path}: cannot read descriptor set: {error.strerror}") from None
    try:
        descriptor_set = descriptor_pb2.FileDescriptorSet.FromString(data)
    except DecodeError as error:
        raise GenerateError(f"{path}: not a FileDescriptorSet ({error})") from None
    if not descriptor_set.file and data:
        raise GenerateError(f"{path}: not a FileDescriptorSet (no files in it)")
    return list(descriptor_set.file)


def from_proto_files(
    proto_path: tuple[Path, ...], files: tuple[str, ...], fallback: tuple[FileProto, ...] = ()
) -> list[FileProto]:
    """Compile .proto sources in-process with grpc_tools' protoc, keeping comments.

    An import that no include directory holds is taken from ``fallback``,
    descriptors already compiled (protoc's ``--descriptor_set_in``).
    """
    from grpc_tools import protoc

    well_known = Path(protoc.__file__).parent / "_proto"
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "set.pb"
        known = Path(scratch) / "fallback.pb"
        known.write_bytes(descriptor_pb2.FileDescriptorSet(file=fallback).SerializeToString())
        arguments = [
            "protoc",
            *(f"-I{p}" for p in (*proto_path, well_known)),
            f"--descriptor_set_in={known}",
            f"--descriptor_set_out={out}",
            "--include_source_info",
            "--include_imports",
            *files,
        ]
        status, errors = _run_capturing_stderr(protoc.main, arguments)
        if status != 0:
            raise GenerateError(_first_error(errors))
        return from_descriptor_set(out)


_LOCATED = re.compile(r"^\S.*:\d+:\d+: ")


def _first_error(errors: str) -> str:
    """protoc's most useful line: the first error that names a file and line, else the first error.

    A missing import is reported first as ``x.proto: File not found.``; the line
    after it names the importing file, the line and the import. Warnings may
    come before the error that made protoc fail.
    """
    lines = [line for line in errors.splitlines() if line.strip()]
    errors_only = [line for line in lines if ": warning: " not in line]
    located = [line for line in errors_only if _LOCATED.match(line)]
    return (located or errors_only or lines or ["protoc failed"])[0]


def _run_capturing_stderr(function: Callable[[list[str]], int], arguments: list[str]) -> tuple[int, str]:
    """protoc writes errors to file descriptor 2 from C++; catch them there."""
    with tempfile.TemporaryFile(mode="w+") as capture:
        saved = os.dup(2)
        os.dup2(capture.fileno(), 2)
        try:
            status = function(arguments)
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        capture.seek(0)
        return status, capture.read()


def _check_imports(files: list[FileProto]) -> None:
    names = {file.name for file in files}
    for file in files:
        for dependency in file.dependency:
            if dependency not in names:
                raise GenerateError(f"{file.name}: imports {dependency}, which the input does not contain")
