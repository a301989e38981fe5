"""flytemodels: typed, lossless Python models for every message of the Flyte IDL.

The package is assembled from two trees: hand-written code in ``src/`` (this
file, the runtime and the overrides) and generator output in ``generated/``.
In a development checkout both directories are on ``sys.path`` and the loop
below joins them into one package (what ``pkgutil.extend_path`` does, without
the 8 ms that importing pkgutil costs); in a built wheel they are already one
directory and the loop finds nothing to add.

Importing ``flytemodels`` imports no model module: each one is loaded the first
time it is imported by name, e.g. ``from flytemodels.core.literals import Literal``.
"""

import os as _os
import sys as _sys

for _entry in _sys.path:
    _candidate = _os.path.join(_entry or ".", __name__)
    if _candidate not in __path__ and _os.path.isdir(_candidate):
        __path__.append(_candidate)

# flytemodels.v2 needs the flyteidl2 extra (flyteidl2, protovalidate): say so when it is missing.
from flytemodels._extras import install_v2_extra_guard as _install_v2_extra_guard  # noqa: E402

_install_v2_extra_guard()

# X.Y.Z.N: generated from flyteidl X.Y.Z, N counting releases on it from 0 ("Versions" in README.md). pyproject.toml
# reads the version from here.
__version__ = "1.16.8.0"
