"""The report side of `make flytekit-tests`: junit parsing, the comparison and its tables (no flytekit run)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.flytekit_suite import junit, report, runner

FILE = "tests/flytekit/unit/models/core/test_types.py"
OTHER = "tests/flytekit/unit/core/test_promise.py"
BROKEN = "tests/flytekit/unit/types/test_broken.py"
TOP = "tests/flytekit/unit/test_translator.py"


def junit_xml(*cases: str) -> str:
    return f'<?xml version="1.0"?><testsuites><testsuite name="pytest">{"".join(cases)}</testsuite></testsuites>'


def case(file: str, classname_suffix: str, name: str, body: str = "") -> str:
    classname = file.removesuffix(".py").replace("/", ".") + classname_suffix
    return f'<testcase classname="{classname}" name="{name}" file="{file}" line="1" time="0">{body}</testcase>'


BASELINE = junit_xml(
    case(FILE, "", "test_a"),
    case(FILE, ".TestKinds", "test_b[x.y-1]"),
    case(OTHER, "", "test_c", '<failure message="AssertionError: no network&#10;more">tb</failure>'),
    case(BROKEN, "", "test_d"),
    case(TOP, "", "test_e", '<skipped type="pytest.skip" message="needs docker">skip</skipped>'),
    # A test wrapped by a decorator defined elsewhere: junit's file is the decorator's.
    '<testcase classname="tests.flytekit.unit.core.test_promise" name="test_f" file="../site-packages/x.py" />',
)
CANDIDATE = junit_xml(
    case(FILE, "", "test_a", '<failure message="TypeError: bad 0x7f12ab34cd56">tb</failure>'),
    case(FILE, ".TestKinds", "test_b[x.y-1]"),
    case(OTHER, "", "test_c"),
    # A file that failed to import: one testcase named after the module, with an empty classname.
    f'<testcase classname="" name="tests.flytekit.unit.types.test_broken" file="{BROKEN}" time="0">'
    '<error message="collection failure">Traceback\nE   ImportError: cannot import name Error\n</error></testcase>',
    case(TOP, "", "test_e", '<skipped type="pytest.skip" message="needs docker">skip</skipped>'),
)


def outcomes(tmp_path: Path, name: str, text: str) -> dict[str, junit.Outcome]:
    path = tmp_path / f"{name}.xml"
    path.write_text(text, encoding="utf-8")
    return junit.load(path)


def test_node_ids_and_outcomes(tmp_path: Path) -> None:
    before = outcomes(tmp_path, "before", BASELINE)
    assert before[f"{FILE}::TestKinds::test_b[x.y-1]"].status == junit.PASSED
    assert before[f"{OTHER}::test_c"] == junit.Outcome(OTHER, junit.FAILED, "AssertionError: no network")
    assert before[f"{OTHER}::test_f"].file == OTHER
    after = outcomes(tmp_path, "after", CANDIDATE)
    assert after[f"{FILE}::test_a"].message == "TypeError: bad 0x…"  # addresses do not split a group
    assert after[BROKEN] == junit.Outcome(BROKEN, junit.ERROR, "ImportError: cannot import name Error", True)


def test_compare(tmp_path: Path) -> None:
    before, after = outcomes(tmp_path, "before", BASELINE), outcomes(tmp_path, "after", CANDIDATE)
    allowed = {f"{FILE}::test_a": "asserts a dropped field", f"{OTHER}::test_gone": "stale"}
    comparison = report.compare(before, after, allowed)
    cells = {row.directory: row.cells() for row in comparison.rows}
    assert cells == {
        "core": ("core", "2", "1", "1", "1"),
        "models": ("models", "2", "2", "1", "1"),
        "models/core": ("models/core", "2", "2", "1", "1"),
        "test_translator.py": ("test_translator.py", "1", "0", "0", "0"),
        "types": ("types", "1", "1", "0", "1"),
    }
    assert comparison.total.cells() == ("total", "6", "4", "2", "3")
    assert comparison.fixed == 1
    assert [(r.node_id, r.message) for r in comparison.unexpected] == [
        (f"{OTHER}::test_f", "not run on flytemodels"),
        (f"{BROKEN}::test_d", "ImportError: cannot import name Error"),  # from its file's collection error
    ]
    assert comparison.stale_allowed == [f"{OTHER}::test_gone"]
    assert "allowed by allowed.toml:" in report.regressions_text(comparison)


def test_nothing_ran_on_flytemodels(tmp_path: Path) -> None:
    comparison = report.compare(outcomes(tmp_path, "before", BASELINE), {}, {}, not_run="conftest failed")
    assert report.message_counts(comparison.unexpected) == [("conftest failed", 4)]
    assert "      4  conftest failed" in report.top_messages(comparison)


def test_tables(tmp_path: Path) -> None:
    comparison = report.compare(outcomes(tmp_path, "b", BASELINE), outcomes(tmp_path, "a", CANDIDATE), {})
    text = report.text_table(comparison).splitlines()
    assert text[0].split("  ")[0] == "directory" and text[-1].startswith("total")
    assert len({len(line) for line in text}) == 1  # aligned
    markdown = report.markdown_table(comparison).splitlines()
    assert markdown[1] == "|---|---:|---:|---:|---:|" and markdown[-1].startswith("| **total** |")


@pytest.mark.parametrize(
    ("scope", "path", "expected"),
    [
        ("", "core/test_a.py::test_x", True),
        ("core", "core/test_a.py::test_x", True),
        ("core", "core_extra/test_a.py::test_x", False),
        ("core/test_a.py::test_x", "core/test_a.py::test_x[1]", True),
        ("core/test_a.py::test_x", "core/test_a.py::test_xy", False),
    ],
)
def test_covers(scope: str, path: str, expected: bool) -> None:
    assert report.covers(scope, path) is expected


def test_unit_path_and_directories() -> None:
    assert report.unit_path("tests/flytekit/unit/models/") == "models"
    assert report.unit_path("unit/core/test_a.py::t") == "core/test_a.py::t"
    assert report.unit_path("tests/flytekit/unit") == ""
    assert report.directories("tests/flytekit/unit/models/test_literals.py") == ["models"]
    assert report.in_scope(f"{FILE}::test_a", ["models/core"]) and not report.in_scope(f"{FILE}::t", ["core"])


def test_allowed_file(tmp_path: Path) -> None:
    shipped = Path(report.__file__).with_name("allowed.toml")
    assert report.load_allowed(shipped) == {}
    bad = tmp_path / "allowed.toml"
    bad.write_text('"a::b" = 1\n', encoding="utf-8")
    with pytest.raises(ValueError, match="a::b"):
        report.load_allowed(bad)


def test_baseline_reuse(tmp_path: Path) -> None:
    baseline, _ = runner.sides(tmp_path)
    assert not runner.reusable(baseline, [])
    baseline.xml.write_text(BASELINE, encoding="utf-8")
    baseline.scope_file.write_text(json.dumps({"only": ["models"], "exit": 1}), encoding="utf-8")
    assert runner.reusable(baseline, ["models/core"])
    assert not runner.reusable(baseline, [])  # asks for all of unit/
    baseline.scope_file.write_text(json.dumps({"only": [], "exit": 2}), encoding="utf-8")
    assert not runner.reusable(baseline, ["models"])  # interrupted
