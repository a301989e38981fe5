"""The flytemodels generator: protobuf descriptors in, typed model modules out.

The pipeline, one package per stage, run once top to bottom by ``cli``
(which only does I/O):

- ``inputs``: the configuration (``config``), descriptors (``sources``, and
  ``pb2files`` for released wheels), docstring sources (``npm``,
  ``comments``) and the hand-written overrides in ``src/`` (``overrides``);
- ``model``: descriptors → the typed, frozen model (``load`` builds
  ``nodes``; every name and annotation comes from ``naming``; ``symbols``
  indexes the input's types);
- ``render``: the model → source text through Jinja templates that only loop
  and print (``templating``), then black and atomic writes (``write``).

Beside the pipeline, ``upgrade`` holds the tools for moving to a new IDL
release: ``state`` records what a tree was generated from (its ``surface``),
``diff``/``report`` say what changed between two ``releases``, and
``override_check`` (with ``override_idl``) finds overrides that no longer fit.
``mypy_config`` prints the mypy settings the pb2 packages a tree imports
need. ``compat`` generates a compatibility family (``flytemodels.flytekit``) from a
table. Nothing here knows about flyteidl: a TOML file says what to read and
which Python package it becomes.
"""
