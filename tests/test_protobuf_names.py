"""The names ``codegen/model/protobuf_names.py`` keeps as data, checked against the installed protobuf.

They are data so that whether a .proto generates does not depend on the protobuf
release installed; these tests fail when a release changes what the data says:

- ``MESSAGE_MEMBERS``: every member a generated message class has from protobuf;
- ``FORMAT_CALLS`` and ``EXTENSION_CALLS``: exactly the members whose name, given to a
  field, breaks protobuf's own text or JSON format for the message (on its own, and as
  a singular, repeated and map value of another);
- ``PROTOCOL_CALLS`` (and ``DESCRIPTOR``): exactly those that break pickling or
  ``copy.deepcopy`` of the message;
- ``fixtures/protobuf_members.proto``: its ``Hidden`` names every other member, so the
  goldens' run-time tests cover each (tests/test_goldens_naming.py, test_goldens_compat_runtime.py).

Each member gets a message of its own, in a descriptor pool of its own: ``Held``
(the field, a sub-message, a repeated field, a oneof) inside a ``Holder``.
"""

from __future__ import annotations

import copy
import pickle
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory, text_format

from codegen.model import protobuf_names
from tests.goldens.harness import REPO

_T = descriptor_pb2.FieldDescriptorProto
_PROBE_MODULE = "_protobuf_names_probe"  # where pickle finds the probe classes by name
#: What a format or pickle raises when a field stands where protobuf expects its own member.
_BROKEN = (TypeError, AttributeError, json_format.ParseError, text_format.ParseError, pickle.PicklingError)


def _file(name: str, extendable: bool) -> descriptor_pb2.FileDescriptorProto:
    """``probe.proto``: ``Held`` with a string field called ``name``, held by ``Holder`` three ways."""
    file = descriptor_pb2.FileDescriptorProto(name="probe.proto", package="probe", syntax="proto2")
    held = file.message_type.add(name="Held")
    held.oneof_decl.add(name="choice")
    held.field.add(name=name, number=1, type=_T.TYPE_STRING, label=_T.LABEL_OPTIONAL)
    held.field.add(name="sub", number=2, type=_T.TYPE_MESSAGE, type_name=".probe.Held", label=_T.LABEL_OPTIONAL)
    held.field.add(name="many", number=3, type=_T.TYPE_INT32, label=_T.LABEL_REPEATED)
    held.field.add(name="either", number=4, type=_T.TYPE_STRING, label=_T.LABEL_OPTIONAL, oneof_index=0)
    if extendable:
        held.extension_range.add(start=100, end=200)
        file.extension.add(name="ext", number=100, type=_T.TYPE_INT32, label=_T.LABEL_OPTIONAL, extendee=".probe.Held")
        file.extension.add(name="exts", number=101, type=_T.TYPE_INT32, label=_T.LABEL_REPEATED, extendee=".probe.Held")
    holder = file.message_type.add(name="Holder")
    entry = holder.nested_type.add(name="ByKeyEntry", options=descriptor_pb2.MessageOptions(map_entry=True))
    entry.field.add(name="key", number=1, type=_T.TYPE_STRING, label=_T.LABEL_OPTIONAL)
    entry.field.add(name="value", number=2, type=_T.TYPE_MESSAGE, type_name=".probe.Held", label=_T.LABEL_OPTIONAL)
    holder.field.add(name="one", number=1, type=_T.TYPE_MESSAGE, type_name=".probe.Held", label=_T.LABEL_OPTIONAL)
    holder.field.add(name="many", number=2, type=_T.TYPE_MESSAGE, type_name=".probe.Held", label=_T.LABEL_REPEATED)
    by_key = ".probe.Holder.ByKeyEntry"
    holder.field.add(name="by_key", number=3, type=_T.TYPE_MESSAGE, type_name=by_key, label=_T.LABEL_REPEATED)
    return file


def _messages(name: str, extendable: bool = False) -> tuple[Any, Any]:
    """A ``Held`` with every field set (``name`` to ``"x"``), and a ``Holder`` of it three ways."""
    pool = descriptor_pool.DescriptorPool()
    pool.Add(_file(name, extendable))
    held_class, holder_class = (
        message_factory.GetMessageClass(pool.FindMessageTypeByName(f"probe.{n}")) for n in ("Held", "Holder")
    )
    for cls in (held_class, holder_class):  # pickle finds a class by its module and name
        cls.__module__ = _PROBE_MODULE
        setattr(sys.modules[_PROBE_MODULE], cls.__name__, cls)
    held = held_class(**{name: "x"}, sub=held_class(), many=[1], either="e")
    if extendable:
        extensions = held_class.Extensions.__get__(held)  # through the class: the field may be named Extensions
        extensions[pool.FindExtensionByName("probe.ext")] = 3
        extensions[pool.FindExtensionByName("probe.exts")].append(4)
    holder = holder_class()
    for target in (holder.one, holder.many.add(), holder.by_key["k"]):
        held_class.MergeFrom(target, held)
    return held, holder


def _formats_break(name: str, extendable: bool = False) -> bool:
    """Whether a field ``name`` breaks protobuf's text or JSON round trip of its message or a holder of it."""
    for message in _messages(name, extendable):
        kind = type(message)
        try:
            text = text_format.Parse(text_format.MessageToString(message), kind())
            data = json_format.ParseDict(json_format.MessageToDict(message), kind())
        except _BROKEN:
            return True
        assert text == message == data  # a format that runs gives the message back
    return False


def _protocols_break(name: str) -> bool:
    """Whether a field ``name`` breaks pickling or deep-copying its message or a holder of it."""
    for message in _messages(name):
        try:
            copied, unpickled = copy.deepcopy(message), pickle.loads(pickle.dumps(message))
        except _BROKEN:
            return True
        assert copied == message == unpickled
    return False


@pytest.fixture(autouse=True)
def _probe_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, _PROBE_MODULE, ModuleType(_PROBE_MODULE))


def _installed_members() -> frozenset[str]:
    held, _ = _messages("plain")
    return frozenset(name for cls in type(held).__mro__ if cls is not object for name in vars(cls))


def test_message_members_are_the_installed_protobufs() -> None:
    assert sorted(_installed_members()) == sorted(protobuf_names.MESSAGE_MEMBERS)


def test_the_members_protobufs_formats_call_are_the_listed_ones() -> None:
    members = sorted(protobuf_names.MESSAGE_MEMBERS)
    assert [name for name in members if _formats_break(name)] == sorted(protobuf_names.FORMAT_CALLS)
    extendable = sorted(protobuf_names.FORMAT_CALLS.keys() | protobuf_names.EXTENSION_CALLS.keys())
    assert [name for name in members if _formats_break(name, extendable=True)] == extendable


def test_the_members_pickling_and_copying_call_are_the_listed_ones() -> None:
    broken = [name for name in sorted(protobuf_names.MESSAGE_MEMBERS) if _protocols_break(name)]
    assert broken == sorted({"DESCRIPTOR", *protobuf_names.PROTOCOL_CALLS})


def test_the_fixture_names_every_member_a_field_may_hide(tmp_path: Path) -> None:
    """``Hidden`` (proto3, no extension ranges) has a field for each member no check refuses."""
    from grpc_tools import protoc

    written = tmp_path / "protobuf_members.pb"
    arguments = [f"-I{REPO / 'protos'}", f"-o{written}", "fixtures/protobuf_members.proto"]
    assert protoc.main(["protoc", *arguments]) == 0
    file = descriptor_pb2.FileDescriptorSet.FromString(written.read_bytes()).file[0]
    hidden = next(message for message in file.message_type if message.name == "Hidden")
    refused = protobuf_names.FORMAT_CALLS.keys() | protobuf_names.PROTOCOL_CALLS.keys()
    assert sorted(field.name for field in hidden.field) == sorted(protobuf_names.MESSAGE_MEMBERS - refused)
