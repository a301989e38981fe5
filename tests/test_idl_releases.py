"""Two real flyteidl releases: 1.10.7 (downloaded by pip at test time) and the pinned 1.16.8.

Nothing from flyteidl is committed here: the 1.10.7 wheel is downloaded once
into ``.cache/idl/`` (git-ignored) and read without importing it. The tests
skip, saying why, only when the package index cannot be reached.

What the diff must find was checked by hand against the two releases'
descriptors (the ``_pb2`` modules' serialized ``FileDescriptorProto``s, printed
field by field), e.g. ``TaskMetadata``: 1.10.7 has ``bool generates_deck = 10``,
1.16.8 has ``google.protobuf.BoolValue generates_deck = 15`` and no field 10.
flyteidl2 2.0.45 (downloaded the same way) against the pinned 2.0.53 is the
real case of an extension added: 2.0.53's ``flyteidl2/core/tasks.proto`` declares
``optional string accelerator_name = 1365`` of ``google.protobuf.EnumValueOptions``,
which 2.0.45 lacks (its only flyteidl2 extension is ``settings.desc = 1364``).
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import io
import shutil
from pathlib import Path

import pytest

from codegen import cli
from codegen.errors import GenerateError
from codegen.inputs import pb2files
from codegen.inputs.config import load_config
from codegen.upgrade import diff, override_check, releases, state
from codegen.upgrade.surface import Surface
from tests.goldens.harness import FLYTEIDL2_CONFIG, FLYTEIDL_CONFIG, REPO
from tests.test_idl_diff_wire import format_1, format_2

OLD_RELEASE = "flyteidl==1.10.7"
CACHE = REPO / ".cache" / "idl"
CONFIG = load_config(FLYTEIDL_CONFIG)


def _download(requirement: str) -> Path:
    try:
        return pb2files.download(requirement, CACHE)
    except GenerateError as error:
        pytest.skip(f"cannot download {requirement} (is the package index reachable?): {error}")


@pytest.fixture(scope="module")
def old_wheel() -> Path:
    return _download(OLD_RELEASE)


@pytest.fixture(scope="module")
def surfaces(old_wheel: Path) -> tuple[Surface, Surface]:
    return releases.resolve(str(old_wheel), CONFIG, CACHE)[1], releases.resolve("installed", CONFIG, CACHE)[1]


@pytest.fixture(scope="module")
def changes(surfaces: tuple[Surface, Surface]) -> list[diff.Change]:
    return diff.compare(*surfaces)


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(list(argv))
    return status, out.getvalue(), err.getvalue()


def test_the_change_counts(changes: list[diff.Change]) -> None:
    assert collections.Counter(change.kind for change in changes) == {
        "message added": 40,
        "enum added": 9,
        "field added": 74,
        "oneof added": 3,
        "enum value added": 3,
        "field removed": 4,
        "oneof removed": 1,
        "enum removed": 1,
        "field retyped": 3,
        "field moved between oneofs": 2,
        "field presence changed": 2,
        "field number reused": 2,
        "field renumbered": 3,
    }
    assert collections.Counter(change.severity for change in changes) == {"wire": 5, "api": 13, "compatible": 129}


#: (kind, element, a fragment of the detail, breaks wire, breaks API), each read off the descriptors.
VERIFIED = [
    # Literal gained oneof member `LiteralOffloadedMetadata offloaded_metadata = 8` in `value`.
    ("field added", "flyteidl.core.Literal.offloaded_metadata", "flyteidl.core.LiteralOffloadedMetadata", False, False),
    ("message added", "flyteidl.core.LiteralOffloadedMetadata", "flyteidl/core/literals.proto", False, False),
    # `bool generates_deck = 10` became `google.protobuf.BoolValue generates_deck = 15`.
    ("field renumbered", "flyteidl.core.TaskMetadata.generates_deck",
     "number 10 → 15, bool → google.protobuf.BoolValue", True, True),
    # `repeated string results = 1; string token = 2` became `oneof part { ...Header header = 1; ...Body body = 2; }`.
    ("field number reused", "flyteidl.admin.GetTaskLogsResponse.results",
     "was repeated string results, is now flyteidl.admin.GetTaskLogsResponseHeader header", True, True),
    ("field number reused", "flyteidl.admin.GetTaskLogsResponse.token", "string token", True, True),
    ("oneof added", "flyteidl.admin.GetTaskLogsResponse.part", "", False, False),
    # ArtifactBindingData: `uint32 index = 1` and `string transform = 4` removed; the oneof members moved 2 → 5, 3 → 6.
    ("field removed", "flyteidl.core.ArtifactBindingData.index", "uint32", False, True),
    ("field removed", "flyteidl.core.ArtifactBindingData.transform", "string", False, True),
    ("field renumbered", "flyteidl.core.ArtifactBindingData.partition_key", "number 2 → 5", True, False),
    ("field renumbered", "flyteidl.core.ArtifactBindingData.bind_to_time_partition", "number 3 → 6", True, False),
    # CreateTaskResponse: `oneof res { bytes resource_meta = 1; Resource resource = 2; }`
    # became `bytes resource_meta = 1`.
    ("oneof removed", "flyteidl.admin.CreateTaskResponse.res", "", False, True),
    ("field removed", "flyteidl.admin.CreateTaskResponse.resource", "flyteidl.admin.Resource", False, True),
    ("field moved between oneofs", "flyteidl.admin.CreateTaskResponse.resource_meta", "res → (none)", False, True),
    # ... so it lost its presence: the property is `bytes`, no longer `bytes | None`.
    ("field presence changed", "flyteidl.admin.CreateTaskResponse.resource_meta",
     "bytes in flyteidl/admin/agent.proto: explicit → implicit presence", False, True),
    # `uint32 parallelism = 2` moved into the new `oneof parallelism_option`: the property is now `int | None`.
    ("field moved between oneofs", "flyteidl.core.ArrayNode.parallelism", "(none) → parallelism_option", False, True),
    ("field presence changed", "flyteidl.core.ArrayNode.parallelism",
     "uint32 in flyteidl/core/workflow.proto: implicit → explicit presence", False, True),
    # RestartPolicy moved from flyteidl/plugins/kubeflow/common.proto to the new flyteidl/plugins/common.proto:
    # enum for enum, so the wire is safe, but the Python class moved.
    ("enum removed", "flyteidl.plugins.kubeflow.RestartPolicy", "flyteidl/plugins/kubeflow/common.proto", False, True),
    ("enum added", "flyteidl.plugins.RestartPolicy", "flyteidl/plugins/common.proto", False, False),
    ("field retyped", "flyteidl.plugins.kubeflow.DistributedPyTorchTrainingReplicaSpec.restart_policy",
     "flyteidl.plugins.kubeflow.RestartPolicy → flyteidl.plugins.RestartPolicy", False, True),
    # TaskExecution.Phase gained RETRYABLE_FAILED = 8.
    ("enum value added", "flyteidl.core.TaskExecution.Phase.RETRYABLE_FAILED", "= 8", False, False),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "element", "detail", "wire", "api"), VERIFIED, ids=[v[1] for v in VERIFIED])
def test_changes_verified_by_hand(
    changes: list[diff.Change], kind: str, element: str, detail: str, wire: bool, api: bool
) -> None:
    found = [change for change in changes if change.element == element and change.kind == kind]
    assert len(found) == 1, f"no {kind} of {element}"
    assert detail in found[0].detail
    assert (found[0].breaks_wire, found[0].breaks_api) == (wire, api)


def test_the_command_line_report(old_wheel: Path) -> None:
    status, out, _ = _run("diff", OLD_RELEASE, "installed", "--markdown", "--fail-on-breaking", "--cache", str(CACHE))
    assert status == 1  # there are breaking changes
    assert out.startswith("## IDL changes: `flyteidl 1.10.7` → `flyteidl 1.16.8`\n")
    assert "### Breaks the wire format (5)" in out
    assert "| field number reused | `flyteidl.admin.GetTaskLogsResponse.token` |" in out
    status, out, _ = _run("diff", str(old_wheel), "installed")
    assert status == 0 and out.splitlines()[0].startswith("flyteidl 1.10.7 → flyteidl 1.16.8: 9 enum added")


def test_installed_release_equals_its_wheel_and_the_record() -> None:
    """The 1.16.8 wheel read without importing it holds exactly what the imported package holds."""
    recorded = state.read(CONFIG)
    assert recorded is not None and recorded.label() == "flyteidl 1.16.8"
    wheel = _download("flyteidl==1.16.8")
    assert state.digest(f for f in pb2files.from_wheel(wheel) if f.name.startswith("flyteidl/")) == recorded.digest
    for old in ("generated", "installed", str(wheel)):
        status, out, _ = _run("diff", old, "generated", "--fail-on-breaking")
        assert (status, out.splitlines()[0].endswith(": no changes")) == (0, True), old


# -- generating the old release, and the overrides of today against it ---------------------------------------


@pytest.fixture(scope="module")
def old_tree(old_wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """flyteidl 1.10.7 generated with no overrides (today's override *classes* need messages it lacks)."""
    root = tmp_path_factory.mktemp("flyteidl-1.10.7")
    config = root / "old.toml"
    config.write_text(
        f'[source]\nwheel = "{old_wheel}"\n\n[generate]\nproto_root = "flyteidl"\npackage = "flytemodels"\n'
        'output = "out"\n',
        encoding="utf-8",
    )
    status, out, err = _run("--config", str(config))
    assert status == 0, err
    assert "63 modules" not in out and "modules from flyteidl/ (flyteidl 1.10.7)" in out
    return root / "out"


def test_the_old_release_generates(old_tree: Path) -> None:
    literals = (old_tree / "flytemodels" / "core" / "literals.py").read_text(encoding="utf-8")
    assert 'class Literal(_Message["_pb2.Literal"])' in literals and "offloaded_metadata" not in literals
    assert not (old_tree / "flytemodels" / "core" / "execution_envs.py").exists()  # added in a later release


#: An override written against 1.16.8: it uses a message and two fields 1.10.7 does not have.
NEWER_OVERRIDE = """
from flytemodels.core.literals import BindingDataBase, LiteralBase, LiteralOffloadedMetadata


class Literal(LiteralBase):
    @property
    def offloaded(self) -> LiteralOffloadedMetadata | None:
        return self.offloaded_metadata


class BindingData(BindingDataBase):
    @property
    def offloaded(self) -> LiteralOffloadedMetadata | None:
        return self.offloaded_metadata
"""


def test_overrides_against_the_old_release(old_tree: Path, changes: list[diff.Change], tmp_path: Path) -> None:
    """Today's overrides fit 1.10.7; every use of something it lacks is an error that the diff explains."""
    old = state.read(dataclasses.replace(CONFIG, output=old_tree))
    today = state.read(CONFIG)
    assert old is not None and today is not None
    problems = override_check.check(CONFIG, old.surface, today.surface)
    # They only read oneofs 1.10.7 has; two of those gained offloaded_metadata since, which is for review.
    assert [problem for problem in problems if not problem.review] == []
    assert {problem.element for problem in problems} == {
        "flyteidl.core.Literal.value",
        "flyteidl.core.BindingData.value",
    }
    overrides = tmp_path / "overrides"
    literals = overrides / "core" / "literals.py"
    literals.parent.mkdir(parents=True)
    literals.write_text(NEWER_OVERRIDE, encoding="utf-8")
    config = dataclasses.replace(CONFIG, overrides_dir=overrides)
    errors = [problem for problem in override_check.check(config, old.surface, today.surface) if not problem.review]
    assert {problem.element for problem in errors} == {
        "flyteidl.core.LiteralOffloadedMetadata",
        "flyteidl.core.Literal.offloaded_metadata",
        "flyteidl.core.BindingData.offloaded_metadata",
    }
    assert all(problem.path == literals for problem in errors)
    added = {c.element for c in changes if c.kind.endswith("added")}
    added_files = {c.detail.removeprefix("in ") for c in changes if c.kind in ("message added", "enum added")}
    for problem in errors:
        element = problem.element or ""
        explained = element in added or element.rpartition(".")[0] in added or element in added_files
        assert explained, f"not explained by the diff: {problem}"


def test_a_version_bump_prints_the_report(old_tree: Path, tmp_path: Path) -> None:
    """``make generate`` after bumping the pin: the recorded 1.10.7 meets the installed 1.16.8."""
    shutil.copytree(old_tree, tmp_path / "out")
    status, out, err = _run("--config", str(FLYTEIDL_CONFIG), "--output", str(tmp_path / "out"))
    assert status == 0, err
    assert out.startswith("flyteidl 1.10.7 → flyteidl 1.16.8: 9 enum added, 1 enum removed")
    assert "Breaks the wire format (5):" in out and "modules from flyteidl/ (flyteidl 1.16.8)" in out
    status, out, _ = _run("--config", str(FLYTEIDL_CONFIG), "--output", str(tmp_path / "out"))
    assert "→" not in out and "0 written, 0 removed" in out  # recorded now: no report the second time


#: What the report notes about a record of each earlier format.
OLDER_FORMATS = {
    1: (
        format_1,
        "Note: flyteidl 1.10.7 is a record of format 1, from before extensions, wire encodings and field presence "
        "were recorded: they are not compared (but a group's encoding is, and a proto3 `optional` added or removed "
        "shows as a retyped field).",
    ),
    2: (
        format_2,
        "Note: flyteidl 1.10.7 is a record of format 2, from before field presence was recorded: it is not compared "
        "(a proto3 `optional` added or removed shows as a retyped field).",
    ),
}


@pytest.mark.parametrize("version", sorted(OLDER_FORMATS), ids=[f"format {v}" for v in sorted(OLDER_FORMATS)])
def test_a_version_bump_against_a_record_of_an_older_format(old_tree: Path, tmp_path: Path, version: int) -> None:
    """The record an earlier release of this tool wrote still reads, and the report says what it lacks.

    The changes are those found against today's record but the two of
    presence (the fields that moved into or out of a oneof, which the record
    cannot say; their move is reported).
    """
    written_by, note = OLDER_FORMATS[version]
    out = tmp_path / "out"
    shutil.copytree(old_tree, out)
    record = out / state.path(CONFIG)
    today = record.read_text(encoding="utf-8")
    record.write_text(written_by(state.loads(today, str(record))), encoding="utf-8")
    status, printed, err = _run("--config", str(FLYTEIDL_CONFIG), "--output", str(out))
    assert status == 0, err
    lines = printed.splitlines()
    assert lines[0].startswith("flyteidl 1.10.7 → flyteidl 1.16.8: 9 enum added, 1 enum removed")
    assert lines[1] == note
    assert '"format": 3,' in record.read_text(encoding="utf-8")
    old = state.loads(today, str(record)).surface
    latest = state.read(CONFIG)
    assert latest is not None
    found = diff.compare(state.loads(written_by(state.loads(today, str(record))), str(record)).surface, latest.surface)
    assert found == [change for change in diff.compare(old, latest.surface) if change.kind != "field presence changed"]


def test_flyteidl2_gained_an_extension() -> None:
    """flyteidl2 2.0.45 → 2.0.53 added the custom option ``accelerator_name``: no model, so compatible."""
    old = _download("flyteidl2==2.0.45")
    config = load_config(FLYTEIDL2_CONFIG)
    changes = diff.compare(
        releases.resolve(str(old), config, CACHE)[1], releases.resolve("installed", config, CACHE)[1]
    )
    found = [(c.kind, c.element, c.detail, c.severity) for c in changes if c.kind.startswith("extension")]
    assert found == [
        (
            "extension added",
            "flyteidl2.core.accelerator_name",
            "optional string = 1365 of google.protobuf.EnumValueOptions",
            "compatible",
        )
    ]
