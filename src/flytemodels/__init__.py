"""flytemodels: typed, lossless Python models for every message of the Flyte IDL.

The package is assembled from two trees: hand-written code in ``src/`` (this
file, the runtime and the overrides) and generator output in ``generated/``.
``extend_path`` lets a development checkout import both as one package; in a
built wheel they are already merged into a single directory.

Importing ``flytemodels`` imports no model module: each one is loaded the first
time it is imported by name, e.g. ``from flytemodels.core.literals import Literal``.
"""

from pkgutil import extend_path

__path__ = extend_path(__path__, __name__)

__version__ = "0.1.0"
