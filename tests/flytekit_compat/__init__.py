"""Comparing ``flytemodels.flytekit`` with ``flytekit.models`` (flytekit is a test-only dependency).

- ``api``: walks every public class of the ``flytekit.models`` modules the
  drop-in mirrors and compares each with its counterpart (constructor
  signature, public attributes, nested enum holder constants).
- ``deviations``: the deliberate deviations of the API, each with its reason;
  ``roundtrip``: what flytekit's ``from_flyte_idl(pb).to_flyte_idl()`` does to
  messages (drops, corrupts, truncates ...), each with its reason.
- ``normalize``: applies ``roundtrip`` to messages, for the differential tests;
  ``values``: makes property values of either side comparable.
- ``scenario``: a flytekit-style script, run on either namespace.
- ``table``: renders ``docs/flytekit_compat.md`` from ``api`` and the deviations;
  ``python -m tests.flytekit_compat`` (``make compat``) rewrites it, ``--check``
  fails if it is stale.
"""
