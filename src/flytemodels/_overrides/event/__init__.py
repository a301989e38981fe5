"""Overrides of ``flytemodels.event`` modules."""
