"""flytekit's documentation models (``flytekit.models.documentation``) on the description entity messages.

flytekit's ``Documentation`` is the IDL's ``DescriptionEntity`` (it writes one),
with ``short_description``, ``long_description`` and ``source_code`` first.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from flytemodels._overrides._support import build, repr_with_defaults
from flytemodels.admin.description_entity import DescriptionBase, DescriptionEntityBase, SourceCode
from flytemodels.admin.description_entity import DescriptionFormat as _IdlFormat

if TYPE_CHECKING:
    from collections import abc as _abc

    from flytemodels.core import identifier as _core_identifier


class Description(DescriptionBase):
    """A long description, inline (``value``) or by ``uri``; the format defaults to RST, as in flytekit."""

    __slots__ = ()

    class DescriptionFormat(enum.IntEnum):
        """flytekit's names for the IDL's ``DescriptionFormat`` (``RST`` for ``DESCRIPTION_FORMAT_RST`` ...)."""

        UNKNOWN = _IdlFormat.DESCRIPTION_FORMAT_UNKNOWN.value
        MARKDOWN = _IdlFormat.DESCRIPTION_FORMAT_MARKDOWN.value
        HTML = _IdlFormat.DESCRIPTION_FORMAT_HTML.value
        RST = _IdlFormat.DESCRIPTION_FORMAT_RST.value

    def __init__(
        self,
        value: str | None = None,
        uri: str | None = None,
        icon_link: str | None = None,
        format: _IdlFormat | int | None = DescriptionFormat.RST,
    ) -> None:
        kind = None if format is None else _IdlFormat(int(format))  # flytekit's names or the IDL's, as the IDL enum
        build(self, {"value": value, "uri": uri, "icon_link": icon_link, "format": kind})

    def __repr__(self) -> str:
        return repr_with_defaults(self)


class DescriptionEntity(DescriptionEntityBase):
    """A task's or workflow's documentation: flytekit's ``Documentation`` order, then ``id`` and ``tags``."""

    __slots__ = ()

    def __init__(
        self,
        short_description: str | None = None,
        long_description: Description | None = None,
        source_code: SourceCode | None = None,
        id: _core_identifier.Identifier | None = None,
        tags: _abc.Iterable[str] | None = None,
    ) -> None:
        build(self, locals())
