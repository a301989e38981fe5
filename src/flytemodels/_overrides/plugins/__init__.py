"""Overrides of ``flytemodels.plugins`` modules."""
