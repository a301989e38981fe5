"""Hand-written code of ``flytemodels.flytekit.admin``."""
