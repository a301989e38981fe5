"""Enum field properties map the number to its member themselves, and hand out what the runtime's conversion does.

A generated property of a singular enum field (with presence or without, oneof
members included) looks the number it reads up in the members of the enum class
the registry gives for the declaring class's tree (``_fast.FieldMembers``); a
number the enum does not declare takes ``Message._get``, as every field did
before. Every such field of flyteidl and flyteidl2 is read held and value-built,
with each declared number and one undeclared number (and unset, with presence),
and compared with ``EnumElement.to_python`` and the ``_get`` path.
"""

from __future__ import annotations

import keyword
from typing import Any

import pytest
from flyteidl.core import execution_pb2, identifier_pb2
from flytemodels.admin.common import NamedEntity
from flytemodels.core.execution import QualityOfService
from flytemodels.core.identifier import Identifier, ResourceType

from flytemodels._runtime import constraints, registry
from flytemodels._runtime.fields import EnumElement
from tests.support import catalog


def _enum_fields(case: catalog.MessageCase, tree: str) -> list[Any]:
    """The singular enum fields of ``case`` whose enum has a model in ``tree`` (not a plain int)."""
    return [
        field
        for field in case.descriptor.fields
        if field.enum_type is not None and not field.is_repeated and registry.models(tree, field.enum_type.file.name)
    ]


def _property(case: catalog.MessageCase, field: Any) -> str:
    return field.name if isinstance(getattr(case.model, field.name, None), property) else field.name + "_"


def _generated(model: type) -> Any:
    """The generated class of ``model`` (an override's base), which holds the class attributes."""
    return next(klass for klass in model.__mro__ if "_PB" in vars(klass))


def _check_field(case: catalog.MessageCase, field: Any, tree: str) -> None:
    """Each declared number, then an undeclared one, held and value-built: what ``EnumElement.to_python`` gives."""
    enum = registry.model_class(field.enum_type, tree)
    element = EnumElement(field, tree)
    name = _property(case, field)
    declared = [value.number for value in field.enum_type.values]
    for number in [*declared, max(declared) + 1]:
        pb = case.pb_class()
        setattr(pb, field.name, number)  # a oneof member or proto3 optional is then set
        held = case.model.from_flyte_idl(pb)
        value = getattr(held, name)  # first: an undeclared number is not in the members yet
        expected = element.to_python(number)
        assert value is expected and type(value) is enum, (case.full_name, field.name, number, value)
        assert getattr(held, name) is value and held._get(field.name) is value
        with constraints.unchecked():  # random parents break flyteidl2's buf.validate rules
            built = case.model(**{name: number})
        assert getattr(built, name) is expected, (case.full_name, field.name, number)
    if field.has_presence:
        assert getattr(case.model.from_flyte_idl(case.pb_class()), name) is None
    if field.name.isidentifier() and not keyword.iskeyword(field.name):  # read with pb.<name>: the fast path
        members = enum._value2member_map_
        assert any(held is members for held in vars(_generated(case.model)).values()), (case.full_name, field.name)


@pytest.mark.parametrize("idl", [catalog.FLYTEIDL, catalog.FLYTEIDL2], ids=["flyteidl", "flyteidl2"])
def test_every_enum_field_reads_the_member_the_conversion_gives(idl: catalog.Catalog) -> None:
    """Declared and undeclared numbers, held and value-built, with and without presence, in the tree's own enum."""
    checked = present = 0
    for case in idl.messages():
        for field in _enum_fields(case, idl.tree):
            _check_field(case, field, idl.tree)
            checked += 1
            present += field.has_presence
    assert checked > 20 and present > 0, (idl.package, checked, present)


def test_an_undeclared_number_becomes_the_enums_unknown_member_once() -> None:
    """The first read converts through ``_get`` (a stand-in joins the members); later reads find it there."""
    number = 4242
    assert number not in ResourceType._value2member_map_
    model = Identifier.from_flyte_idl(identifier_pb2.Identifier(resource_type=number))
    value = model.resource_type
    assert type(value) is ResourceType and value.name == f"UNKNOWN_{number}" and value == number
    assert ResourceType._value2member_map_[number] is value
    assert model.resource_type is value and ResourceType(number) is value
    assert model.to_flyte_idl().resource_type == number


def test_a_oneof_enum_member_reads_none_unless_set() -> None:
    pb = execution_pb2.QualityOfService(tier=execution_pb2.QualityOfService.HIGH)
    assert QualityOfService.from_flyte_idl(pb).tier is QualityOfService.Tier.HIGH
    pb.spec.SetInParent()  # the other member of the oneof
    assert QualityOfService.from_flyte_idl(pb).tier is None
    assert QualityOfService(tier=0).tier is QualityOfService.Tier.UNDEFINED


def test_the_members_attribute_holds_the_registrys_enum_members() -> None:
    """Resolved on first read, on the generated class, to the members of the registry's class, in any module."""
    for model in (Identifier, NamedEntity):  # the enum in its own module, then in another one
        assert type(model(resource_type=1).resource_type) is ResourceType
        assert vars(_generated(model))["_fm_members_resource_type"] is ResourceType._value2member_map_
