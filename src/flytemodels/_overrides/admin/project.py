"""flytekit's constructor and helpers for ``Project`` (``flytekit.models.project``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flytemodels._overrides._support import build
from flytemodels.admin.project import Domain, ProjectBase

if TYPE_CHECKING:
    from collections import abc as _abc

    from flytemodels.admin import common as _admin_common


class Project(ProjectBase):
    """A project: flytekit's order (``description`` and ``state`` before the IDL's ``domains``)."""

    __slots__ = ()

    def __init__(
        self,
        id: str | None = None,
        name: str | None = None,
        description: str | None = None,
        state: ProjectBase.ProjectState | int | None = None,
        domains: _abc.Iterable[Domain] | None = None,
        labels: _admin_common.Labels | None = None,
        org: str | None = None,
    ) -> None:
        build(self, locals())

    @classmethod
    def active_project(cls, id: str) -> Project:
        """A project update that marks project ``id`` active."""
        return cls(id=id, state=cls.ProjectState.ACTIVE)

    @classmethod
    def archived_project(cls, id: str) -> Project:
        """A project update that marks project ``id`` archived."""
        return cls(id=id, state=cls.ProjectState.ARCHIVED)
