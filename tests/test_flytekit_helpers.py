"""flytekit's hand-written parts, called on both sides with the same arguments.

The differential tests cover what follows from messages (``from_flyte_idl``,
properties, constructors, text); this file covers the rest: classes flytekit
writes by hand (filters, ``ArrayJob``), enum holders (``enum_to_string``,
``string_to_enum``) and helper methods (``to_literal_model``,
``to_flyte_idl_list``, ``transform_interface_to_list``, ``resource_type_name``,
``from_python_std``, ``add_env``, ``set_metadata``, pod templates ...). Each
result is compared with flytekit's (``values.differences``); where flytekit
raises, ours raises the same exception type, except where flytekit crashes on
what ours serializes (``deviations.CRASHES``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest
from flytekit.models import annotation as fk_annotation
from flytekit.models import array_job as fk_array_job
from flytekit.models import filters as fk_filters
from flytekit.models import interface as fk_interface
from flytekit.models import literals as fk_literals
from flytekit.models import project as fk_project
from flytekit.models import task as fk_task
from flytekit.models import types as fk_types
from flytekit.models.admin import common as fk_admin_common
from flytekit.models.core import identifier as fk_identifier
from flytemodels.flytekit import (
    annotation,
    array_job,
    filters,
    interface,
    literals,
    project,
    task,
    types,
)
from flytemodels.flytekit.admin import common as admin_common
from flytemodels.flytekit.common import FlyteIdlEntity
from flytemodels.flytekit.core import identifier

from tests.flytekit_compat import api, deviations, values
from tests.support import filler


def same_outcome(call: Callable[[Any], Any], theirs_module: Any, ours_module: Any, root: str = "") -> None:
    """``call`` gives equal results on flytekit's module and ours, or raises the same exception type on both."""
    try:
        expected = call(theirs_module)
    except Exception as error:
        with pytest.raises(type(error)):
            call(ours_module)
        return
    found = values.differences(expected, call(ours_module), root)
    assert not found, "; ".join(found)


def _pending(name: str) -> Any:
    """A strict xfail while ``deviations.PENDING`` lists the case as a known bug of ours; else no mark."""
    reason = deviations.PENDING.get(f"helpers {name}")
    return pytest.mark.xfail(reason=reason, strict=True) if reason else ()


# -- filters ------------------------------------------------------------------------------

FILTER_STRINGS = [
    "eq(a,b)",
    "ne(a,1)",
    "gt(x,3)",
    "gte(x,3)",
    "lt(x,3)",
    "lte(x,3)",
    "contains(x,a;b)",
    "value_in(x,a;b)",
    "value_not_in(x,a)",
    "eq( a , b )",
    "eq(,)",
    "value_in(x,)",
    "bad(x,1)",
    "eq(a)",
    "eq(a,b,c)",
    "eq(a,b",
    "gt(a,b)x",
    " eq(a,b)",
    "",
]


@pytest.mark.parametrize("text", FILTER_STRINGS)
def test_filters_parse_as_flytekit_does(text: str) -> None:
    def parse(module: Any) -> Any:
        found = module.Filter.from_python_std(text)
        return type(found).__name__, found.to_flyte_idl(), str(found), found.short_string()

    same_outcome(parse, fk_filters, filters)


def test_filter_lists_and_constructors_write_flytekit_strings() -> None:
    def build(module: Any) -> Any:
        return module.FilterList(
            [module.Equal("project", "p"), module.GreaterThan("size", 3), module.ValueIn("phase", ["A", "B"])]
        )

    for call in (
        lambda m: build(m).to_flyte_idl(),
        lambda m: str(build(m)),
        lambda m: build(m) == build(m),
        lambda m: m.FilterList([]).to_flyte_idl(),
        lambda m: m.Filter("a", "b").to_flyte_idl(),
        lambda m: m.Contains("a", ["x"]).to_flyte_idl(),
        lambda m: m.ValueNotIn("a", []).to_flyte_idl(),
        lambda m: hash(m.Equal("a", "b")),  # both raise: a string has no SerializeToString
        lambda m: m.Equal("a", "b").is_empty,
    ):
        same_outcome(call, fk_filters, filters)
    assert isinstance(filters.Equal("a", "b"), FlyteIdlEntity)


def test_set_filters_write_any_values() -> None:
    """flytekit's ``SetFilter`` joins its values with ``str.join`` and raises on ints; ours writes them."""
    assert "filters.SetFilter" in deviations.CRASHES
    with pytest.raises(TypeError):
        fk_filters.ValueIn("a", [1, 2]).to_flyte_idl()
    assert filters.ValueIn("a", [1, 2]).to_flyte_idl() == "value_in(a,1;2)"


def test_filters_read_their_strings() -> None:
    """flytekit's ``Filter``/``FilterList.from_flyte_idl`` take no string (TypeError); ours parse it."""
    assert "filters.Filter.from_flyte_idl" in deviations.CRASHES
    with pytest.raises(TypeError):
        fk_filters.FilterList.from_flyte_idl("eq(a,b)")
    text = "eq(project,p)+value_in(phase,A;B)"
    assert filters.FilterList.from_flyte_idl(text).to_flyte_idl() == text
    assert filters.Filter.from_flyte_idl("gt(x,3)") == filters.GreaterThan("x", "3")


# -- ArrayJob ---------------------------------------------------------------------------------

ARRAY_JOBS = [
    {"parallelism": 2, "size": 10, "min_successes": 3},
    {"parallelism": 2, "size": 10, "min_success_ratio": 0.5},
    {"size": 1, "min_successes": 0},
    pytest.param(
        {"parallelism": 0, "size": 0, "min_successes": 0, "min_success_ratio": 1.0},
        marks=_pending("array_job.ArrayJob(min_successes=0, min_success_ratio=1.0)"),
    ),
]


@pytest.mark.parametrize("arguments", ARRAY_JOBS)
def test_array_job_as_flytekit(arguments: dict[str, Any]) -> None:
    def job(module: Any) -> Any:
        return module.ArrayJob(**arguments)

    for call in (
        lambda m: job(m).to_dict(),
        lambda m: job(m).to_flyte_idl(),
        lambda m: str(job(m)),
        lambda m: m.ArrayJob.from_flyte_idl(job(m).to_flyte_idl()).to_dict(),
        lambda m: [getattr(m.ArrayJob.from_dict(job(m).to_dict()), name) for name in ("parallelism", "size")],
        lambda m: m.ArrayJob.from_dict(job(m).to_dict()).min_successes,
        lambda m: m.ArrayJob.from_dict(job(m).to_dict()).min_success_ratio,
    ):
        same_outcome(call, fk_array_job, array_job)


def test_array_job_setters() -> None:
    def changed(module: Any) -> Any:
        job = module.ArrayJob(2, 10, min_successes=3)
        job.size = 20
        job.min_successes = 5
        return job.to_dict(), job.size, job.min_successes

    same_outcome(changed, fk_array_job, array_job)


def test_array_job_without_success_criteria_serializes() -> None:
    """flytekit's ``to_dict`` raises without ``min_successes`` or ``min_success_ratio``; ours writes what is set."""
    assert "array_job.ArrayJob" in deviations.CRASHES
    with pytest.raises(AttributeError):
        fk_array_job.ArrayJob(parallelism=1).to_dict()
    assert array_job.ArrayJob(parallelism=1).to_dict() == {"parallelism": "1"}


# -- enum holders --------------------------------------------------------------------------

HOLDERS = [pair for pair in api.pairs() if pair.is_class and api.is_holder(pair.flytekit)]


@pytest.mark.parametrize("pair", HOLDERS, ids=[pair.key for pair in HOLDERS])
def test_holders_name_values_as_flytekit(pair: api.Pair) -> None:
    constants = api.constants(pair.flytekit)
    for method in ("enum_to_string", "string_to_enum"):
        if not hasattr(pair.flytekit, method):
            assert not hasattr(pair.ours, method) or method in dir(pair.ours)
            continue
        arguments = [*constants.values(), 97] if method == "enum_to_string" else [*constants, "NOPE"]
        if f"{pair.key}.{method}" in deviations.VALUES:  # flytekit misses names it has constants for
            arguments = [value for value in arguments if getattr(pair.flytekit, method)(value) != "<UNKNOWN>"]
            assert all(pair.ours.enum_to_string(value) == name for name, value in constants.items())
            assert all(pair.ours.string_to_enum(name) == value for name, value in constants.items())
        for argument in arguments:
            same_outcome(
                lambda holder, argument=argument, method=method: getattr(holder, method)(argument),
                pair.flytekit,
                pair.ours,
            )


# -- helper methods on random messages -------------------------------------------------------

_HELPERS = [
    ("core.identifier.Identifier", "resource_type_name"),
    ("interface.Variable", "to_flyte_idl_list"),
    ("literals.BindingData", "to_literal_model"),
    ("task.K8sPod", "to_pod_template"),
]
_BY_KEY = {pair.key: pair for pair in api.pairs() if pair.is_class and pair.is_model}


def _pod_template(template: Any) -> Any:
    return {name: getattr(template, name) for name in ("labels", "annotations", "pod_spec", "primary_container_name")}


@pytest.mark.parametrize(("key", "method"), _HELPERS, ids=[f"{key}.{method}" for key, method in _HELPERS])
def test_helper_methods_as_flytekit(key: str, method: str) -> None:
    pair = _BY_KEY[key]
    rng = random.Random(f"{key}.{method}")
    for index in range(25):
        pb = filler.fill(pair.ours._PB, rng, filler.Options().plain())

        def call(cls: Any, pb: Any = pb) -> Any:
            result = getattr(cls.from_flyte_idl(pb), method)()
            return _pod_template(result) if method == "to_pod_template" else result

        try:
            same_outcome(call, pair.flytekit, pair.ours, key)
        except AssertionError as error:
            raise AssertionError(f"{key}.{method} #{index}: {error}\n{pb}") from None


@pytest.mark.parametrize(("bound", "excluded"), [(set(), set()), ({"b"}, set()), ({"b"}, {"c"}), (set(), {"a", "b"})])
def test_transform_interface_to_list(bound: set[str], excluded: set[str]) -> None:
    def transformed(module: Any) -> Any:
        types_module = types if module is interface else fk_types
        variables = {
            name: module.Variable(types_module.LiteralType(simple=simple), name)
            for name, simple in (("a", 1), ("b", 2), ("c", 3))
        }
        typed = module.TypedInterface(variables, {"o": variables["a"]})
        return typed.transform_interface_to_list(bound, excluded)

    same_outcome(transformed, fk_interface, interface)


@pytest.mark.parametrize("text", ["asc(x)", "desc(created_at)", "asc( y )", "bad", "ASC(x)", "asc(x", "up(x)"])
def test_sort_from_python_std(text: str) -> None:
    same_outcome(lambda module: module.Sort.from_python_std(text), fk_admin_common, admin_common)


@pytest.mark.parametrize("name", ["active_project", "archived_project"])
def test_project_states(name: str) -> None:
    same_outcome(lambda module: getattr(module.Project, name)("p"), fk_project, project)


def test_identifier_text() -> None:
    def text(module: Any) -> Any:
        found = module.Identifier(module.ResourceType.TASK, "project", "domain", "name", "version")
        return str(found), repr(found), found.resource_type_name()

    same_outcome(text, fk_identifier, identifier)


def test_container_add_env() -> None:
    def added(module: Any) -> Any:
        container = module.Container("img", ["run"], ["--x"], module.Resources([], []), {"A": "1"}, {"c": "2"})
        container.add_env("B", "2")
        container.add_env("A", "3")
        return container.env, container.to_flyte_idl()

    same_outcome(added, fk_task, task)


def test_container_env_keeps_repeated_keys() -> None:
    """A message may list a key twice: the dict shows the last value; the message read keeps both pairs."""
    from flyteidl.core import literals_pb2, tasks_pb2

    pb = tasks_pb2.Container(
        env=[literals_pb2.KeyValuePair(key="K", value="1"), literals_pb2.KeyValuePair(key="K", value="2")]
    )
    container = task.Container.from_flyte_idl(pb)
    assert container.env == fk_task.Container.from_flyte_idl(pb).env == {"K": "2"}
    assert container.to_flyte_idl() == pb


def test_literal_value_and_metadata() -> None:
    def literal(module: Any) -> Any:
        found = module.Literal(scalar=module.Scalar(primitive=module.Primitive(integer=3)))
        found.set_metadata({"k": "v"})
        found.hash = "h"
        return found.value, found.value.value, found.value.value.value, found.metadata, found.hash, found.to_flyte_idl()

    same_outcome(literal, fk_literals, literals)


def test_type_annotations_merge_and_compare() -> None:
    def merged(module: Any) -> Any:
        first, second = module.TypeAnnotation({"a": 1, "b": {"c": 2}}), module.TypeAnnotation({"b": {"d": 3}})
        result = module.TypeAnnotation.merge_annotations(first, second)
        return result.annotations, result == module.TypeAnnotation(result.annotations), first == second

    same_outcome(merged, fk_annotation, annotation)


def test_literal_type_rich_repr() -> None:
    def rich(module: Any) -> Any:
        inner = module.LiteralType(simple=module.SimpleType.INTEGER)
        return [
            list(module.LiteralType(**kwargs).__rich_repr__())
            for kwargs in (
                {"simple": module.SimpleType.STRING},
                {"collection_type": inner},
                {"map_value_type": inner},
            )
        ]

    same_outcome(rich, fk_types, types)


ATTR_PATHS = [
    pytest.param({"string_value": "a"}, id="key"),
    pytest.param({"int_value": 3}, id="index"),
    pytest.param({"int_value": 0}, id="index 0"),
    pytest.param({}, id="unset", marks=_pending("types.OutputReference.attr_path")),
]


@pytest.mark.parametrize("step", ATTR_PATHS)
def test_output_reference_attr_path(step: dict[str, Any]) -> None:
    from flyteidl.core import types_pb2

    pb = types_pb2.OutputReference(node_id="n", var="v", attr_path=[types_pb2.PromiseAttribute(**step)])
    same_outcome(lambda module: module.OutputReference.from_flyte_idl(pb).attr_path, fk_types, types)


def test_output_reference_empty_key_stays_a_key() -> None:
    """The documented deviation: flytekit reads an empty key as the index 0."""
    from flyteidl.core import types_pb2

    assert "types.OutputReference.attr_path" in deviations.VALUES
    pb = types_pb2.OutputReference(attr_path=[types_pb2.PromiseAttribute(string_value="")])
    assert fk_types.OutputReference.from_flyte_idl(pb).attr_path == [0]
    assert types.OutputReference.from_flyte_idl(pb).attr_path == [""]
    assert types.OutputReference.from_flyte_idl(pb).to_flyte_idl() == pb


def test_pod_templates() -> None:
    pod = task.K8sPod(
        metadata=task.K8sObjectMetadata(labels={"a": "b"}, annotations={"c": "d"}),
        pod_spec={"containers": [{"name": "primary", "image": "img"}]},
        primary_container_name="primary",
    )
    theirs = fk_task.K8sPod.from_flyte_idl(pod.to_flyte_idl())
    assert not values.differences(_pod_template(theirs.to_pod_template()), _pod_template(pod.to_pod_template()), "")
    template = pod.to_pod_template()  # from_pod_template needs the kubernetes client, on both sides
    same_outcome(lambda module: module.K8sPod.from_pod_template(template).to_flyte_idl(), fk_task, task)


def test_a_pod_template_override_takes_a_k8s_pod_message_as_it_is() -> None:
    # A K8sPod message has a pod_spec, as flytekit's PodTemplate does: it is written as the message it is.
    from flyteidl.core import tasks_pb2
    from flytemodels.flytekit.core import workflow

    pod = tasks_pb2.K8sPod(primary_container_name="primary", metadata={"labels": {"a": "b"}})
    assert workflow.TaskNodeOverrides(None, None, pod_template=pod).to_flyte_idl().pod_template == pod
    with pytest.raises(TypeError, match=r"flyteidl\.core\.K8sPod"):  # another message is still refused, by name
        workflow.TaskNodeOverrides(None, None, pod_template=tasks_pb2.Container()).to_flyte_idl()


def test_launch_plan_auto_activate() -> None:
    from flytekit.models import launch_plan as fk_launch_plan
    from flytemodels.flytekit import launch_plan

    def plans(module: Any) -> Any:
        plan = module.LaunchPlan(None, None, None, auto_activate=True)
        return plan.should_auto_activate, module.LaunchPlan(None, None, None).should_auto_activate

    same_outcome(plans, fk_launch_plan, launch_plan)
    plan = launch_plan.LaunchPlan(None, None, None, auto_activate=True)
    assert plan == launch_plan.LaunchPlan(None, None, None)  # not part of the message
