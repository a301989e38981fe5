"""Griffe extensions (mkdocs.yml lists them): what a static reader misses in this package's conventions."""

from __future__ import annotations

import ast
import re
from typing import Any

import griffe

OVERRIDE_PACKAGES = ("flytemodels._overrides.", "flytemodels._flytekit.overrides.")
# A code span (kept as it is) or a "<" outside one.
_CODE_SPAN_OR_ANGLE = re.compile(r"(`+).*?\1|<", re.DOTALL)


class PublicOverrides(griffe.Extension):
    """The hand-written overrides are documented under the names users import.

    A generated module ends with ``from flytemodels._overrides.core.literals import Literal as Literal``,
    so ``flytemodels.core.literals.Literal`` is the override. Griffe sees an import, which mkdocstrings
    leaves out unless it is public: the page would show ``LiteralBase`` and no ``Literal``. An import
    from an overrides package under its own name is the public class, and this marks it so.
    """

    def on_alias_instance(self, *, alias: griffe.Alias, **kwargs: Any) -> None:
        target = alias.target_path
        if target.startswith(OVERRIDE_PACKAGES) and target.rsplit(".", 1)[-1] == alias.name:
            alias.public = True


class PropertyCalls(griffe.Extension):
    """``name = property(getter, doc="...")`` is documented as a property with that docstring.

    The flytekit family declares its attributes that way (one shared getter per attribute). Read
    statically it is a class attribute whose value is a call, with no docstring; imported it would be
    a property, but importing every module is what the static reader avoids.
    """

    def on_attribute_instance(
        self, *, node: ast.AST | griffe.ObjectNode, attr: griffe.Attribute, **kwargs: Any
    ) -> None:
        doc = _property_doc(node)
        if doc is None:
            return
        attr.docstring = griffe.Docstring(escape_angle_brackets(doc), parent=attr)
        attr.labels.difference_update({"class-attribute", "instance-attribute"})
        attr.labels.add("property")
        attr.value = None  # the getter call says nothing to a reader


def _property_doc(node: ast.AST | griffe.ObjectNode) -> str | None:
    """The ``doc=`` text of an assignment ``x = property(..., doc="...")``; ``None`` for anything else."""
    if not isinstance(node, ast.Assign) or not isinstance(node.value, ast.Call):
        return None
    call = node.value
    if not (isinstance(call.func, ast.Name) and call.func.id == "property"):
        return None
    for keyword in call.keywords:
        if keyword.arg == "doc" and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
            return keyword.value.value
    return ""


class EscapeAngleBrackets(griffe.Extension):
    """A ``<`` in a docstring is text, not the start of an HTML tag.

    The docstrings are plain text with reStructuredText's double backticks, not Markdown: a field's
    type reads ``map<string, flyteidl.core.Literal>``, which Markdown would take for a tag and drop
    (the page would say "map, field 1."), and so would "<UNKNOWN>" in a hand-written one.
    """

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = escape_angle_brackets(obj.docstring.value)


def escape_angle_brackets(text: str) -> str:
    """``map<string, string>`` -> ``map&lt;string, string>``; code spans are left as they are."""
    return _CODE_SPAN_OR_ANGLE.sub(lambda match: match.group(0) if match.group(1) else "&lt;", text)
