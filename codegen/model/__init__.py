"""Stage 2, the model: descriptors → typed, frozen dataclasses (``nodes``), with all naming in ``naming``."""
