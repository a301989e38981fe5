"""Finds the model class for a protobuf descriptor, within one generated tree.

Every generated tree ships an index from proto file name to Python module
(``flytemodels/_index.py``, ``flytemodels/v2/_index.py``). Several trees may
model the same proto file (two IDL configurations that both generate
``google/rpc/status.proto``, or flytemodels and a user's own tree), so every
lookup is keyed by the tree as well as the file: a parent's field yields the
class of the parent's own tree, as its annotation says, whatever was imported
first. A model class's tree is the tree that registered its generated module.

A class is looked up by importing that module and walking the message's
qualified name, so the class found is the one at the public path: an override
from ``src/`` when there is one, else the generated class. Nothing refers to a
generated base directly.
"""

from __future__ import annotations

import importlib
from typing import Any

from google.protobuf.descriptor import Descriptor, EnumDescriptor

_MODULES: dict[tuple[str, str], str] = {}  # (tree, proto file) → the module that models it
_TREE_OF_MODULE: dict[str, str] = {}  # generated module → the root package of its tree
_CLASSES: dict[tuple[str, str], Any] = {}  # (tree, full name) → public class


def register_files(modules: dict[str, str], tree: str = "") -> None:
    """Record which Python module models each proto file (called by ``_index`` of the tree ``tree``)."""
    for file, module in modules.items():
        _MODULES[tree, file] = module
        _TREE_OF_MODULE[module] = tree


def models(tree: str, file: str) -> bool:
    """Whether the generated tree ``tree`` has a model module for proto file ``file``."""
    return (tree, file) in _MODULES


def tree_of(model: type) -> str:
    """The tree a model class belongs to: the one that registered its generated module.

    Raises:
        LookupError: no registered tree generated the class.
    """
    generated = next((klass for klass in model.__mro__ if "_PB" in klass.__dict__), model)
    try:
        return _TREE_OF_MODULE[generated.__module__]
    except KeyError:
        raise LookupError(
            f"no generated tree registers {generated.__module__} (the module of {model.__qualname__})"
        ) from None


def model_class(descriptor: Descriptor | EnumDescriptor, tree: str) -> Any:
    """Return the public model class (or enum) for ``descriptor`` in the generated tree ``tree``."""
    key = (tree, descriptor.full_name)
    found = _CLASSES.get(key)
    if found is None:
        found = _CLASSES[key] = _import(descriptor, tree)
    return found


def _import(descriptor: Descriptor | EnumDescriptor, tree: str) -> Any:
    file = descriptor.file
    try:
        module_name = _MODULES[tree, file.name]
    except KeyError:
        raise LookupError(
            f"the tree {tree!r} registers no model module for {file.name} (needed for {descriptor.full_name})"
        ) from None
    found: Any = importlib.import_module(module_name)
    qualname = descriptor.full_name.removeprefix(file.package + ".") if file.package else descriptor.full_name
    for part in qualname.split("."):
        found = getattr(found, part)
    return found
