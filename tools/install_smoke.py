"""Smoke check of an installed flytemodels wheel, run by tools/install_matrix.py inside each fresh venv.

Run as ``python -I tools/install_smoke.py --extra|--no-extra`` (with or without the flyteidl2 extra) from
outside the checkout, so that only the installed wheel can be imported. Prints one JSON line: the versions
it ran on and each check's result. Exits 1 if a check failed. Stand-alone on purpose: it imports nothing
but the standard library and what the wheel installed.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import importlib.metadata
import importlib.util
import json
import pickle
import platform
import sys
import traceback
from collections.abc import Callable

DISTRIBUTIONS = ("flytemodels", "pip", "protobuf", "flyteidl", "flyteidl2", "protovalidate")
UTC = dt.UTC


def check_installed_not_the_checkout() -> None:
    import flytemodels

    assert len(flytemodels.__path__) == 1 and "site-packages" in flytemodels.__path__[0], flytemodels.__path__
    assert flytemodels.__version__ == importlib.metadata.version("flytemodels")


def check_core_identifier() -> None:
    from flytemodels.core.identifier import Identifier, ResourceType

    task = Identifier(ResourceType.TASK, "flytesnacks", "development", "my.task", "v1")
    assert Identifier.from_flyte_idl(task.to_flyte_idl()) == task
    assert Identifier.from_bytes(task.serialize_to_string()) == task
    assert Identifier.from_json(task.to_json()) == task
    assert task.to_dict(enums_as_ints=True)["resource_type"] == 1
    assert task.replace(version="v2").version == "v2" and task.version == "v1"
    assert hash(task) == hash(Identifier.from_flyte_idl(task.to_flyte_idl()))
    assert copy.copy(task) is task and pickle.loads(pickle.dumps(task)) == task


def check_core_literals() -> None:
    from flytemodels.core.literals import Literal, LiteralMap, Primitive, Scalar

    big = Primitive(integer=2**40)
    assert big.to_dict(int64_as_int=True) == {"integer": 2**40}  # protobuf's unquote_int64_if_possible
    literals = LiteralMap(
        literals={
            "n": Literal(scalar=Scalar(primitive=big)),
            "when": Literal(scalar=Scalar(primitive=Primitive(datetime=dt.datetime(2024, 5, 1, tzinfo=UTC)))),
            "doc": Literal(scalar=Scalar(generic={"a": [1, "x", None], "b": {"c": True}})),
        }
    )
    restored = LiteralMap.from_flyte_idl(literals.to_flyte_idl())
    assert restored == literals
    assert restored.literals["n"].value.value.value == 2**40  # the Literal override's oneof accessor
    when = restored.literals["when"].scalar
    assert when is not None and when.primitive is not None
    assert when.primitive.datetime == dt.datetime(2024, 5, 1, tzinfo=UTC)  # Timestamp: aware UTC datetime
    document = restored.literals["doc"].scalar
    assert document is not None and document.generic == {"a": [1.0, "x", None], "b": {"c": True}}  # Struct
    assert LiteralMap.from_dict(literals.to_dict()) == literals
    parsed = Literal.from_text("scalar { primitive { integer: 5 } }")
    assert parsed == Literal(scalar=Scalar(primitive=Primitive(integer=5)))
    assert "integer" in repr(big) and "LiteralMap" in literals._repr_html_()


def check_admin_execution() -> None:
    from flytemodels.admin.execution import ExecutionClosure

    closure = ExecutionClosure(started_at=dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC), duration=dt.timedelta(3))
    restored = ExecutionClosure.from_bytes(closure.serialize_to_string())
    assert restored.duration == dt.timedelta(days=3)
    assert restored.started_at == dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)  # aware, UTC
    assert restored.to_dict() == {"started_at": "2024-01-02T03:04:05Z", "duration": "259200s"}


def check_flytekit_family() -> None:
    from flytemodels.flytekit import literals
    from flytemodels.flytekit.core import identifier

    literal = literals.Literal(scalar=literals.Scalar(primitive=literals.Primitive(integer=3)))
    literal.hash = "abc"  # flytekit's setter
    restored = literals.Literal.from_flyte_idl(literal.to_flyte_idl())
    assert restored.scalar.primitive.integer == 3 and restored.hash == "abc" and restored == literal
    assert literal.to_idl_model().to_flyte_idl() == literal.to_flyte_idl()
    task = identifier.Identifier(identifier.ResourceType.TASK, "p", "d", "n", "v")
    assert identifier.Identifier.from_flyte_idl(task.to_flyte_idl()) == task
    assert str(task) == "TASK:p:d:n:v"  # flytekit's __str__


def check_v2_models() -> None:
    from flytemodels.v2.common.identifier import ProjectIdentifier
    from flytemodels.v2.task.task_definition import TaskName

    name = TaskName(org="o", project="p", domain="d", name="t")
    assert TaskName.from_flyte_idl(name.to_flyte_idl()) == name and TaskName.from_json(name.to_json()) == name
    try:
        ProjectIdentifier(organization="", domain="d", name="n")  # protovalidate checks buf.validate rules
    except ValueError as error:
        assert "string.min_len" in str(error), error
    else:
        raise AssertionError("protovalidate accepted an empty organization")


def check_v2_refused_with_the_extra_named() -> None:
    for missing in ("flyteidl2", "protovalidate"):
        assert importlib.util.find_spec(missing) is None, f"{missing} is installed without the extra"
    try:
        import flytemodels.v2.task.task_definition  # noqa: F401
    except ModuleNotFoundError as error:
        assert "pip install 'flytemodels[flyteidl2]'" in str(error), error
    else:
        raise AssertionError("flytemodels.v2 imported without flyteidl2")


def checks(extra: bool) -> list[Callable[[], None]]:
    common = [
        check_installed_not_the_checkout,
        check_core_identifier,
        check_core_literals,
        check_admin_execution,
        check_flytekit_family,
    ]
    return [*common, check_v2_models if extra else check_v2_refused_with_the_extra_named]


def run(check: Callable[[], None]) -> str:
    try:
        check()
    except Exception:  # every failure is reported, the other checks still run
        return "FAIL: " + traceback.format_exc(limit=-1).strip().splitlines()[-1]
    return "ok"


def installed_versions() -> dict[str, str | None]:
    def version(name: str) -> str | None:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return None

    return {name: version(name) for name in DISTRIBUTIONS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    extra_help = "whether the flyteidl2 extra is installed"
    parser.add_argument("--extra", action=argparse.BooleanOptionalAction, required=True, help=extra_help)
    extra = parser.parse_args().extra
    from google.protobuf.internal import api_implementation

    results = {check.__name__.removeprefix("check_"): run(check) for check in checks(extra)}
    report = {
        "python": platform.python_version(),
        "protobuf_backend": api_implementation.Type(),
        "versions": installed_versions(),
        "checks": results,
    }
    print(json.dumps(report))
    return 0 if all(result == "ok" for result in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
