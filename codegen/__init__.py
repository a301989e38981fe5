"""The flytemodels generator: protobuf descriptors in, typed model modules out.

Stages, one module each: ``sources`` (read descriptors) → ``load`` (build the
frozen model, naming through ``naming``) → ``render`` (Jinja) → ``write``
(black, atomic writes). ``cli`` only does I/O. Nothing here knows about
flyteidl; ``config`` says which proto files map to which Python package.
"""
