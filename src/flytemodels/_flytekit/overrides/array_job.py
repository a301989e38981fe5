"""``flytekit.models.array_job.ArrayJob``: an array job as flytekit puts it in ``TaskTemplate.custom``.

A custom entity: ``to_dict()`` is the proto3 JSON form of ``flyteidl.plugins.ArrayJob``
(camelCase names, int64 values as strings) and ``to_flyte_idl()`` the ``Struct`` of
that dict. Attributes are stored as given, as flytekit stores them.
"""

from __future__ import annotations

import json
from typing import Any

from flyteidl.plugins import array_job_pb2
from google.protobuf import json_format

from flytemodels._flytekit.entity import FlyteCustomIdlEntity


class ArrayJob(FlyteCustomIdlEntity):
    """How many copies of a task to run, how many at once, and how many must succeed."""

    def __init__(
        self,
        parallelism: int | None = None,
        size: int | None = None,
        min_successes: int | None = None,
        min_success_ratio: float | None = None,
    ) -> None:
        if min_successes and min_success_ratio:
            raise ValueError("Only one of min_successes or min_success_ratio can be set")
        self._parallelism = parallelism
        self._size = size
        self._min_successes = min_successes
        self._min_success_ratio = min_success_ratio

    @property
    def parallelism(self) -> int | None:
        """How many copies run at once at most."""
        return self._parallelism

    @property
    def size(self) -> int | None:
        """How many copies to run."""
        return self._size

    @size.setter
    def size(self, value: int | None) -> None:
        self._size = value

    @property
    def min_successes(self) -> int | None:
        """How many copies must succeed (an absolute count)."""
        return self._min_successes

    @min_successes.setter
    def min_successes(self, value: int | None) -> None:
        self._min_successes = value

    @property
    def min_success_ratio(self) -> float | None:
        """Which share of the copies must succeed."""
        return self._min_success_ratio

    def to_dict(self) -> dict[str, Any]:
        """The JSON form; the success criterion written is ``min_successes`` when given, else the ratio."""
        job = array_job_pb2.ArrayJob(parallelism=self.parallelism, size=self.size)
        if self.min_successes is not None:
            job.min_successes = self.min_successes
        elif self.min_success_ratio is not None:
            job.min_success_ratio = self.min_success_ratio
        return dict(json_format.MessageToDict(job))

    @classmethod
    def from_dict(cls, idl_dict: dict[str, Any]) -> ArrayJob:  # a classmethod, as flytekit's
        job = json_format.Parse(json.dumps(idl_dict), array_job_pb2.ArrayJob())
        if job.HasField("min_successes"):
            return cls(parallelism=job.parallelism, size=job.size, min_successes=job.min_successes)
        return cls(parallelism=job.parallelism, size=job.size, min_success_ratio=job.min_success_ratio)
