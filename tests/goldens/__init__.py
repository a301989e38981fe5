"""Golden tests of the generator: one small .proto per edge case, expected output checked in.

``protos/fixtures/*.proto`` hold the cases (each states why it exists in its top
comment), ``protos/fixtures/fixtures.toml`` configures the run, ``expected/`` holds
the generator's output and ``overrides/`` the hand-written override the
``override.proto`` case needs. ``python -m tests.goldens refresh`` (``make goldens``)
rewrites ``expected/``; ``tests/test_goldens.py`` fails on any difference.
"""
