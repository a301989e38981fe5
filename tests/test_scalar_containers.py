"""Repeated scalar fields and maps of scalars: the properties copy the container themselves, as ``_get`` does.

A generated property of a repeated scalar field hands out ``pb.<name>[:]``, one
of a map of scalars ``_fast.sorted_map(pb.<name>)``, instead of going through
``Message._get`` (``RepeatedSpec.get``, ``MapSpec.get``). Every such field of
flyteidl and flyteidl2 is read held and value-built, empty and with values, and
compared with ``_get``: equal, of the same types, in the same order, and a new
container on every read.
"""

from __future__ import annotations

from typing import Any

import pytest
from google.protobuf.descriptor import FieldDescriptor

from flytemodels._runtime import constraints, fast, registry
from tests.support import catalog

_FD = FieldDescriptor
#: Two values of each scalar type, the larger first (a map's keys must come out sorted).
_SAMPLES: dict[int, list[Any]] = {
    _FD.CPPTYPE_STRING: ["b", "a"],  # bytes fields are CPPTYPE_STRING too: see _samples
    _FD.CPPTYPE_BOOL: [True, False],
    _FD.CPPTYPE_DOUBLE: [2.5, -1.0],
    _FD.CPPTYPE_FLOAT: [2.5, -1.0],
    _FD.CPPTYPE_ENUM: [1, 0],
}


def _samples(field: Any) -> list[Any]:
    if field.type == _FD.TYPE_BYTES:
        return [b"b", b"a"]
    return _SAMPLES.get(field.cpp_type, [7, 3])  # every integer type


def _is_scalar(field: Any, tree: str) -> bool:
    """A scalar value as a model hands it out: not a message, and not an enum of the tree (a member, not an int)."""
    if field.message_type is not None:
        return False
    return field.enum_type is None or not registry.models(tree, field.enum_type.file.name)


def _containers(case: catalog.MessageCase, tree: str) -> list[tuple[Any, Any]]:
    """The repeated scalar fields and scalar maps of ``case``: (field, value) pairs to write into its message."""
    found = []
    for field in case.descriptor.fields:
        entry = field.message_type
        if field.is_repeated and entry is not None and entry.GetOptions().map_entry:
            key, value = entry.fields_by_name["key"], entry.fields_by_name["value"]
            if _is_scalar(value, tree):
                found.append((field, dict(zip(_samples(key), _samples(value), strict=True))))
        elif field.is_repeated and _is_scalar(field, tree):
            found.append((field, _samples(field)))
    return found


def _property(case: catalog.MessageCase, field: Any) -> str:
    return field.name if isinstance(getattr(case.model, field.name, None), property) else field.name + "_"


def _check(case: catalog.MessageCase, field: Any, values: Any) -> None:
    name = _property(case, field)
    for given in (type(values)(), values):
        pb = case.pb_class()
        getattr(pb, field.name).extend(given) if isinstance(given, list) else getattr(pb, field.name).update(given)
        held = case.model.from_flyte_idl(pb)
        with constraints.unchecked():  # random parents break flyteidl2's buf.validate rules
            built = case.model(**{name: given})
        for model in (held, built):
            value, expected = getattr(model, name), model._get(field.name)
            assert type(value) is type(expected) is type(values), (case.full_name, field.name)
            assert value == expected == given and list(value) == list(expected), (case.full_name, name)
            if isinstance(value, dict):  # in key order, whatever order the message iterates in
                assert list(value) == sorted(value), (case.full_name, name)
            assert [type(item) for item in value] == [type(item) for item in expected]
            assert getattr(model, name) is not value  # a new container each read: the caller may change it


@pytest.mark.parametrize("idl", [catalog.FLYTEIDL, catalog.FLYTEIDL2], ids=["flyteidl", "flyteidl2"])
def test_every_scalar_container_reads_what_get_reads(idl: catalog.Catalog) -> None:
    kinds = {list: 0, dict: 0}
    for case in idl.messages():
        for field, values in _containers(case, idl.tree):
            _check(case, field, values)
            kinds[type(values)] += 1
    assert kinds[list] > 5 and kinds[dict] > 5, (idl.package, kinds)


def test_sorted_map_orders_by_key() -> None:
    assert fast.sorted_map({}) == {}
    assert list(fast.sorted_map({"b": 1, "a": 2, "c": 0}).items()) == [("a", 2), ("b", 1), ("c", 0)]
