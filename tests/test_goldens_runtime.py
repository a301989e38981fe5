"""The golden models at run time: behaviours flyteidl itself does not exercise.

The fixtures go through protoc's Python plugin into a temporary directory, the
checked-in goldens (``tests/goldens/expected``) and their override are put on
``sys.path``, and the models are used: keyword and builtin field names,
well-known types both ways, aliases, proto3 ``optional``, recursion, imports,
maps with every key kind and the override seam. A last test runs mypy --strict
over the goldens and ``tests/goldens/typing_checks.py``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pickle
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from google.protobuf import any_pb2, empty_pb2, field_mask_pb2, struct_pb2, timestamp_pb2

from tests.goldens.harness import EXPECTED, GOLDENS, OVERRIDES, REPO, importable_goldens

UTC = dt.UTC


def packed(message: Any) -> any_pb2.Any:
    holder = any_pb2.Any()
    holder.Pack(message)
    return holder


@pytest.fixture(scope="module")
def goldens(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """``goldenmodels`` importable, over _pb2 modules protoc writes now."""
    with importable_goldens(tmp_path_factory.mktemp("pb2")):
        yield importlib.import_module("goldenmodels")


def module(name: str) -> Any:
    return importlib.import_module(f"goldenmodels.{name}")


def round_trip(model: Any) -> Any:
    """The model rebuilt from its message, its bytes and its dict; all three must agree."""
    cls = type(model)
    again = cls.from_flyte_idl(model.to_flyte_idl())
    assert again == model
    assert cls.from_bytes(model.serialize_to_string()) == model
    assert cls.from_dict(model.to_dict()) == model
    assert pickle.loads(pickle.dumps(model)) == model
    return again


def test_every_golden_module_imports(goldens: ModuleType) -> None:
    root = EXPECTED / "goldenmodels"
    names = sorted(p.relative_to(root).with_suffix("") for p in root.rglob("*.py"))
    for name in names:
        importlib.import_module(".".join(("goldenmodels", *name.parts)).removesuffix(".__init__"))


def test_keyword_field_names_round_trip(goldens: ModuleType) -> None:
    keywords = module("keywords")
    model = keywords.Keywords(from_="a", class_="b", def_=3, None_="n", True_=True, async_="x", match="m", type="t")
    pb = model.to_flyte_idl()
    assert (getattr(pb, "from"), getattr(pb, "class"), getattr(pb, "def"), getattr(pb, "None")) == ("a", "b", 3, "n")
    again = round_trip(model)
    assert (again.from_, again.class_, again.def_, again.None_, again.True_) == ("a", "b", 3, "n", True)
    assert (again.async_, again.match, again.type) == ("x", "m", "t")
    assert model.to_dict()["from"] == "a"
    changed = again.replace(from_="z", class_=None)  # constructor names, as the constructor takes them
    assert (changed.from_, changed.class_, changed.def_) == ("z", "", 3)
    with pytest.raises(TypeError, match=r"Keywords\.from: expected str, got int"):
        keywords.Keywords(from_=1)


def test_member_names_do_not_hide_the_runtime(goldens: ModuleType) -> None:
    members = module("keywords").Members(
        to_dict_="d", is_empty_=True, which_oneof_="w", self_="s", property_="p", _pb_="x", _get_="g", value="v"
    )
    again = round_trip(members)
    assert (again.to_dict_, again.self_, again.property_, again._pb_, again._get_, again.value) == (
        "d",
        "s",
        "p",
        "x",
        "g",
        "v",
    )
    assert again.is_empty_ is True and again.is_empty is False
    assert again.to_dict()["_pb"] == "x"


def test_builtin_field_names(goldens: ModuleType) -> None:
    builtins_ = module("keywords").Builtins
    model = builtins_(int=1, float=2.5, bool=True, str="s", bytes=b"b", list=["x"], dict={"k": 2}, id=7, cls="c")
    again = round_trip(model)
    assert (again.int, again.float, again.bool, again.str, again.bytes) == (1, 2.5, True, "s", b"b")
    assert (again.list, again.dict, again.id, again.cls) == (["x"], {"k": 2}, 7, "c")


def test_enum_values_named_after_keywords_and_enum_attributes(goldens: ModuleType) -> None:
    reserved = module("keywords").Reserved
    constant = reserved.Constant
    names = ["None_", "True_", "False_", "class_", "name_", "value_", "mro_", "real_", "bit_length_"]
    assert [m.name for m in constant] == names
    model = round_trip(reserved(constant=constant.class_, constants=[constant.name_, 99]))
    assert model.constant is constant.class_
    assert model.constants == [constant.name_, 99]
    assert model.constants[1].name == "UNKNOWN_99"  # open enum: the value survives
    assert constant.real_.real == 7  # int's own attribute is not hidden


def test_types_that_shadow_builtins(goldens: ModuleType) -> None:
    shadowing = module("shadowing")
    holder = shadowing.Holder(
        name="n",
        wrapped=shadowing.str(text="t"),
        size=shadowing.int.INT_BIG,
        count=3,
        payload=b"p",
        boxed=shadowing.Holder.bytes(raw=b"r"),
        all=[shadowing.str(text="a")],
    )
    again = round_trip(holder)
    assert again.wrapped == shadowing.str(text="t") and again.wrapped.text == "t"
    assert again.size is shadowing.int.INT_BIG
    assert again.boxed.raw == b"r"
    assert [s.text for s in again.all] == ["a"]


WELL_KNOWN_VALUES: dict[str, Any] = {
    "timestamp": dt.datetime(2024, 2, 29, 23, 59, 58, 123456, tzinfo=UTC),
    "duration": dt.timedelta(days=-1, seconds=5, microseconds=7),
    "struct": {"a": 1.0, "b": [True, None, "s"], "c": {"d": {}}},
    "value": ["nested", {"k": 2.0}],
    "list_value": [1.0, "x", None, False],
    "bool_value": False,
    "int32_value": -(2**31),
    "int64_value": 2**63 - 1,
    "uint32_value": 0,
    "uint64_value": 2**64 - 1,
    "float_value": 0.5,
    "double_value": -0.0,
    "string_value": "",
    "bytes_value": b"",
    "any": packed(struct_pb2.Value(string_value="packed")),
    "empty": empty_pb2.Empty(),
    "field_mask": field_mask_pb2.FieldMask(paths=["a.b", "c"]),
}


@pytest.mark.parametrize("field", sorted(WELL_KNOWN_VALUES))
def test_every_well_known_type_converts_both_ways(goldens: ModuleType, field: str) -> None:
    wellknown = module("wellknown")
    value = WELL_KNOWN_VALUES[field]
    model = wellknown.WellKnown(**{field: value})
    pb = model.to_flyte_idl()
    assert pb.HasField(field), "a zero value must still be present"
    assert [f.name for f, _ in pb.ListFields()] == [field]
    again = round_trip(model)
    assert getattr(again, field) == value
    assert getattr(wellknown.WellKnown(), field) is None


WRAPPERS = [field for field in WELL_KNOWN_VALUES if field.endswith("_value") and field not in ("value", "list_value")]


def _checked(model_class: Any, **arguments: Any) -> Any:
    """A model built through the checked path alone (``Message._build``)."""
    model = model_class.__new__(model_class)
    model._build(*[arguments.get(name) for name in model_class._FIELDS])
    return model


@pytest.mark.parametrize(
    ("field", "value", "value_built"),
    [(field, WELL_KNOWN_VALUES[field], True) for field in WRAPPERS]
    + [
        ("float_value", 2, False),  # an int: the checked path takes it, as protobuf does
        ("float_value", 1e39, False),  # past float32: protobuf writes inf
        ("string_value", "naïve", False),  # text protobuf checks
    ],
)
def test_wrappers_are_written_as_the_checked_path_writes(
    goldens: ModuleType, field: str, value: Any, value_built: bool
) -> None:
    wellknown = module("wellknown")
    model = wellknown.WellKnown(**{field: value})
    assert (model._pb is None) is value_built
    assert model.to_flyte_idl() == _checked(wellknown.WellKnown, **{field: value}).to_flyte_idl()
    assert model.to_flyte_idl().HasField(field)


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("int32_value", 2**31, "Value out of range"),
        ("uint32_value", -1, "Value out of range"),
        ("bool_value", 1, "expected bool, got int"),
        ("int64_value", True, "expected int, got bool"),
        ("string_value", b"x", "expected str, got bytes"),
    ],
)
def test_a_wrong_wrapper_value_is_refused_naming_the_field(
    goldens: ModuleType, field: str, value: Any, error: str
) -> None:
    with pytest.raises((TypeError, ValueError), match=rf"WellKnown\.{field}: {error}"):
        module("wellknown").WellKnown(**{field: value})


def test_well_known_values_from_a_message(goldens: ModuleType) -> None:
    wellknown = module("wellknown")
    pb = wellknown.WellKnown().to_flyte_idl()
    pb.timestamp.FromDatetime(dt.datetime(2000, 1, 1, tzinfo=UTC))
    pb.timestamp.nanos += 999  # below datetime's precision: kept in the message
    pb.struct.update({"k": [1.0]})
    pb.value.null_value = struct_pb2.NULL_VALUE
    pb.int64_value.value = 5
    model = wellknown.WellKnown.from_flyte_idl(pb)
    assert model.timestamp == dt.datetime(2000, 1, 1, 0, 0, 0, 0, tzinfo=UTC)
    assert model.timestamp.tzinfo is not None
    assert (model.struct, model.value, model.int64_value, model.duration) == ({"k": [1.0]}, None, 5, None)
    assert model.to_flyte_idl() == pb


def test_well_known_types_in_containers(goldens: ModuleType) -> None:
    wellknown = module("wellknown")
    stamps = [dt.datetime(1970, 1, 1, tzinfo=UTC), dt.datetime(2100, 12, 31, tzinfo=UTC)]
    model = wellknown.WellKnownContainers(
        timestamps=stamps,
        durations=[dt.timedelta(0), dt.timedelta(hours=-1)],
        values={"n": 1.0, "s": "x", "l": [None]},
        anys=[packed(empty_pb2.Empty()), any_pb2.Any()],
        counts=[0, 3],
        after=dt.timedelta(seconds=1),
    )
    again = round_trip(model)
    assert again.timestamps == stamps
    assert again.durations == [dt.timedelta(0), dt.timedelta(hours=-1)]
    assert again.values == {"n": 1.0, "s": "x", "l": [None]}
    assert [a.type_url for a in again.anys] == ["type.googleapis.com/google.protobuf.Empty", ""]
    assert (again.counts, again.which_oneof("when"), again.at) == ([0, 3], "after", None)
    with pytest.raises(TypeError, match=r"WellKnownContainers\.timestamps: \[1\] expected datetime"):
        wellknown.WellKnownContainers(timestamps=[stamps[0], timestamp_pb2.Timestamp()])


def test_enum_aliases_read_back_as_the_first_name(goldens: ModuleType) -> None:
    aliases = module("aliases")
    status = aliases.Status
    assert status.RUNNING is status.STARTED and status.HALTED is status.STOPPED
    assert [m.name for m in status] == ["STATUS_UNKNOWN", "STARTED", "STOPPED"]
    job = round_trip(aliases.Job(status=status.RUNNING, history=[status.HALTED, 1]))
    assert job.status is status.STARTED
    assert job.history == [status.STOPPED, status.STARTED]


def test_proto3_optional_tracks_presence(goldens: ModuleType) -> None:
    optional = module("optional")
    empty = optional.Optionals()
    assert (empty.count, empty.name, empty.enabled, empty.shade, empty.part, empty.plain) == (None,) * 5 + (0,)
    zeros = round_trip(optional.Optionals(count=0, name="", enabled=False, ratio=0.0, data=b"", shade=0))
    assert (zeros.count, zeros.name, zeros.enabled, zeros.ratio, zeros.data) == (0, "", False, 0.0, b"")
    assert zeros.shade is optional.Shade.SHADE_UNSPECIFIED
    assert zeros.which_oneof("pick") is None
    both = optional.Optionals(count=1, left="l")
    assert (both.which_oneof("pick"), both.left, both.right) == ("left", "l", None)
    with pytest.raises(ValueError, match=r"Optionals\.right: 'left' is already set"):
        optional.Optionals(left="l", right="r")


def test_oneof_members_of_every_kind(goldens: ModuleType) -> None:
    oneofs = module("oneofs")
    when = dt.datetime(2020, 5, 17, tzinfo=UTC)
    cases = {"number": 0, "word": "", "mode": oneofs.Mode.FAST, "payload": oneofs.Payload(), "at": when, "blob": b""}
    for member, value in cases.items():
        choice = round_trip(oneofs.Choice(label="l", **{member: value}, flag=False))
        assert (choice.which_oneof("value"), getattr(choice, member)) == (member, value)
        assert (choice.which_oneof("other"), choice.flag, choice.other_payload) == ("flag", False, None)


def test_recursive_messages(goldens: ModuleType) -> None:
    recursion = module("recursion")
    node = recursion.Node
    deep = node(label="root", child=node(label="1", child=node(label="2", leaf="end")), siblings=[node(leaf="s")])
    deep = round_trip(node(label="top", child=deep, named={"me": deep}))
    assert deep.child.child.child.leaf == "end"
    assert deep.named["me"] == deep.child
    tree = recursion.Tree
    forest = recursion.Forest(trees=[tree(name="oak")], tallest=tree(name="fir", forest=recursion.Forest()))
    again = round_trip(tree(name="top", forest=forest))
    assert [t.name for t in again.forest.trees] == ["oak"]
    assert again.forest.tallest.forest.is_empty


def test_cross_file_imports(goldens: ModuleType) -> None:
    importer, common = module("importer"), module("imports.common")
    theirs = common.Item(id="1", kind=common.Kind.KIND_SMALL, detail=common.Item.Detail(text="d"))
    basket = importer.Basket(
        theirs=theirs, ours=importer.Item(local="x"), many=[theirs], detail=common.Item.Detail(text="e"), kind=1
    )
    again = round_trip(basket)
    assert type(again.theirs) is common.Item and type(again.ours) is importer.Item
    assert again.kind is common.Kind.KIND_SMALL
    assert again.many == [theirs] and again.detail.text == "e"
    with pytest.raises(TypeError, match=r"Basket\.theirs: expected Item \(fixtures\.imports\.common\.Item\)"):
        importer.Basket(theirs=importer.Item())


def test_maps_with_every_key_kind(goldens: ModuleType) -> None:
    maps = module("maps")
    model = maps.Maps(
        string_to_string={"": "empty", "k": "v"},
        int32_to_double={-(2**31): 1.5},
        int64_to_bytes={2**63 - 1: b"\x00"},
        uint32_to_bool={2**32 - 1: False},
        uint64_to_enum={2**64 - 1: maps.Level.HIGH, 0: 5},
        sint32_to_message={-1: maps.Entry(note="n")},
        fixed64_to_int64={0: -1},
        sfixed32_to_float={-7: 0.25},
        bool_to_string={True: "yes", False: "no"},
        string_to_message={"e": maps.Entry()},
        string_to_enum={"h": 1},
        string_to_duration={"d": dt.timedelta(milliseconds=1)},
    )
    again = round_trip(model)
    assert again.uint64_to_enum == {2**64 - 1: maps.Level.HIGH, 0: 5}
    assert again.string_to_enum["h"] is maps.Level.HIGH
    assert again.sint32_to_message[-1].note == "n"
    assert again.bool_to_string == {True: "yes", False: "no"}
    assert again.string_to_duration == {"d": dt.timedelta(milliseconds=1)}
    with pytest.raises(ValueError, match=r"Maps\.uint32_to_bool: \[-1\]"):
        maps.Maps(uint32_to_bool={-1: True})
    with pytest.raises(TypeError, match=r"Maps\.bool_to_string: \['yes'\] expected bool"):
        maps.Maps(bool_to_string={"yes": "no"})


def test_every_scalar_type(goldens: ModuleType) -> None:
    scalars = module("scalars")
    extremes = {
        "a_double": -1e308,
        "a_float": 0.5,
        "an_int32": -(2**31),
        "an_int64": -(2**63),
        "a_uint32": 2**32 - 1,
        "a_uint64": 2**64 - 1,
        "a_sint32": 2**31 - 1,
        "a_sint64": 2**63 - 1,
        "a_fixed32": 2**32 - 1,
        "a_fixed64": 2**64 - 1,
        "an_sfixed32": -(2**31),
        "an_sfixed64": -(2**63),
        "a_bool": True,
        "a_string": "héllo \x00 ✓",
        "some_bytes": bytes(range(256)),
    }
    again = round_trip(scalars.Scalars(**extremes))
    assert {name: getattr(again, name) for name in extremes} == extremes
    repeated = round_trip(scalars.RepeatedScalars(int32s=[1, -1], byte_strings=[b"", b"x"], bools=[False]))
    assert (repeated.int32s, repeated.byte_strings, repeated.bools) == ([1, -1], [b"", b"x"], [False])
    assert repeated.doubles == []
    for field, bad in [("an_int32", 2**31), ("a_uint32", -1), ("a_sint64", 2**63), ("a_fixed64", 2**64)]:
        with pytest.raises(ValueError, match=rf"Scalars\.{field}: "):
            scalars.Scalars(**{field: bad})
    assert scalars.Nothing().is_empty and scalars.Nothing._FIELDS == ()


def test_nested_types(goldens: ModuleType) -> None:
    nesting = module("nesting")
    outer = nesting.Outer
    inner = outer.Middle.Inner(name="i", depth=outer.Middle.Depth.DEEP, colour=outer.Colour.GREEN)
    model = round_trip(outer(middle=outer.Middle(inner=inner, inners=[inner]), shortcut=inner, colours=[2, 1]))
    assert model.middle.inners[0].depth is outer.Middle.Depth.DEEP
    assert model.colours == [outer.Colour.GREEN, outer.Colour.RED]
    assert nesting.Sibling(inner=inner).inner == inner
    assert outer.Middle.Inner.__qualname__ == "Outer.Middle.Inner"


def test_comments_become_docstrings(goldens: ModuleType) -> None:
    comments = module("comments")
    documented = comments.Documented
    assert documented.__doc__ == "A commented message.\n\n    The second paragraph is kept, with its blank line."
    assert documented.plain.__doc__ == "A commented field."
    assert documented.trailing.__doc__ == "Trailing comment on a field."
    assert documented.tricky.__doc__ == 'Quotes that would end a docstring: """ and a backslash \\ and \\n stay text.'
    assert documented.ends_in_quote.__doc__ == 'Ends with a quote: "quoted" '
    assert documented.both.__doc__ == "Leading comments win over trailing ones."
    assert documented.undocumented.__doc__ == "``undocumented``: string, field 6."
    assert documented.Nested.weather.__doc__ == "A commented nested field."
    assert comments.Weather.__doc__ == "A commented enum."


def test_deprecated_fields_warn_when_set_and_are_otherwise_ordinary(goldens: ModuleType) -> None:
    """One warning per deprecated field given, named as Python spells it; a deprecated message or enum is silent."""
    deprecated = module("deprecated")
    with pytest.warns(DeprecationWarning) as caught:
        built = deprecated.Current(
            old_name="o", legacy=deprecated.OldMessage(name="l"), old_enum=1, old_choice="c", name="n"
        )
        deprecated.Current(new_choice=deprecated.Current.Inner(class_="k"))
    assert [str(warning.message) for warning in caught] == [
        f"{name} is deprecated in the IDL"
        for name in ("Current.old_name", "Current.legacy", "Current.old_choice", "Current.Inner.class_")
    ]
    model = round_trip(built)
    assert (model.old_name, model.legacy.name, model.old_enum) == ("o", "l", deprecated.OldEnum.OLD_VALUE)
    assert model.old_choice == "c" and model.name == "n"
    assert inspect.getdoc(deprecated.Current.old_name) == "Deprecated.\n\nUse `name` instead."
    assert inspect.getdoc(deprecated.OldEnum) == "Deprecated.\n\nThe ``fixtures.deprecated.OldEnum`` enum."


def test_files_without_messages(goldens: ModuleType) -> None:
    enums_only, service = module("enums_only"), module("service")
    assert enums_only.Offset.OFFSET_MINUS_ONE == -1
    assert [name for name in vars(service) if not name.startswith("__")] == ["annotations", "_index"]


def test_override_is_what_parents_hand_out(goldens: ModuleType) -> None:
    override = module("override")
    overrides = importlib.import_module("goldenoverrides.override")
    thing_class = override.Thing
    assert thing_class is overrides.Thing and issubclass(thing_class, override.ThingBase)
    thing = thing_class(first="Ada", last="Lovelace", parts=[thing_class.Part(text="p")])
    holder = round_trip(override.Holder(thing=thing, things=[thing], by_key={"k": thing}, part=thing_class.Part()))
    assert type(holder.thing) is thing_class and holder.thing.full_name == "Ada Lovelace"
    assert [type(t) for t in holder.things] == [thing_class]
    assert type(holder.by_key["k"]) is thing_class
    assert type(pickle.loads(pickle.dumps(thing))) is thing_class
    assert holder.part == override.ThingBase.Part()


def test_classes_inside_a_renamed_base_keep_their_public_name(goldens: ModuleType) -> None:
    override = module("override")
    part = override.Thing.Part(text="p")
    assert type(part).__qualname__ == "Thing.Part"  # not ThingBase.Part
    assert repr(part).startswith("Thing.Part.from_text(")
    assert type(pickle.loads(pickle.dumps(part))) is override.Thing.Part


def test_nested_override_is_at_the_public_path_and_handed_out(goldens: ModuleType) -> None:
    override = module("override")
    label_class = override.Thing.Label
    assert label_class is importlib.import_module("goldenoverrides.override").Thing.Label
    assert issubclass(label_class, override.ThingBase.LabelBase)
    holder = round_trip(
        override.Holder(label=label_class(text="hi"), thing=override.Thing(label=label_class(text="x")))
    )
    assert type(holder.label) is label_class and holder.label.shouted == "HI"
    assert type(holder.thing.label) is label_class
    assert type(pickle.loads(pickle.dumps(holder.label))) is label_class


def test_mypy_strict_accepts_the_goldens_and_the_typing_checks(goldens: ModuleType, tmp_path: Path) -> None:
    """Builtin-shadowing names and keyword fields type-check; wrong calls are rejected (see typing_checks.py)."""
    config = tmp_path / "mypy.ini"
    config.write_text(
        textwrap.dedent(
            f"""\
            [mypy]
            strict = True
            python_version = 3.11
            mypy_path = {REPO / "src"}:{EXPECTED}:{OVERRIDES}:{GOLDENS}
            cache_dir = {tmp_path / "cache"}

            [mypy-fixtures.*]
            # protoc's .pyi stubs cannot spell fields named `None` or `class`; the _pb2 modules are Any here.
            ignore_missing_imports = True
            """
        ),
        encoding="utf-8",
    )
    packages = ["-p", "goldenmodels", "-p", "goldenoverrides", "-m", "typing_checks"]
    command = [sys.executable, "-m", "mypy", "--config-file", str(config), *packages]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_editions_fields_have_explicit_presence_by_default(goldens: ModuleType) -> None:
    editions = module("editions")
    assert editions.Edition().count is None and editions.Edition().name is None
    assert editions.Edition(count=0) != editions.Edition()  # a zero that was set is kept apart from unset
    zero = round_trip(editions.Edition(count=0, name=""))
    assert (zero.count, zero.name) == (0, "")
    assert editions.Edition().label == "" and editions.Edition(label="") == editions.Edition()  # opted out
    assert editions.Edition.from_bytes(b"").part is None and editions.Edition().sizes == []


def test_an_editions_file_can_choose_implicit_presence(goldens: ModuleType) -> None:
    plain = module("editions_implicit").Plain
    assert plain().count == 0 and plain(count=0) == plain()
    assert plain().maybe is None and plain(maybe=0) != plain() and round_trip(plain(maybe=0)).maybe == 0


def test_proto2_declared_defaults(goldens: ModuleType) -> None:
    defaults = module("proto2_defaults")
    settings = defaults.Settings
    assert settings().retries is None and settings(retries=3) != settings()  # presence: unset is not the default
    declared = [settings.field_default(name) for name in ("retries", "name", "ratio")]
    assert declared == [3, "anonymous", 0.5]
    assert settings.field_default("speed") is defaults.Speed.FAST and settings.field_default("enabled") is False
    assert settings.field_default("fallback") is None
    assert "Declared default: ``anonymous``." in (settings.name.__doc__ or "")
    with pytest.raises(TypeError, match="has no field 'nope'"):
        settings.field_default("nope")
    assert round_trip(settings(speed=defaults.Speed.SLOW)).speed is defaults.Speed.SLOW


def test_defaults_of_proto3_fields_are_zero_values() -> None:
    from flytemodels.core.identifier import Identifier, ResourceType
    from flytemodels.core.literals import Literal, LiteralMap

    assert Identifier.field_default("project") == ""
    assert Identifier.field_default("resource_type") is ResourceType.UNSPECIFIED
    assert LiteralMap.field_default("literals") == {} and Literal.field_default("scalar") is None
