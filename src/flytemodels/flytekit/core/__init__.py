"""Mirrors ``flytekit.models.core``."""
