"""The override check (``python -m codegen check-overrides``, also run by every generation).

Override modules are written into a scratch overrides directory and checked
against a small hand-made surface. In each module every line that must be
reported ends with ``# error`` or ``# review``; the check must report exactly
those lines, so each shape of use the check knows (documented in
``codegen/upgrade/override_check.py``) has a line here. The last tests run the check on
the real overrides in ``src/`` against the installed IDLs.
"""

from __future__ import annotations

import dataclasses
import textwrap
from pathlib import Path

import pytest

from codegen import cli
from codegen.inputs.config import Config, Source, load_config
from codegen.upgrade import override_check
from codegen.upgrade.surface import EnumShape, FieldShape, MessageShape, Surface
from tests.goldens.harness import FLYTEIDL2_CONFIG, FLYTEIDL_CONFIG

FILE = "t/things.proto"


def _field(name: str, number: int, kind: str = "string", wire: str | None = None, **rest: str) -> FieldShape:
    return FieldShape(name, number, kind, wire or kind, rest.pop("label", "single"), **rest)  # type: ignore[arg-type]


THING = MessageShape(
    FILE,
    (
        _field("name", 1),
        _field("kind", 2, "t.Kind", "enum"),
        _field("part", 3, "t.Thing.Part", "message"),
        _field("tags", 4, "int64", label="map", key="string"),
        _field("a", 5, oneof="choice"),
        _field("b", 6, "int32", oneof="choice"),
        _field("lambda", 7),
    ),
    ("choice",),
)
NEW = Surface(
    messages={
        "t.Thing": THING,
        "t.Thing.Part": MessageShape(FILE, (_field("text", 1),), ()),
        "t.Other": MessageShape(FILE, (_field("value", 1),), ()),
    },
    enums={"t.Kind": EnumShape(FILE, (("UNKNOWN", 0), ("BIG", 1)))},
    files={FILE: "t"},
)

GOOD = """
    from __future__ import annotations

    from tm import things as _things
    from tm._support import build, replace_field
    from tm.things import Kind, Other, ThingBase


    class Thing(ThingBase):
        DEFAULT = Kind.BIG

        def __init__(self, name: str | None = None, a: str | None = None, part: Thing.Part | None = None) -> None:
            values = dict(name=name)
            values.update(a=a)
            build(self, dict(values, kind=_things.Kind.UNKNOWN, part=part))

        @property
        def shout(self) -> str:
            return self.name.upper() + self.part.text + self.lambda_ + self.kind.name + self.to_json()

        def raw(self) -> object:
            return self._get("tags"), self._pb.HasField("part"), self._pb.name, self.which_oneof("choice")

        def other(self) -> Other:
            replace_field(self, "name", "x")
            _member(self, "choice")
            return Other(value=self.name)

        @classmethod
        def make(cls, other: Other | None) -> Thing:
            return cls(name=other.value if other else "")  # Thing's own __init__: not checked

        class Part(ThingBase.PartBase):
            def loud(self) -> str:
                return self.text.upper()

        class _Helper:
            pass


    def _member(model: object, oneof: str) -> object:
        return model


    class _Private:
        pass
"""

BROKEN = """
    from __future__ import annotations

    from tm import gone  # error
    from tm import things as _things
    from tm._support import build, replace_field
    from tm.things import Gone, Kind, Other, ThingBase  # error


    class Thing(ThingBase):
        HUGE = Kind.HUGE  # error

        def __init__(self, name: str | None = None) -> None:
            values = dict(nam=name)  # error
            values.update(b=1, bee=2)  # error
            build(self, dict(values, **{"kind": _things.Kind.UNKNOWN, "knd": 1}))  # error

        @property
        def shout(self) -> str:
            return self.nam + self.part.txt  # error

        def raw(self) -> object:
            return self._get("tagz"), self._pb.nme, self.which_oneof("choise")  # error

        def other(self, other: Other) -> Other:
            replace_field(self, "lambda_", "x")  # error
            _member(self, "choice_")  # error
            return Other(valu=other.vale)  # error

        def init(self) -> None:
            super().__init__(nam="x")  # error
            ThingBase.__init__(self, kind=_things.Other.Nested)  # error

        class Part(ThingBase.PieceBase):  # error
            pass


    class Ghost(ThingBase):  # error
        pass


    def _member(model: object, oneof: str) -> object:
        return model
"""

#: What the overrides were written against: ``name`` was an int, ``choice`` had
#: one member, ``Kind.BIG`` was 2, and ``Thing`` had a field ``legacy``.
OLD = dataclasses.replace(
    NEW,
    messages={
        **NEW.messages,
        "t.Thing": MessageShape(
            FILE,
            (_field("name", 1, "int32"), *THING.fields[1:4], _field("a", 5, oneof="choice"), _field("legacy", 9)),
            ("choice",),
        ),
    },
    enums={"t.Kind": EnumShape(FILE, (("UNKNOWN", 0), ("BIG", 2)))},
)

REVIEWED = """
    from tm.things import Kind, ThingBase


    class Thing(ThingBase):
        def label(self) -> str:
            return str(self.name) + str(Kind.BIG)  # review
            # (two reviews on one line: name's type, BIG's number)

        def member(self) -> object:
            return self.which_oneof("choice")  # review

        @property
        def legacy(self) -> str:  # review
            return ""
"""


def _check(
    tmp_path: Path, text: str, old: Surface | None = None, name: str = "things.py", new: Surface = NEW
) -> list[str]:
    overrides = tmp_path / "overrides"
    path = overrides / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    config = Config(
        source=Source(),
        proto_root="t",
        package="tm",
        output=tmp_path / "out",
        overrides_dir=overrides,
        overrides_package="toverrides",
        field_helpers=("build", "replace_field"),
        oneof_helpers=("_member",),
    )
    return [str(problem) for problem in override_check.check(config, new, old)]


def _marked(text: str, marker: str) -> set[int]:
    return {n for n, line in enumerate(textwrap.dedent(text).splitlines(), 1) if line.endswith(f"# {marker}")}


def _lines(problems: list[str], kind: str) -> set[int]:
    return {int(p.split(":")[1]) for p in problems if p.split(": ")[1] == kind}


def test_a_fitting_override_has_no_problems(tmp_path: Path) -> None:
    assert _check(tmp_path, GOOD) == []


def test_every_broken_use_is_reported_with_its_line(tmp_path: Path) -> None:
    problems = _check(tmp_path, BROKEN)
    assert _lines(problems, "error") == _marked(BROKEN, "error"), "\n".join(problems)
    assert not _lines(problems, "review")
    text = "\n".join(problems)
    for expected in (
        "tm has no generated module gone (t/gone.proto is not in the IDL)",
        "t/things.proto defines no message or enum Gone",
        "enum t.Kind has no value or attribute HUGE",
        "t.Thing has no field 'nam'",
        "t.Thing has no field 'bee'",
        "t.Thing.Part has no field 'txt'",
        "t.Thing has no oneof 'choise'",
        "t.Thing has no field 'lambda_'",  # a helper takes the proto name, lambda
        "t.Other has no field 'valu'",
        "t.Other has no field 'vale'",
        "t.Thing has no nested type or field 'PieceBase'",
        "t.Other has no nested type or field 'Nested'",
        "class Ghost overrides t.Ghost, which t/things.proto does not define",
    ):
        assert expected in text, f"{expected!r} not in:\n{text}"


def test_changes_since_the_last_generation_are_for_review(tmp_path: Path) -> None:
    problems = _check(tmp_path, REVIEWED, OLD)
    assert _lines(problems, "review") == _marked(REVIEWED, "review"), "\n".join(problems)
    assert not _lines(problems, "error")
    text = "\n".join(problems)
    assert "uses t.Thing.name, and its type changed: int32 → string" in text
    assert "uses t.Kind.BIG, and its number changed: 2 → 1" in text
    assert "uses t.Thing.choice, and its members changed: a → a, b" in text
    assert "Thing defines 'legacy' for a field t.Thing no longer has" in text
    assert _check(tmp_path, REVIEWED) == []  # without a record, nothing to compare with


def test_a_change_of_presence_is_for_review(tmp_path: Path) -> None:
    """``name`` gained presence: its property now reads None while unset. Against an older record, none is known."""
    thing = NEW.messages["t.Thing"]
    with_presence = dataclasses.replace(
        thing, fields=tuple(dataclasses.replace(f, presence="implicit") for f in thing.fields)
    )
    now = dataclasses.replace(with_presence.fields[0], presence="explicit")
    changed = dataclasses.replace(with_presence, fields=(now, *with_presence.fields[1:]))
    text = "from tm.things import ThingBase\n\n\nclass Thing(ThingBase):\n    def n(self) -> object:\n"
    text += "        return self.name\n"
    before = dataclasses.replace(NEW, messages={**NEW.messages, "t.Thing": with_presence})
    after = dataclasses.replace(NEW, messages={**NEW.messages, "t.Thing": changed})
    problems = _check(tmp_path, text, before, new=after)
    assert [problem.split(": ", 2)[1:] for problem in problems] == [
        ["review", "uses t.Thing.name, and its presence changed: implicit → explicit"]
    ]
    assert _check(tmp_path, text, NEW, new=after) == []


def test_removed_names_say_so_given_the_record(tmp_path: Path) -> None:
    problems = _check(
        tmp_path, "from tm.things import ThingBase\n\nclass Thing(ThingBase):\n    x = Thing.legacy\n", OLD
    )
    assert problems and "t.Thing has no field 'legacy' (any more)" in problems[0]


def test_modules_that_mirror_no_proto_file(tmp_path: Path) -> None:
    assert _check(tmp_path / "a", "X = 1\n", name="gone.py") == [
        f"{tmp_path / 'a' / 'overrides' / 'gone.py'}:1: error: mirrors tm.gone, which models no proto file of the IDL"
    ]
    assert _check(tmp_path / "b", "X = 1\n", name="_helpers.py") == []  # private modules are helpers
    assert "cannot parse" in _check(tmp_path / "c", "class (:\n")[0]


def test_modules_at_hyphen_and_keyword_paths_mirror_their_proto_files(tmp_path: Path) -> None:
    """``odd_names.py`` mirrors ``t/odd-names.proto`` and ``async_/class_.py`` ``t/async/class.proto``."""
    messages = {
        "t.Thing": dataclasses.replace(THING, file="t/odd-names.proto"),
        "t.Thing.Part": dataclasses.replace(NEW.messages["t.Thing.Part"], file="t/odd-names.proto"),
        "t.async.Awaited": MessageShape("t/async/class.proto", (_field("name", 1),), ()),
    }
    files = {"t/odd-names.proto": "t", "t/async/class.proto": "t.async"}
    odd = Surface(messages=messages, enums={}, files=files)
    override = "from tm.odd_names import ThingBase\n\n\nclass Thing(ThingBase):\n    x = ThingBase.name\n"
    assert _check(tmp_path / "a", override, name="odd_names.py", new=odd) == []
    assert _check(tmp_path / "b", "X = 1\n", name="async_/class_.py", new=odd) == []
    assert "mirrors tm.odd-names" in _check(tmp_path / "c", "X = 1\n", name="odd-names.py", new=odd)[0]


# -- the real overrides ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [FLYTEIDL_CONFIG, FLYTEIDL2_CONFIG], ids=["flyteidl", "flyteidl2"])
def test_the_overrides_in_src_fit_the_installed_idl(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What ``make generate`` and ``make test`` enforce: no override uses anything the IDL lacks."""
    status = cli.main(["check-overrides", "--config", str(path)])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    config = load_config(path)
    assert captured.out.startswith(f"codegen: the overrides in {config.overrides_dir} fit")
