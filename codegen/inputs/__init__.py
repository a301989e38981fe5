"""Stage 1, inputs: the configuration, the descriptors, docstring sources and the overrides in ``src/``."""
