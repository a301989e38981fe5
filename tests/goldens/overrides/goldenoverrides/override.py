"""The hand-written override of ``goldenmodels.override.Thing`` (see protos/fixtures/override.proto)."""

from __future__ import annotations

from goldenmodels.override import ThingBase


class Thing(ThingBase):
    """A thing with a convenience the IDL does not have."""

    __slots__ = ()

    @property
    def full_name(self) -> str:
        """``first`` and ``last`` joined by a space."""
        return f"{self.first} {self.last}".strip()

    class Label(ThingBase.LabelBase):
        """A nested override: the class at ``Thing.Label`` and the one ``Holder.label`` returns."""

        __slots__ = ()

        @property
        def shouted(self) -> str:
            """The label's text in capitals."""
            return self.text.upper()
