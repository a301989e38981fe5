"""The hand-written runtime every generated model class builds on.

Generated modules stay thin and declarative; conversion, validation and the
well-known-type rules live here, where they are written and tested once.
"""

from flytemodels._runtime.enums import OpenEnum
from flytemodels._runtime.extensions import Extension
from flytemodels._runtime.message import Message
from flytemodels._runtime.registry import register_files

__all__ = ["Extension", "Message", "OpenEnum", "register_files"]
