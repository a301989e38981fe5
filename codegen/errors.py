"""The one error type the generator reports to its user."""


class GenerateError(Exception):
    """Bad input: a one-line message naming the file and element at fault."""
