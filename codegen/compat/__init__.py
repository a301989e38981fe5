"""Compatibility families: a generated mirror of a hand-written API over the same IDL (``flytemodels.flytekit``).

``table`` reads the family's table (data) against the IDL's descriptors into
the frozen model of ``model``; ``render`` prints it through the templates.
"""
