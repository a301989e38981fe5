"""Mirrors ``flytekit.models.documentation``: ``Documentation`` is the IDL's ``DescriptionEntity``."""

from flytemodels.admin.description_entity import Description, DescriptionEntity, SourceCode

Documentation = DescriptionEntity

__all__ = ["Description", "Documentation", "SourceCode"]
