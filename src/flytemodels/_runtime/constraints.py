"""``buf.validate`` constraints, checked when a model is constructed.

flyteidl2 declares rules on its messages with ``buf.validate`` options
(required fields, string lengths and patterns, numeric ranges, CEL
expressions). A model built by its constructor is checked against them with
``protovalidate`` (a flyteidl2 dependency), nested models included, and the
first violation (map entries taken in key order, see ``first_violation``)
raises ``ValueError`` naming the field path and the rule::

    ProjectIdentifier.organization: string.min_len: must be at least 1 characters (and 2 more violations)

Messages that arrive from elsewhere (``from_flyte_idl``, ``wrap``,
``from_bytes``, ``from_dict``, ``from_text``) are not checked: a model takes
what it is given, losslessly. A message whose type declares no rule, directly
or in a message it holds (all of flyteidl 1.x), costs one dict lookup.
``unchecked()`` turns the check off in a block, e.g. to build a message in
stages or to reproduce invalid input in a test.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import Any, TypeAlias

from google.protobuf.descriptor import Descriptor

_PREFIX = "buf.validate."
_DECLARES: dict[str, bool] = {}
_ENABLED = contextvars.ContextVar("flytemodels_constraints", default=True)
# A field path as moves: into a field, ((number, name), ()), then for a list item
# or map entry into it, (_ENTRY, (subscript kind, index or key)).
_Move: TypeAlias = tuple[Any, tuple[Any, ...]]
_ENTRY = "[]"
_ITSELF = "."  # where a path ends: the rule is on what the path names


def check(pb: Any) -> None:
    """Raise ``ValueError`` for the first rule ``pb`` violates (when its type declares any)."""
    descriptor = type(pb).DESCRIPTOR  # not pb.DESCRIPTOR: a field of that name hides it on instances
    if not declares_rules(descriptor) or not _ENABLED.get():
        return
    import protovalidate  # only flyteidl2 messages get here; it costs 50 ms to import

    try:
        protovalidate.validate(pb)
    except protovalidate.ValidationError as error:
        raise ValueError(describe(descriptor, error.violations)) from None
    except (protovalidate.EvaluationError, protovalidate.CompilationError):
        # A rule protovalidate cannot evaluate (in flyteidl2 2.0.53 one CEL rule,
        # ``paused_rule_exclusive``, names an enum by its full name) ends its check
        # of this message: a constructor must not fail for the validator's sake.
        return


@contextlib.contextmanager
def unchecked() -> Iterator[None]:
    """Construct models without checking constraints inside this block (this thread or task only)."""
    token = _ENABLED.set(False)
    try:
        yield
    finally:
        _ENABLED.reset(token)


def declares_rules(descriptor: Descriptor) -> bool:
    """Whether ``descriptor``, or a message type it holds at any depth, carries a ``buf.validate`` option."""
    found = _DECLARES.get(descriptor.full_name)
    if found is None:
        found = _DECLARES[descriptor.full_name] = _declares(descriptor, set())
    return found


def _declares(descriptor: Descriptor, seen: set[str]) -> bool:
    if descriptor.full_name in seen:
        return False
    seen.add(descriptor.full_name)
    if _has_rule(descriptor.GetOptions()) or any(_has_rule(o.GetOptions()) for o in descriptor.oneofs):
        return True
    for field in descriptor.fields:
        if _has_rule(field.GetOptions()):
            return True
        if field.message_type is not None and _declares(field.message_type, seen):
            return True
    return False


def _has_rule(options: Any) -> bool:
    return any(field.full_name.startswith(_PREFIX) for field, _ in options.ListFields())


def describe(descriptor: Descriptor, violations: list[Any]) -> str:
    """``Message.path.to[0].field: rule.id: what is wrong`` for the first violation (``first_violation``)."""
    first = first_violation(violations).proto
    owner = descriptor.full_name.removeprefix(descriptor.file.package + ".")
    elements = first.field.elements if first.field is not None else []  # none for a message-level rule
    path = "".join(_step(element) for element in elements)
    where = (f"{owner}{path}" if path else owner) + (" (the key)" if getattr(first, "for_key", False) else "")
    more = len(violations) - 1
    suffix = f" (and {more} more violation{'s' * (more > 1)})" if more else ""
    return f"{where}: {first.rule_id or 'rule'}: {first.message}{suffix}"


def _step(element: Any) -> str:
    """One element of a field path: ``.name``, then ``[index]`` or ``[key]`` for repeated and map fields."""
    subscript = element.subscript  # None, or a oneof value: Oneof(field="index", value=0)
    key = "" if subscript is None else f"[{subscript.value!r}]"
    return f".{element.field_name}{key}"


def first_violation(violations: list[Any]) -> Any:
    """protovalidate's first violation, as if it had taken every map's entries in key order.

    protovalidate walks a message depth first in an order the message type fixes,
    except for map entries: those come in the upb map's hash order, which upb
    seeds per process from an address (so ASLR changes it from run to run, not
    PYTHONHASHSEED), and two maps with equal entries can differ even in one
    process. ``violations[0]`` would then name a different entry each run. So a
    path is ranked move by move: first by where in ``violations`` its node was
    first reached (siblings are reached in the fixed order), then by the entry's
    key or the item's index; everything but map entries keeps protovalidate's order.
    """
    paths = [_moves(violation.proto) for violation in violations]
    reached: dict[tuple[Any, ...], int] = {}
    for position, path in enumerate(paths):
        for node, _ in _steps(path):
            reached.setdefault(node, position)

    def rank(position: int) -> tuple[tuple[int, tuple[Any, ...]], ...]:
        return tuple((reached[node], which) for node, which in _steps(paths[position]))

    return violations[min(range(len(violations)), key=rank)]  # min keeps the earliest of equals


def _moves(violation: Any) -> tuple[_Move, ...]:
    """A violation's field path as moves (a subscripted element is two: the field, then the entry)."""
    moves: list[_Move] = []
    for element in violation.field.elements if violation.field is not None else []:
        moves.append(((element.field_number, element.field_name), ()))
        if element.subscript is not None:
            moves.append((_ENTRY, (element.subscript.field, element.subscript.value)))
    return tuple(moves)


def _steps(moves: tuple[_Move, ...]) -> Iterator[tuple[tuple[Any, ...], tuple[Any, ...]]]:
    """Each move as (where it starts and what it takes, which entry), then the path's end.

    The node leaves out which entry a move takes, so all entries of one map share
    a node: its rank places the map among its siblings, the key orders its entries.
    """
    for depth, (what, which) in enumerate(moves):
        yield (moves[:depth], what), which
    yield (moves, _ITSELF), ()
