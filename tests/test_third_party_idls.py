"""Real third-party IDLs from PyPI get models from a TOML file alone, and every message round-trips.

Each IDL's pinned wheel is downloaded once into ``.cache/idl`` (pip, as ``[source] wheel``
does) and unpacked beside it, where the test's processes import it; nothing is installed.
The generator runs as ``python -m codegen --config <toml>``, in a process of its own, on a
TOML file the test writes, into a temporary directory; the models are imported and every
message (nested ones included) of every generated file round-trips ``INSTANCES`` seeded,
filled instances: ``from_flyte_idl(pb).to_flyte_idl() == pb``, with equal deterministic bytes.

- **opentelemetry-proto** (proto3; ``py.typed`` and ``.pyi`` stubs): the README's "Another
  IDL" section as written: its TOML (``[generate.methods]`` ``from_pb``/``to_pb``), its
  commands, its example run and type-checked with ``mypy --strict``.
- **tensorflow-metadata** (proto2 ``schema.proto``, ``path.proto``, ``anomalies.proto``; no
  stubs): read from the wheel (``[source] wheel``).
- **googleapis-common-protos** (the release installed here, which the runtime imports):
  ``google.api``, ``google.rpc``, ``google.type`` and ``google.longrunning``, chosen with
  ``include``/``exclude`` globs.

Skipped only when the package index cannot be reached and a wheel is not cached yet.
The counts are printed at the end of the run.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import random
import re
import shlex
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from google.protobuf import descriptor_pb2
from google.protobuf.descriptor import Descriptor, FileDescriptor

from codegen.inputs import sources
from codegen.inputs.config import load_config
from codegen.model import naming
from tests import support
from tests.support import filler, readme

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".cache" / "idl"
#: Seeded instances per message.
INSTANCES = 10
#: How pip says it could not reach the index (as opposed to: the index has no such release).
UNREACHABLE = re.compile(
    r"NewConnectionError|Failed to establish a new connection|Temporary failure in name resolution|"
    r"Name or service not known|Network is unreachable|ConnectTimeoutError|ProxyError|Connection refused|"
    r"Max retries exceeded"
)
SECTION = readme.section("Another IDL")
PRINTED = re.compile(r"^print\(.*\)\s+#.*: (?P<shown>.+)$", re.M)


@dataclass(frozen=True)
class Idl:
    """One third-party IDL: its pinned wheel, its configuration, and what its models are expected to hold."""

    requirement: str  # name==version
    toml: str  # the whole configuration, as a user writes it ({cache} is the wheel cache)
    files: int | None = None  # how many modules it generates (None: not pinned, the installed release)
    messages: int | None = None
    enums: int | None = None

    @property
    def name(self) -> str:
        return self.requirement.partition("==")[0]


OTEL = Idl(
    re.search(r"pip install (opentelemetry-proto==\S+)", SECTION)[1],  # type: ignore[index]
    readme.blocks("toml", SECTION)[0],
    files=10,
    messages=60,
    enums=7,
)
TFMD = Idl(
    "tensorflow-metadata==1.21.0",
    """\
[source]
wheel = "tensorflow-metadata==1.21.0"  # proto2 and proto3 files, read from the wheel's _pb2 modules
cache = "{cache}"

[generate]
proto_root = "tensorflow_metadata"
package = "tfmdmodels"
output = "."
""",
    files=7,
    messages=147,
    enums=18,
)
_GAPI_VERSION = metadata.version("googleapis-common-protos")
GAPI = Idl(
    f"googleapis-common-protos=={_GAPI_VERSION}",
    f"""\
[source]
wheel = "googleapis-common-protos=={_GAPI_VERSION}"  # the release installed here, whose _pb2 modules run
cache = "{{cache}}"

[generate]
proto_root = "google"
include = ["google/api/**", "google/rpc/**", "google/type/**", "google/longrunning/**"]
exclude = ["google/rpc/context/**"]  # the request and audit contexts of Google's own services
package = "gapimodels"
output = "."
""",
)


def fetch(requirement: str) -> Path:
    """The unpacked wheel of ``requirement`` (downloaded once into the cache); skips only when PyPI is unreachable."""
    name, _, version = requirement.partition("==")
    stem = f"{re.sub(r'[-_.]+', '_', name).lower()}-{version}-"
    wheels = sorted(CACHE.glob(f"{stem}*.whl")) if CACHE.is_dir() else []
    if not wheels:
        CACHE.mkdir(parents=True, exist_ok=True)
        # One retry: pip names a connection failure only in the warning before a retry.
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"]
        command += ["--retries=1", "-d", str(CACHE), requirement]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        unreachable = UNREACHABLE.search(done.stderr)
        if done.returncode != 0 and unreachable is not None:
            pytest.skip(f"{requirement}: the package index cannot be reached ({unreachable[0]}) and no wheel is cached")
        assert done.returncode == 0, f"pip download {requirement}:\n{done.stderr}"
        wheels = sorted(CACHE.glob(f"{stem}*.whl"))
    site = CACHE / "site" / wheels[0].stem
    if not (site / ".unpacked").is_file():
        with zipfile.ZipFile(wheels[0]) as archive:
            archive.extractall(site)
        (site / ".unpacked").touch()
    return site


def run(command: list[str], cwd: Path, path: list[Path]) -> str:
    """Run ``command`` with ``path`` (and the repository, for ``-m codegen``) on PYTHONPATH; its output."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(map(str, [*path, REPO]))}
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{shlex.join(command)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def shell(line: str) -> list[str]:
    """A README command line as argv: ``python``/``mypy`` this interpreter's, the comment dropped."""
    argv = shlex.split(line, comments=True)
    return [sys.executable, "-m", "mypy", *argv[1:]] if argv[0] == "mypy" else [sys.executable, *argv[1:]]


@contextlib.contextmanager
def importable(*paths: Path) -> Iterator[None]:
    sys.path[:0] = [str(path) for path in paths]
    try:
        yield
    finally:
        for path in paths:
            sys.path.remove(str(path))


def generate(idl: Idl, where: Path, *site: Path) -> Path:
    """Write the IDL's TOML into ``where`` and run ``python -m codegen --config`` on it."""
    config = where / f"{idl.name}.toml"
    config.write_text(idl.toml.replace("{cache}", str(CACHE)), encoding="utf-8")
    run([sys.executable, "-m", "codegen", "--config", config.name], where, [*site])
    return config


def generated_files(config: Path) -> list[FileDescriptor]:
    """The descriptors of the files the configuration generates, as the runtime's pool holds them."""
    loaded = load_config(config)
    chosen = [file.name for file in sources.read(loaded.source) if loaded.generates(file.name)]
    return [importlib.import_module(naming.pb2_module(name)).DESCRIPTOR for name in chosen]


def model_of(descriptor: Descriptor, package: str, config: Path) -> Any:
    """The generated class at the message's public path (``<package>.<file module>.<Outer>.<Inner>``)."""
    loaded = load_config(config)
    found: Any = importlib.import_module(naming.module_name(descriptor.file.name, loaded.proto_root, package))
    for part in descriptor.full_name.removeprefix(descriptor.file.package + ".").split("."):
        found = getattr(found, part)
    return found


def messages_of(file: FileDescriptor) -> Iterator[Descriptor]:
    pending = list(file.message_types_by_name.values())
    while pending:
        descriptor = pending.pop(0)
        if not descriptor.GetOptions().map_entry:
            yield descriptor
            pending.extend(descriptor.nested_types)


def enum_count(file: FileDescriptor) -> int:
    return len(file.enum_types_by_name) + sum(len(m.enum_types) for m in messages_of(file))


def round_trip_all(idl: Idl, config: Path, methods: tuple[str, str] | None = None) -> None:
    """Round-trip every message of every generated file; check and report the counts."""
    importlib.import_module("flyteidl.core.literals_pb2")  # the filler packs small flyteidl messages into Any
    importlib.import_module("flyteidl.core.identifier_pb2")
    package = load_config(config).package
    files = generated_files(config)
    descriptors = [descriptor for file in files for descriptor in messages_of(file)]
    trips = 0
    for descriptor in descriptors:
        model = model_of(descriptor, package, config)
        for seed in range(INSTANCES):
            pb = filler.fill(descriptor, random.Random(f"{descriptor.full_name}/{seed}"))
            context = f"{descriptor.full_name} seed {seed}"
            back = model.from_flyte_idl(pb).to_flyte_idl()
            assert back == pb, context
            wire = pb.SerializeToString(deterministic=True)
            assert back.SerializeToString(deterministic=True) == wire, context
            if methods is not None:
                from_name, to_name = methods
                assert getattr(getattr(model, from_name)(pb), to_name)() == pb, context
            trips += 1
    enums = sum(enum_count(file) for file in files)
    support.reports.append(
        f"third-party IDL {idl.requirement}: {len(files)} files, {len(descriptors)} messages, {enums} enums "
        f"generated; {trips} round trips"
    )
    support.tally["third-party round trips"] += trips
    expected = (idl.files, idl.messages, idl.enums)
    assert expected == (None, None, None) or expected == (len(files), len(descriptors), enums)


def test_the_readme_walks_through_opentelemetry_as_written(tmp_path: Path) -> None:
    site = fetch(OTEL.requirement)
    (tmp_path / "otel.toml").write_text(OTEL.toml, encoding="utf-8")
    (example,) = readme.blocks("python", SECTION)
    (tmp_path / "use_otel.py").write_text(example, encoding="utf-8")
    commands = [line for block in readme.blocks("sh", SECTION) for line in block.splitlines()]
    assert commands[0] == f"pip install {OTEL.requirement}"  # what fetch() unpacked instead
    outputs = [run(shell(line), tmp_path, [site]) for line in commands[1:]]
    assert "10 modules from opentelemetry/proto/" in outputs[0]
    assert "mypy needs no overrides" in outputs[1]  # opentelemetry-proto ships py.typed and .pyi stubs
    for expected in PRINTED.finditer(example):
        assert expected["shown"] in outputs[2]
    with importable(site, tmp_path):
        round_trip_all(OTEL, tmp_path / "otel.toml", methods=("from_pb", "to_pb"))


def test_a_proto2_idl_from_its_wheel(tmp_path: Path) -> None:
    site = fetch(TFMD.requirement)
    config = generate(TFMD, tmp_path, site)
    typing = run([sys.executable, "-m", "codegen", "mypy-config", "--config", config.name], tmp_path, [site])
    assert 'module = ["tensorflow_metadata.*"]\nignore_missing_imports = true' in typing  # no stubs at all
    with importable(site, tmp_path):
        schema = importlib.import_module("tfmdmodels.proto.v0.schema")
        file = descriptor_pb2.FileDescriptorProto.FromString(schema.Feature._PB.DESCRIPTOR.file.serialized_pb)
        assert file.syntax in ("", "proto2")  # protoc leaves proto2's syntax unset
        round_trip_all(TFMD, config)


def test_googleapis_common_protos_chosen_by_globs(tmp_path: Path) -> None:
    fetch(GAPI.requirement)  # the wheel codegen reads; the runtime imports the installed release
    config = generate(GAPI, tmp_path)
    written = {path.parent.name for path in (tmp_path / "gapimodels").rglob("*.py")}
    assert {"api", "rpc", "type", "longrunning"} <= written and "context" not in written
    assert not (tmp_path / "gapimodels" / "cloud").exists()
    with importable(tmp_path):
        round_trip_all(GAPI, config)
