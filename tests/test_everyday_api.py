"""Everyday API of the IDL family: changed copies, dict/JSON options, and the library's parse errors."""

from __future__ import annotations

import copy
import datetime as dt
import json
import sys

import pytest
from flytemodels.core.identifier import Identifier, ResourceType
from flytemodels.core.literals import Literal, Primitive, Scalar
from flytemodels.core.types import LiteralType, SimpleType

from flytemodels.errors import ParseError


def test_replace_changes_only_the_named_fields() -> None:
    identifier = Identifier(ResourceType.TASK, "project", "domain", "name", "v1")
    changed = identifier.replace(version="v2", domain=None)
    assert changed == Identifier(ResourceType.TASK, "project", "", "name", "v2")
    assert identifier.version == "v1"  # the original is untouched


def test_replace_keeps_unknown_fields() -> None:
    data = Identifier(project="p").serialize_to_string() + bytes([0xA0, 0x06, 0x01])  # field 100 = 1
    model = Identifier.from_bytes(data)
    assert model.replace(name="n").serialize_to_string().endswith(bytes([0xA0, 0x06, 0x01]))


def test_replace_switches_a_oneof_member() -> None:
    primitive = Primitive(integer=3)
    assert primitive.replace(string_value="s").to_flyte_idl().WhichOneof("value") == "string_value"
    literal = Literal(scalar=Scalar(primitive=primitive))
    assert literal.replace(hash="h").scalar.primitive.integer == 3


def test_replace_checks_values_as_the_constructor_does() -> None:
    with pytest.raises(TypeError, match=r"Primitive\.integer: expected int, got str"):
        Primitive(integer=1).replace(integer="1")
    with pytest.raises(TypeError, match=r"unexpected field 'nope'"):
        Primitive(integer=1).replace(nope=1)


def test_replace_takes_enum_members() -> None:
    literal_type = LiteralType(simple=SimpleType.STRING)
    assert literal_type.replace(simple=SimpleType.INTEGER).simple is SimpleType.INTEGER


@pytest.mark.skipif(sys.version_info < (3, 13), reason="copy.replace is new in Python 3.13")
def test_copy_replace() -> None:  # pragma: no cover - runs on 3.13+
    assert copy.replace(Identifier(name="a"), name="b") == Identifier(name="b")  # type: ignore[attr-defined]


def test_dunder_replace_is_replace() -> None:
    assert Identifier(name="a").__replace__(name="b") == Identifier(name="b")


def test_to_dict_options() -> None:
    primitive = Primitive(integer=2**40)
    assert primitive.to_dict() == {"integer": str(2**40)}
    assert primitive.to_dict(int64_as_int=True) == {"integer": 2**40}
    identifier = Identifier(ResourceType.WORKFLOW, "p")
    assert identifier.to_dict() == {"resource_type": "WORKFLOW", "project": "p"}
    assert identifier.to_dict(enums_as_ints=True) == {"resource_type": 2, "project": "p"}
    assert identifier.to_dict(include_defaults=True)["version"] == ""
    for options in ({}, {"int64_as_int": True}, {"enums_as_ints": True}, {"include_defaults": True}):
        assert Identifier.from_dict(identifier.to_dict(**options)) == identifier
        assert Primitive.from_dict(primitive.to_dict(**options)) == primitive


def test_json_round_trip_with_options() -> None:
    primitive = Primitive(datetime=dt.datetime(2024, 5, 1, 12, tzinfo=dt.UTC))
    assert Primitive.from_json(primitive.to_json()) == primitive
    big = Primitive(integer=-(2**62))
    assert json.loads(big.to_json(int64_as_int=True)) == {"integer": -(2**62)}
    assert Primitive.from_json(big.to_json(indent=None, int64_as_int=True).encode()) == big


@pytest.mark.parametrize(
    ("parse", "argument", "expected"),
    [
        (Identifier.from_text, "projekt: 'p'", r"cannot parse Identifier from text format: .*projekt"),
        (Identifier.from_text, "project: 5", r"cannot parse Identifier from text format: .*project"),
        (Identifier.from_dict, {"projekt": "p"}, r"cannot parse Identifier from a dict: .*projekt"),
        (Identifier.from_dict, {"project": 5}, r"cannot parse Identifier from a dict: .*project"),
        (Identifier.from_dict, ["not", "a", "dict"], r"cannot parse Identifier from a dict"),
        (Identifier.from_json, "{", r"cannot parse Identifier from JSON"),
        (Identifier.from_json, '{"resource_type": "NOPE"}', r"cannot parse Identifier from JSON: .*NOPE"),
    ],
)
def test_parsers_raise_the_library_error(parse: object, argument: object, expected: str) -> None:
    with pytest.raises(ParseError, match=expected) as raised:
        parse(argument)  # type: ignore[operator]
    assert isinstance(raised.value, ValueError)  # code catching ValueError keeps working
