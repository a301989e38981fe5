"""Mirrors ``flytekit.models.array_job``: an array job as flytekit puts it in ``TaskTemplate.custom``.

flytekit's ``ArrayJob`` is a custom entity: ``to_dict()`` is the proto3 JSON
form of ``flyteidl.plugins.ArrayJob`` (camelCase names, int64 as strings) and
``to_flyte_idl()`` the ``Struct`` of that dict. This one holds the IDL model
(``flytemodels.plugins.array_job.ArrayJob``) and gives the same dicts.
"""

from __future__ import annotations

from typing import Any

from google.protobuf import json_format

from flytemodels._flytekit.entity import FlyteCustomIdlEntity
from flytemodels.plugins import array_job as _idl


class ArrayJob(FlyteCustomIdlEntity):
    """How many copies of a task to run, how many at once, and how many must succeed."""

    def __init__(
        self,
        parallelism: int | None = None,
        size: int | None = None,
        min_successes: int | None = None,
        min_success_ratio: float | None = None,
    ) -> None:
        self._job = _idl.ArrayJob(parallelism, size, min_successes, min_success_ratio)

    @property
    def job(self) -> _idl.ArrayJob:
        """The IDL model this entity stands for."""
        return self._job

    @property
    def parallelism(self) -> int:
        return self._job.parallelism

    @property
    def size(self) -> int:
        return self._job.size

    @size.setter
    def size(self, value: int) -> None:
        self._job = _idl.ArrayJob(self.parallelism, value, self.min_successes, self.min_success_ratio)

    @property
    def min_successes(self) -> int | None:
        return self._job.min_successes

    @min_successes.setter
    def min_successes(self, value: int | None) -> None:
        self._job = _idl.ArrayJob(self.parallelism, self.size, min_successes=value)

    @property
    def min_success_ratio(self) -> float | None:
        return self._job.min_success_ratio

    def to_dict(self) -> dict[str, Any]:
        """The proto3 JSON form of the IDL ``ArrayJob`` (``{"parallelism": "2", "minSuccesses": "3", ...}``)."""
        found: dict[str, Any] = json_format.MessageToDict(self._job.to_flyte_idl())
        return found

    @classmethod
    def from_dict(cls, idl_dict: dict[str, Any]) -> ArrayJob:
        """Parse what ``to_dict`` gives (either field spelling, numbers or strings)."""
        job = _idl.ArrayJob.from_flyte_idl(json_format.ParseDict(idl_dict, _idl.ArrayJob._PB()))
        return cls(job.parallelism, job.size, job.min_successes, job.min_success_ratio)


__all__ = ["ArrayJob"]
