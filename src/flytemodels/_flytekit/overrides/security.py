"""flytekit's checks and coercions in its security dataclasses."""

from __future__ import annotations

import re
from typing import Any

from flytemodels.flytekit.security import SecretBase, SecurityContextBase

_ENV_VAR = re.compile(r"^[A-Z_][A-Z0-9_]*$")


class Secret(SecretBase):
    def __post_init__(self) -> None:
        """A group is required while registering (when flytekit's plugin asks for one); env_var must be a name."""
        if self.group is None and _group_required():
            raise ValueError("Group is a required parameter")
        if self.env_var is not None and not _ENV_VAR.match(self.env_var):
            raise ValueError(f"Invalid environment variable name: {self.env_var}")


class SecurityContext(SecurityContextBase):
    def _fm_write(self, target: Any) -> bool | None:
        # flytekit serializes a context built with nothing in it as no field at all; one read from a
        # message keeps the message's presence.
        if self._fm_pb is None and self.run_as is None and self.secrets is None and self.tokens is None:
            return False
        return super()._fm_write(target)

    def to_flyte_idl(self) -> Any:
        """The message, or None for a context built with nothing in it (as flytekit's)."""
        if self._fm_pb is None and self.run_as is None and self.secrets is None and self.tokens is None:
            return None
        return super().to_flyte_idl()

    def __post_init__(self) -> None:
        """A single secret or token stands for a list of one, as in flytekit."""
        if self.secrets and not isinstance(self.secrets, list):
            self.secrets = [self.secrets]
        if self.tokens and not isinstance(self.tokens, list):
            self.tokens = [self.tokens]


def _group_required() -> bool:
    """flytekit's rule: only while registering (no execution mode), and only if its plugin requires groups."""
    try:
        from flytekit.configuration.plugin import get_plugin
        from flytekit.core.context_manager import FlyteContextManager
    except ImportError:  # flytekit is not installed: nothing asks for groups
        return False
    registering = FlyteContextManager.current_context().execution_state.mode is None
    return registering and bool(get_plugin().secret_requires_group())
