"""flytekit's ``WorkflowSpec(template, sub_workflows, docs)`` (``flytekit.models.admin.workflow``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flytemodels._overrides._support import build, renamed
from flytemodels.admin.workflow import WorkflowSpecBase

if TYPE_CHECKING:
    from collections import abc as _abc

    from flytemodels.admin import description_entity as _admin_description_entity
    from flytemodels.core import workflow as _core_workflow


class WorkflowSpec(WorkflowSpecBase):
    """A workflow to register: its template, sub-workflows and documentation (``docs``, the IDL's ``description``).

    ``sub_workflows`` keep the order they are given in (flytekit's
    ``to_flyte_idl`` sorts them by name: sort them first for its bytes).
    """

    __slots__ = ()

    def __init__(
        self,
        template: _core_workflow.WorkflowTemplate | None = None,
        sub_workflows: _abc.Iterable[_core_workflow.WorkflowTemplate] | None = None,
        docs: _admin_description_entity.DescriptionEntity | None = None,
        *,
        description: _admin_description_entity.DescriptionEntity | None = None,  # the IDL's name for ``docs``
    ) -> None:
        values = {"template": template, "sub_workflows": sub_workflows}
        build(self, dict(values, description=renamed("WorkflowSpec", "docs", docs, "description", description)))

    @property
    def docs(self) -> _admin_description_entity.DescriptionEntity | None:
        """flytekit's name for ``description``."""
        return self.description
