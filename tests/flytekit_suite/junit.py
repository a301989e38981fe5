"""Read pytest's junit XML (``junit_family=xunit1``, which records each test's file) into outcomes by node id."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

PASSED, FAILED, ERROR, SKIPPED = "passed", "failed", "error", "skipped"
# When a testcase has several of these children (a failure and a teardown error), the first one wins.
_PROBLEMS = (("failure", FAILED), ("error", ERROR), ("skipped", SKIPPED))
MESSAGE_LIMIT = 200


@dataclass(frozen=True)
class Outcome:
    """How one test (or, with ``collect_error``, one test file's collection) ended."""

    file: str  # relative to the suite folder: tests/flytekit/unit/...
    status: str
    message: str = ""  # first line of the failure, normalized for grouping
    collect_error: bool = False


def load(path: Path) -> dict[str, Outcome]:
    """Outcomes of every testcase in the junit XML at ``path``, keyed by pytest node id."""
    outcomes: dict[str, Outcome] = {}
    for case in ET.parse(path).getroot().iter("testcase"):
        node_id, outcome = parse_case(case)
        outcomes[node_id] = outcome
    return outcomes


def parse_case(case: ET.Element) -> tuple[str, Outcome]:
    """One ``<testcase>``: its node id and outcome."""
    classname, name = case.get("classname", ""), case.get("name", "")
    file, classes = split_classname(case.get("file", ""), classname)
    status, message = PASSED, ""
    for tag, problem in _PROBLEMS:
        child = case.find(tag)
        if child is not None:
            status, message = problem, first_line(child)
            break
    # A file that fails to import is one testcase with an empty classname, named after the module.
    collect_error = not classname and status == ERROR
    node_id = file if collect_error else "::".join([file, *classes, name])
    return node_id, Outcome(file=file, status=status, message=message, collect_error=collect_error)


def split_classname(file: str, classname: str) -> tuple[str, list[str]]:
    """The test module's file and the classes in junit's dotted classname (``tests.x.test_y.TestZ``)."""
    module = file.removesuffix(".py").replace("/", ".")
    if not classname or classname == module:
        return file, []
    if classname.startswith(module + "."):
        return file, classname[len(module) + 1 :].split(".")
    # `file` is where the test function was defined, not its module, when a decorator from flytekit
    # (flytekit.core.testing.patch) wraps it; then the module ends where the Test* classes begin.
    parts = classname.split(".")
    cut = next((index for index, part in enumerate(parts) if part.startswith("Test")), len(parts))
    return "/".join(parts[:cut]) + ".py", parts[cut:]


def first_line(problem: ET.Element) -> str:
    """The line that best says why: the message's first line, or the traceback's last ``E`` line."""
    message = (problem.get("message") or "").strip()
    if not message or message == "collection failure":
        # Collection errors carry no message, only the traceback; its last "E   " line is the exception.
        lines = [line[1:].strip() for line in (problem.text or "").splitlines() if line.startswith("E ")]
        message = lines[-1] if lines else message
    return normalize(message.splitlines()[0] if message else "")


def normalize(message: str) -> str:
    """Drop what differs between otherwise identical failures (object addresses), then cap the length."""
    message = re.sub(r"0x[0-9a-fA-F]{6,}", "0x…", message)
    return message if len(message) <= MESSAGE_LIMIT else message[: MESSAGE_LIMIT - 1] + "…"
