"""pyproject.toml's metadata: the version policy ("Versions" in README.md) and extras pip can install."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import InvalidVersion, Version

import flytemodels

ROOT = Path(__file__).parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _generated_from(record: str) -> Version:
    """The IDL release a generated tree records it was generated from (generated/<package>.idl.json)."""
    return Version(json.loads((ROOT / "generated" / record).read_text(encoding="utf-8"))["version"])


def _requirements(group: str | None = None) -> dict[str, Requirement]:
    lines = PROJECT["dependencies"] if group is None else PROJECT["optional-dependencies"][group]
    return {requirement.name: requirement for requirement in map(Requirement, lines)}


def _minor_series(release: Version) -> str:
    """The range of an IDL's minor series from ``release`` on: >=X.Y.Z,<X.(Y+1)."""
    return f"<{release.major}.{release.minor + 1},>={release}"


def test_version_is_the_idl_release_and_a_counter() -> None:
    version = Version(flytemodels.__version__)
    assert len(version.release) == 4, "X.Y.Z.N"
    assert Version(".".join(map(str, version.release[:3]))) == _generated_from("flytemodels.idl.json")


def test_the_idls_are_required_within_the_minor_series_generated_from() -> None:
    flyteidl, flyteidl2 = _generated_from("flytemodels.idl.json"), _generated_from("flytemodels.v2.idl.json")
    assert str(_requirements()["flyteidl"].specifier) == _minor_series(flyteidl)
    assert str(_requirements("flyteidl2")["flyteidl2"].specifier) == _minor_series(flyteidl2)
    codegen = _requirements("codegen")  # make generate installs exactly what generated/ was made from
    assert str(codegen["flyteidl"].specifier) == f"=={flyteidl}"
    assert str(codegen["flyteidl2"].specifier) == f"=={flyteidl2}"


def test_runtime_requirements_are_ranges_that_hold_the_development_pins() -> None:
    runtime = {**_requirements(), **_requirements("flyteidl2")}
    assert set(runtime) == {"flyteidl", "protobuf", "flyteidl2", "protovalidate"}
    for requirement in runtime.values():
        assert not any(spec.operator == "==" for spec in requirement.specifier), requirement
    for name, pinned in _requirements("codegen").items():
        if name in runtime:
            (pin,) = pinned.specifier
            assert runtime[name].specifier.contains(pin.version), (name, pin.version)


def test_changelog_has_a_section_for_this_version_or_unreleased() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\]", changelog, flags=re.MULTILINE)
    assert headings and headings[0] in ("Unreleased", flytemodels.__version__), headings[:1]


def test_no_extra_is_named_like_a_version() -> None:
    # pip 24.1 to 25.3 evaluate `extra == "v2"` as a version comparison and crash installing the wheel, with or
    # without the extra (pypa/pip#13349); hence `flytemodels[flyteidl2]`, not `flytemodels[v2]`.
    for extra in PROJECT["optional-dependencies"]:
        try:
            Version(extra)
        except InvalidVersion:
            continue
        raise AssertionError(f"extra {extra!r} parses as a version")
