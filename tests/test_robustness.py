"""Bad input never corrupts a model or silently drops data (issue 6, runtime side).

- the wrong message type or garbage bytes fail with one documented error each;
- a model is immutable: nothing handed in or out shares state with it;
- unknown fields, unknown enum values, nanoseconds and extreme durations survive;
- literals nested 1,000 deep (built in memory) convert, compare and hash; bytes
  nested deeper than protobuf decodes raise ``DecodeError``;
- many threads reading one model's lazy properties agree;
- pickling and copying give equal models, and hashes do not depend on the process;
- the fuzz target (``python -m fuzz``) runs briefly and finds nothing.

Random messages of every type are covered by ``test_properties``.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import pickle
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest
from flyteidl.admin import execution_pb2
from flyteidl.core import identifier_pb2, literals_pb2
from flytemodels.admin.agent import Resource
from flytemodels.admin.common import Notification
from flytemodels.admin.execution import Execution
from flytemodels.admin.launch_plan import LaunchPlanMetadata
from flytemodels.core.compiler import ConnectionSet
from flytemodels.core.execution import WorkflowExecution
from flytemodels.core.identifier import Identifier, ResourceType
from flytemodels.core.literals import Literal, LiteralCollection, LiteralMap, Primitive, Scalar
from google.protobuf import any_pb2
from google.protobuf.message import DecodeError as PbDecodeError
from google.protobuf.unknown_fields import UnknownFieldSet

from flytemodels._runtime import Message
from flytemodels.errors import DecodeError
from tests.support import catalog, filler

ROOT = Path(__file__).resolve().parents[1]


def integer(value: int) -> Literal:
    return Literal(scalar=Scalar(primitive=Primitive(integer=value)))


def varint(value: int) -> bytes:
    out = bytearray()
    while True:
        low, value = value & 0x7F, value >> 7
        out.append(low | (0x80 if value else 0))
        if not value:
            return bytes(out)


# -- the wrong message type, garbage bytes -------------------------------------------


def test_from_flyte_idl_with_the_wrong_message_names_both_types() -> None:
    with pytest.raises(TypeError) as raised:
        Literal.from_flyte_idl(identifier_pb2.Identifier(project="p"))
    assert "flyteidl.core.Literal" in str(raised.value) and "flyteidl.core.Identifier" in str(raised.value)
    for wrong in (integer(1), b"\x08\x01", {"scalar": {}}, None):  # a model, bytes, a dict: not messages
        with pytest.raises(
            TypeError, match=rf"Literal\.from_flyte_idl expected a flyteidl\.core\.Literal .*got {type(wrong).__name__}"
        ):
            Literal.from_flyte_idl(wrong)
    with pytest.raises(TypeError, match=r"flyteidl\.core\.Literal .*flyteidl\.core\.Scalar"):
        Literal.wrap(literals_pb2.Scalar())  # the no-copy entry point checks too


GARBAGE = {
    "truncated": b"\x0a\x05ab",
    "bad wire type": b"\x0f",
    "field number 0": b"\x00\x01",
    "overlong varint": b"\x08" + b"\xff" * 11,
    "length past the end": b"\x1a\xff\xff\xff\xff\x0f",
    "invalid UTF-8 in a string": b"\x22\x02\xc3\x28",  # Literal.hash = 4
    "end group without start": b"\x0c",
}


@pytest.mark.parametrize("data", GARBAGE.values(), ids=GARBAGE.keys())
def test_from_bytes_on_garbage_raises_decode_error_naming_the_class(data: bytes) -> None:
    with pytest.raises(DecodeError) as raised:
        Literal.from_bytes(data)
    assert type(raised.value) is DecodeError  # the documented type, not protobuf's
    assert not isinstance(raised.value, PbDecodeError)
    assert raised.value.__cause__ is None and raised.value.__suppress_context__
    assert str(raised.value).startswith("cannot decode Literal (flyteidl.core.Literal): ")


def test_decode_error_names_nested_classes_by_their_qualified_name() -> None:
    with pytest.raises(
        DecodeError, match=r"^cannot decode ConnectionSet\.IdList \(flyteidl\.core\.ConnectionSet\.IdList\)"
    ):
        ConnectionSet.IdList.from_bytes(b"\x0a\x05ab")


def test_decode_error_is_a_value_error_and_documented() -> None:
    assert issubclass(DecodeError, ValueError)
    assert DecodeError.__module__ == "flytemodels.errors"
    assert "from_bytes" in (DecodeError.__doc__ or "")
    assert "DecodeError" in (Message.from_bytes.__doc__ or "")


def test_a_corrupt_any_from_the_wire_still_prints() -> None:
    """text_format unpacks an Any to print it; a corrupt one must not make repr/str raise."""
    pb = LaunchPlanMetadata().to_flyte_idl()
    pb.launch_conditions.type_url = "type.googleapis.com/flyteidl.core.Identifier"
    pb.launch_conditions.value = b"\x12\x05ab"  # Identifier.project, truncated
    model = LaunchPlanMetadata.from_bytes(pb.SerializeToString())
    for text in (repr(model), str(model), model.short_string(), model.verbose_string(), model._repr_html_()):
        assert "flyteidl.core.Identifier" in text
    assert LaunchPlanMetadata.from_text(model.verbose_string()) == model


# -- immutability ------------------------------------------------------------------------


def _execution_pb() -> Any:
    pb = execution_pb2.Execution()
    pb.id.project, pb.id.name = "p", "n"
    pb.spec.metadata.system_metadata.namespace = "ns"
    pb.spec.labels.values["team"] = "a"
    pb.closure.started_at.seconds = 1_700_000_000
    pb.closure.outputs.uri = "s3://out"
    return pb


def test_mutating_the_message_given_to_from_flyte_idl_does_not_change_the_model() -> None:
    pb = _execution_pb()
    model = Execution.from_flyte_idl(pb)
    before = model.to_flyte_idl()
    labels = model.spec.labels  # cached and nested: they must not share pb's memory either
    pb.id.project = "changed"
    pb.spec.labels.values["team"] = "b"
    pb.closure.started_at.seconds = 0
    pb.ClearField("spec")
    assert model.to_flyte_idl() == before
    assert model.id.project == "p" and model.spec.labels.values == {"team": "a"} and labels.values == {"team": "a"}
    assert model.closure.started_at == dt.datetime.fromtimestamp(1_700_000_000, dt.UTC)


def test_mutating_the_message_from_to_flyte_idl_does_not_change_the_model() -> None:
    model = Execution.from_flyte_idl(_execution_pb())
    out = model.to_flyte_idl()
    out.id.project = "changed"
    out.spec.labels.values.clear()
    out.closure.Clear()
    assert model.id.project == "p" and model.spec.labels.values == {"team": "a"}
    assert model.to_flyte_idl() == _execution_pb()
    assert model.to_flyte_idl() is not model.to_flyte_idl()


def test_mutating_returned_lists_and_dicts_does_not_change_the_model() -> None:
    collection = LiteralCollection(literals=[integer(1), integer(2)])
    collection.literals.append(integer(3))
    collection.literals.clear()
    assert collection.literals == [integer(1), integer(2)]

    mapping = LiteralMap(literals={"a": integer(1)})
    mapping.literals["b"] = integer(2)
    del mapping.literals["a"]
    assert mapping.literals == {"a": integer(1)}

    notification = Notification(phases=[WorkflowExecution.Phase.FAILED])
    notification.phases.append(WorkflowExecution.Phase.SUCCEEDED)
    assert notification.phases == [WorkflowExecution.Phase.FAILED]

    literal = Literal(metadata={"k": "v"})
    literal.metadata["k"] = "changed"
    assert literal.metadata == {"k": "v"}


def test_mutating_a_returned_struct_or_any_does_not_change_the_model() -> None:
    resource = Resource(custom_info={"outer": {"inner": [1, 2]}})
    info = resource.custom_info
    info["added"] = True
    info["outer"]["inner"].append(3)  # nested, too
    assert resource.custom_info == {"outer": {"inner": [1.0, 2.0]}}

    packed = any_pb2.Any()
    packed.Pack(identifier_pb2.Identifier(project="p"))
    metadata = LaunchPlanMetadata(launch_conditions=packed)
    metadata.launch_conditions.type_url = "changed"
    packed.type_url = "changed too"  # the message handed to the constructor
    assert metadata.launch_conditions.type_url == "type.googleapis.com/flyteidl.core.Identifier"


def test_properties_are_read_only() -> None:
    model = integer(1)
    with pytest.raises(AttributeError):
        model.scalar = Scalar()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del model.scalar  # type: ignore[misc]
    identifier = Identifier(project="p")
    with pytest.raises(AttributeError):
        identifier.project = "q"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        identifier.not_a_field = 1  # type: ignore[attr-defined]
    assert model == integer(1) and identifier == Identifier(project="p")


def test_no_generated_property_has_a_setter() -> None:
    """Every property of every generated class is read-only (hand-written overrides aside)."""
    writable = [
        f"{klass.__qualname__}.{name}"
        for case in catalog.messages()
        for klass in case.model.__mro__
        if klass.__module__.startswith("flytemodels.") and "_overrides" not in klass.__module__
        for name, value in vars(klass).items()
        if isinstance(value, property) and (value.fset is not None or value.fdel is not None)
    ]
    assert writable == []


# -- nothing lost ---------------------------------------------------------------------------


def _unknown(number: int, payload: bytes) -> bytes:
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def _unknowns(pb: Any) -> list[tuple[int, bytes]]:
    return [(field.field_number, field.data) for field in UnknownFieldSet(pb)]


def test_unknown_fields_from_a_newer_idl_survive_at_every_level() -> None:
    """Fields a newer flyteidl added: at the top, in a nested message, in a list item and in a map value."""
    leaf = literals_pb2.Literal(hash="h").SerializeToString() + _unknown(900, b"in the leaf")
    collection = _unknown(901, b"in the collection") + b"\x0a" + varint(len(leaf)) + leaf
    data = b"\x12" + varint(len(collection)) + collection + _unknown(902, b"at the top") + b"\x22\x01x"
    model = Literal.from_bytes(data)
    assert model.hash == "x" and model.collection.literals[0].hash == "h"  # properties read past them
    copies = [
        model.to_flyte_idl(),
        Literal.from_flyte_idl(model.to_flyte_idl()).to_flyte_idl(),
        Literal.from_bytes(model.serialize_to_string()).to_flyte_idl(),
        pickle.loads(pickle.dumps(model)).to_flyte_idl(),
    ]
    for back in copies:
        assert back == literals_pb2.Literal.FromString(data)
        assert _unknowns(back) == [(902, b"at the top")]
        assert _unknowns(back.collection) == [(901, b"in the collection")]
        assert _unknowns(back.collection.literals[0]) == [(900, b"in the leaf")]
    rebuilt = Literal(collection=model.collection, hash="x").to_flyte_idl()  # a child handed to a new parent
    assert _unknowns(rebuilt) == []
    assert _unknowns(rebuilt.collection) == [(901, b"in the collection")]
    assert _unknowns(rebuilt.collection.literals[0]) == [(900, b"in the leaf")]

    entry = b"\x0a\x01k" + b"\x12" + varint(len(leaf)) + leaf  # LiteralMap.literals["k"] = leaf
    in_map = LiteralMap.from_bytes(b"\x0a" + varint(len(entry)) + entry)
    for back in (in_map.to_flyte_idl(), LiteralMap(literals=in_map.literals).to_flyte_idl()):
        assert _unknowns(back.literals["k"]) == [(900, b"in the leaf")]


def test_unknown_enum_values_survive() -> None:
    pb = identifier_pb2.Identifier(resource_type=97, project="p")  # 97: no ResourceType lists it
    model = Identifier.from_flyte_idl(pb)
    assert model.resource_type == 97 and isinstance(model.resource_type, ResourceType)
    assert model.resource_type.name == "UNKNOWN_97"
    assert model.to_flyte_idl() == pb
    assert Identifier.from_bytes(pb.SerializeToString()) == model
    assert Identifier(resource_type=model.resource_type, project="p") == model  # and back in
    phases = Notification(phases=[WorkflowExecution.Phase.FAILED, 1234])
    assert Notification.from_bytes(phases.serialize_to_string()).phases == [WorkflowExecution.Phase.FAILED, 1234]


@pytest.mark.parametrize(
    ("seconds", "nanos"),
    [(1_700_000_000, 123_456_789), (0, 1), (-1, 999_999_999), (-62_135_596_800, 0), (253_402_300_799, 999_999_999)],
)
def test_nanosecond_timestamps_survive(seconds: int, nanos: int) -> None:
    pb = literals_pb2.Primitive()
    pb.datetime.seconds, pb.datetime.nanos = seconds, nanos
    model = Primitive.from_flyte_idl(pb)
    expected = dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=seconds, microseconds=nanos // 1000)
    assert model.datetime == expected  # datetime holds microseconds ...
    for back in (model.to_flyte_idl(), Primitive.from_bytes(model.serialize_to_string()).to_flyte_idl()):
        assert (back.datetime.seconds, back.datetime.nanos) == (seconds, nanos)  # ... the model all of it
    assert pickle.loads(pickle.dumps(model)).to_flyte_idl() == pb


@pytest.mark.parametrize(
    ("seconds", "nanos"),
    [
        (-1, -1),
        (0, -999_999_999),
        (-86_400 * 365, -500_000_000),
        (315_576_000_000, 999_999_999),  # the Duration range's ends: 10,000 years
        (-315_576_000_000, -999_999_999),
    ],
)
def test_negative_and_huge_durations_survive(seconds: int, nanos: int) -> None:
    pb = literals_pb2.Primitive()
    pb.duration.seconds, pb.duration.nanos = seconds, nanos
    model = Primitive.from_flyte_idl(pb)
    back = Primitive.from_bytes(model.serialize_to_string()).to_flyte_idl()
    assert model.to_flyte_idl() == pb and back == pb
    assert model.duration == dt.timedelta(seconds=seconds, microseconds=int(nanos / 1000))
    rebuilt = Primitive(duration=model.duration).to_flyte_idl().duration  # whole microseconds, same sign
    assert (rebuilt.seconds, rebuilt.nanos) == (seconds, int(nanos / 1000) * 1000)


@pytest.mark.parametrize(("field", "seconds"), [("datetime", 253_402_300_800), ("duration", 315_576_000_001)])
def test_well_known_values_beyond_python_or_spec_survive_and_refuse_to_convert(field: str, seconds: int) -> None:
    """Out of spec from the wire: kept as is; the property says which field it cannot convert."""
    pb = literals_pb2.Primitive()
    getattr(pb, field).seconds = seconds
    model = Primitive.from_flyte_idl(pb)
    assert model.to_flyte_idl() == pb and Primitive.from_bytes(model.serialize_to_string()) == model
    with pytest.raises(ValueError, match=rf"^Primitive\.{field}: .*seconds={seconds}.* is outside"):
        getattr(model, field)


# -- deep nesting ----------------------------------------------------------------------------

DEPTH = 1_000


def _nested(depth: int, leaf: int = 7) -> Literal:
    literal = integer(leaf)
    for _ in range(depth):
        literal = Literal(collection=LiteralCollection(literals=[literal]))
    return literal


@pytest.fixture(scope="module")
def deep() -> Literal:
    return _nested(DEPTH)


def test_deep_literals_built_in_memory_convert(deep: Literal) -> None:
    pb = deep.to_flyte_idl()
    assert Literal.from_flyte_idl(pb) == deep
    assert Literal.from_flyte_idl(pb).to_flyte_idl() == pb
    assert len(deep.serialize_to_string()) > 5 * DEPTH
    current, levels = deep, 0
    while current.collection is not None:  # the properties reach the bottom, too
        current, levels = current.collection.literals[0], levels + 1
    assert levels == DEPTH and current == integer(7)


def test_deep_literals_compare_and_hash(deep: Literal) -> None:
    again = _nested(DEPTH)
    assert deep == again
    assert (deep != again) is False
    assert hash(deep) == hash(again)
    different = _nested(DEPTH, leaf=8)  # differs only at the bottom
    assert deep != different
    assert hash(deep) != hash(different)
    assert copy.deepcopy(deep) == deep


def _deep_bytes(depth: int) -> bytes:
    """A Literal nested ``depth`` collections deep, encoded directly (in linear time)."""
    leaf = literals_pb2.Literal(hash="x").SerializeToString()
    headers, size = [], len(leaf)
    for _ in range(depth):
        collection_header = b"\x0a" + varint(size)  # LiteralCollection.literals = 1
        literal_header = b"\x12" + varint(size + len(collection_header))  # Literal.collection = 2
        headers.append(literal_header + collection_header)
        size += len(literal_header) + len(collection_header)
    return b"".join(reversed(headers)) + leaf


def test_bytes_nested_deeper_than_protobuf_decodes_raise_decode_error() -> None:
    assert Literal.from_bytes(_deep_bytes(40)).collection is not None  # shallow enough: decodes
    for depth in (60, DEPTH, 100_000):
        with pytest.raises(DecodeError, match=r"^cannot decode Literal .*MaxDepth"):
            Literal.from_bytes(_deep_bytes(depth))


def test_deep_models_serialize_but_their_bytes_and_pickles_raise_decode_error(deep: Literal) -> None:
    """Documented limit: protobuf decodes about 50 literal levels, so the bytes forms stop there."""
    with pytest.raises(DecodeError, match=r"^cannot decode Literal"):
        Literal.from_bytes(deep.serialize_to_string())
    data = pickle.dumps(deep)
    with pytest.raises(DecodeError, match=r"^cannot decode Literal"):
        pickle.loads(data)


# -- concurrency -------------------------------------------------------------------------------

THREADS = 16


def _read_everything(model: Message) -> list[Any]:
    """Every property value of ``model`` and of every model inside it, in a fixed order."""
    seen: list[Any] = []
    stack = [model]
    while stack:
        current = stack.pop()
        for name in sorted(n for k in type(current).__mro__ for n, v in vars(k).items() if isinstance(v, property)):
            value = getattr(current, name)
            seen.append(value)
            items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
            stack.extend(item for item in items if isinstance(item, Message))
    return seen


def _race(work: Any) -> list[Any]:
    """Run ``work`` in THREADS threads released at once; return their results (re-raising failures)."""
    barrier = threading.Barrier(THREADS)
    results: list[Any] = [None] * THREADS
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait()
            results[index] = work()
        except BaseException as error:  # reported below, with the thread's traceback
            errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=run, args=(index,)) for index in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    if errors:
        raise errors[0]
    return results


def test_threads_reading_one_models_lazy_properties_agree() -> None:
    import random

    for seed in range(5):
        pb = filler.fill(execution_pb2.Execution, random.Random(f"threads/{seed}"), filler.Options(max_depth=4))
        expected = _read_everything(Execution.from_flyte_idl(pb))
        shared = Execution.from_flyte_idl(pb)  # fresh: every cache is empty when the threads start
        for values in _race(lambda model=shared: (_read_everything(model), hash(model))):
            assert values[0] == expected
            assert values[1] == hash(Execution.from_flyte_idl(pb))


_FIRST_USE_IN_THREADS = textwrap.dedent(
    """
    import sys, threading
    sys.setswitchinterval(1e-6)
    from flytemodels.admin.execution import Execution  # nothing below it is imported or built yet
    data = bytes.fromhex(sys.argv[1])
    barrier = threading.Barrier(16)
    results, errors = [], []
    def run():
        try:
            barrier.wait()
            model = Execution.from_bytes(data)
            results.append((model.spec.launch_plan, model.closure.started_at, model.spec.labels, model.spec.inputs))
        except BaseException as error:
            errors.append(repr(error))
    threads = [threading.Thread(target=run) for _ in range(16)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert not errors, errors
    assert all(result == results[0] for result in results) and len(results) == 16
    print("ok")
    """
)


def test_first_use_of_model_classes_from_many_threads() -> None:
    """Registry look-ups, lazy module imports and spec building race safely in a fresh interpreter."""
    pb = _execution_pb()
    pb.spec.launch_plan.project = "lp"
    pb.spec.inputs.literals["x"].scalar.primitive.integer = 3
    run = subprocess.run(
        [sys.executable, "-c", _FIRST_USE_IN_THREADS, pb.SerializeToString().hex()],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split()[0] == "ok", run.stdout


# -- pickle, copy, hash across processes ------------------------------------------------------------


def _assorted() -> list[Message]:
    pb = literals_pb2.Literal()
    pb.scalar.primitive.datetime.seconds, pb.scalar.primitive.datetime.nanos = 1, 5
    with_unknown = Literal.from_bytes(pb.SerializeToString() + _unknown(900, b"newer"))
    return [
        integer(1),
        LiteralMap(literals={key: integer(index) for index, key in enumerate("qwertyuiop")}),
        Literal(metadata={key: key * 3 for key in "asdfghjkl"}),
        Identifier(resource_type=97, project="p"),
        Resource(custom_info={"b": 1, "a": [None, "x", {"c": True}]}),
        with_unknown,
        Execution.from_flyte_idl(_execution_pb()),
    ]


@pytest.mark.parametrize("protocol", [0, 2, pickle.HIGHEST_PROTOCOL])
def test_pickle_and_copy_round_trips_are_equal(protocol: int) -> None:
    models = _assorted()
    for model in models:
        loaded = pickle.loads(pickle.dumps(model, protocol=protocol))
        assert type(loaded) is type(model)
        assert loaded == model and hash(loaded) == hash(model)
        assert loaded.serialize_to_string() == model.serialize_to_string()
        assert copy.copy(model) == model and copy.deepcopy(model) == model


_HASHES = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from tests.test_robustness import _assorted
    sys.stdout.write(repr([hash(model) for model in _assorted()]))
    """
)


def test_hash_is_the_same_in_processes_with_different_hash_seeds() -> None:
    """hash(bytes) changes with PYTHONHASHSEED; a model's hash must not."""
    seen = []
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _HASHES, str(ROOT)], capture_output=True, text=True, env=environment, check=False
        )
        assert run.returncode == 0, run.stderr
        seen.append(run.stdout)
    assert seen[0] == seen[1] == repr([hash(model) for model in _assorted()])


# -- the fuzz target ----------------------------------------------------------------------------------


def _fuzz(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fuzz", *arguments], capture_output=True, text=True, cwd=ROOT, check=False, timeout=120
    )


def test_fuzz_target_short_run_finds_no_crash() -> None:
    """A short run of what ``make fuzz`` runs long: atheris if installed, else Hypothesis."""
    run = _fuzz("--runs", "5000", "--seconds", "60", "--seed", "1")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "fuzz from_bytes: 5000 inputs tried" in run.stdout, run.stdout
    assert run.stdout.rstrip().endswith(", 0 crashes"), run.stdout


def test_fuzz_target_counts_and_records_crashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness itself: a non-DecodeError is a recorded crash, a DecodeError is not."""
    from fuzz import target

    tally = target.Tally()
    monkeypatch.setattr(target, "TALLY", tally)
    index = next(i for i, case in enumerate(target.CASES) if case.model is Literal)
    target.one_input(target.encode(index, b"\x0a\x05ab"))  # garbage: a DecodeError, fine
    target.one_input(target.encode(index, integer(1).serialize_to_string()))  # decodes and behaves
    assert (tally.inputs, tally.decoded, tally.crashes) == (2, 1, {})

    def broken(data: bytes) -> Literal:
        raise RuntimeError("not a DecodeError")

    monkeypatch.setattr(Literal, "from_bytes", broken)
    target.one_input(target.encode(index, b""))
    target.one_input(target.encode(index, b"\x01"))  # the same crash again: recorded once
    assert tally.inputs == 4 and len(tally.crashes) == 1
    assert next(iter(tally.crashes)).startswith("RuntimeError at ")
