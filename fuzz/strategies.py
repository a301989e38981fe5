"""Hypothesis strategies on top of the seeded filler (``tests/support/filler.py``).

The filler turns a seed into a random message of any type; these strategies
draw the seed (so Hypothesis shrinks towards small seeds) and, for the decoder,
corrupt valid encodings the ways real garbage looks: flipped, truncated, spliced
and inserted bytes, plus plain random bytes.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

from fuzz import target
from tests.support import catalog, filler

SEEDS = st.integers(0, 2**32 - 1)


def messages(case: catalog.MessageCase, options: filler.Options = filler.DEFAULT) -> st.SearchStrategy[Any]:
    """Random pb messages of ``case``'s type, from the seeded filler."""
    return SEEDS.map(lambda seed: filler.fill(case.pb_class, random.Random(seed), options))


@st.composite
def corrupted(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with 1-4 random edits (flip, truncate, insert, delete, duplicate a slice)."""
    buffer = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(buffer)))
        edit = draw(st.sampled_from(("flip", "truncate", "insert", "delete", "duplicate")))
        if edit == "flip" and position < len(buffer):
            buffer[position] ^= 1 << draw(st.integers(0, 7))
        elif edit == "truncate":
            del buffer[position:]
        elif edit == "insert":
            buffer[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif edit == "delete":
            del buffer[position : position + draw(st.integers(1, 8))]
        elif edit == "duplicate":
            end = draw(st.integers(position, len(buffer)))
            buffer[position:position] = buffer[position:end]
    return bytes(buffer)


def garbage(case: catalog.MessageCase) -> st.SearchStrategy[bytes]:
    """Bytes that ``case``'s ``from_bytes`` may be handed: random, or a corrupted valid encoding."""
    valid = messages(case).map(lambda pb: pb.SerializeToString())
    return st.one_of(st.binary(max_size=64), valid.flatmap(corrupted))


def fuzz_inputs() -> st.SearchStrategy[bytes]:
    """Inputs of the fuzz target (model index in two bytes, then the payload) for any model."""
    indexes = st.integers(0, len(target.CASES) - 1)
    return indexes.flatmap(lambda index: garbage(target.CASES[index]).map(lambda data: target.encode(index, data)))
