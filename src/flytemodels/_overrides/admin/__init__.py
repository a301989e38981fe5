"""Overrides of ``flytemodels.admin`` modules."""
