"""flytekit's constructors for secrets and token requests (``flytekit.models.security``)."""

from __future__ import annotations

from flytemodels._overrides._support import build, renamed
from flytemodels.core.security import OAuth2Client, OAuth2TokenRequestBase, SecretBase


class Secret(SecretBase):
    """A secret a task may read: flytekit's order (``key`` before ``group_version``)."""

    __slots__ = ()

    def __init__(
        self,
        group: str | None = None,
        key: str | None = None,
        group_version: str | None = None,
        mount_requirement: SecretBase.MountType | int | None = None,
        env_var: str | None = None,
    ) -> None:
        build(self, locals())


class OAuth2TokenRequest(OAuth2TokenRequestBase):
    """A token a task needs: flytekit's order, and its ``type_`` for the IDL's ``type``."""

    __slots__ = ()

    def __init__(
        self,
        name: str | None = None,
        client: OAuth2Client | None = None,
        idp_discovery_endpoint: str | None = None,
        token_endpoint: str | None = None,
        type_: OAuth2TokenRequestBase.Type | int | None = None,
        *,
        type: OAuth2TokenRequestBase.Type | int | None = None,  # the IDL's name for ``type_``
    ) -> None:
        kind = renamed("OAuth2TokenRequest", "type_", type_, "type", type)
        values = {"name": name, "client": client, "idp_discovery_endpoint": idp_discovery_endpoint}
        build(self, dict(values, token_endpoint=token_endpoint, type=kind))

    @property
    def type_(self) -> OAuth2TokenRequestBase.Type:
        """flytekit's name for ``type``."""
        return self.type
