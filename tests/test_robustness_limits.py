"""Issue 6, the limits: deep nesting, threads, pickle/copy and hashes across processes.

Split from test_robustness.py (wrong input, immutability, nothing lost); the helpers
they share are defined in both only where one line long.
"""

from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from flyteidl.admin import execution_pb2
from flyteidl.core import literals_pb2
from flytemodels.admin.agent import Resource
from flytemodels.admin.execution import Execution
from flytemodels.core.identifier import Identifier
from flytemodels.core.literals import Literal, LiteralCollection, LiteralMap

from flytemodels._runtime import Message
from flytemodels.errors import DecodeError
from tests.support import filler
from tests.support.samples import execution_pb, integer, unknown_field, varint
from tests.support.threads import race

ROOT = Path(__file__).resolve().parents[1]


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


def test_a_deep_tree_written_level_by_level_keeps_no_message_below_its_root() -> None:
    # Each level's message holds its whole subtree: kept at every level, memory grew with the square
    # of the depth (2.4 GB at 5,000 levels); each is let go once its parent has copied it.
    tree = _nested(DEPTH)
    assert tree.to_flyte_idl() == _nested(DEPTH).to_flyte_idl()
    held, level, levels = [], tree, 0
    while level._values[1] is not None:  # Literal(scalar, collection, ...): down through the values
        level = level._values[1]._values[0][0]  # LiteralCollection(literals=[...])
        held.append(level._pb is not None)
        levels += 1
    assert levels == DEPTH and not any(held)
    assert tree._message() is tree._message()  # the root keeps its own, as any value-built model


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


def test_threads_reading_one_models_lazy_properties_agree() -> None:
    import random

    for seed in range(5):
        pb = filler.fill(execution_pb2.Execution, random.Random(f"threads/{seed}"), filler.Options(max_depth=4))
        expected = _read_everything(Execution.from_flyte_idl(pb))
        shared = Execution.from_flyte_idl(pb)  # fresh: every cache is empty when the threads start
        for values in race(lambda model=shared: (_read_everything(model), hash(model)), THREADS):
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
    pb = execution_pb()
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
    with_unknown = Literal.from_bytes(pb.SerializeToString() + unknown_field(900, b"newer"))
    return [
        integer(1),
        LiteralMap(literals={key: integer(index) for index, key in enumerate("qwertyuiop")}),
        Literal(metadata={key: key * 3 for key in "asdfghjkl"}),
        Identifier(resource_type=97, project="p"),
        Resource(custom_info={"b": 1, "a": [None, "x", {"c": True}]}),
        with_unknown,
        Execution.from_flyte_idl(execution_pb()),
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
    from tests.test_robustness_limits import _assorted
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
