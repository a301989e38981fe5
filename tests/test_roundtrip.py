"""Every flyteidl and flyteidl2 message survives every way in and out of its model.

For each of the 437 flyteidl messages (``flytemodels``) and the 633 flyteidl2
messages (``flytemodels.v2``), ``INSTANCES`` seeded random messages from the
descriptor-driven filler (unknown fields and unknown enum values included) must:

- come back unchanged from ``from_flyte_idl(pb).to_flyte_idl()``, byte for byte
  under deterministic serialization;
- parse from bytes to an equal model (``from_bytes``), with an equal hash;
- survive ``to_dict``/``from_dict`` and ``to_json`` once unknown fields are
  dropped (proto3 JSON has no place for them; unknown enum values it keeps as
  numbers, so those stay in);
- print as text that parses back (``repr`` evaluates to an equal model), one
  line for ``str``/``short_string``, and render ``_repr_html_``;
- be rebuilt by its constructor from its own properties, positionally in field
  order and by keyword, into an equal model with an equal hash (issue 9's
  criterion: ``C(*[getattr(m, f) for f in C._FIELDS]) == m``), for every model
  whose values the Python types can hold (no nanoseconds below a microsecond,
  no unknown fields);
- allow every property of the model and of everything inside it to be read,
  with values that agree with the message.
"""

from __future__ import annotations

import importlib
import json
import os
import random
from functools import cache
from typing import Any

import pytest
from google.protobuf.descriptor import FieldDescriptor

from flytemodels._runtime import Message, OpenEnum, constraints
from tests import support
from tests.support import catalog, filler

#: Seeded instances per message; FLYTEMODELS_ROUNDTRIP_INSTANCES=200 for a longer soak.
INSTANCES = int(os.environ.get("FLYTEMODELS_ROUNDTRIP_INSTANCES", "30"))
CATALOGS = (catalog.FLYTEIDL, catalog.FLYTEIDL2)
CASES = tuple(case for idl in CATALOGS for case in idl.messages())


@pytest.mark.parametrize("idl", CATALOGS, ids=[idl.package for idl in CATALOGS])
def test_catalog_is_complete(idl: catalog.Catalog) -> None:
    assert len(idl.messages()) == idl.expected_messages
    assert len(idl.enums()) == idl.expected_enums
    for case in idl.messages():
        assert case.model._PB is case.pb_class, case.full_name
    for enum_case in idl.enums():
        assert issubclass(enum_case.model, OpenEnum), enum_case.full_name


@pytest.mark.parametrize("case", CASES, ids=[case.full_name for case in CASES])
def test_roundtrip(case: catalog.MessageCase) -> None:
    for seed in range(INSTANCES):
        pb = filler.fill(case.pb_class, random.Random(f"{case.full_name}/{seed}"))
        context = f"{case.full_name} seed {seed}"
        model = _check_idl_and_bytes(case.model, pb, context)
        plain = _without_unknown_fields(pb)
        if not filler.holds_float32_max(plain):  # json_format cannot read it back (see filler)
            _check_dict_and_json(case.model, plain, context)
        _check_constructor(case.model, plain, context)
        _check_text(case.model, plain, context)
        _walk(model, pb)
        support.tally["round-trip instances"] += 1
    support.tally["round-trip messages"] += 1


def _check_idl_and_bytes(model_class: Any, pb: Any, context: str) -> Any:
    model = model_class.from_flyte_idl(pb)
    assert type(model) is model_class, context
    back = model.to_flyte_idl()
    assert back == pb, context
    assert back is not pb, context
    wire = pb.SerializeToString(deterministic=True)
    assert back.SerializeToString(deterministic=True) == wire, context
    assert model.serialize_to_string() == wire, context
    parsed = model_class.from_bytes(pb.SerializeToString())
    assert parsed == model, context
    assert hash(parsed) == hash(model), context
    return model


def _without_unknown_fields(pb: Any) -> Any:
    plain = type(pb)()
    plain.CopyFrom(pb)
    plain.DiscardUnknownFields()
    return plain


def _check_dict_and_json(model_class: Any, plain: Any, context: str) -> None:
    model = model_class.from_flyte_idl(plain)
    data = model.to_dict()
    assert model_class.from_dict(data) == model, context
    assert model_class.from_dict(json.loads(model.to_json())) == model, context
    assert model_class.from_dict(json.loads(model.to_json(indent=None))) == model, context


def _check_text(model_class: Any, plain: Any, context: str) -> None:
    """``repr`` evaluates back (text format carries no unknown fields, so on ``plain``)."""
    model = model_class.from_flyte_idl(plain)
    assert model_class.from_text(model.verbose_string()) == model, context
    assert eval(repr(model), {model_class.__qualname__.split(".")[0]: _outermost(model_class)}) == model, context
    assert "\n" not in model.short_string(), context
    assert str(model) == model.short_string(), context
    assert model._repr_html_().startswith('<details open class="flytemodels">'), context


def _outermost(model_class: Any) -> Any:
    """The top-level class a nested model's ``repr`` starts from (``Outer.Inner.from_text``)."""
    return getattr(importlib.import_module(model_class.__module__), model_class.__qualname__.split(".")[0])


def _check_constructor(model_class: Any, plain: Any, context: str) -> None:
    """Rebuild the model through its constructor from its own properties (issue 9's criterion).

    The model is read from ``plain`` with every Timestamp and Duration cut to
    the microsecond, so each value fits its Python type and the rebuilt model
    must equal it exactly.
    """
    model = model_class.from_flyte_idl(_to_microseconds(plain))
    attributes = _attributes(model_class)
    values = [getattr(model, attribute) for attribute in attributes]
    # Random values break flyteidl2's buf.validate rules; tests/test_constraints.py covers those.
    with constraints.unchecked():
        positional = model_class(*values)
        by_keyword = model_class(**dict(zip(attributes, values, strict=True)))
    for rebuilt in (positional, by_keyword):
        assert type(rebuilt) is model_class, context
        assert rebuilt == model, context
        assert hash(rebuilt) == hash(model), context


@cache
def _attributes(model_class: Any) -> tuple[str, ...]:
    """The Python attribute of each field in ``_FIELDS`` order (reserved names get a trailing ``_``)."""
    names = _properties(model_class)
    return tuple(field if field in names else field + "_" for field in model_class._FIELDS)


def _to_microseconds(pb: Any) -> Any:
    """A copy of ``pb`` whose Timestamps and Durations, at any depth, keep only microseconds."""
    copy = type(pb)()
    copy.CopyFrom(pb)
    for message in filler.iter_messages(copy):
        name = message.DESCRIPTOR.full_name
        if name == "google.protobuf.Timestamp":
            message.nanos -= message.nanos % 1000  # nanos >= 0: floor to the microsecond
        elif name == "google.protobuf.Duration":
            message.nanos = int(message.nanos / 1000) * 1000  # toward zero, keeping the sign
    return copy


def _is_map(field: FieldDescriptor) -> bool:
    return field.message_type is not None and field.message_type.GetOptions().map_entry


# -- the property walk -----------------------------------------------------------


@cache
def _properties(model_class: type) -> tuple[str, ...]:
    found = {name for klass in model_class.__mro__ for name, item in vars(klass).items() if isinstance(item, property)}
    return tuple(sorted(found))


def _walk(model: Message, pb: Any) -> None:
    """Read every property of ``model`` and, recursively, of every model inside it."""
    for name in _properties(type(model)):
        value = getattr(model, name)
        assert getattr(model, name) == value  # cached or not, reading twice agrees
        field = pb.DESCRIPTOR.fields_by_name.get(name)
        if field is not None:
            _check_field(field, pb, value)
        for child, child_pb in _children(value, field, pb):
            _walk(child, child_pb)


def _check_field(field: FieldDescriptor, pb: Any, value: Any) -> None:
    raw = getattr(pb, field.name)
    if field.is_repeated:
        assert isinstance(value, dict if _is_map(field) else list), field.full_name
        assert len(value) == len(raw), field.full_name
    elif field.has_presence and not pb.HasField(field.name):
        assert value is None, field.full_name
    elif field.type == FieldDescriptor.TYPE_ENUM:
        assert isinstance(value, OpenEnum) and value == raw, field.full_name
    elif isinstance(value, Message):
        assert value.to_flyte_idl() == raw, field.full_name


def _children(value: Any, field: FieldDescriptor | None, pb: Any) -> list[tuple[Message, Any]]:
    if field is None:  # a hand-written property (e.g. an override's ``value``)
        return [(value, value._pb)] if isinstance(value, Message) else []
    raw = getattr(pb, field.name)
    if isinstance(value, Message):
        return [(value, raw)]
    if isinstance(value, list):
        return [(item, item_pb) for item, item_pb in zip(value, raw, strict=True) if isinstance(item, Message)]
    if isinstance(value, dict) and _is_map(field):
        return [(item, raw[key]) for key, item in value.items() if isinstance(item, Message)]
    return []
