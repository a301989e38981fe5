"""The IDL inputs ``codegen diff`` and the override check compare, named on the command line.

An input is one of:

- ``installed``: what the configuration's ``[source]`` reads (the installed package);
- ``generated``: the record of the last generation (``<output>/<package>.idl.json``);
- ``name==version``: that release's wheel, downloaded once into the cache;
- a path to a ``.whl``, to a recorded ``.json``, or to a ``FileDescriptorSet`` file.
"""

from __future__ import annotations

from pathlib import Path

from google.protobuf.descriptor_pb2 import FileDescriptorProto

from codegen.errors import GenerateError
from codegen.inputs import pb2files, sources
from codegen.inputs.config import Config
from codegen.upgrade import state
from codegen.upgrade.surface import Surface, surface

USAGE = "installed, generated, name==version, or a path to a .whl, an .idl.json record or a descriptor set"


def resolve(spec: str, config: Config, cache: Path) -> tuple[str, Surface]:
    """A label for the report (``flyteidl 1.10.7``) and the surface of ``spec``'s files under the proto root."""
    label, found = _resolve(spec, config, cache)
    if not found.files:
        raise GenerateError(f"{spec}: holds no .proto file under {config.proto_root}/")
    return label, found


def _resolve(spec: str, config: Config, cache: Path) -> tuple[str, Surface]:
    if spec == "installed":
        files = sources.read(config.source)
        return sources.origin(config.source).label("installed"), _surface(files, config)
    if spec == "generated":
        recorded = state.read(config)
        if recorded is None:
            raise GenerateError(f"{config.output / state.path(config)}: no record of a generation; run the generator")
        return f"{recorded.label()} (generated)", recorded.surface
    if "==" in spec:
        wheel = pb2files.download(spec, cache)
        return _wheel(wheel, config)
    path = Path(spec)
    if not path.is_file():
        raise GenerateError(f"{spec}: no such file; an IDL input is {USAGE}")
    if path.suffix == ".whl":
        return _wheel(path, config)
    if path.suffix == ".json":
        recorded = state.loads(_read_text(path), spec)
        return recorded.label(), recorded.surface
    return path.name, _surface(sources.from_descriptor_set(path), config)


def _wheel(wheel: Path, config: Config) -> tuple[str, Surface]:
    distribution, version = pb2files.wheel_origin(wheel)
    return f"{distribution} {version}", _surface(pb2files.from_wheel(wheel), config)


def _surface(files: list[FileDescriptorProto], config: Config) -> Surface:
    """The surface of the files the configuration generates, as the generation records it."""
    return surface([file for file in files if config.generates(file.name)], config.proto_root)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GenerateError(f"{path}: cannot read: {error}") from None
