"""flytekit's ``TaskSpec(template, docs)`` (``flytekit.models.task``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flytemodels._overrides._support import build, renamed
from flytemodels.admin.task import TaskSpecBase

if TYPE_CHECKING:
    from flytemodels.admin import description_entity as _admin_description_entity
    from flytemodels.core import tasks as _core_tasks


class TaskSpec(TaskSpecBase):
    """A task to register, with its documentation; flytekit calls ``description`` ``docs``."""

    __slots__ = ()

    def __init__(
        self,
        template: _core_tasks.TaskTemplate | None = None,
        docs: _admin_description_entity.DescriptionEntity | None = None,
        *,
        description: _admin_description_entity.DescriptionEntity | None = None,  # the IDL's name for ``docs``
    ) -> None:
        build(
            self, {"template": template, "description": renamed("TaskSpec", "docs", docs, "description", description)}
        )

    @property
    def docs(self) -> _admin_description_entity.DescriptionEntity | None:
        """flytekit's name for ``description``."""
        return self.description
