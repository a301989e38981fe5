"""The flytemodels generator: protobuf descriptors in, typed model modules out.

Stages, one module each: ``sources`` (read descriptors) → ``load`` (build the
frozen model, naming through ``naming``) → ``render`` (Jinja) → ``write``
(black, atomic writes). ``cli`` only does I/O. Nothing here knows about
flyteidl; ``config`` says which proto files map to which Python package.

Upgrades: ``state`` records what a tree was generated from (``surface``, the
comparable shape of an IDL); ``diff`` and ``report`` say what changed between
two inputs (``inputs``; released wheels are read by ``pb2files``), and
``override_check`` (with ``override_idl``) finds hand-written overrides that
no longer fit.
"""
