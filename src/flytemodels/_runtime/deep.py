"""``to_flyte_idl`` for a compatibility tree nested deeper than Python's stack allows.

A generated ``to_flyte_idl`` writes a child by calling the child's writer, so it
recurses once or more per level (a ``Literal`` in a ``LiteralCollection``: two
frames per level built from values, three for a read tree), and a tree a few
hundred levels deep raises ``RecursionError`` where protobuf still builds and
serializes it. Then ``to_flyte_idl`` starts again here: the same writes as the
generic writer and applier (``MutableModel._fm_write_values`` and ``_fm_apply``,
which the generated ones mirror), except that a child model goes on a work list
with the sub-message it belongs in instead of being written by a call. The stack
stays flat at any depth, each message is written once (no copy per level), and
nothing here runs until a ``RecursionError`` happens: the common path pays nothing.

A model is written here only when its class writes itself as the family does
(``_FM_PLAIN_WRITE`` and ``_FM_LEVELLED``: no ``_fm_write``, ``_fm_write_values``
or ``_fm_apply`` of its own); any other child is handed to ``shapes.fill``
whole, as the recursive path hands it, and may be only as deep as the stack
allows below it (a ``Parameter``'s default, say).
"""

from __future__ import annotations

from typing import Any

from flytemodels._runtime.shapes import Model, ModelMap, Models, fill
from flytemodels._runtime.shapes.base import _expect_iterable, _expect_mapping
from flytemodels._runtime.shapes.messages import _applies_in_place

_MISSING = object()  # an attribute deleted: the message's value stands

#: A work item: what to do, the model or value, the message it goes into, and the labels above it
#: (``(label, parent's labels, how many)``, None at the top) that an error names, as the recursive path does.
_WRITE, _APPLY, _FILL = range(3)
_Path = tuple[str, Any, int] | None

#: Levels of fields below the top past which a tree is taken for one that contains itself. upb
#: serializes about 40,000 message levels (19,400 literal levels) before its own C stack runs out;
#: a model that is its own descendant would otherwise be written for ever.
MAX_LEVELS = 100_000


def to_flyte_idl(model: Any) -> Any:
    """What ``model``'s generated ``to_flyte_idl`` returns, written level by level without recursion."""
    if not model._FM_LEVELLED:
        raise RecursionError(
            f"{type(model).__name__} is nested deeper than the stack allows, and its class writes its "
            "attributes itself (its own _fm_write_values or _fm_apply), which only recursion can run"
        )
    held = model._fm_pb
    if held is None:
        target = model._PB()
        pending: list[tuple[int, Any, Any, _Path]] = [(_WRITE, model, target, None)]
    else:
        target = model._PB.__deepcopy__(held)  # one C copy, as the generated to_flyte_idl takes
        pending = [(_APPLY, model, target, None)]
    while pending:
        step, value, message, path = pending.pop()
        if path is not None and path[2] > MAX_LEVELS:
            raise RecursionError(
                f"{type(model).__name__} is nested more than {MAX_LEVELS:,} fields deep at {path[0]}, deeper than "
                "protobuf can serialize: does a model contain itself?"
            )
        children: list[tuple[int, Any, Any, _Path]] = []
        try:
            if step == _WRITE:
                _write(value, message, path, children)
            elif step == _APPLY:
                _apply(value, message, path, children)
            else:
                _fill(value, message, path, children)
        except (TypeError, ValueError) as error:
            raise _named(error, path) from None
        pending.extend(reversed(children))  # written in field order, as the recursive path meets them
    return target


def _write(model: Any, target: Any, path: _Path, children: list[Any]) -> None:
    """``MutableModel._fm_write_values``, a child model left to the work list."""
    for name, shape in type(model)._SHAPES.items():
        value = getattr(model, name, None)
        if value is None or (shape.falsy_unset and not value):
            continue
        if not _defer(shape, target, value, path, children):
            shape.write(target, value)


def _apply(model: Any, target: Any, path: _Path, children: list[Any]) -> None:
    """``MutableModel._fm_apply``: a child still holding its part of the message applies its changes
    in place and a child built from values is written, both from the work list; the rest as its shape says."""
    if model._FM_UNREAD:
        return
    if not model._FM_LEVELLED:  # an applier of its own, still holding its part of the message: it applies itself
        model._fm_apply(target)
        return
    held = model._fm_pb
    for name, shape in type(model)._SHAPES.items():
        value = getattr(model, name, _MISSING)
        if value is _MISSING:  # deleted: the message's value stands
            continue
        if not _in_place(shape, target, value, held, path, children) and not _replaced(
            shape, target, value, path, children
        ):
            shape.rewrite(target, value, held)


def _fill(value: Any, target: Any, path: _Path, children: list[Any]) -> None:
    """``shapes.fill``: a model of this family writing itself as the family does goes to the work list."""
    kind = value.__class__
    if getattr(kind, "_FM_PLAIN_WRITE", False) and kind._FM_LEVELLED and kind._PB.DESCRIPTOR is type(target).DESCRIPTOR:
        held = value._fm_pb
        if held is None:
            children.append((_WRITE, value, target, path))
        else:  # MutableModel._fm_write
            target.CopyFrom(held)
            children.append((_APPLY, value, target, path))
        target.SetInParent()  # a given value is present even when it is empty
    else:
        fill(target, value)


def _defer(shape: Any, target: Any, value: Any, path: _Path, children: list[Any]) -> bool:
    """Put a model-valued field's children on the work list, as its shape's ``put`` would write them;
    False for a shape of any other kind."""
    child_path = (shape.label, path, path[2] + 1 if path is not None else 1)
    if isinstance(shape, Model):
        children.append((_FILL, value, getattr(target, shape.field), child_path))
    elif isinstance(shape, Models):
        if value.__class__ is not list:
            _labelled(shape, _expect_iterable, value)
        add = getattr(target, shape.field).add
        children.extend((_FILL, item, add(), child_path) for item in value)
    elif isinstance(shape, ModelMap):
        if value.__class__ is not dict:
            _labelled(shape, _expect_mapping, value)
        entries = getattr(target, shape.field)
        children.extend((_FILL, item, entries[key], child_path) for key, item in value.items())
    else:
        return False
    return True


def _in_place(shape: Any, target: Any, value: Any, held: Any, path: _Path, children: list[Any]) -> bool:
    """Queue the in-place applies of ``Model.rewrite``, ``Models.rewrite`` and ``ModelMap.rewrite``;
    False when the field's value is not (all) still the held one."""
    if isinstance(shape, Model):
        current = getattr(held, shape.field)
        if not (_applies_in_place(value, current) and held.HasField(shape.field)):
            return False
        children.append((_APPLY, value, getattr(target, shape.field), path))
    elif isinstance(shape, Models):
        items = getattr(held, shape.field)
        if not (value.__class__ is list and len(value) == len(items) and all(map(_applies_in_place, value, items))):
            return False
        children.extend(
            (_APPLY, item, element, path) for item, element in zip(value, getattr(target, shape.field), strict=True)
        )
    elif isinstance(shape, ModelMap):
        entries = getattr(held, shape.field)
        if not (value.__class__ is dict and len(value) == len(entries)):
            return False
        if not all(key in entries and _applies_in_place(item, entries[key]) for key, item in value.items()):
            return False
        written = getattr(target, shape.field)
        children.extend((_APPLY, item, written[key], path) for key, item in value.items())
    else:
        return False
    return True


def _replaced(shape: Any, target: Any, value: Any, path: _Path, children: list[Any]) -> bool:
    """A model-valued field given a new value built from values (no held message to compare with):
    cleared, then written from the work list, as ``Shape.rewrite`` clears and writes it."""
    if value is None or getattr(value, "_fm_pb", None) is not None:
        return False  # None reads the held message; a held model compares itself first (Model.rewrite)
    if not isinstance(shape, (Model, Models, ModelMap)):
        return False
    target.ClearField(shape.field)
    if not (shape.falsy_unset and not value):
        _defer(shape, target, value, path, children)
    return True


def _labelled(shape: Any, check: Any, value: Any) -> None:
    try:
        check(value)
    except TypeError as error:
        raise TypeError(f"{shape.label}: {error}") from None


def _named(error: Exception, path: _Path) -> Exception:
    """``error`` with the labels above where it happened, outermost first, as nested writers name it."""
    labels: list[str] = []
    while path is not None:
        labels.append(path[0])
        path = path[1]
    return type(error)(": ".join([*reversed(labels), str(error)])) if labels else error
