"""pb2 modules loaded on first use, so that importing a model module costs none of protobuf.

Importing a pb2 module builds its file's descriptors in protobuf's default pool,
and the first one loads protobuf's Python runtime too: together several times
what the model module itself costs. A generated module therefore binds each pb2
module it names to a ``Pb2Module`` and each class's ``_PB`` to a ``PbClass``;
the first model built, read or converted imports what it needs.

Neither costs anything once used: the first attribute read of a ``Pb2Module``
rebinds the generated module's global to the module itself, and the first read of
a ``PbClass`` replaces it with the pb2 class on the class that declared it. After
that, reads are the plain global and class-attribute lookups they were before.

A ``Pb2Module`` is never put in ``sys.modules``: a pb2 module's own imports of
its dependencies must run them (their files must be in the pool before its own),
which a lazily loaded module in ``sys.modules`` would not do.
"""

from __future__ import annotations

import importlib
from typing import Any


class Pb2Module:
    """Stands for the pb2 module ``module`` as the global ``alias`` of ``namespace``, until first read."""

    __slots__ = ("_alias", "_module", "_namespace")

    def __init__(self, namespace: dict[str, Any], alias: str, module: str) -> None:
        self._namespace = namespace
        self._alias = alias
        self._module = module

    def __getattr__(self, name: str) -> Any:
        module = importlib.import_module(self._module)
        if self._namespace.get(self._alias) is self:
            self._namespace[self._alias] = module
        return getattr(module, name)

    def __repr__(self) -> str:
        return f"<{self._module}, imported on first use>"


def module(namespace: dict[str, Any], alias: str, name: str) -> Any:
    """The global ``alias`` of a generated module (its ``globals()``): the pb2 module ``name``, on first use."""
    return Pb2Module(namespace, alias, name)


class PbClass:
    """A generated class's message class (``_PB``), found in its pb2 module when first read.

    The read binds the class found in place of this object, under every name of
    the declaring class that holds it (``_PB``, and ``_IDL_PB`` in the IDL family).
    """

    __slots__ = ("_module", "_owner", "_qualname")

    def __init__(self, module: Any, qualname: str) -> None:
        self._module = module
        self._qualname = qualname
        self._owner: type | None = None

    def __set_name__(self, owner: type, name: str) -> None:
        self._owner = owner

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        found = self._module
        for part in self._qualname.split("."):
            found = getattr(found, part)
        declaring = self._owner
        if declaring is not None:
            for name, value in list(vars(declaring).items()):
                if value is self:
                    setattr(declaring, name, found)
        return found

    def __repr__(self) -> str:
        return f"<message class {self._qualname} of {self._module!r}>"


def pb_class(module: Any, qualname: str) -> Any:
    """A class body's ``_PB``: the message class ``qualname`` of the pb2 ``module``, looked up on first read."""
    return PbClass(module, qualname)
