"""A drop-in for ``flytekit.models``: the same modules, classes and constructors.

``flytemodels.flytekit.<module>`` mirrors ``flytekit.models.<module>``. A class
that wraps an IDL message is the flytemodels class itself (generated, or its
override in ``flytemodels._overrides`` where flytekit's constructor or helpers
differ), so ``flytemodels.flytekit.core.identifier.Identifier is
flytemodels.core.identifier.Identifier``. Classes flytekit has and the IDL does
not (``FlyteIdlEntity`` ...) are written here. Deliberate deviations are listed
in ``docs/flytekit_compat.md``.
"""
