"""Comparing ``flytemodels.flytekit`` with ``flytekit.models`` (flytekit is a test-only dependency).

- ``api``: walks every public class of the ``flytekit.models`` modules the
  drop-in mirrors and compares each with its counterpart (constructor
  signature, public attributes, nested enum holder constants).
- ``deviations``: the deliberate deviations, each with its reason.
- ``table``: renders ``docs/flytekit_compat.md`` from the two;
  ``python -m tests.flytekit_compat`` rewrites it, ``--check`` fails if it is stale.
"""
