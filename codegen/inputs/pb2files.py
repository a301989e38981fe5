"""Reading descriptors out of ``*_pb2.py`` files without importing them.

Two releases of one IDL cannot be imported into one process (same module
names, one descriptor pool), but every ``_pb2.py`` carries its serialized
``FileDescriptorProto`` as a bytes literal: the argument of ``AddSerializedFile``
(protobuf ≥ 3.20) or the ``serialized_pb=`` keyword (older releases, where it
may be spelled ``_b('...')``, a latin-1 str). Parsing the file finds it. This is
how ``codegen diff`` reads a released wheel.

A wheel holds its own files only; ``complete`` adds the files they import
(``google/protobuf/*.proto`` and the like) from the modules installed here.
"""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from google.protobuf.descriptor_pb2 import FileDescriptorProto
from google.protobuf.message import DecodeError

from codegen.errors import GenerateError
from codegen.model import naming


def from_wheel(wheel: Path) -> list[FileDescriptorProto]:
    """Every file descriptor in the ``_pb2.py`` modules of a wheel."""
    files: dict[str, FileDescriptorProto] = {}
    try:
        with zipfile.ZipFile(wheel) as archive:
            for name in sorted(archive.namelist()):
                if name.endswith("_pb2.py"):
                    source = archive.read(name).decode("utf-8")
                    for proto in _descriptors(source, f"{wheel.name}:{name}"):
                        files.setdefault(proto.name, proto)
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError) as error:
        raise GenerateError(f"{wheel}: cannot read the wheel: {error}") from None
    if not files:
        raise GenerateError(f"{wheel}: holds no _pb2.py modules")
    return list(files.values())


def complete(files: list[FileDescriptorProto]) -> list[FileDescriptorProto]:
    """``files`` plus every file they import that they do not hold, read from the installed ``_pb2`` modules.

    The imports (well-known types, ``google/api/annotations.proto``, validation
    rules) are not part of what is compared or generated, so the installed
    versions serve.
    """
    found = {file.name: file for file in files}
    missing = sorted({dependency for file in files for dependency in file.dependency} - found.keys())
    for name in missing:
        if name not in found:
            _add_installed(name, found)
    return list(found.values())


def _add_installed(name: str, found: dict[str, FileDescriptorProto]) -> None:
    module_name = naming.pb2_module(name)
    try:
        module = importlib.import_module(module_name)
    except Exception:  # a module can fail to import in many ways
        raise GenerateError(f"{name}: imported by the input, and no installed module {module_name} holds it") from None
    pending = [module.DESCRIPTOR]
    while pending:
        descriptor = pending.pop()
        if descriptor.name not in found:
            found[descriptor.name] = FileDescriptorProto.FromString(descriptor.serialized_pb)
            pending.extend(descriptor.dependencies)


def download(requirement: str, cache: Path) -> Path:
    """``pip download`` one pinned wheel (``flyteidl==1.13.0``) into ``cache``, once."""
    name, _, version = requirement.partition("==")
    if not version:
        raise GenerateError(f"{requirement}: give an exact version, e.g. {name}==1.13.0")
    found = _cached_wheel(cache, name, version)
    if found is None:
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as scratch:
            result = subprocess.run(
                [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                 "--disable-pip-version-check", "-d", scratch, requirement],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            if result.returncode != 0:
                last = (result.stderr.strip().splitlines() or ["pip failed"])[-1]
                raise GenerateError(f"{requirement}: cannot download: {last}")
            for wheel in Path(scratch).glob("*.whl"):
                wheel.replace(cache / wheel.name)
        found = _cached_wheel(cache, name, version)
    if found is None:
        raise GenerateError(f"{requirement}: pip gave no wheel")
    return found


def wheel_origin(wheel: Path) -> tuple[str, str]:
    """(distribution, version) from a wheel's file name: ``flyteidl-1.10.7-py3-none-any.whl``."""
    parts = wheel.name.split("-")
    if len(parts) < 5 or not wheel.name.endswith(".whl"):
        raise GenerateError(f"{wheel}: not a wheel file name (name-version-python-abi-platform.whl)")
    return parts[0], parts[1]


def _cached_wheel(cache: Path, name: str, version: str) -> Path | None:
    """A wheel of ``name`` ``version`` in ``cache`` (wheel names spell ``-``/``.`` as ``_``, any case)."""
    stem = re.sub(r"[-_.]+", "_", name).lower()
    if not cache.is_dir():
        return None
    matches = sorted(p for p in cache.glob("*.whl") if p.name.lower().startswith(f"{stem}-{version}-"))
    return matches[0] if matches else None


def _descriptors(source: str, where: str) -> Iterator[FileDescriptorProto]:
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise GenerateError(f"{where}:{error.lineno}: {error.msg}") from None
    for node in ast.walk(tree):
        data = _serialized_file(node)
        if data is not None:
            try:
                yield FileDescriptorProto.FromString(data)
            except DecodeError as error:
                raise GenerateError(f"{where}: the serialized descriptor does not parse ({error})") from None


def _serialized_file(node: ast.AST) -> bytes | None:
    if not isinstance(node, ast.Call):
        return None
    function = node.func
    if isinstance(function, ast.Attribute) and function.attr == "AddSerializedFile" and node.args:
        return _bytes(node.args[0])
    for keyword in node.keywords:
        if keyword.arg == "serialized_pb":
            return _bytes(keyword.value)
    return None


def _bytes(node: ast.expr) -> bytes | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, bytes):
        return node.value
    # protobuf 3.x: serialized_pb=_b('\n\x1c...'), where _b encodes the str as latin-1.
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_b" and len(node.args) == 1:
        argument = node.args[0]
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            return argument.value.encode("latin-1")
    return None
