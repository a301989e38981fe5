"""The errors flytemodels raises on its own account."""


class DecodeError(ValueError):
    """Bytes could not be decoded into a model.

    Raised by ``from_bytes`` for truncated or malformed input and for input nested
    deeper than the protobuf runtime's recursion limit. The message names the
    model class that was being read.
    """
