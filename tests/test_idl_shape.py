"""The IDL family has the IDL's shape and nothing else (issue 9).

For every message class of ``flytemodels`` and ``flytemodels.v2``: the
constructor takes the fields in declaration order, named as the properties;
no property can be set or deleted and every model hashes; a hand-written
override only adds a property per oneof that returns the member that is set.
The classes whose overrides used to take flytekit's shape (argument orders,
renamed arguments, dict-shaped fields, setters, flytekit-only helpers) have
the IDL's again; that shape lives in the separate ``flytemodels.flytekit``.
Rebuilding every model from its own properties, positionally and by keyword,
is checked over seeded instances of every message in tests/test_roundtrip.py.
"""

from __future__ import annotations

import datetime as dt
import inspect
import random
from typing import Any

import pytest
from flytemodels.admin.cluster_assignment import ClusterAssignment
from flytemodels.admin.description_entity import Description, DescriptionEntity
from flytemodels.admin.launch_plan import ConcurrencyPolicy, LaunchPlan
from flytemodels.admin.node_execution import WorkflowNodeMetadata
from flytemodels.admin.task import TaskSpec
from flytemodels.core.errors import ContainerError
from flytemodels.core.identifier import Identifier, WorkflowExecutionIdentifier
from flytemodels.core.interface import TypedInterface, Variable, VariableMap
from flytemodels.core.literals import KeyValuePair, Literal, LiteralOffloadedMetadata, Union
from flytemodels.core.security import OAuth2TokenRequest, Secret
from flytemodels.core.tasks import Container, DataLoadingConfig, K8sPod, TaskTemplate
from flytemodels.core.types import LiteralType, OutputReference, PromiseAttribute, SimpleType
from flytemodels.plugins.qubole import HiveQuery

from tests.support import catalog, filler

CASES = tuple(case for idl in (catalog.FLYTEIDL, catalog.FLYTEIDL2) for case in idl.messages())


def _properties(model_class: type) -> set[str]:
    return {name for klass in model_class.__mro__ for name, item in vars(klass).items() if isinstance(item, property)}


def _attribute(model_class: type, field: str) -> str:
    """A field's property (a reserved name gets a trailing ``_``)."""
    return field if field in _properties(model_class) else field + "_"


def _overrides(model_class: type) -> list[type]:
    """The hand-written classes in ``model_class``'s MRO (empty for a purely generated class)."""
    return [klass for klass in model_class.__mro__ if "._overrides." in klass.__module__]


def test_every_constructor_takes_the_fields_in_declaration_order() -> None:
    wrong = []
    for case in CASES:
        fields = tuple(field.name for field in case.descriptor.fields)
        parameters = list(inspect.signature(case.model).parameters.values())
        expected = [_attribute(case.model, field) for field in fields]
        plain = all(p.kind is p.POSITIONAL_OR_KEYWORD and p.default is None for p in parameters)
        if (case.model._FIELDS, [p.name for p in parameters], plain) != (fields, expected, True):
            wrong.append(case.full_name)
    assert wrong == []


def test_every_model_is_read_only_and_hashable() -> None:
    for case in CASES:
        pb = filler.fill(case.pb_class, random.Random(case.full_name), filler.DEFAULT.plain())
        model = case.model.from_flyte_idl(pb)
        for name in _properties(case.model):
            with pytest.raises(AttributeError):
                setattr(model, name, getattr(model, name))
            with pytest.raises(AttributeError):
                delattr(model, name)
        with pytest.raises(AttributeError):
            model.not_a_field = 1
        assert model.to_flyte_idl() == pb, case.full_name  # nothing above changed it
        assert hash(model) == hash(case.model.from_bytes(model.serialize_to_string())), case.full_name
        assert {model: 1}[case.model.from_flyte_idl(pb)] == 1, case.full_name


#: What a class body with a docstring and ``__slots__`` holds, and nothing that changes behaviour.
CLASS_DUNDERS = {"__module__", "__qualname__", "__doc__", "__slots__", "__firstlineno__", "__static_attributes__"}
#: Generic's own record of a subclass's type parameters (``Message`` is generic over its pb2 class).
CLASS_DUNDERS |= {"__parameters__"}


def test_overrides_only_add_oneof_accessors() -> None:
    """No constructor, text or identity of their own: one property per oneof, named as the oneof."""
    overridden = [case for case in CASES if _overrides(case.model)]
    assert {case.full_name for case in overridden} >= {"flyteidl.core.Literal", "flyteidl.core.Node"}
    for case in overridden:
        oneofs = set(case.descriptor.oneofs_by_name)
        for klass in _overrides(case.model):
            dunders = {name for name in vars(klass) if name.startswith("__")}
            assert dunders <= CLASS_DUNDERS, f"{klass.__qualname__} defines {sorted(dunders - CLASS_DUNDERS)}"
            added = set(vars(klass)) - dunders
            assert added and added <= oneofs, f"{klass.__qualname__}: {sorted(added - oneofs)} are not oneofs"
            assert all(isinstance(vars(klass)[name], property) for name in added), klass.__qualname__
        for seed in range(5):
            pb = filler.fill(case.pb_class, random.Random(f"{case.full_name}/{seed}"), filler.DEFAULT.plain())
            model = case.model.from_flyte_idl(pb)
            for oneof in oneofs & _properties(case.model):
                member = model.which_oneof(oneof)
                assert getattr(model, oneof) == (None if member is None else getattr(model, member))


# -- the classes that used to take flytekit's shape -------------------------------------------------


def test_positional_arguments_follow_the_idl() -> None:
    integer_type = LiteralType(simple=SimpleType.INTEGER)
    assert Union(Literal(hash="v"), integer_type) == Union(value=Literal(hash="v"), type=integer_type)
    offloaded = LiteralOffloadedMetadata(uri="s3://x")
    assert Literal(None, None, None, offloaded, "h").offloaded_metadata == offloaded  # not flytekit's (…, hash, …)
    pod = K8sPod(pod_spec={"containers": []})
    assert TaskTemplate(None, "t", None, None, None, None, pod).k8s_pod == pod  # the IDL's 7th field
    assert Secret("g", "v", "k").group_version == "v"  # flytekit put key second
    assert LiteralType(None, None, None, None, None, None, None, None, {"m": 1.0}).metadata == {"m": 1.0}


def test_fields_have_the_idl_names_and_types() -> None:
    variables = VariableMap(variables={"x": Variable(description="d")})
    interface = TypedInterface(inputs=variables)
    assert interface.inputs == variables and interface.outputs is None  # a VariableMap, not a dict
    env = [KeyValuePair(key="K", value="1"), KeyValuePair(key="K", value="2")]
    assert Container(env=env).env == env  # repeated pairs, a key twice included
    steps = [PromiseAttribute(string_value="a"), PromiseAttribute(int_value=0)]
    assert OutputReference(node_id="n", var="o", attr_path=steps).attr_path == steps
    assert ConcurrencyPolicy(max=3).max == 3
    assert ClusterAssignment(cluster_pool_name="p").cluster_pool_name == "p"
    assert HiveQuery(retryCount=2).retryCount == 2
    execution = WorkflowExecutionIdentifier(name="e")
    assert WorkflowNodeMetadata(executionId=execution).executionId == execution
    assert TaskSpec(description=DescriptionEntity(short_description="s")).description.short_description == "s"
    assert OAuth2TokenRequest(type=0).type is OAuth2TokenRequest.Type.CLIENT_CREDENTIALS
    when = dt.datetime(2024, 1, 2, tzinfo=dt.UTC)
    assert ContainerError(timestamp=when).timestamp == when  # a datetime, as every Timestamp field takes
    identifier = Identifier(project="p")
    assert str(identifier) == identifier.short_string()  # not flytekit's TYPE:project:domain:name:version


@pytest.mark.parametrize(
    ("build", "given"),
    [
        (lambda: TypedInterface(inputs={"x": Variable()}), "a dict for a VariableMap"),  # type: ignore[arg-type]
        (lambda: Container(env={"K": "v"}), "a dict for repeated pairs"),  # type: ignore[arg-type]
        (lambda: OutputReference(attr_path=["a", 0]), "keys for PromiseAttributes"),  # type: ignore[list-item]
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_flytekit_shaped_values_are_refused(build: Any, given: str) -> None:
    with pytest.raises(TypeError):
        build()


@pytest.mark.parametrize(
    ("build", "argument"),
    [
        (Union, "stored_type"),
        (LaunchPlan, "auto_activate"),
        (ConcurrencyPolicy, "max_concurrency"),
        (ClusterAssignment, "cluster_pool"),
        (HiveQuery, "retry_count"),
        (TaskSpec, "docs"),
        (Container, "data_loading_config"),
        (OAuth2TokenRequest, "type_"),
    ],
)
def test_flytekit_argument_names_are_refused(build: Any, argument: str) -> None:
    with pytest.raises(TypeError):
        build(**{argument: None})


def test_no_defaults_beyond_the_empty_message() -> None:
    assert Description().is_empty and repr(Description()) == "Description()"  # flytekit defaults format to RST
    assert DataLoadingConfig().is_empty and repr(DataLoadingConfig()) == "DataLoadingConfig()"  # enabled, PROTO


#: What the overrides had for flytekit and the IDL does not: in ``flytemodels.flytekit`` now.
FLYTEKIT_ONLY = [
    (Literal, "set_metadata"),
    (Union, "stored_type"),
    (Container, "add_env"),
    (Container, "data_loading_config"),
    (K8sPod, "to_pod_template"),
    (K8sPod, "from_pod_template"),
    (DataLoadingConfig, "LITERALMAP_FORMAT_JSON"),
    (LaunchPlan, "should_auto_activate"),
    (ConcurrencyPolicy, "max_concurrency"),
    (Identifier, "resource_type_name"),
    (Variable, "to_flyte_idl_list"),
    (TypedInterface, "transform_interface_to_list"),
    (Description, "DescriptionFormat"),
]


@pytest.mark.parametrize(("model_class", "name"), FLYTEKIT_ONLY, ids=[f"{c.__name__}.{n}" for c, n in FLYTEKIT_ONLY])
def test_flytekit_only_members_are_gone(model_class: type, name: str) -> None:
    assert not hasattr(model_class, name)
