"""Every flyteidl message and enum, paired with its flytemodels class.

The catalog walks the installed ``flyteidl`` package's ``*_pb2`` modules (the
same descriptors the runtime reads), takes every message including nested ones
but not the synthetic map entries, and resolves the public model class through
``flytemodels._runtime.registry.model_class`` (which yields overrides).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import flyteidl
from google.protobuf.descriptor import Descriptor, EnumDescriptor
from google.protobuf.message_factory import GetMessageClass

import flytemodels  # noqa: F401  (joins src/ and generated/)
from flytemodels import _index  # noqa: F401  (registers proto files with the registry)
from flytemodels._runtime import registry

#: What flyteidl 1.16.8 holds; a change means the IDL (or the walk) changed.
EXPECTED_MESSAGES = 437
EXPECTED_ENUMS = 53


@dataclass(frozen=True)
class MessageCase:
    """One flyteidl message: its descriptor, pb2 class and model class."""

    full_name: str
    descriptor: Descriptor
    pb_class: Any
    model: Any


@dataclass(frozen=True)
class EnumCase:
    """One flyteidl enum: its descriptor and model enum class."""

    full_name: str
    descriptor: EnumDescriptor
    model: Any


def pb2_modules() -> list[Any]:
    """Every ``flyteidl.*_pb2`` module, sorted by name (``_pb2_grpc`` excluded)."""
    names = sorted(
        info.name for info in pkgutil.walk_packages(flyteidl.__path__, "flyteidl.") if info.name.endswith("_pb2")
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
def messages() -> tuple[MessageCase, ...]:
    """All flyteidl messages (nested included, map entries excluded), in file order."""
    cases = []
    for module in pb2_modules():
        for top in module.DESCRIPTOR.message_types_by_name.values():
            for descriptor in _walk(top):
                cases.append(
                    MessageCase(
                        descriptor.full_name, descriptor, GetMessageClass(descriptor), registry.model_class(descriptor)
                    )
                )
    return tuple(cases)


@cache
def enums() -> tuple[EnumCase, ...]:
    """All flyteidl enums (nested included), in file order."""
    cases = []
    for module in pb2_modules():
        file = module.DESCRIPTOR
        found = list(file.enum_types_by_name.values())
        for top in file.message_types_by_name.values():
            found.extend(_enums_of(top))
        cases.extend(EnumCase(e.full_name, e, registry.model_class(e)) for e in found)
    return tuple(cases)


@cache
def message_by_name() -> dict[str, MessageCase]:
    """The catalog keyed by full proto name."""
    return {case.full_name: case for case in messages()}
