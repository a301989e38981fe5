"""Static checks of the golden models, run by ``mypy --strict`` in tests/test_goldens_runtime.py.

Never executed. ``assert_type`` lines pin what the annotations say; lines ending
in ``# type: ignore[<code>]`` must be rejected, since strict mode's
``warn_unused_ignores`` reports an ignore that is not needed.
"""

from __future__ import annotations

import builtins
import datetime
from typing import Any, assert_type

from goldenmodels import (
    aliases,
    editions_delimited,
    extensions,
    importer,
    keywords,
    maps,
    nesting,
    oneofs,
    optional,
    override,
    proto2_groups,
    recursion,
    shadowing,
)
from goldenmodels.imports import common
from goldenmodels.wellknown import WellKnown, WellKnownContainers
from goldenoverrides.override import Thing
from google.protobuf import any_pb2, empty_pb2, field_mask_pb2


def keyword_names(model: keywords.Keywords, members: keywords.Members) -> None:
    assert_type(model.from_, str)
    assert_type(model.class_, str)
    assert_type(model.None_, str)
    assert_type(model.True_, bool)
    assert_type(model.match, str)
    assert_type(model.type, str)
    assert_type(members.self_, str)
    assert_type(members.property_, str)
    assert_type(members._pb_, str)
    assert_type(members.to_dict_, str)
    assert_type(members.to_dict(), dict[str, Any])  # the runtime's method is not hidden
    assert_type(members.value, str)
    keywords.Keywords(from_="a", class_="b", None_="c", True_=True, match="m")
    keywords.Members(self_="s", property_="p", _pb_="x")
    keywords.Keywords(from_=1)  # type: ignore[arg-type]
    keywords.Keywords(frm="a")  # type: ignore[call-arg]


def builtin_names(model: keywords.Builtins) -> None:
    assert_type(model.int, int)
    assert_type(model.float, float)
    assert_type(model.str, str)
    assert_type(model.bytes, bytes)
    assert_type(model.list, list[str])
    assert_type(model.dict, dict[str, int])
    assert_type(model.id, int)
    keywords.Builtins(int=1, str="s", list=["a"], dict={"k": 1}, id=2, hash=3, format="f")
    keywords.Builtins(int="1")  # type: ignore[arg-type]
    keywords.Builtins(list=[1])  # type: ignore[list-item]


def enum_names() -> None:
    constant = keywords.Reserved.Constant
    keywords.Reserved(constant=constant.None_, constants=[constant.class_, constant.name_, 7])
    keywords.Reserved(constant="None")  # type: ignore[arg-type]


def shadowed_builtins(holder: shadowing.Holder) -> None:
    assert_type(holder.name, builtins.str)
    assert_type(holder.wrapped, shadowing.str | None)
    assert_type(holder.size, shadowing.int)
    assert_type(holder.count, builtins.int)
    assert_type(holder.payload, builtins.bytes)
    assert_type(holder.boxed, shadowing.Holder.bytes | None)
    assert_type(holder.all, list[shadowing.str])
    shadowing.Holder(name="n", wrapped=shadowing.str(text="t"), size=shadowing.int.INT_BIG, count=1, payload=b"")
    shadowing.Holder(name=shadowing.str(text="t"))  # type: ignore[arg-type]
    shadowing.Holder(wrapped="t")  # type: ignore[arg-type]


def well_known(model: WellKnown, containers: WellKnownContainers) -> None:
    assert_type(model.timestamp, datetime.datetime | None)
    assert_type(model.duration, datetime.timedelta | None)
    assert_type(model.struct, dict[str, Any] | None)
    assert_type(model.list_value, list[Any] | None)
    assert_type(model.bool_value, bool | None)
    assert_type(model.uint64_value, int | None)
    assert_type(model.double_value, float | None)
    assert_type(model.bytes_value, bytes | None)
    assert_type(model.any, any_pb2.Any | None)
    assert_type(model.empty, empty_pb2.Empty | None)
    assert_type(model.field_mask, field_mask_pb2.FieldMask | None)
    assert_type(containers.timestamps, list[datetime.datetime])
    assert_type(containers.values, dict[str, Any])
    assert_type(containers.after, datetime.timedelta | None)
    WellKnown(timestamp=1.5)  # type: ignore[arg-type]
    WellKnown(any=empty_pb2.Empty())  # type: ignore[arg-type]
    WellKnown(string_value=b"x")  # type: ignore[arg-type]


def other_cases(
    job: aliases.Job,
    basket: importer.Basket,
    maps_: maps.Maps,
    outer: nesting.Outer,
    choice: oneofs.Choice,
    optionals: optional.Optionals,
    holder: override.Holder,
    node: recursion.Node,
) -> None:
    assert_type(job.status, aliases.Status)
    assert_type(basket.theirs, common.Item | None)
    assert_type(basket.ours, importer.Item | None)
    assert_type(basket.detail, common.Item.Detail | None)
    assert_type(maps_.bool_to_string, dict[bool, str])
    assert_type(maps_.uint64_to_enum, dict[int, maps.Level])
    assert_type(outer.shortcut, nesting.Outer.Middle.Inner | None)
    assert_type(choice.mode, oneofs.Mode | None)
    assert_type(optionals.count, int | None)
    assert_type(optionals.plain, int)
    assert_type(holder.thing, Thing | None)
    assert_type(holder.things, list[Thing])
    assert_type(Thing(first="a").full_name, str)
    assert_type(node.child, recursion.Node | None)
    importer.Basket(theirs=importer.Item())  # type: ignore[arg-type]
    maps.Maps(bool_to_string={"yes": "no"})  # type: ignore[dict-item]


def groups(order: proto2_groups.Order, shape: editions_delimited.Shape) -> None:
    assert_type(order.shipping, proto2_groups.Order.Shipping | None)
    assert_type(order.line, list[proto2_groups.Order.Line])
    assert_type(shape.origin, editions_delimited.Point | None)
    proto2_groups.Order(shipping=proto2_groups.Order.Line())  # type: ignore[arg-type]


def extension_handles(model: extensions.Extendable, plain: extensions.Plain) -> None:
    assert_type(model.get_extension(extensions.priority), int | None)
    assert_type(model.get_extension(extensions.note), extensions.Note | None)
    assert_type(model.get_extension(extensions.color), extensions.Color | None)
    assert_type(model.get_extension(extensions.tags), list[str])
    assert_type(model.get_extension(extensions.notes), list[extensions.Note])
    assert_type(model.get_extension(extensions.Scope.label), str | None)
    assert_type(model.has_extension(extensions.from_), bool)
    assert_type(model.with_extension(extensions.priority, 3), extensions.Extendable)
    model.with_extension(extensions.tags, ["a"]).with_extension(extensions.priority, None)
    # A value the handle does not take: mypy finds no type for the value parameter.
    model.with_extension(extensions.priority, "3")  # type: ignore[misc]
    model.with_extension(extensions.notes, [extensions.Plain()])  # type: ignore[misc]
    plain.get_extension(extensions.priority)  # type: ignore[arg-type]
    extensions.priority = extensions.priority  # type: ignore[misc]
