"""Mirrors ``flytekit.models.security``."""

from flytemodels.core.security import (
    Identity,
    OAuth2Client,
    OAuth2TokenRequest,
    Secret,
    SecurityContext,
)

__all__ = ["Identity", "OAuth2Client", "OAuth2TokenRequest", "Secret", "SecurityContext"]
