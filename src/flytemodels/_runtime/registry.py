"""Finds the model class for a protobuf descriptor.

Every generated tree ships an index from proto file name to Python module
(``flytemodels/_index.py``, ``flytemodels/v2/_index.py``); several trees share
this registry, each file keyed by its own name. A class is looked up by importing that module and
walking the message's qualified name, so the class found is the one at the
public path: an override from ``src/`` when there is one, else the generated
class. Nothing refers to a generated base directly.
"""

from __future__ import annotations

import importlib
from typing import Any

from google.protobuf.descriptor import Descriptor, EnumDescriptor

_MODULES: dict[str, str] = {}
_TREES: dict[str, str] = {}  # proto file → the root package of the tree that models it
_CLASSES: dict[str, Any] = {}


def register_files(modules: dict[str, str], tree: str = "") -> None:
    """Record which Python module models each proto file (called by ``_index`` of the tree ``tree``)."""
    _MODULES.update(modules)
    _TREES.update(dict.fromkeys(modules, tree))


def same_tree(file: str, other: str) -> bool:
    """Whether proto file ``file`` is modelled by the same generated tree as ``other`` (a model exists for it)."""
    return file in _TREES and _TREES[file] == _TREES.get(other)


def model_class(descriptor: Descriptor | EnumDescriptor) -> Any:
    """Return the public model class (or enum) for ``descriptor``."""
    found = _CLASSES.get(descriptor.full_name)
    if found is None:
        found = _CLASSES[descriptor.full_name] = _import(descriptor)
    return found


def _import(descriptor: Descriptor | EnumDescriptor) -> Any:
    file = descriptor.file
    try:
        module_name = _MODULES[file.name]
    except KeyError:
        raise LookupError(
            f"no model module is registered for {file.name} (needed for {descriptor.full_name})"
        ) from None
    found: Any = importlib.import_module(module_name)
    qualname = descriptor.full_name.removeprefix(file.package + ".") if file.package else descriptor.full_name
    for part in qualname.split("."):
        found = getattr(found, part)
    return found
