"""A bad compatibility table: one line naming the table and the entry at fault, exit 1, nothing written."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from codegen import cli
from tests.goldens.harness import REPO

FAMILY = """\
[family]
source = "api 1.0"
package = "errcompat"
base = "flytemodels._flytekit.entity:FlytekitModel"
shapes = "flytemodels._runtime.shapes"
custom_shapes = "flytemodels._flytekit.shapes"
holder_base = "flytemodels._flytekit.holders:Holder"
hand_written = "errcompat_overrides"
"""


def run(tmp_path: Path, table: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    (tmp_path / "table.toml").write_text(FAMILY + textwrap.dedent(table), encoding="utf-8")
    config = tmp_path / "compat.toml"
    config.write_text(
        f'[source]\nproto_path = ["{REPO / "protos"}"]\n'
        'proto_files = ["fixtures/maps.proto", "fixtures/oneofs.proto"]\n'
        '[generate]\npackage = "errcompat"\noutput = "out"\n[compat]\ntable = "table.toml"\n',
        encoding="utf-8",
    )
    status = cli.main(["--config", str(config)])
    return status, capsys.readouterr().err


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        pytest.param(
            '[classes."maps:Maps"]\nmessage = "fixtures.maps.Nope"\ninit = []\n',
            r"table\.toml: maps:Maps: no message 'fixtures\.maps\.Nope' in the IDL",
            id="unknown-message",
        ),
        pytest.param(
            '[classes."maps:Maps"]\nmessage = "fixtures.maps.Maps"\nfields.nope = { param = "x" }\n',
            r"maps:Maps: fixtures\.maps\.Maps has no field 'nope'",
            id="unknown-field",
        ),
        pytest.param(
            '[classes."maps:Maps"]\nmessage = "fixtures.maps.Maps"\ninit = ["messages=None"]\npost_init = ["nope"]\n',
            r"maps:Maps: post_init: expected true or a list of constructor parameters, got \['nope'\]",
            id="post-init-of-no-parameter",
        ),
        pytest.param(
            '[classes."maps:Maps"]\nmessage = "fixtures.maps.Maps"\npost_init = "yes"\n',
            r"maps:Maps: post_init: expected true or a list of constructor parameters, got 'yes'",
            id="post-init-not-a-list",
        ),
        pytest.param(
            '[classes."maps:Maps"]\nmessage = "fixtures.maps.Maps"\nfields.bool_to_string = { colour = "red" }\n',
            r"maps:Maps\.fields\.bool_to_string: unknown option 'colour'",
            id="unknown-option",
        ),
        pytest.param(
            '[classes."maps:Maps"]\nmessage = "fixtures.maps.Maps"\nfields.bool_to_string = { shape = "blob" }\n',
            r"maps:Maps\.fields\.bool_to_string: unknown shape 'blob'",
            id="unknown-shape",
        ),
        pytest.param(
            '[classes."oneofs:Choice"]\nmessage = "fixtures.oneofs.Choice"\nfields.label = { shape = "unwrap" }\n',
            r"oneofs:Choice\.fields\.label: shape 'unwrap' needs a message field whose message has exactly one field",
            id="bad-unwrap",
        ),
        pytest.param(
            '[classes."a:Entry"]\nmessage = "fixtures.maps.Entry"\n'
            '[classes."b:Entry"]\nmessage = "fixtures.maps.Entry"\n'
            '[classes."maps:Maps"]\nmessage = "fixtures.maps.Maps"\n',
            r"maps:Maps\.fields\.sint32_to_message: fixtures\.maps\.Entry has several classes .*: say which",
            id="ambiguous-model",
        ),
        pytest.param(
            '[classes."Maps"]\nmessage = "fixtures.maps.Maps"\n',
            r"Maps: the table's keys are '<module>:<Class>'",
            id="key-without-module",
        ),
        pytest.param(
            '[classes."maps:Entry"]\nmessage = "fixtures.maps.Entry"\nfields.note = { param = "to_flyte_idl" }\n',
            r"maps:Entry\.fields\.note: the property 'to_flyte_idl' would hide a member the class needs: name another",
            id="param-named-like-a-member",
        ),
        pytest.param(
            '[classes."maps:Entry"]\nmessage = "fixtures.maps.Entry"\ninit = ["short_class_string"]\n'
            'fields.note = { param = "short_class_string" }\n',
            r"maps:Entry\.fields\.note: the property 'short_class_string' would hide",
            id="param-named-like-a-metaclass-member",
        ),
        pytest.param(
            '[classes."maps:Entry"]\nmessage = "fixtures.maps.Entry"\nfields.note = { attr = "_fm_pb" }\n',
            r"maps:Entry\.fields\.note: the attribute '_fm_pb' would overwrite a member of the class: name another",
            id="attr-named-like-a-member",
        ),
        pytest.param(
            '[classes."maps:Entry"]\nmessage = "fixtures.maps.Entry"\nfields.note = { attr = "__note" }\n',
            r"maps:Entry\.fields\.note: Python mangles or owns the attribute '__note': name another with 'attr'",
            id="attr-python-mangles",
        ),
        pytest.param(
            '[classes."maps:Entry"]\nmessage = "fixtures.maps.Entry"\ninit = ["note", "self"]\n',
            r"maps:Entry\.init: 'self' cannot be a parameter of a Python method",
            id="init-self",
        ),
        pytest.param(
            '[classes."maps:Entry"]\nmessage = "fixtures.maps.Entry"\nconstants = { note = 1 }\n',
            r"maps:Entry: two members map to the Python name 'note'",
            id="field-named-like-a-constant",
        ),
    ],
)
def test_a_bad_table_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str, expected: str
) -> None:
    status, err = run(tmp_path, table, capsys)
    assert status == 1
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("codegen: error: ") and str(tmp_path / "table.toml") in err
    assert re.search(expected, err), err
    assert not (tmp_path / "out").exists()


def test_a_missing_family_key_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(tmp_path, "", capsys)  # writes the configuration and a complete table
    (tmp_path / "table.toml").write_text("[family]\nsource = 'x 1'\n", encoding="utf-8")
    assert cli.main(["--config", str(tmp_path / "compat.toml")]) == 1
    assert "table.toml: [family] needs 'package'" in capsys.readouterr().err


def test_a_message_protobuf_cannot_hold_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A class's message with a field protobuf's own code needs (``protobuf_names``), as the IDL family says."""
    (tmp_path / "fixtures").mkdir()
    proto = 'syntax = "proto3";\npackage fixtures.pb;\nmessage Listed { string ListFields = 1; }\n'
    (tmp_path / "fixtures" / "pb.proto").write_text(proto, encoding="utf-8")
    table = '[classes."pb:Listed"]\nmessage = "fixtures.pb.Listed"\n'
    (tmp_path / "table.toml").write_text(FAMILY + table, encoding="utf-8")
    config = tmp_path / "compat.toml"
    config.write_text(
        f'[source]\nproto_path = ["{tmp_path}"]\nproto_files = ["fixtures/pb.proto"]\n'
        '[generate]\npackage = "errcompat"\noutput = "out"\n[compat]\ntable = "table.toml"\n',
        encoding="utf-8",
    )
    assert cli.main(["--config", str(config)]) == 1
    assert capsys.readouterr().err == (
        "codegen: error: fixtures/pb.proto: Listed.ListFields: protobuf's Python API cannot have a field named "
        "'ListFields': it hides the message's own ListFields, which protobuf's text and JSON formats call to print "
        "the message; rename the field\n"
    )
    assert not (tmp_path / "out").exists()
