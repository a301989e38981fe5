"""Error messages do not depend on hash order: the same input gives the same text in every process.

Two hash seeds change from run to run: upb seeds its map hashing per process
from an address (so address-space randomisation moves it), and Python seeds
str hashing from ``PYTHONHASHSEED``. An error that named "the first" map entry
or set member as either ordered them would name a different one from run to
run. Each subprocess here gets a fresh address layout and its own hash seed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from flytemodels.flytekit.literals import BindingData, BindingDataMap
from flytemodels.flytekit.types import OutputReference
from flytemodels.v2.core.artifact_id import ArtifactVersionId
from flytemodels.v2.core.literals import Literal, LiteralMap
from flytemodels.v2.notification.definition import WebhookDeliveryTemplate

from flytemodels._flytekit.overrides.literals import _promise_error
from flytemodels._runtime import constraints

SEEDS = (0, 6, 12, 14, 17)  # 6, 12, 14 and 17 are the seeds the failure was first reported under
ROOT = Path(__file__).resolve().parent.parent
EXPECTED = [
    "LiteralMap.literals['o01'].map.literals['i01'].artifact_id.version: string.pattern: "
    "does not match regex pattern `^[A-Za-z0-9._-]*$` (and 80 more violations)",
    "WebhookDeliveryTemplate.headers[''] (the key): string.min_len: "
    "must be at least 1 characters (and 20 more violations)",
    "LiteralMap.literals: ['b'] expected Literal (flyteidl2.core.Literal), got int",
    str(_promise_error(OutputReference(node_id="n01", var="o"))),
]


def messages() -> list[str]:
    """The errors of inputs with many entries wrong in the same way, given out of key order."""
    with constraints.unchecked():
        wrong = Literal(artifact_id=ArtifactVersionId(version="not a version!"))
        nested = Literal(map=LiteralMap(literals={f"i{n:02}": wrong for n in range(9, 0, -1)}))
    headers = {**{f"h{n:02}": "" for n in range(19, 0, -1)}, "": ""}
    return [
        _error(lambda: LiteralMap(literals={f"o{n:02}": nested for n in range(9, 0, -1)})),
        _error(lambda: WebhookDeliveryTemplate(url="https://x", method=1, headers=headers)),
        # A dict given to a constructor is checked in the order given: "b" is named.
        _error(lambda: LiteralMap(literals={"b": 1, "a": 2})),  # type: ignore[dict-item]
        _error(lambda: _read_back_promises().to_literal_model()),
    ]


def _read_back_promises() -> BindingData:
    """A map of promise bindings read from bytes: its dict comes in upb's hash order."""
    promises = {f"k{n:02}": BindingData(promise=OutputReference(node_id=f"n{n:02}", var="o")) for n in range(20, 0, -1)}
    return BindingData.from_bytes(BindingData(map=BindingDataMap(bindings=promises)).to_flyte_idl().SerializeToString())


def _error(build: Callable[[], object]) -> str:
    try:
        build()
    except (TypeError, ValueError) as error:
        return str(error)
    raise AssertionError("expected an error")


def in_fresh_processes(function: str) -> dict[int, list[str]]:
    """What ``tests.test_determinism.<function>()`` returns in a new interpreter per hash seed (run in parallel)."""
    script = f"import json; from tests.test_determinism import {function}; print(json.dumps({function}()))"
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            stdout=subprocess.PIPE,
            text=True,
        )
        for seed in SEEDS
    ]
    return {seed: json.loads(run.communicate(timeout=60)[0]) for seed, run in zip(SEEDS, runs, strict=True)}


def test_the_same_input_gives_the_same_error_in_every_process() -> None:
    assert messages() == EXPECTED
    assert in_fresh_processes("messages") == {seed: EXPECTED for seed in SEEDS}


def views() -> list[str]:
    """What a reader sees of maps read from bytes (upb's hash order would differ per process)."""
    from flytemodels.core.literals import Literal as CoreLiteral
    from flytemodels.core.literals import LiteralMap as CoreLiteralMap
    from flytemodels.core.literals import Primitive, Scalar

    one = CoreLiteral(scalar=Scalar(primitive=Primitive(integer=1)), metadata={f"m{n:02}": "x" for n in range(30)})
    given = CoreLiteralMap({f"k{n:02}": one for n in range(30, 0, -1)})
    read = CoreLiteralMap.from_bytes(given.serialize_to_string())
    return [" ".join(read.literals), " ".join(read.literals["k01"].metadata), read.to_json(indent=None)]


def test_maps_read_from_bytes_look_the_same_in_every_process() -> None:
    expected = views()
    assert expected[0].split() == sorted(expected[0].split())  # in key order, not as given or hashed
    assert in_fresh_processes("views") == {seed: expected for seed in SEEDS}
