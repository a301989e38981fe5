"""Generator configuration: what to read, which files to generate, where to write.

Everything IDL-specific lives in a TOML file (``protos/flyteidl.toml`` for
flyteidl); paths in it are relative to the file's own directory.

``[generate]`` picks the files to generate: every file under ``proto_root/``,
narrowed by ``include`` (when given, only files matching one of its globs) and
``exclude`` (never files matching one of its globs). A glob matches a whole
proto file name as imports spell it (``google/type/date.proto``): ``*`` and
``?`` stay within one directory, ``**/`` spans any number of them. A file
left out is still read: fields of its types are kept as protobuf messages
(or ints, for its enums), as for any type from outside the proto root.

``[generate.methods]`` adds names of your own for the conversion methods,
beside flytemodels' ``from_flyte_idl``/``to_flyte_idl`` (which stay):
``from_message = "from_pb"`` names the classmethod that copies a protobuf
message into a model (``Model.from_pb(pb) -> Model``), ``to_message = "to_pb"``
the method that returns the model's message (``model.to_pb() -> the pb2
class``). Each is optional. The names are bound once, in the tree's generated
base class (``<package>/_base.py``), to the runtime's own functions, so a call
costs what ``from_flyte_idl`` costs; a field of the same name gets a trailing
underscore in that tree, as a field named ``to_dict`` does everywhere.

``[comments]`` names where docstrings come from when the descriptors carry no
comments (an installed package's ``_pb2`` modules never do): the .proto files in
one release of an npm package, pinned by the registry's integrity hash
(``codegen.inputs.comments``).
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codegen.errors import GenerateError
from codegen.model import naming

#: The runtime generated models build on, unless ``[generate] runtime`` names another.
RUNTIME = "flytemodels._runtime"


@dataclass(frozen=True, slots=True)
class Source:
    """Exactly one of: an installed package of ``_pb2`` modules, a descriptor set, .proto files, a wheel.

    ``wheel`` is a path to a ``.whl`` or a pinned requirement (``flyteidl==1.10.7``)
    that is downloaded once into ``cache``.
    """

    python_package: str | None = None
    descriptor_set: Path | None = None
    proto_path: tuple[Path, ...] = ()
    proto_files: tuple[str, ...] = ()
    wheel: str | None = None
    cache: Path = Path(".cache/idl")


@dataclass(frozen=True, slots=True)
class Comments:
    """The .proto files whose comments become docstrings: one pinned release of an npm package.

    Only comments are taken from them, matched to the descriptors' elements by
    full name; the descriptors that shape the code stay the ``[source]``'s.
    """

    package: str  # the npm name, "@scope/name"
    version: str  # an exact release
    integrity: str  # the registry's Subresource Integrity hash of the tarball, "sha512-<base64>"
    proto_path: str  # the include directory inside the tarball, e.g. "package/protos"
    cache: Path  # where the tarball is kept once fetched

    @property
    def label(self) -> str:
        """How generated headers and reports name the source: ``@scope/name 1.2.3 (npm)``."""
        return f"{self.package} {self.version} (npm)"


@dataclass(frozen=True, slots=True)
class Methods:
    """``[generate.methods]``: the tree's own names for the runtime's conversion methods; "" keeps none."""

    from_message: str = ""  # a classmethod, the same function as from_flyte_idl
    to_message: str = ""  # a method, the same function as to_flyte_idl

    @property
    def names(self) -> frozenset[str]:
        """The configured names: members of every model of the tree, so no field may take them."""
        return frozenset(name for name in (self.from_message, self.to_message) if name)


@dataclass(frozen=True, slots=True)
class Config:
    source: Source
    proto_root: str  # files under "<proto_root>/" are generated
    package: str  # ...as modules under this Python package
    output: Path
    runtime: str = RUNTIME
    overrides_dir: Path | None = None
    overrides_package: str | None = None
    # Helpers in src/ called as helper(model, "field", ...) or helper(model, {"field": ...}) (override check)
    field_helpers: tuple[str, ...] = ()
    oneof_helpers: tuple[str, ...] = ()  # ...and as helper(model, "oneof")
    line_length: int = 100
    compat_table: Path | None = None  # a compatibility family: generated from this table, not one module per file
    compat_label: str = ""  # the table as generated headers name it, the same on every machine
    python_versions: tuple[str, ...] = field(default=("py311",))
    include: tuple[str, ...] = ()  # globs over proto file names; empty: every file under the proto root
    exclude: tuple[str, ...] = ()
    comments: Comments | None = None  # where docstrings come from, when not from the descriptors
    methods: Methods = Methods()  # names the tree adds for from_flyte_idl/to_flyte_idl

    def generates(self, proto_file: str) -> bool:
        """Whether ``proto_file`` gets a module: under the proto root, included and not excluded."""
        if not proto_file.startswith(self.proto_root + "/"):
            return False
        if self.include and not any(_glob(pattern).fullmatch(proto_file) for pattern in self.include):
            return False
        return not any(_glob(pattern).fullmatch(proto_file) for pattern in self.exclude)


_GLOB_TOKENS = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}


@functools.cache
def _glob(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression; characters other than ``*`` and ``?`` match themselves."""
    pieces = re.split(r"(\*\*/|\*\*|\*|\?)", pattern)
    return re.compile("".join(_GLOB_TOKENS.get(piece) or re.escape(piece) for piece in pieces))


def load_config(path: Path) -> Config:
    """Read a TOML configuration; a missing key is a one-line error naming the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise GenerateError(f"{path}: cannot read configuration: {error}") from None
    base = path.parent
    try:
        return _parse(data, base)
    except KeyError as error:
        raise GenerateError(f"{path}: missing key {error}") from None
    except GenerateError as error:
        raise GenerateError(f"{path}: {error}") from None


def _parse(data: dict[str, Any], base: Path) -> Config:
    source, generate = data["source"], data["generate"]
    overrides = data.get("overrides", {})
    runtime = generate.get("runtime", RUNTIME)
    return Config(
        source=Source(
            python_package=source.get("python_package"),
            descriptor_set=_path(base, source.get("descriptor_set")),
            proto_path=tuple(Path(os.path.normpath(base / p)) for p in source.get("proto_path", [])),
            proto_files=tuple(source.get("proto_files", [])),
            wheel=source.get("wheel"),
            cache=_path(base, source.get("cache")) or Path(".cache/idl"),
        ),
        proto_root=generate["proto_root"] if "compat" not in data else generate.get("proto_root", ""),
        package=generate["package"],
        output=Path(os.path.normpath(base / generate["output"])),
        runtime=runtime,
        line_length=generate.get("line_length", 100),
        overrides_dir=_path(base, overrides.get("directory")),
        overrides_package=overrides.get("package"),
        field_helpers=tuple(overrides.get("field_helpers", ())),
        oneof_helpers=tuple(overrides.get("oneof_helpers", ())),
        compat_table=_path(base, data.get("compat", {}).get("table")),
        compat_label=f"{base.name}/{data['compat']['table']}" if "compat" in data else "",
        include=_strings(generate, "include", "generate"),
        exclude=_strings(generate, "exclude", "generate"),
        comments=_comments(data["comments"], base) if "comments" in data else None,
        methods=_methods(generate.get("methods", {}), runtime),
    )


def _methods(table: dict[str, Any], runtime: str) -> Methods:
    """``[generate.methods]``: ``from_message``/``to_message``, each a name ``naming`` accepts for ``runtime``."""
    if not isinstance(table, dict):
        raise GenerateError("[generate] methods must be a table: [generate.methods]")
    unknown = sorted(set(table) - set(naming.METHOD_KEYS))
    if unknown:
        raise GenerateError(f"[generate.methods] {unknown[0]}: unknown key (known: {', '.join(naming.METHOD_KEYS)})")
    for key, name in table.items():
        if not isinstance(name, str):
            raise GenerateError(f"[generate.methods] {key} must be a string, got {name!r}")
        naming.check_method_name(name, key, runtime)
    if len(set(table.values())) < len(table):
        raise GenerateError("[generate.methods] from_message and to_message must differ")
    return Methods(**table)


_EXACT_VERSION = re.compile(r"\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?")


def _comments(table: dict[str, Any], base: Path) -> Comments:
    """``[comments]``: ``npm = "@scope/name@1.2.3"``, its ``integrity``, ``proto_path`` and ``cache``."""
    package, _, version = str(table["npm"]).rpartition("@")
    if not package or not _EXACT_VERSION.fullmatch(version):
        raise GenerateError(f'[comments] npm = {table["npm"]!r}: give one exact release, e.g. "@scope/name@1.2.3"')
    integrity = str(table["integrity"])
    if not integrity.startswith(("sha512-", "sha1-")):
        raise GenerateError(f"[comments] integrity = {integrity!r}: give the registry's dist.integrity (sha512-...)")
    cache = _path(base, table.get("cache")) or Path(".cache/npm")
    return Comments(package, version, integrity, str(table["proto_path"]).strip("/"), cache)


def _strings(table: dict[str, Any], key: str, section: str) -> tuple[str, ...]:
    """An optional list of strings; anything else is a configuration error naming the key."""
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise GenerateError(f"[{section}] {key} must be a list of strings, got {value!r}")
    return tuple(value)


def _path(base: Path, value: str | None) -> Path | None:
    """``value`` relative to the configuration's directory, ``..`` folded away for readable messages."""
    return None if value is None else Path(os.path.normpath(base / value))
