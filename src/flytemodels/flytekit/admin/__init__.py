"""Mirrors ``flytekit.models.admin``."""
