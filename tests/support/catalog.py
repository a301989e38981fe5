"""Every message and enum of a generated IDL, paired with its flytemodels class.

A ``Catalog`` walks an installed IDL package's ``*_pb2`` modules (the same
descriptors the runtime reads), takes every message including nested ones but
not the synthetic map entries, and resolves the public model class through
``flytemodels._runtime.registry.model_class`` (which yields overrides).
``FLYTEIDL`` (``flytemodels``) and ``FLYTEIDL2`` (``flytemodels.v2``) are the
two trees; the module-level ``messages()``/``enums()``/``message_by_name()``
are flyteidl's, as before.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from google.protobuf.descriptor import Descriptor, EnumDescriptor
from google.protobuf.message_factory import GetMessageClass

import flytemodels  # noqa: F401  (joins src/ and generated/)
from flytemodels._runtime import registry


@dataclass(frozen=True)
class Catalog:
    """One IDL package and the generated tree that models it.

    Attributes:
        package: The installed IDL package (``flyteidl``).
        index: The tree's generated index module, which registers its proto files.
        expected_messages: How many messages the pinned release holds; a change means the IDL (or the walk) changed.
        expected_enums: Likewise for enums.
    """

    package: str
    index: str
    expected_messages: int
    expected_enums: int

    def pb2_modules(self) -> list[Any]:
        return _pb2_modules(self.package)

    @property
    def tree(self) -> str:
        """The tree's root package (what its index registers its files under)."""
        return self.index.removesuffix("._index")

    def messages(self) -> tuple[MessageCase, ...]:
        """All messages (nested included, map entries excluded), in file order."""
        return _messages(self)

    def enums(self) -> tuple[EnumCase, ...]:
        """All enums (nested included), in file order."""
        return _enums(self)

    def message_by_name(self) -> dict[str, MessageCase]:
        return {case.full_name: case for case in self.messages()}


#: flyteidl 1.16.8 as ``flytemodels``.
FLYTEIDL = Catalog("flyteidl", "flytemodels._index", expected_messages=437, expected_enums=53)
#: flyteidl2 2.0.53 as ``flytemodels.v2``.
FLYTEIDL2 = Catalog("flyteidl2", "flytemodels.v2._index", expected_messages=633, expected_enums=74)

EXPECTED_MESSAGES = FLYTEIDL.expected_messages
EXPECTED_ENUMS = FLYTEIDL.expected_enums


@dataclass(frozen=True)
class MessageCase:
    """One message: its descriptor, pb2 class and model class."""

    full_name: str
    descriptor: Descriptor
    pb_class: Any
    model: Any


@dataclass(frozen=True)
class EnumCase:
    """One enum: its descriptor and model enum class."""

    full_name: str
    descriptor: EnumDescriptor
    model: Any


def pb2_modules() -> list[Any]:
    """Every ``flyteidl.*_pb2`` module, sorted by name (``_pb2_grpc`` excluded)."""
    return FLYTEIDL.pb2_modules()


def messages() -> tuple[MessageCase, ...]:
    """All flyteidl messages (nested included, map entries excluded), in file order."""
    return FLYTEIDL.messages()


def enums() -> tuple[EnumCase, ...]:
    """All flyteidl enums (nested included), in file order."""
    return FLYTEIDL.enums()


def message_by_name() -> dict[str, MessageCase]:
    """The flyteidl catalog keyed by full proto name."""
    return FLYTEIDL.message_by_name()


@cache
def _pb2_modules(package: str) -> list[Any]:
    root = importlib.import_module(package)
    names = sorted(
        info.name for info in pkgutil.walk_packages(root.__path__, f"{package}.") if info.name.endswith("_pb2")
    )
    return [importlib.import_module(name) for name in names]


def _walk(descriptor: Descriptor) -> Iterator[Descriptor]:
    if descriptor.GetOptions().map_entry:
        return
    yield descriptor
    for nested in descriptor.nested_types:
        yield from _walk(nested)


def _enums_of(descriptor: Descriptor) -> Iterator[EnumDescriptor]:
    yield from descriptor.enum_types
    for nested in descriptor.nested_types:
        yield from _enums_of(nested)


@cache
def _messages(catalog: Catalog) -> tuple[MessageCase, ...]:
    importlib.import_module(catalog.index)  # registers the tree's proto files with the registry
    cases = []
    for module in catalog.pb2_modules():
        for top in module.DESCRIPTOR.message_types_by_name.values():
            for descriptor in _walk(top):
                model = registry.model_class(descriptor, catalog.tree)
                cases.append(MessageCase(descriptor.full_name, descriptor, GetMessageClass(descriptor), model))
    return tuple(cases)


@cache
def _enums(catalog: Catalog) -> tuple[EnumCase, ...]:
    importlib.import_module(catalog.index)
    cases = []
    for module in catalog.pb2_modules():
        file = module.DESCRIPTOR
        found = list(file.enum_types_by_name.values())
        for top in file.message_types_by_name.values():
            found.extend(_enums_of(top))
        cases.extend(EnumCase(e.full_name, e, registry.model_class(e, catalog.tree)) for e in found)
    return tuple(cases)
