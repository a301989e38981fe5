"""Comparing ``flytemodels.flytekit`` with ``flytekit.models`` (flytekit is a test-only dependency).

- ``api``: walks every module of ``flytekit.models`` and compares each public
  name with ours (constructor signature, attributes and their kinds, holder
  constants; re-exports are our counterpart of flytekit's object).
- ``roundtrip``: what flytekit's ``from_flyte_idl(pb).to_flyte_idl()`` loses
  (drops, corrupts, truncates ...), field by field, each with its reason;
  ``deviations``: the other deviations, and ``PENDING``, known bugs of ours
  (strict xfails).
- ``normalize``: applies ``roundtrip`` to messages, for the differential tests;
  ``values``: compares values of either side (shapes included) and reads every
  property of a model.
- ``scenario``: a flytekit-style script, run on either namespace.
- ``table``: renders ``docs/flytekit_compat.md`` from ``api`` and the deviations;
  ``python -m tests.flytekit_compat`` (``make compat``) rewrites it, ``--check``
  fails if it is stale.
"""
