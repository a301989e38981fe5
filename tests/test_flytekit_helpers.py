"""flytekit's helpers and hand-written classes, called on both sides with the same arguments.

The differential tests cover every class that wraps an IDL message through
``from_flyte_idl``; this file covers what they cannot: the classes flytekit
writes by hand (filters, ``ArrayJob``, enum holders) and the helper methods
(``to_flyte_idl_list``, ``transform_interface_to_list``, ``from_python_std`` ...).
"""

from __future__ import annotations

from typing import Any

import pytest
from flytekit.models import array_job as fk_array_job
from flytekit.models import concurrency as fk_concurrency
from flytekit.models import documentation as fk_documentation
from flytekit.models import filters as fk_filters
from flytekit.models import interface as fk_interface
from flytekit.models import matchable_resource as fk_matchable_resource
from flytekit.models import named_entity as fk_named_entity
from flytekit.models import project as fk_project
from flytekit.models import task as fk_task
from flytekit.models import types as fk_types
from flytekit.models.admin import common as fk_admin_common
from flytemodels.core.literals import KeyValuePair

from flytemodels.flytekit import (
    array_job,
    concurrency,
    documentation,
    filters,
    interface,
    matchable_resource,
    named_entity,
    project,
    task,
    types,
)
from flytemodels.flytekit.admin import common as admin_common
from flytemodels.flytekit.common import FlyteIdlEntity
from tests.flytekit_compat import api

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
]
BAD_FILTER_STRINGS = ["bad(x,1)", "eq(a)", "eq(a,b,c)", "eq(a,b", "gt(a,b)x", " eq(a,b)", ""]


@pytest.mark.parametrize("text", FILTER_STRINGS)
def test_filters_parse_as_flytekit_does(text: str) -> None:
    theirs = fk_filters.Filter.from_python_std(text)
    ours = filters.Filter.from_python_std(text)
    assert type(ours).__name__ == type(theirs).__name__
    assert ours.to_flyte_idl() == theirs.to_flyte_idl()
    assert isinstance(ours, FlyteIdlEntity)


@pytest.mark.parametrize("text", BAD_FILTER_STRINGS)
def test_filters_refuse_what_flytekit_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        fk_filters.Filter.from_python_std(text)
    with pytest.raises(ValueError):
        filters.Filter.from_python_std(text)


def test_filter_lists_and_constructors_write_flytekit_strings() -> None:
    def build(module: Any) -> Any:
        return module.FilterList(
            [module.Equal("project", "p"), module.GreaterThan("size", 3), module.ValueIn("phase", ["A", "B"])]
        )

    assert (
        build(filters).to_flyte_idl()
        == build(fk_filters).to_flyte_idl()
        == "eq(project,p)+gt(size,3)+value_in(phase,A;B)"
    )
    assert filters.FilterList([]).to_flyte_idl() == fk_filters.FilterList([]).to_flyte_idl() == ""
    assert filters.Filter("a", "b").to_flyte_idl() == fk_filters.Filter("a", "b").to_flyte_idl()
    parsed = filters.FilterList.from_flyte_idl(build(filters).to_flyte_idl())
    assert parsed == build(filters) and hash(parsed) == hash(build(filters))


def test_set_filters_take_any_values() -> None:
    """flytekit's ``SetFilter`` joins its values with ``str.join`` and raises on ints; ours writes them."""
    with pytest.raises(TypeError):
        fk_filters.ValueIn("a", [1, 2]).to_flyte_idl()
    assert filters.ValueIn("a", [1, 2]).to_flyte_idl() == "value_in(a,1;2)"


# -- ArrayJob ---------------------------------------------------------------------------------

ARRAY_JOBS = [
    {"parallelism": 2, "size": 10, "min_successes": 3},
    {"parallelism": 2, "size": 10, "min_success_ratio": 0.5},
    {"size": 1, "min_successes": 0},
]


@pytest.mark.parametrize("arguments", ARRAY_JOBS)
def test_array_job_writes_flytekit_dicts(arguments: dict[str, Any]) -> None:
    theirs, ours = fk_array_job.ArrayJob(**arguments), array_job.ArrayJob(**arguments)
    assert ours.to_dict() == theirs.to_dict()
    assert ours.to_flyte_idl() == theirs.to_flyte_idl()
    back = array_job.ArrayJob.from_flyte_idl(theirs.to_flyte_idl())
    assert back == ours and back.to_dict() == theirs.to_dict()
    for name in ("parallelism", "size", "min_successes", "min_success_ratio"):
        assert getattr(array_job.ArrayJob.from_dict(theirs.to_dict()), name) == getattr(
            fk_array_job.ArrayJob.from_dict(theirs.to_dict()), name
        ), name


def test_array_job_setters() -> None:
    theirs, ours = fk_array_job.ArrayJob(2, 10, min_successes=3), array_job.ArrayJob(2, 10, min_successes=3)
    for job in (theirs, ours):
        job.size = 20
        job.min_successes = 5
    assert ours.to_dict() == theirs.to_dict()


def test_array_job_without_success_criteria_serializes() -> None:
    """flytekit's ``to_dict`` raises without ``min_successes`` or ``min_success_ratio``; ours writes what is set."""
    assert array_job.ArrayJob(parallelism=1).to_dict() == {"parallelism": "1"}


# -- enum holders --------------------------------------------------------------------------

HOLDER_ROWS = [row for row in api.pairs() if api.is_holder(row.flytekit) and hasattr(row.flytekit, "enum_to_string")]


@pytest.mark.parametrize("pair", HOLDER_ROWS, ids=[pair.key for pair in HOLDER_ROWS])
def test_enum_to_string_names_flytekits_constants(pair: api.Pair) -> None:
    for name, value in api.constants(pair.flytekit).items():
        expected = pair.flytekit.enum_to_string(value)
        if expected == "<UNKNOWN>":  # flytekit's table misses a constant it defines
            expected = name
        assert pair.ours.enum_to_string(value) == expected, name


def test_enum_to_string_prints_unknown_values_as_numbers() -> None:
    """flytekit prints "<UNKNOWN>" (or the number, depending on the class); ours always the number."""
    assert named_entity.NamedEntityState.enum_to_string(97) == "97"
    assert matchable_resource.MatchableResource.enum_to_string(97) == "97"


def test_holder_constants_go_into_idl_fields() -> None:
    metadata = named_entity.NamedEntityMetadata("d", named_entity.NamedEntityState.ARCHIVED)
    assert metadata.to_flyte_idl() == fk_named_entity.NamedEntityMetadata("d", 1).to_flyte_idl()
    policy = concurrency.ConcurrencyPolicy(3, concurrency.ConcurrencyLimitBehavior.SKIP)
    assert (
        policy.to_flyte_idl()
        == fk_concurrency.ConcurrencyPolicy(3, fk_concurrency.ConcurrencyLimitBehavior.SKIP).to_flyte_idl()
    )
    description = documentation.Description(value="v", format=documentation.Description.DescriptionFormat.MARKDOWN)
    fk_format = fk_documentation.Description.DescriptionFormat.MARKDOWN
    assert description.to_flyte_idl() == fk_documentation.Description(value="v", format=fk_format).to_flyte_idl()


def test_string_to_enum() -> None:
    for name in ("TASK_RESOURCE", "CLUSTER_RESOURCE", "EXECUTION_QUEUE", "EXECUTION_CLUSTER_LABEL"):
        mine = matchable_resource.MatchableResource.string_to_enum(name)
        assert mine == fk_matchable_resource.MatchableResource.string_to_enum(name)
    # flytekit's table lacks the last two (it answers "<UNKNOWN>"); the IDL enum knows every member
    assert matchable_resource.MatchableResource.string_to_enum("QUALITY_OF_SERVICE_SPECIFICATION") == 4
    assert matchable_resource.MatchableResource.string_to_enum("PLUGIN_OVERRIDE") == 5
    for name in ("FAIL", "USE_DEFAULT"):
        mine = matchable_resource.PluginOverride.string_to_enum(name)
        assert mine == fk_matchable_resource.PluginOverride.string_to_enum(name)
    with pytest.raises(ValueError, match="NOPE"):
        matchable_resource.MatchableResource.string_to_enum("NOPE")
    with pytest.raises(ValueError, match="NOPE"):
        matchable_resource.PluginOverride.string_to_enum("NOPE")


# -- helper methods -------------------------------------------------------------------------


def _variables(module: Any, types_module: Any) -> dict[str, Any]:
    return {
        "a": module.Variable(types_module.LiteralType(simple=1), "an int"),
        "b": module.Variable(types_module.LiteralType(simple=2), "a float"),
        "c": module.Variable(types_module.LiteralType(simple=3), "a string"),
    }


def test_variable_to_flyte_idl_list() -> None:
    ours, theirs = _variables(interface, types)["a"], _variables(fk_interface, fk_types)["a"]
    assert ours.to_flyte_idl_list() == theirs.to_flyte_idl_list()


@pytest.mark.parametrize(("bound", "excluded"), [(set(), set()), ({"b"}, set()), ({"b"}, {"c"}), (set(), {"a", "b"})])
def test_transform_interface_to_list(bound: set[str], excluded: set[str]) -> None:
    ours = interface.TypedInterface(_variables(interface, types), {"o": _variables(interface, types)["a"]})
    theirs = fk_interface.TypedInterface(
        _variables(fk_interface, fk_types), {"o": _variables(fk_interface, fk_types)["a"]}
    )
    assert ours.to_flyte_idl() == theirs.to_flyte_idl()
    assert ours.transform_interface_to_list(bound, excluded).to_flyte_idl() == (
        theirs.transform_interface_to_list(bound, excluded).to_flyte_idl()
    )
    assert sorted(ours.inputs) == sorted(theirs.inputs)


@pytest.mark.parametrize("text", ["asc(x)", "desc(created_at)", "asc( y )"])
def test_sort_from_python_std(text: str) -> None:
    ours = admin_common.Sort.from_python_std(text)
    assert ours.to_flyte_idl() == fk_admin_common.Sort.from_python_std(text).to_flyte_idl()


@pytest.mark.parametrize("text", ["bad", "ASC(x)", "asc(x", "up(x)"])
def test_sort_refuses_what_flytekit_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        fk_admin_common.Sort.from_python_std(text)
    with pytest.raises(ValueError):
        admin_common.Sort.from_python_std(text)


def test_project_states() -> None:
    for name in ("active_project", "archived_project"):
        assert (
            getattr(project.Project, name)("p").to_flyte_idl() == getattr(fk_project.Project, name)("p").to_flyte_idl()
        )


def test_container_add_env() -> None:
    def build(module: Any) -> Any:
        return module.Container("img", ["run"], ["--x"], module.Resources([], []), {"A": "1"}, {"c": "2"})

    ours, theirs = build(task), build(fk_task)
    assert ours.to_flyte_idl() == theirs.to_flyte_idl()
    for container in (ours, theirs):
        container.add_env("B", "2")
        container.add_env("A", "3")
    assert ours.to_flyte_idl() == theirs.to_flyte_idl()
    assert ours.env == theirs.env == {"A": "3", "B": "2"}


def test_container_env_keeps_repeated_keys() -> None:
    """A message may list a key twice; the dict shows the last value and gives the pairs back whole."""
    pb = task.Container(env=[KeyValuePair("K", "1"), KeyValuePair("K", "2")]).to_flyte_idl()
    container = task.Container.from_flyte_idl(pb)
    assert container.env == {"K": "2"}
    assert task.Container(env=container.env).to_flyte_idl() == pb


def test_flytekit_defaults_give_flytekits_messages() -> None:
    assert task.DataLoadingConfig("i", "o").to_flyte_idl() == fk_task.DataLoadingConfig("i", "o").to_flyte_idl()
    assert documentation.Description(value="v").to_flyte_idl() == fk_documentation.Description(value="v").to_flyte_idl()
    assert repr(documentation.Description.from_text("")) == "Description.from_text('')"


def test_k8s_pod_and_pod_templates() -> None:
    pod = task.K8sPod(
        metadata=task.K8sObjectMetadata(labels={"a": "b"}, annotations={"c": "d"}),
        pod_spec={"containers": [{"name": "primary", "image": "img"}]},
        primary_container_name="primary",
    )
    template = pod.to_pod_template()
    expected = fk_task.K8sPod.from_flyte_idl(pod.to_flyte_idl()).to_pod_template()
    for name in ("labels", "annotations", "pod_spec", "primary_container_name"):
        assert getattr(template, name) == getattr(expected, name), name
    assert task.K8sPod.from_pod_template(template) == pod  # a dict pod spec needs no kubernetes client


def test_launch_plan_auto_activate() -> None:
    from flytemodels.flytekit import launch_plan

    plan = launch_plan.LaunchPlan(auto_activate=True)
    assert plan.should_auto_activate
    assert not launch_plan.LaunchPlan.from_flyte_idl(plan.to_flyte_idl()).should_auto_activate
    assert plan == launch_plan.LaunchPlan()  # not part of the message
