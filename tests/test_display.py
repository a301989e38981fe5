"""How IDL-family models show themselves: repr past a width, pretty printers, notebook HTML."""

from __future__ import annotations

import datetime as dt

import pytest
from flytemodels.core.identifier import Identifier, ResourceType
from flytemodels.core.literals import Literal, LiteralMap, Primitive, Scalar

from flytemodels._runtime.display import WIDTH, human_duration

NAMES = {"Identifier": Identifier, "LiteralMap": LiteralMap, "Literal": Literal, "Primitive": Primitive}


def _literal_map(size: int, text: str = "v") -> LiteralMap:
    return LiteralMap({f"k{i}": Literal(scalar=Scalar(primitive=Primitive(string_value=text))) for i in range(size)})


def test_a_short_repr_is_one_line_that_evaluates_back() -> None:
    identifier = Identifier(ResourceType.TASK, "p", "d")
    text = repr(identifier)
    assert "\n" not in text and len(text) <= WIDTH
    assert eval(text, NAMES) == identifier


@pytest.mark.parametrize("text", ["plain", "quote ''' inside", "back\\slash", "new\nline", "ünïcode ☃"])
def test_a_long_repr_is_indented_and_evaluates_back(text: str) -> None:
    model = _literal_map(5, text)
    shown = repr(model)
    assert eval(shown, NAMES) == model
    if "'''" not in text:
        assert shown.count("\n") > 10 and shown.splitlines()[1].startswith("    literals {")


def test_ipython_pretty_prints_the_repr() -> None:
    printed: list[str] = []

    class Printer:
        def text(self, value: str) -> None:
            printed.append(value)

    model = _literal_map(3)
    model._repr_pretty_(Printer(), cycle=False)
    assert printed == [repr(model)]


def test_rich_sees_the_set_fields_in_order() -> None:
    identifier = Identifier(ResourceType.TASK, project="p", version="v")
    assert list(identifier.__rich_repr__()) == [
        ("resource_type", ResourceType.TASK),
        ("project", "p"),
        ("version", "v"),
    ]


def test_html_is_a_tree_with_readable_times() -> None:
    moment = dt.datetime(2024, 5, 1, 11, 40, 3, tzinfo=dt.UTC)
    literal = Literal(scalar=Scalar(primitive=Primitive(datetime=moment)), metadata={"<k>": "a&b"})
    page = literal._repr_html_()
    assert page.startswith('<details open class="flytemodels"><summary><b>Literal</b>')
    assert "<code>2024-05-01T11:40:03Z</code>" in page
    assert "&lt;k&gt;" in page and "a&amp;b" in page and "<k>" not in page
    assert "<summary>Scalar</summary>" in page
    duration = Primitive(duration=dt.timedelta(hours=2, minutes=5, seconds=1.25))._repr_html_()
    assert "<code>2h 5m 1.25s</code>" in duration
    assert "<code>TASK</code>" in Identifier(ResourceType.TASK)._repr_html_()
    assert "(empty)" in Identifier()._repr_html_()


@pytest.mark.parametrize(
    ("seconds", "nanos", "expected"),
    [(0, 0, "0s"), (3600, 0, "1h"), (61, 500_000_000, "1m 1.5s"), (0, -250_000_000, "-250ms"), (-90, 0, "-1m 30s")],
)
def test_human_durations(seconds: int, nanos: int, expected: str) -> None:
    assert human_duration(seconds, nanos) == expected


def test_a_repr_just_past_the_width_breaks_into_lines() -> None:
    identifier = Identifier(ResourceType.TASK, "project", "domain", "name", "version")
    assert "\n" in repr(identifier)  # one line would be 92 characters
    assert repr(identifier).splitlines()[1:3] == ["    resource_type: TASK", '    project: "project"']
    assert eval(repr(identifier), NAMES) == identifier


def test_enum_values_print_as_their_idl_names() -> None:
    from flytemodels.core.execution import WorkflowExecution

    phase = WorkflowExecution.Phase
    assert (str(phase.RUNNING), f"{phase.RUNNING}", str(int(phase.RUNNING))) == ("RUNNING", "RUNNING", "2")
    assert str(phase(99)) == "UNKNOWN_99" and phase(99) == 99
    assert repr(phase.RUNNING) == "<Phase.RUNNING: 2>"
