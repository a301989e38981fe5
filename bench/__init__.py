"""The benchmark of issue 10: raw protobuf, flytekit.models and both flytemodels families, alternating.

``make bench`` (or ``python -m bench`` in a venv with the ``bench`` extra)
measures in one run, on payloads made from a fixed seed:

- building (``build``): B1-B3 built bottom-up with each API's constructors,
  then ``to_flyte_idl()`` and serialized;
- converting, comparing, hashing and reading (``speed``, payloads P1-P4 of
  ``payloads``): ``from_flyte_idl``, ``to_flyte_idl``, the round trip, ``==``,
  ``hash`` (first and repeated), and ``from_flyte_idl`` plus a full walk of the
  properties (``walk``);
- flytekit's own code end to end (``e2e``, ``e2e_flyte``) with
  ``flytekit.models`` as shipped and resolved to ``flytemodels.flytekit``;
- memory held (``memory``), in a child interpreter that can see C allocations;
- cold imports in fresh interpreters and the generator's time (``startup``).

The four subjects (``subjects``): raw protobuf, flytekit.models, the IDL
family (``flytemodels.core...``) and the flytekit family
(``flytemodels.flytekit...``). The operations a row compares are timed one
after another in every round, and a ratio is the median of the per-round
ratios (``timer``). It prints one table of ratios with each target's verdict
per family (``targets``, ``report``), and writes ``results.json`` and
``results.png`` (``chart``). ``python -m bench.profile`` profiles the
flytekit family's build and read paths.
"""
