"""Two generated trees that model the same proto files: each parent yields its own tree's children.

The fixtures ``importer.proto`` and ``imports/common.proto`` are generated twice,
as ``treea`` and ``treeb`` (as two IDL configurations that both generate
``google/rpc/status.proto`` would, or flytemodels beside a user's own tree). The
runtime registry is keyed by tree and file, so which tree was imported first must
not decide the class a field yields: each check runs in a fresh interpreter, with
the trees imported in both orders.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.goldens.harness import REPO, compile_pb2, generate

TREES = ("treea", "treeb")

#: Run in a fresh interpreter: imports the trees in the order given (argv), then reads
#: each tree's Basket value-built from the *other* tree's children (the fast path),
#: checked (an iterator goes the checked way), held (from bytes) and unpickled, and
#: prints which tree each child it yields comes from (an undeclared enum number's too).
PROBE = textwrap.dedent(
    """
    import importlib, json, pickle, sys

    order = sys.argv[1:]
    importers = {name: importlib.import_module(name + ".importer") for name in order}
    commons = {name: importlib.import_module(name + ".imports.common") for name in order}

    def trees(basket):
        found = [basket.theirs, basket.many[0], basket.by_name["k"], basket.detail, basket.kind, basket.ours]
        found.append(basket.theirs.kind)  # a child's own children: the same tree again
        return [type(value).__module__.split(".")[0] for value in found]

    report = {}
    for name, importer in importers.items():
        other = commons[next(tree for tree in order if tree != name)]
        item = other.Item(id="x", kind=1, detail=other.Item.Detail(text="t"))
        fields = dict(theirs=item, ours=importer.Item(local="l"), detail=item.detail, by_name={"k": item})
        built = importer.Basket(many=[item], kind=commons[name].Kind.KIND_SMALL, **fields)
        checked = importer.Basket(many=iter([item]), kind=1, **fields)
        held = importer.Basket.from_bytes(built.serialize_to_string())
        report[name] = {
            "built": trees(built),
            "checked": trees(checked),
            "held": trees(held),
            "unpickled": trees(pickle.loads(pickle.dumps(held))),
            "same class": type(held.theirs) is commons[name].Item and type(held.kind) is commons[name].Kind,
            # A number the enum does not declare: this tree's stand-in, the first time and then from its members.
            "undeclared": [type(importer.Basket(kind=9).kind).__module__.split(".")[0] for _ in range(2)],
        }
    print(json.dumps(report))
    """
)


@pytest.fixture(scope="module")
def roots(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The fixtures' _pb2 modules and the two generated trees, as ``sys.path`` entries."""
    pb2 = tmp_path_factory.mktemp("pb2")
    compile_pb2(pb2)
    found = [pb2]
    for tree in TREES:
        root = tmp_path_factory.mktemp(tree)
        config = root / "codegen.toml"
        files = ["fixtures/importer.proto", "fixtures/imports/common.proto"]
        config.write_text(
            f'[source]\nproto_path = ["{REPO / "protos"}"]\nproto_files = {files!r}\n\n'
            f'[generate]\nproto_root = "fixtures"\npackage = "{tree}"\noutput = "out"\n',
            encoding="utf-8",
        )
        generate(config)
        found.append(root / "out")
    return found


def probe(roots: list[Path], order: tuple[str, ...]) -> dict[str, dict[str, object]]:
    path = [str(root) for root in roots] + [str(REPO / "src")]
    code = f"import sys; sys.path[:0] = {path!r}\n{PROBE}"
    result = subprocess.run([sys.executable, "-c", code, *order], capture_output=True, text=True, check=False, cwd=REPO)
    assert result.returncode == 0, result.stderr
    report: dict[str, dict[str, object]] = json.loads(result.stdout)
    return report


@pytest.mark.parametrize("order", [TREES, TREES[::-1]], ids=["a-first", "b-first"])
def test_each_parent_yields_its_own_trees_children_whatever_the_import_order(
    roots: list[Path], order: tuple[str, ...]
) -> None:
    report = probe(roots, order)
    for tree in TREES:
        for way in ("built", "checked", "held", "unpickled"):
            assert report[tree][way] == [tree] * 7, (tree, way, report[tree][way])
        assert report[tree]["same class"] is True
        assert report[tree]["undeclared"] == [tree] * 2
