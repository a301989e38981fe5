"""The flytekit family's trees nested deeper than Python's stack: serialized as protobuf builds them.

A generated ``to_flyte_idl`` recurses two or three frames per level, so a
literal nested a few hundred levels deep raised ``RecursionError`` where
protobuf still builds and serializes the message (upb serializes about 19,000
literal levels before its own C stack runs out). ``to_flyte_idl`` then writes
the tree again level by level (``flytemodels._runtime.deep``); these check that
it writes exactly what protobuf builds, and exactly what the recursive path
writes wherever both can.
"""

from __future__ import annotations

import random
import sys
from typing import Any

import pytest
from flyteidl.core import literals_pb2
from flytemodels.flytekit import literals as fm_literals

from flytemodels._flytekit.entity import FlytekitModel
from flytemodels._runtime import deep, unread
from flytemodels._runtime.mutable import MutableModel
from tests.support import filler
from tests.test_flytekit_family import CLASSES, family_class, walk

#: Deeper than any recursive writer gets with the interpreter's limit: one level is at least two frames.
LEVELS = sys.getrecursionlimit()


def _protobuf_literal(levels: int, leaf: int = 7) -> Any:
    """A literal ``levels`` deep, built top-down with protobuf alone: a collection on even levels, a map on odd."""
    root = literals_pb2.Literal()
    message = root
    for level in range(levels):
        message = message.collection.literals.add() if level % 2 == 0 else message.map.literals["k"]
    message.scalar.primitive.integer = leaf
    return root


def _family_literal(levels: int, leaf: int = 7) -> Any:
    """The same literal built from values with the family's constructors, bottom-up."""
    literal = fm_literals.Literal(scalar=fm_literals.Scalar(primitive=fm_literals.Primitive(integer=leaf)))
    for level in reversed(range(levels)):
        if level % 2 == 0:
            literal = fm_literals.Literal(collection=fm_literals.LiteralCollection([literal]))
        else:
            literal = fm_literals.Literal(map=fm_literals.LiteralMap({"k": literal}))
    return literal


def _child(literal: Any) -> Any:
    return literal.collection.literals[0] if literal.collection is not None else literal.map.literals["k"]


def _level(literal: Any, levels: int) -> Any:
    """The literal ``levels`` below ``literal``, read level by level (each read converts from a shallow stack)."""
    for _ in range(levels):
        literal = _child(literal)
    return literal


def _stack_depth() -> int:
    frame: Any = sys._getframe(1)
    depth = 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth


def _with_frames_left(frames: int, call: Any) -> Any:
    """``call()`` with about ``frames`` frames left below the recursion limit."""

    def down(more: int) -> Any:
        return call() if more <= 0 else down(more - 1)

    return down(sys.getrecursionlimit() - _stack_depth() - frames)


def test_a_tree_built_from_values_deeper_than_the_stack_serializes_as_protobuf_builds_it() -> None:
    expected = _protobuf_literal(LEVELS)
    model = _family_literal(LEVELS)
    written = model.to_flyte_idl()
    assert written == expected
    assert written.SerializeToString(deterministic=True) == expected.SerializeToString(deterministic=True)
    assert model == fm_literals.Literal.from_flyte_idl(expected) and hash(model) == hash(written.SerializeToString())


def test_a_read_tree_changed_deep_inside_serializes_its_changes_over_its_message() -> None:
    model = fm_literals.Literal.from_flyte_idl(_protobuf_literal(LEVELS))
    _level(model, LEVELS).scalar.primitive._integer = 8  # read down to the leaf, then changed
    _level(model, 10)._hash = "changed"
    middle = _level(model, LEVELS // 2)  # a collection level: given a second item, built from values
    middle.collection.literals.append(_family_literal(LEVELS // 2, leaf=9))
    expected = _protobuf_literal(LEVELS, leaf=8)
    _level_pb(expected, 10).hash = "changed"
    _level_pb(expected, LEVELS // 2).collection.literals.add().CopyFrom(_protobuf_literal(LEVELS // 2, leaf=9))
    assert model.to_flyte_idl() == expected


def _level_pb(message: Any, levels: int) -> Any:
    for _ in range(levels):
        message = message.collection.literals[0] if message.HasField("collection") else message.map.literals["k"]
    return message


def test_the_first_read_of_a_deep_held_tree_on_an_almost_full_stack_serializes_its_changes() -> None:
    # The first read converts what the stack has room for; to_flyte_idl on an almost full stack
    # writes the rest level by level, with the leaf changed deep inside.
    model = fm_literals.Literal.from_flyte_idl(_protobuf_literal(LEVELS))
    assert _with_frames_left(40, lambda: model.collection) is not None
    _level(model, LEVELS).scalar.primitive._integer = 8
    expected = _protobuf_literal(LEVELS, leaf=8)
    assert _with_frames_left(40, model.to_flyte_idl) == expected


def test_a_shallow_tree_serializes_on_an_almost_full_stack() -> None:
    model = _family_literal(40)  # 80 frames and more for the recursive writer; 30 left
    model.to_flyte_idl()  # protobuf's module and message classes load now, not on the full stack
    assert _with_frames_left(30, model.to_flyte_idl) == _protobuf_literal(40)


class _OwnWriter(fm_literals.Literal):
    """A literal whose class writes its attributes with a writer of its own."""

    def _fm_write_values(self, target: Any, _shapes: Any = None) -> None:
        super()._fm_write_values(target)
        target.hash = "own"


class _OwnApplier(fm_literals.Literal):
    """A literal whose class applies its changes with an applier of its own."""

    def _fm_apply(self, target: Any, _shapes: Any = None) -> None:
        super()._fm_apply(target)
        target.hash = "applied"


def test_a_model_with_an_applier_of_its_own_applies_itself_in_a_deep_read_tree() -> None:
    model = fm_literals.Literal.from_flyte_idl(_protobuf_literal(LEVELS))
    literal_map = _level(model, LEVELS - 3).map
    entry = literal_map._fm_pb.literals["k"]  # the very sub-message its item holds: applied in place
    own = _OwnApplier._fm_held(entry)
    assert own.collection is not None  # read: converted
    literal_map._literals = {"k": own}
    expected = _protobuf_literal(LEVELS)
    _level_pb(expected, LEVELS - 2).hash = "applied"
    assert model.to_flyte_idl() == expected


def test_a_model_with_a_writer_of_its_own_writes_itself_in_a_deep_tree() -> None:
    # Below a tree deeper than the stack, it writes itself (recursion goes as deep as its own subtree).
    model = _family_literal(LEVELS)
    parent = _level(model, LEVELS - 3)  # a map level
    parent.map._literals = {"k": _OwnWriter(collection=_level(parent, 1).collection)}
    expected = _protobuf_literal(LEVELS)
    _level_pb(expected, LEVELS - 2).hash = "own"
    assert model.to_flyte_idl() == expected
    # At the top of one, only recursion can run it: a RecursionError that says so.
    with pytest.raises(RecursionError, match=r"^_OwnWriter is nested deeper than the stack allows"):
        _OwnWriter(collection=_family_literal(LEVELS).collection).to_flyte_idl()


def test_a_tree_that_contains_itself_raises_recursion_error_naming_where() -> None:
    # Built from values: the level-by-level writer would otherwise write it for ever.
    built = fm_literals.Literal(collection=fm_literals.LiteralCollection([]))
    built.collection._literals = [built]
    cycle = r"^Literal is nested more than 100,000 fields deep at Literal\.collection.*contain itself\?$"
    with pytest.raises(RecursionError, match=cycle):
        built.to_flyte_idl()
    with pytest.raises(RecursionError):
        _ = built == fm_literals.Literal()
    # Read, then made to contain itself: the recursive rewrite hits the stack's limit.
    read = fm_literals.Literal.from_flyte_idl(_protobuf_literal(1))
    read.collection._literals = [read]
    with pytest.raises(RecursionError):
        read.to_flyte_idl()


# -- the level-by-level writer against the recursive one -------------------------------------


def _built_from_values(model: Any) -> Any:
    """A copy of a read tree as its constructors would have built it: no message held."""
    if model._FM_UNREAD:
        unread.convert(model)
    copy = object.__new__(type(model))
    for name, value in vars(model).items():
        if name != "_fm_pb":
            setattr(copy, name, _values_of(value))
    return copy


def _values_of(value: Any) -> Any:
    if isinstance(value, FlytekitModel):
        return _built_from_values(value)
    if isinstance(value, list):
        return [_values_of(item) for item in value]
    if isinstance(value, dict):
        return {key: _values_of(item) for key, item in value.items()}
    return value


def _models_in(model: Any) -> list[tuple[Any, str, Any]]:
    """(parent, attribute, value) for every model-valued attribute of a converted tree."""
    found = []
    for name in type(model)._SHAPES:
        value = vars(model).get(name)
        items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, FlytekitModel) and not item._FM_UNREAD:
                found.append((model, name, value))
                found.extend(_models_in(item))
    return found


def _change(model: Any, rng: random.Random) -> None:
    """Change a read tree as code does: children replaced by ones built from values, unset, deleted
    (the message's value stands), lists grown, or replaced by a model holding a message of its own."""
    for parent, name, value in rng.sample(_models_in(model), min(3, len(_models_in(model)))):
        choice = rng.randrange(5)
        if choice == 0:
            setattr(parent, name, _values_of(value))
        elif choice == 1:
            setattr(parent, name, None)
        elif choice == 2 and isinstance(value, list) and value:
            value.append(_values_of(value[0]))
        elif choice == 3 and not isinstance(value, (list, dict)):
            moved = type(value)._fm_held(value.to_flyte_idl())  # held, but not the parent's sub-message
            walk(moved)
            setattr(parent, name, moved)
        elif choice == 4 and name in vars(parent):
            delattr(parent, name)


def _outcome(write: Any, model: Any) -> Any:
    """The message ``write(model)`` returns, or the error it raises (type and text)."""
    try:
        return write(model)
    except Exception as error:  # both writers must fail alike too (a TaskNodeOverrides built with
        return type(error), str(error)  # the K8sPod message it read asks for kubernetes' client)


def _recursive(model: Any) -> Any:
    """What the generated ``to_flyte_idl`` returns (a hand-written one, SecurityContext's, asks it after its checks)."""
    generated = [klass for klass in type(model).__mro__ if "to_flyte_idl" in vars(klass) and "_PB" in vars(klass)]
    return (generated[0] if generated else MutableModel).to_flyte_idl(model)  # a class of no fields has the base's


@pytest.mark.parametrize(("message", "where"), CLASSES, ids=[name for name, _ in CLASSES])
def test_the_level_by_level_writer_writes_what_the_recursive_one_writes(message: str, where: tuple[str, str]) -> None:
    cls = family_class(*where)
    rng = random.Random(f"deep/{message}")
    for _ in range(4):
        model = cls.from_flyte_idl(filler.fill(cls._PB, rng))
        assert deep.to_flyte_idl(model) == _recursive(model)  # unread
        walk(model)
        assert deep.to_flyte_idl(model) == _recursive(model), f"{message}: read"
        built = _built_from_values(model)
        assert _outcome(deep.to_flyte_idl, built) == _outcome(_recursive, built), f"{message}: built from values"
        _change(model, rng)
        assert _outcome(deep.to_flyte_idl, model) == _outcome(_recursive, model), f"{message}: changed"


def _wrong_trees() -> list[Any]:
    bad_leaf = _family_literal(3)
    _level(bad_leaf, 3).scalar.primitive._integer = "x"
    not_a_list = _family_literal(3)
    _level(not_a_list, 2).collection._literals = 5
    wrong_item = fm_literals.Literal.from_flyte_idl(_protobuf_literal(3))
    _level(wrong_item, 2).collection._literals = [fm_literals.Literal(), 3]
    not_a_dict = _family_literal(3)
    _level(not_a_dict, 1).map._literals = [5]
    return [bad_leaf, not_a_list, wrong_item, not_a_dict]


@pytest.mark.parametrize("tree", _wrong_trees(), ids=["leaf", "not a list", "item in a read tree", "not a dict"])
def test_the_level_by_level_writer_names_a_wrong_value_as_the_recursive_one_does(tree: Any) -> None:
    with pytest.raises(TypeError) as recursive:
        tree.to_flyte_idl()
    with pytest.raises(TypeError) as levelled:
        deep.to_flyte_idl(tree)
    assert str(levelled.value) == str(recursive.value)
