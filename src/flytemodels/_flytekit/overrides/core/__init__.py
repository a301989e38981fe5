"""Hand-written code of ``flytemodels.flytekit.core``."""
