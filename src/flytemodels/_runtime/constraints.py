"""``buf.validate`` constraints, checked when a model is constructed.

flyteidl2 declares rules on its messages with ``buf.validate`` options
(required fields, string lengths and patterns, numeric ranges, CEL
expressions). A model built by its constructor is checked against them with
``protovalidate`` (a flyteidl2 dependency), nested models included, and the
first violation raises ``ValueError`` naming the field path and the rule::

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
from typing import Any

from google.protobuf.descriptor import Descriptor

_PREFIX = "buf.validate."
_DECLARES: dict[str, bool] = {}
_ENABLED = contextvars.ContextVar("flytemodels_constraints", default=True)


def check(pb: Any) -> None:
    """Raise ``ValueError`` for the first rule ``pb`` violates (when its type declares any)."""
    descriptor = pb.DESCRIPTOR
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
    """``Message.path.to[0].field: rule.id: what is wrong`` for the first violation."""
    first = violations[0].proto
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
