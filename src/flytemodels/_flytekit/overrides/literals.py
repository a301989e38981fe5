"""What flytekit's literal classes have beyond their messages: ``value`` and ``Literal.set_metadata``."""

from __future__ import annotations

import datetime as _datetime
from typing import Any

from flytemodels.flytekit.literals import (
    BindingDataBase,
    LiteralBase,
    LiteralCollection,
    LiteralMap,
    PrimitiveBase,
    ScalarBase,
)


class Primitive(PrimitiveBase):
    def _fm_post_init(self) -> None:
        stamp = self._datetime
        if stamp is not None and not isinstance(stamp, _datetime.datetime):
            # flytekit also takes a Timestamp message, to the second, as a naive UTC datetime.
            self._datetime = _datetime.datetime.fromtimestamp(stamp.seconds, _datetime.UTC).replace(tzinfo=None)

    @property
    def datetime(self) -> Any:
        """The datetime; a naive one given to the constructor reads as UTC, as in flytekit."""
        value = self._datetime
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=_datetime.UTC)

    @property
    def value(self) -> Any:
        """Whichever member is set (the first that is not None, in flytekit's order)."""
        for value in (self.integer, self.float_value, self.string_value, self.boolean, self.datetime, self.duration):
            if value is not None:
                return value
        return None


class Scalar(ScalarBase):
    @property
    def value(self) -> Any:
        """Whichever member is set (the first truthy one, as flytekit decides)."""
        return (
            self.primitive
            or self.blob
            or self.binary
            or self.schema
            or self.union
            or self.none_type
            or self.error
            or self.generic
            or self.structured_dataset
        )


class Literal(LiteralBase):
    @property
    def value(self) -> Any:
        """The scalar, collection or map (flytekit leaves offloaded_metadata out)."""
        return self.scalar or self.collection or self.map

    def set_metadata(self, metadata: dict[str, str]) -> None:
        """Replace the metadata (a mutation, as in flytekit)."""
        self._metadata = metadata


class BindingData(BindingDataBase):
    @property
    def value(self) -> Any:
        return self.scalar or self.collection or self.promise or self.map

    def to_literal_model(self) -> Literal | None:
        """The literal these bindings stand for; a promise cannot be one (flytekit's ``FlyteValueException``)."""
        if self.promise:
            raise _promise_error(self.promise)
        if self.scalar:
            return Literal(scalar=self.scalar)
        if self.collection:
            return Literal(collection=LiteralCollection([item.to_literal_model() for item in self.collection.bindings]))
        if self.map:
            bindings = self.map.bindings
            try:
                return Literal(map=LiteralMap({key: item.to_literal_model() for key, item in bindings.items()}))
            except ValueError as error:
                raise _first_failure_in_key_order(bindings, error) from None
        return None


def _first_failure_in_key_order(bindings: dict[Any, Any], error: ValueError) -> ValueError:
    """The error of the smallest key whose binding is no literal (a promise, at any depth).

    A map read from a message comes in upb's hash order, which upb seeds per
    process, so the first failure met in ``bindings`` order (flytekit's, which
    has the same flaw) would name a different promise from run to run. A given
    dict is searched in key order too, so one rule holds whatever the origin;
    keys are ordered as ``str`` so that one given with keys of mixed types sorts.
    """
    for key in sorted(bindings, key=str):
        try:
            bindings[key].to_literal_model()
        except ValueError as failure:
            return failure
    return error


def _promise_error(promise: Any) -> Exception:
    """flytekit's ``FlyteValueException`` (a ValueError) when flytekit is installed, else a ValueError."""
    message = "Cannot convert BindingData to a Literal because it has a promise."
    try:
        from flytekit.exceptions.user import FlyteValueException
    except ImportError:
        return ValueError(f"Value error!  Received: {promise}. {message}")
    error: Exception = FlyteValueException(promise, message)
    return error
