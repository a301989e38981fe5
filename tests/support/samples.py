"""Small hand-built values shared by the robustness tests."""

from __future__ import annotations

from typing import Any

from flyteidl.admin import execution_pb2
from flytemodels.core.literals import Literal, Primitive, Scalar


def integer(value: int) -> Literal:
    """An integer literal."""
    return Literal(scalar=Scalar(primitive=Primitive(integer=value)))


def varint(value: int) -> bytes:
    """``value`` in protobuf's base-128 varint encoding."""
    out = bytearray()
    while True:
        low, value = value & 0x7F, value >> 7
        out.append(low | (0x80 if value else 0))
        if not value:
            return bytes(out)


def unknown_field(number: int, payload: bytes) -> bytes:
    """A length-delimited field ``number`` that no flyteidl message declares (as a newer IDL might send)."""
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def execution_pb() -> Any:
    """An ``admin.Execution`` message with nested, map and well-known fields set."""
    pb = execution_pb2.Execution()
    pb.id.project, pb.id.name = "p", "n"
    pb.spec.metadata.system_metadata.namespace = "ns"
    pb.spec.labels.values["team"] = "a"
    pb.closure.started_at.seconds = 1_700_000_000
    pb.closure.outputs.uri = "s3://out"
    return pb
