"""The errors flytemodels raises on its own account."""


class DecodeError(ValueError):
    """Bytes could not be decoded into a model.

    Raised by ``from_bytes`` for truncated or malformed input and for input nested
    deeper than the protobuf runtime's recursion limit (100 messages, about 50
    literal levels), and by unpickling a model nested that deep: it is built in
    memory at any depth, but its bytes cannot be read back. The message names
    the model class that was being read.
    """


class ParseError(ValueError):
    """Text format, a dict or JSON could not be parsed into a model.

    Raised by ``from_text``, ``from_dict`` and ``from_json`` for input that is not
    the form they read, names a field the message does not have, or gives a
    field a value of the wrong type. The message names the model class and the
    form, then protobuf's reason (which names the field).
    """
