"""The hand-written part of the flytekit family (``flytemodels.flytekit``).

``entity`` holds flytekit's base classes and the base of every generated
flytekit-family class; ``overrides`` what flytekit's classes have beyond their
message (``Literal.value``, argument coercions, helpers); ``filters`` and
``array_job`` are flytekit classes with no message behind them. The public
modules are generated from ``protos/flytekit/models.toml``.
"""
