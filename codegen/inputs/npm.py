"""One pinned release of an npm package: fetched once into the cache, checked against its integrity hash.

The tarball is found as npm finds it: the registry's document for the release
names its URL (``dist.tarball``). The registry is ``$npm_config_registry`` when
set (npm's own setting, for a mirror), else the public one. Whatever the
registry, the bytes kept are the ones the configuration pins, so every machine
generates from the same input; a tarball that does not match is never used.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tarfile
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path, PurePosixPath
from typing import Any

from codegen.errors import GenerateError
from codegen.inputs.config import Comments

PUBLIC_REGISTRY = "https://registry.npmjs.org"
_TIMEOUT = 60  # seconds per request
_UNREACHABLE = (
    "docstrings come from this release, and generating without it would give other bytes, so it stops here: "
    "reach the registry (or a mirror, as $npm_config_registry), or put the release's tarball at {path}"
)


def tarball(pinned: Comments) -> Path:
    """The release's tarball in the cache, fetched first when missing or not the pinned bytes."""
    path = pinned.cache / _file_name(pinned)
    if path.is_file() and _matches(path.read_bytes(), pinned.integrity):
        return path
    try:
        data = _fetch(pinned)
    except GenerateError as error:
        raise GenerateError(f"{_spec(pinned)}: {error}; {_UNREACHABLE.format(path=path)}") from None
    if not _matches(data, pinned.integrity):
        raise GenerateError(f"{_spec(pinned)}: the tarball fetched is not the pinned one ({pinned.integrity})")
    pinned.cache.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=pinned.cache, delete=False) as partial:  # whole or absent
        partial.write(data)
    Path(partial.name).chmod(0o644)  # as any downloaded file, not a temporary file's owner-only mode
    Path(partial.name).replace(path)
    return path


def extract_protos(archive: Path, include: str, into: Path) -> list[str]:
    """Write the ``.proto`` files under ``include/`` in the tarball into ``into``; their names, sorted.

    Names are as imports spell them (``include/a/b.proto`` is ``a/b.proto``);
    anything else in the tarball, and any name that would climb out of ``into``, is skipped.
    """
    names: list[str] = []
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar:
            relative = _proto_name(member, include)
            source = tar.extractfile(member) if relative else None
            if relative and source is not None:
                (into / relative).parent.mkdir(parents=True, exist_ok=True)
                (into / relative).write_bytes(source.read())
                names.append(relative)
    return sorted(names)


def _proto_name(member: tarfile.TarInfo, include: str) -> str:
    path = PurePosixPath(member.name)
    if not member.isfile() or path.suffix != ".proto" or ".." in path.parts or path.is_absolute():
        return ""
    prefix = PurePosixPath(include)
    return path.relative_to(prefix).as_posix() if path.is_relative_to(prefix) else ""


def _fetch(pinned: Comments) -> bytes:
    registry = _registry()
    url = f"{registry.rstrip('/')}/{urllib.parse.quote(pinned.package, safe='@')}/{pinned.version}"
    try:
        document = json.loads(_get(url))
    except ValueError:
        raise GenerateError(f"{url}: not a registry document (JSON)") from None
    published = _dist(document).get("integrity")
    if published is not None and published != pinned.integrity:
        raise GenerateError(f"{_spec(pinned)}: the registry's integrity is {published}, the pin is {pinned.integrity}")
    return _get(str(_dist(document)["tarball"]))


def _registry() -> str:
    """npm's own setting when given (its environment names are case-insensitive), else the public registry."""
    chosen = [value for name, value in sorted(os.environ.items()) if name.lower() == "npm_config_registry" and value]
    return chosen[0] if chosen else PUBLIC_REGISTRY


def _dist(document: Any) -> dict[str, Any]:
    dist = document.get("dist") if isinstance(document, dict) else None
    if not isinstance(dist, dict) or "tarball" not in dist:
        raise GenerateError("the registry's document for the release names no tarball")
    return dist


def _get(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=_TIMEOUT) as response:
            data: bytes = response.read()
            return data
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise GenerateError(f"cannot fetch {url}: {reason}") from None


def _matches(data: bytes, integrity: str) -> bool:
    """Subresource Integrity as npm writes it: ``<algorithm>-<base64 digest>``."""
    algorithm, _, expected = integrity.partition("-")
    return base64.b64encode(hashlib.new(algorithm, data).digest()).decode("ascii") == expected


def _file_name(pinned: Comments) -> str:
    """``@scope/name`` 1.2.3 → ``scope-name-1.2.3.tgz``."""
    return f"{pinned.package.lstrip('@').replace('/', '-')}-{pinned.version}.tgz"


def _spec(pinned: Comments) -> str:
    return f"{pinned.package}@{pinned.version}"
