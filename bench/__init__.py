"""The benchmark of issue 4: raw protobuf, flytekit.models and flytemodels on the same payloads.

``make bench`` (or ``python -m bench`` in a venv with the ``bench`` extra)
builds four payloads from a fixed seed (``payloads``), and in one run measures:

- speed (``speed``): raw protobuf ``FromString``, ``SerializeToString``,
  ``CopyFrom``, ``==`` and deterministic serialization; for flytekit.models and
  flytemodels ``from_flyte_idl``, ``to_flyte_idl``, the round trip, ``==``,
  ``hash`` (first and repeated) and a full walk touching every property;
- memory held (``memory``), in a child interpreter that can see C allocations;
- cold imports in fresh interpreters and the generator's time (``startup``).

It prints a table of ratios to raw protobuf with each target's verdict
(``targets``, ``report``), and writes ``results.json`` and ``results.png``
(``chart``). Timings are medians of repeats after warm-up (``timer``).
"""
