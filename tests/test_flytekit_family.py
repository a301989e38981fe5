"""The flytekit family's runtime: held or value-built models that serialize what they hold, losing nothing.

These check the behaviours flytekit's own code relies on (private attributes
it writes, mutation of children, identity, insertion order, pickles) and the
ones flytemodels adds (nothing dropped after reads: unknown fields,
nanoseconds, fields flytekit has no attribute for).
"""

from __future__ import annotations

import copy
import datetime
import pickle
import random
import sys
from typing import Any

import pytest
from flyteidl.admin import execution_pb2
from flyteidl.core import identifier_pb2, literals_pb2, tasks_pb2, types_pb2
from flytemodels.flytekit import _index
from flytemodels.flytekit import execution as fm_execution
from flytemodels.flytekit import literals as fm_literals
from flytemodels.flytekit import matchable_resource as fm_matchable
from flytemodels.flytekit import task as fm_task
from flytemodels.flytekit import types as fm_types
from flytemodels.flytekit.core import identifier as fm_identifier
from flytemodels.flytekit.core import workflow as fm_workflow
from flytemodels.flytekit.interface import TypedInterface, Variable
from google.protobuf import timestamp_pb2
from hypothesis import given
from hypothesis import strategies as st

from flytemodels._flytekit.entity import FlyteIdlEntity, FlytekitModel
from flytemodels._runtime import unread
from flytemodels._runtime.shapes.base import EAGER_LEVELS, attribute
from tests.support import filler
from tests.support.threads import race

CLASSES = sorted(_index.CLASSES.items())


def family_class(module: str, qualname: str) -> Any:
    found: Any = sys.modules.get(module) or __import__(module, fromlist=["_"])
    for part in qualname.split("."):
        found = getattr(found, part)
    return found


def walk(model: Any, depth: int = 0) -> None:
    """Read every attribute of ``model`` and of every model it hands out (those of fields flytekit
    lacks too, which converting leaves for their properties to read)."""
    if depth > 12:
        return
    for attr in type(model)._SHAPES:
        value = attribute(model, attr)
        items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, FlytekitModel):
                walk(item, depth + 1)


@pytest.mark.parametrize(("message", "where"), CLASSES, ids=[name for name, _ in CLASSES])
def test_lossless_round_trip_even_after_every_attribute_was_read(message: str, where: tuple[str, str]) -> None:
    cls = family_class(*where)
    rng = random.Random(message)
    for _ in range(8):
        pb = filler.fill(cls._PB, rng)  # unknown fields and enum values, nanoseconds, every oneof branch
        assert cls.from_flyte_idl(pb).to_flyte_idl() == pb
        model = cls.from_flyte_idl(pb)
        if model._FM_UNREAD:  # (dataclasses are read when built)
            unread.convert(model)  # as a first read does: the fields flytekit lacks are left to their properties
        assert model.to_flyte_idl() == pb, f"{message}: converting changed what the model serializes"
        walk(model)
        assert model.to_flyte_idl() == pb, f"{message}: a read changed what the model serializes"


@pytest.mark.parametrize(("message", "where"), CLASSES, ids=[name for name, _ in CLASSES])
def test_every_attribute_reads_as_its_shape_does(message: str, where: tuple[str, str]) -> None:
    # The generated reader converts most attributes with the message, properties read the rest late:
    # both must hand out what the shapes themselves read (the path of hand-written classes).
    cls = family_class(*where)
    rng = random.Random(f"shapes/{message}")
    for _ in range(4):
        pb = filler.fill(cls._PB, rng)
        model = cls.from_flyte_idl(pb)
        by_shapes: dict[str, Any] = {}
        for attr, read in unread._readers(cls):
            if attr is None:
                read(pb, by_shapes)  # a oneof's members
            else:
                by_shapes[attr] = read(pb)
        late = {attr: _as_messages(attribute(model, attr)) for attr in cls._SHAPES}
        assert late == {attr: _as_messages(value) for attr, value in by_shapes.items()}


def _as_messages(value: Any) -> Any:
    """``value`` with every model as its message (some of flytekit's models compare as dicts, NaN and all)."""
    if isinstance(value, FlyteIdlEntity):
        return value.to_flyte_idl()
    if isinstance(value, list):
        return [_as_messages(item) for item in value]
    if isinstance(value, dict):
        return {key: _as_messages(item) for key, item in value.items()}
    return value


def test_fields_flytekit_lacks_are_read_when_first_asked_for() -> None:
    # flytekit's ExecutionClosure has no workflow_id; its own code never asks for one, so converting skips it.
    pb = execution_pb2.ExecutionClosure(phase=4, workflow_id=identifier_pb2.Identifier(name="wf"))
    closure = fm_execution.ExecutionClosure.from_flyte_idl(pb)
    assert closure.phase == 4  # converts
    assert "_workflow_id" not in vars(closure)
    assert closure.to_flyte_idl() == pb  # until asked for, the message's value stands
    workflow_id = closure.workflow_id
    assert workflow_id.name == "wf" and closure.workflow_id is workflow_id  # read once, then kept
    workflow_id._name = "changed"
    assert closure.to_flyte_idl().workflow_id.name == "changed"


def test_threads_asking_first_for_a_field_flytekit_lacks_all_get_the_one_kept() -> None:
    pb = execution_pb2.ExecutionClosure(phase=4, workflow_id=identifier_pb2.Identifier(name="wf"))
    for _ in range(20):
        closure = fm_execution.ExecutionClosure.from_flyte_idl(pb)
        assert closure.phase == 4  # converted; workflow_id left unread
        seen = race(lambda closure=closure: closure.workflow_id, 8)
        assert all(found is closure.workflow_id for found in seen)


def test_a_field_flytekit_lacks_assigned_before_it_was_read_is_serialized() -> None:
    pb = execution_pb2.ExecutionClosure(phase=4, workflow_id=identifier_pb2.Identifier(name="wf"))
    replaced = fm_execution.ExecutionClosure.from_flyte_idl(pb)
    replaced._workflow_id = fm_identifier.Identifier(fm_identifier.ResourceType.WORKFLOW, "p", "d", "other", "v")
    assert replaced.to_flyte_idl().workflow_id.name == "other"
    cleared = fm_execution.ExecutionClosure.from_flyte_idl(pb)
    cleared._workflow_id = None
    assert not cleared.to_flyte_idl().HasField("workflow_id")
    built = fm_execution.ExecutionClosure(4, None, None, workflow_id=None)
    del built._workflow_id  # built from values: there is no message to read it from
    with pytest.raises(AttributeError, match="_workflow_id"):
        _ = built.workflow_id


@given(st.timedeltas())
def test_a_timedelta_is_written_as_protobufs_from_timedelta_writes_it(value: datetime.timedelta) -> None:
    # flytekit writes its durations with FromTimedelta; the family writes the same from the fields.
    expected = tasks_pb2.TaskMetadata()
    expected.timeout.FromTimedelta(value)
    expected.timeout.SetInParent()  # a zero duration is given too
    written = tasks_pb2.TaskMetadata()
    fm_task.TaskMetadata._SHAPES["_timeout"].put(written, value)
    assert written == expected


def test_private_attributes_written_by_flytekit_are_serialized() -> None:
    literal_type = fm_types.LiteralType(simple=fm_types.SimpleType.STRING)
    literal_type._structure = fm_types.TypeStructure(tag="str")  # what flytekit's type engine does
    assert literal_type.to_flyte_idl().structure.tag == "str"


def test_an_attribute_assigned_before_any_read_survives_the_first_read() -> None:
    # flytekit's FlyteRemote does this: `flyte_task.template._id = task_id` on a template read from admin.
    pb = tasks_pb2.TaskTemplate(
        type="python", id=identifier_pb2.Identifier(name="old"), metadata={"retries": {"retries": 2}}
    )
    template = fm_task.TaskTemplate.from_flyte_idl(pb)
    template._id = fm_identifier.Identifier(fm_identifier.ResourceType.TASK, "p", "d", "new", "v")
    assert template.metadata.retries.retries == 2  # the first read converts every other attribute
    assert template.id.name == "new"
    assert template.to_flyte_idl().id.name == "new" and template.to_flyte_idl().metadata.retries.retries == 2


def test_a_subclass_constructor_that_leaves_an_attribute_unset_serializes_what_it_set() -> None:
    class Partial(fm_identifier.Identifier):
        def __init__(self, name: str) -> None:  # sets one attribute of six, and never calls the base
            self._name = name

    assert Partial("n").to_flyte_idl() == identifier_pb2.Identifier(name="n")


def test_a_subclass_that_writes_itself_is_asked_to_by_to_flyte_idl() -> None:
    # Generated classes write a value-built model straight from to_flyte_idl; an override of
    # _fm_write (as SecurityContext's) must still be called, on both kinds of model.
    class Upper(fm_identifier.Identifier):
        def _fm_write(self, target: Any) -> bool | None:
            written = super()._fm_write(target)
            target.name = target.name.upper()
            return written

    pb = identifier_pb2.Identifier(resource_type=1, project="p", name="n")
    assert Upper(1, "p", "", "n", "").to_flyte_idl().name == "N"
    assert Upper.from_flyte_idl(pb).to_flyte_idl().name == "N"


def _nested_literal(levels: int) -> Any:
    pb = literals_pb2.Literal(scalar=literals_pb2.Scalar(primitive=literals_pb2.Primitive(integer=7)))
    for _ in range(levels):
        pb = literals_pb2.Literal(collection=literals_pb2.LiteralCollection(literals=[pb]))
    return pb


def _levels_to_the_leaf(literal: Any) -> tuple[int, Any]:
    levels = 0
    while literal.collection is not None:
        literal, levels = literal.collection.literals[0], levels + 1
    return levels, literal.scalar.primitive.integer


def _at_stack_depth(frames: int, call: Any) -> Any:
    return call() if frames == 0 else _at_stack_depth(frames - 1, call)


def test_a_first_read_converts_a_bounded_subtree_and_deeper_levels_convert_when_read() -> None:
    pb = _nested_literal(45)  # 90 messages deep: more than one first read converts (EAGER_LEVELS)
    model = fm_literals.Literal.from_flyte_idl(pb)
    assert model.collection is not None
    converted, level = 0, model  # down the converted levels without reading (a read would convert)
    while set(vars(level)) != {"_fm_pb"}:
        children = vars(level).get("_literals") or [vars(level)["_collection"]]
        level, converted = children[0], converted + 1
    assert converted == EAGER_LEVELS + 1  # the model read, and its children EAGER_LEVELS deep
    assert model.to_flyte_idl() == pb  # writing recurses through the converted levels only
    assert _levels_to_the_leaf(model) == (45, 7)


def test_a_first_read_on_an_almost_full_stack_still_converts() -> None:
    # The children the stack has no room for stay unconverted, and convert when read from a shallower stack.
    model = fm_literals.Literal.from_flyte_idl(_nested_literal(40))
    first = _at_stack_depth(sys.getrecursionlimit() - 80, lambda: model.collection)
    assert first is not None and _levels_to_the_leaf(model) == (40, 7)
    assert model.to_flyte_idl() == _nested_literal(40)


def test_threads_reading_one_unread_model_all_see_it_converted() -> None:
    pb = filler.fill(execution_pb2.Execution, random.Random("threads"), filler.Options(max_depth=4))
    execution_class = family_class(*dict(CLASSES)["flyteidl.admin.Execution"])
    shared = execution_class.from_flyte_idl(pb)  # unread when the threads start
    race(lambda: walk(shared), 8)  # raises what a thread raised: an attribute missing mid-conversion, say
    assert type(shared) is execution_class and shared.to_flyte_idl() == pb


def test_a_held_parent_serializes_a_change_made_to_a_child_it_handed_out() -> None:
    pb = tasks_pb2.TaskTemplate(type="python", metadata=tasks_pb2.TaskMetadata(discoverable=True))
    template = fm_task.TaskTemplate.from_flyte_idl(pb)
    template.metadata._retries = fm_literals.RetryStrategy(5)
    result = template.to_flyte_idl()
    assert result.metadata.retries.retries == 5
    assert result.metadata.discoverable and result.type == "python"


_UNKNOWN = b"\xa0\x06\x07"  # field 100, varint 7: a field this IDL does not know


def _with_unknown(pb: Any) -> Any:
    return type(pb).FromString(pb.SerializeToString() + _UNKNOWN)


def _template_pb() -> Any:
    """A task template whose root and metadata carry unknown fields; its interface is unset."""
    pb = tasks_pb2.TaskTemplate(type="python", metadata=_with_unknown(tasks_pb2.TaskMetadata(discoverable=True)))
    pb.id.CopyFrom(identifier_pb2.Identifier(resource_type=identifier_pb2.TASK, project="p", name="t", org="o"))
    return _with_unknown(pb)


def test_a_read_tree_serializes_every_change_over_its_message_and_nothing_else() -> None:
    # A read model writes a copy of its message, then only what differs from it (children that
    # still hold their part of the message in place): unknown fields, fields flytekit has no
    # attribute for (org) and an unset child read as an empty model (interface) all stay as they were.
    template = fm_task.TaskTemplate.from_flyte_idl(_template_pb())
    assert template.interface is not None and template.metadata.discoverable  # reads convert the tree
    assert template.to_flyte_idl() == _template_pb()
    assert not template.to_flyte_idl().HasField("interface")

    template.id._name = "renamed"
    template.id._resource_type = fm_identifier.ResourceType.WORKFLOW
    template.metadata._discoverable = False
    template._type = "container"
    expected = _template_pb()
    expected.id.name, expected.id.resource_type = "renamed", identifier_pb2.WORKFLOW
    expected.metadata.discoverable, expected.type = False, "container"
    assert template.to_flyte_idl() == expected

    template._metadata = fm_task.TaskMetadata.from_flyte_idl(
        tasks_pb2.TaskMetadata(retries=literals_pb2.RetryStrategy(retries=2))
    )
    template._id = fm_identifier.Identifier(1, "q", "d", "n", "v")  # built from values: written as given
    expected.metadata.Clear()
    expected.metadata.retries.retries = 2
    expected.id.Clear()
    expected.id.MergeFrom(identifier_pb2.Identifier(resource_type=1, project="q", domain="d", name="n", version="v"))
    assert template.to_flyte_idl() == expected

    template._sql = fm_task.Sql("select 1")  # assigned into an unset oneof member
    expected.sql.statement = "select 1"
    assert template.to_flyte_idl() == expected

    del template._type  # a deleted attribute: the message's value stands
    expected.type = "python"
    assert template.to_flyte_idl() == expected


def _integer(value: int) -> Any:
    return literals_pb2.Literal(scalar=literals_pb2.Scalar(primitive=literals_pb2.Primitive(integer=value)))


def test_read_lists_and_maps_serialize_their_items_changes() -> None:
    # Items still the ones read apply their changes in place; a list or map changed as a whole is rewritten.
    pb = literals_pb2.LiteralMap()
    pb.literals["a"].CopyFrom(_with_unknown(_integer(1)))
    pb.literals["b"].collection.literals.extend([_integer(2), _with_unknown(_integer(3))])
    literal_map = fm_literals.LiteralMap.from_flyte_idl(pb)
    items = literal_map.literals["b"].collection.literals
    items[1].scalar.primitive._integer = 30
    literal_map.literals["a"].scalar._primitive = None  # a oneof member read as set, now unset
    expected = literals_pb2.LiteralMap()
    expected.CopyFrom(pb)
    expected.literals["b"].collection.literals[1].scalar.primitive.integer = 30
    expected.literals["a"].scalar.ClearField("primitive")
    assert literal_map.to_flyte_idl() == expected

    items.append(fm_literals.Literal(scalar=fm_literals.Scalar(primitive=fm_literals.Primitive(integer=4))))
    literal_map.literals["c"] = fm_literals.Literal.from_flyte_idl(_integer(5))
    expected.literals["b"].collection.literals.append(_integer(4))
    expected.literals["c"].CopyFrom(_integer(5))
    assert literal_map.to_flyte_idl() == expected
    assert fm_literals.LiteralMap.from_flyte_idl(pb).to_flyte_idl() == pb  # the message read is untouched


def test_values_are_kept_as_given_and_handed_back_as_the_same_objects() -> None:
    the_id = fm_identifier.Identifier(fm_identifier.ResourceType.TASK, "p", "d", "n", "v")
    custom = {"a": 1, "nested": {"b": [1, 2]}}
    template = fm_task.TaskTemplate(the_id, "python", None, None, custom)
    assert template.id is the_id
    assert template.custom is custom  # ints stay ints; a Struct would give floats back
    assert template.to_flyte_idl().custom.fields["a"].number_value == 1


def test_dict_attributes_keep_insertion_order() -> None:
    outputs = {f"o{index}": Variable(fm_types.LiteralType(simple=1), "") for index in range(4)}
    interface = TypedInterface({}, outputs)
    assert list(interface.outputs) == ["o0", "o1", "o2", "o3"]
    assert set(TypedInterface.from_flyte_idl(interface.to_flyte_idl()).outputs) == set(outputs)  # a map has no order


def test_flytekit_coercions_and_defaults() -> None:
    metadata = fm_workflow.NodeMetadata("n", timeout=0)  # @task's default timeout
    assert metadata.timeout == 0
    assert not metadata.to_flyte_idl().HasField("timeout")
    assert fm_workflow.NodeMetadata("n").timeout == datetime.timedelta()
    assert fm_literals.Literal().hash is None
    assert fm_literals.Literal.from_flyte_idl(literals_pb2.Literal()).hash is None


def test_constructor_checks_run_when_their_arguments_are_given() -> None:
    # The hand-written checks run only when an argument they look at is given (post_init in the table).
    stamp = fm_literals.Primitive(datetime=timestamp_pb2.Timestamp(seconds=86_400, nanos=5))
    assert vars(stamp)["_datetime"] == datetime.datetime(1970, 1, 2)  # flytekit's naive UTC, to the second
    assert fm_literals.Primitive(integer=3).integer == 3
    with pytest.raises(ValueError, match="At most one of container, k8s_pod or sql"):
        fm_task.TaskTemplate(None, "t", None, None, None, k8s_pod=1, sql=1)
    with pytest.raises(ValueError, match="Only one target can be set"):
        fm_matchable.MatchingAttributes(
            fm_matchable.ClusterResourceAttributes({"a": "b"}), fm_matchable.ExecutionQueueAttributes(["q"])
        )
    queue = fm_matchable.ExecutionQueueAttributes(["q"])
    assert fm_matchable.MatchingAttributes(execution_queue_attributes=queue).execution_queue_attributes is queue


def test_equality_and_hash_are_flytekits() -> None:
    first = fm_identifier.Identifier(1, "p", "d", "n", "v")
    second = fm_identifier.Identifier.from_flyte_idl(first.to_flyte_idl())
    assert first == second and hash(first) == hash(second)
    assert hash(first) == hash(first.to_flyte_idl().SerializeToString(deterministic=True))
    assert first != first.to_flyte_idl()  # a message is not an entity
    assert isinstance(first, FlyteIdlEntity)
    assert str(first) == "TASK:p:d:n:v"


def test_hash_is_kept_while_untouched_and_never_pickled() -> None:
    pb = literals_pb2.Literal(hash="h")
    literal = fm_literals.Literal.from_flyte_idl(pb)
    expected = hash(pb.SerializeToString(deterministic=True))
    assert hash(literal) == hash(literal) == expected  # the second one is kept
    assert "_fm_hashed" not in pickle.loads(pickle.dumps(literal)).__dict__  # hash(bytes) is per process
    literal.hash = "other"  # touched: the hash follows the change
    assert hash(literal) == hash(literal.to_flyte_idl().SerializeToString(deterministic=True)) != expected
    assert literal.to_flyte_idl().hash == "other"


def test_text_is_flytekits() -> None:
    literal = fm_literals.Literal(scalar=fm_literals.Scalar(primitive=fm_literals.Primitive(integer=3)))
    assert str(literal) == "Flyte Serialized object (Literal):\n  scalar:\n    primitive:\n      integer: 3"
    assert repr(literal) == str(literal.to_flyte_idl())
    assert literal._repr_html_().startswith("<h4>Literal</h4><pre>scalar:")


@pytest.mark.parametrize("build", ["value", "held"])
def test_pickles_round_trip(build: str) -> None:
    literal = fm_literals.Literal(scalar=fm_literals.Scalar(primitive=fm_literals.Primitive(string_value="x")))
    if build == "held":
        literal = fm_literals.Literal.from_flyte_idl(literal.to_flyte_idl())
    loaded = pickle.loads(pickle.dumps(literal))
    assert loaded == literal and loaded.scalar.primitive.string_value == "x"


def test_a_pickle_made_by_flytekit_loads() -> None:
    flytekit_literals = pytest.importorskip("flytekit.models.literals")
    data = pickle.dumps(flytekit_literals.Literal(hash="h", metadata={"k": "v"}))
    with pytest.MonkeyPatch.context() as patch:  # what `flytekit.models` resolved to flytemodels.flytekit does
        patch.setitem(sys.modules, "flytekit.models.literals", fm_literals)
        loaded = pickle.loads(data)
    assert type(loaded) is fm_literals.Literal
    assert loaded.hash == "h" and loaded.to_flyte_idl().metadata == {"k": "v"}


def test_a_wrong_value_is_reported_with_its_field_when_serializing() -> None:
    literal_type = fm_types.LiteralType(simple=[1])
    with pytest.raises(TypeError, match=r"LiteralType\.simple"):
        literal_type.to_flyte_idl()
    with pytest.raises(TypeError, match=r"^Identifier\.project: .*int"):  # a plain field, assigned inline
        fm_identifier.Identifier(1, 5, "d", "n", "v").to_flyte_idl()
    execution = fm_identifier.WorkflowExecutionIdentifier("p", 5, "x")  # the same leaf, written by its parent
    with pytest.raises(TypeError, match=r"^NodeExecutionIdentifier\.execution_id: WorkflowExecutionIdentifier\.domain"):
        fm_identifier.NodeExecutionIdentifier("n", execution).to_flyte_idl()
    node = fm_workflow.NodeMetadata("n", retries=fm_literals.Literal())
    wrong_child = r"^NodeMetadata\.retries: expected a RetryStrategy model or message, got Literal"
    with pytest.raises(TypeError, match=wrong_child):
        node.to_flyte_idl()
    with pytest.raises(TypeError, match=r"expected a flyteidl\.core\.LiteralType message, got flyteidl\.core\.Literal"):
        fm_types.LiteralType.from_flyte_idl(literals_pb2.Literal())


def test_an_unknown_attribute_is_an_attribute_error() -> None:
    held = fm_types.LiteralType.from_flyte_idl(types_pb2.LiteralType(simple=1))
    with pytest.raises(AttributeError, match="'LiteralType' object has no attribute '_nope'"):
        _ = held._nope


def test_crossing_families_keeps_the_message() -> None:
    from flytemodels.core.literals import Literal as IdlLiteral

    literal = fm_literals.Literal(scalar=fm_literals.Scalar(primitive=fm_literals.Primitive(integer=7)), hash="h")
    idl = literal.to_idl_model()
    assert type(idl) is IdlLiteral and idl.hash == "h" and idl.to_flyte_idl() == literal.to_flyte_idl()
    back = fm_literals.Literal.from_idl_model(idl)
    assert isinstance(back, fm_literals.Literal) and back == literal


def test_a_model_read_from_a_message_is_its_class_once_read_and_stands_for_it_before() -> None:
    pb = literals_pb2.Literal(scalar=literals_pb2.Scalar(primitive=literals_pb2.Primitive(integer=7)), hash="h")
    unread = fm_literals.Literal.from_flyte_idl(pb)
    assert isinstance(unread, fm_literals.Literal)
    assert type(unread).__name__ == "Literal" and repr(type(unread)) == repr(fm_literals.Literal)
    assert vars(unread) == {"_fm_pb": pb}  # nothing converted yet
    for again in (copy.copy(unread), copy.deepcopy(unread), pickle.loads(pickle.dumps(unread))):
        assert again == unread and vars(again) == {"_fm_pb": pb} and isinstance(again, fm_literals.Literal)
    assert unread.hash == "h"  # the first read converts it
    assert type(unread) is fm_literals.Literal and type(unread.scalar) is fm_literals.Scalar
    assert pickle.loads(pickle.dumps(unread)).scalar.primitive.integer == 7


def test_each_to_flyte_idl_is_a_new_message_the_caller_may_change() -> None:
    pb = literals_pb2.Literal(scalar=literals_pb2.Scalar(primitive=literals_pb2.Primitive(integer=7)), hash="h")
    built = fm_literals.Literal(scalar=fm_literals.Scalar(primitive=fm_literals.Primitive(integer=7)), hash="h")
    for model in (fm_literals.Literal.from_flyte_idl(pb), built):  # unread, then built from values
        first = model.to_flyte_idl()
        assert first == pb and first is not model.to_flyte_idl()
        first.scalar.primitive.integer, first.hash = 8, "changed"
        assert model.to_flyte_idl() == pb
        assert vars(model).get("_fm_pb") is not first


def test_flytekit_runs_on_the_family_once_aliased() -> None:
    """``flytemodels._flytekit.alias.install()``: flytekit's own models are this family's modules."""
    import subprocess
    import textwrap

    script = textwrap.dedent(
        """
        from flytemodels._flytekit.alias import install
        install()
        import flytekit
        import flytekit.models.literals, flytemodels.flytekit.literals
        from flytekit.models.literals import Error
        assert flytekit.models.literals is flytemodels.flytekit.literals
        assert Error is flytemodels.flytekit.types.Error
        print(flytekit.models.literals.Literal.__module__)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "flytemodels._flytekit.overrides.literals"


def test_a_read_oneof_member_given_its_zero_value_is_set() -> None:
    primitive = fm_literals.Primitive.from_flyte_idl(literals_pb2.Primitive(string_value="s"))
    assert primitive.string_value == "s"
    primitive._string_value, primitive._integer = None, 0  # the zero value, now the oneof's member
    assert primitive.to_flyte_idl().WhichOneof("value") == "integer"
