"""Proto names that protobuf's own Python message classes cannot hold, checked for both families.

A generated protobuf class has members from protobuf itself (``HasField``,
``SerializeToString``, ``DESCRIPTOR``). upb, protobuf's Python runtime, looks a
message's fields up before those members, so a field named like one hides it on
every instance (``pb.HasField`` is the field's value) while the class keeps it
(``type(pb).HasField(pb, name)`` still works). The runtime therefore calls
protobuf's methods through the class wherever a field could hide them, and
such a field works in both families, except where protobuf's own code calls
the member on the instance and nothing can route around it:

- its text and JSON formats (``FORMAT_CALLS``, and ``EXTENSION_CALLS`` on a
  message with extension ranges), which every model prints and parses through
  (``repr``, ``from_text``, ``to_dict``, ``from_json``);
- pickling and deep-copying a message (``PROTOCOL_CALLS``): protobuf's
  ``__reduce__``/``__setstate__``, and Python's pickle and copy, which look
  ``__reduce__``, ``__setstate__`` and ``__deepcopy__`` up on the object: such a
  message cannot be pickled or copied at all, and the flytekit family pickles
  and copies the messages its models hold.

A field named like one of those is an error naming the file, message and field.
Other helpers of protobuf that call a method on the instance (``Any.Pack`` and
``proto.serialize`` call ``SerializeToString``) fail on a message whose field
hides it; the models never call them.

A nested message is a class attribute of its parent's protobuf class, so one
named like any member (``MESSAGE_MEMBERS``) replaces it on the class too, out of
every caller's reach: an error as well. Nested enums, enum values and
extensions are not class attributes there and may take any name.

The names are data, not read from the installed protobuf: the project supports a
range of protobuf releases, and whether a .proto generates must not depend on
which one is installed. tests/test_protobuf_names.py checks them against it.
"""

from __future__ import annotations

from codegen.errors import GenerateError

#: Every member a generated message class has from protobuf: what upb's
#: ``google._upb._message.Message`` and ``google.protobuf.message.Message`` define
#: (``DESCRIPTOR`` included, which each generated class sets), as of protobuf 7.36.
MESSAGE_MEMBERS = frozenset(
    {"ByteSize", "Clear", "ClearExtension", "ClearField", "CopyFrom", "DESCRIPTOR", "DiscardUnknownFields"}
    | {"Extensions", "FindInitializationErrors", "FromString", "HasExtension", "HasField", "IsInitialized"}
    | {"ListFields", "MergeFrom", "MergeFromString", "ParseFromString", "SerializePartialToString"}
    | {"SerializeToString", "SetInParent", "UnknownFields", "WhichOneof"}
    | {"_CheckCalledFromGeneratedFile", "_ListFieldsItemKey", "_SetListener"}
    | {"__contains__", "__deepcopy__", "__delattr__", "__dir__", "__doc__", "__eq__", "__ge__", "__getattribute__"}
    | {"__getstate__", "__gt__", "__hash__", "__init__", "__le__", "__lt__", "__module__", "__ne__", "__new__"}
    | {"__reduce__", "__repr__", "__setattr__", "__setstate__", "__slots__", "__str__", "__unicode__"}
)

#: The members protobuf's text and JSON formats (``google/protobuf/text_format.py``,
#: ``json_format.py``) call on a message instance, each with what needs it: completes
#: "…hides the message's own X, which …".
FORMAT_CALLS = {
    "DESCRIPTOR": "protobuf's text and JSON formats read the message's type from",
    "ListFields": "protobuf's text and JSON formats call to print the message",
    "HasField": "protobuf's text format calls to parse the message",
    "WhichOneof": "protobuf's text format calls to parse the message",
    "ClearField": "protobuf's JSON format calls to parse the message",
    "SetInParent": "protobuf's text and JSON formats call to parse a field holding the message",
    "CopyFrom": "protobuf's text format calls to parse a map holding the message",
}

#: The members pickling or deep-copying a message calls on the instance: Python's pickle
#: and ``copy.deepcopy``, and protobuf's ``Message.__reduce__``, ``__getstate__`` and
#: ``__setstate__`` (``google/protobuf/message.py``). ``DESCRIPTOR`` too, read by ``__reduce__``.
PROTOCOL_CALLS = {
    "__reduce__": "pickle calls to pickle the message",
    "__getstate__": "protobuf's __reduce__ calls to pickle the message",
    "SerializePartialToString": "protobuf's __getstate__ calls to pickle the message",
    "__setstate__": "pickle calls to unpickle the message",
    "__init__": "protobuf's __setstate__ calls to unpickle the message",
    "ParseFromString": "protobuf's __setstate__ calls to unpickle the message",
    "__deepcopy__": "copy.deepcopy calls to copy the message",
}

#: The members the text and JSON formats call only on a message that declares extension ranges.
EXTENSION_CALLS = {
    "Extensions": "protobuf's text and JSON formats reach the message's extensions through",
    "HasExtension": "protobuf's text format calls to parse the message's extensions",
    "ClearExtension": "protobuf's JSON format calls to parse the message's extensions",
}


def check_field(proto_name: str, where: str, extendable: bool) -> None:
    """Refuse a field whose name hides a member protobuf's formats, pickling or copying call on its message.

    Args:
        proto_name: The field's name in the IDL.
        where: ``<file>: <Message>.<field>``, for the error.
        extendable: Whether the message declares extension ranges.
    """
    why = FORMAT_CALLS.get(proto_name) or PROTOCOL_CALLS.get(proto_name)
    if why is None and extendable:
        why = EXTENSION_CALLS.get(proto_name)
    if why is not None:
        raise GenerateError(
            f"{where}: protobuf's Python API cannot have a field named {proto_name!r}: "
            f"it hides the message's own {proto_name}, which {why}; rename the field"
        )


def check_nested_message(proto_name: str, where: str) -> None:
    """Refuse a nested message named like a member of protobuf's message classes (``where``: ``<file>: <qualname>``)."""
    if proto_name in MESSAGE_MEMBERS:
        raise GenerateError(
            f"{where}: protobuf's Python API cannot have a nested message named {proto_name!r}: "
            f"it replaces the outer message class's own {proto_name}, which protobuf and the models call; "
            "rename the message"
        )
