"""flytekit's ``Project.active_project``/``archived_project`` shortcuts."""

from __future__ import annotations

from flytemodels.flytekit.project import ProjectBase


class Project(ProjectBase):
    @classmethod
    def active_project(cls, id: str) -> Project:
        return cls(id, "", "", cls.ProjectState.ACTIVE)

    @classmethod
    def archived_project(cls, id: str) -> Project:
        return cls(id, "", "", cls.ProjectState.ARCHIVED)
