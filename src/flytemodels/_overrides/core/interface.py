"""flytekit's interface helpers (``flytekit.models.interface``).

``TypedInterface`` takes and hands out its inputs and outputs as dicts of
``Variable`` (flytekit's form; the IDL wraps each dict in a ``VariableMap``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from flytemodels._overrides._support import build, set_member
from flytemodels.core.interface import ParameterBase, TypedInterfaceBase, VariableBase, VariableMap

if TYPE_CHECKING:
    from collections.abc import Set

#: Variables as flytekit gives them (a dict) or as the IDL holds them.
_Variables = Mapping[str, "Variable"] | VariableMap


class Variable(VariableBase):
    """A typed, described input or output of an interface."""

    __slots__ = ()

    def to_flyte_idl_list(self) -> Any:
        """The flyteidl ``Variable`` of a list of this variable's type (for map tasks)."""
        pb = self.to_flyte_idl()
        item = pb.type.__class__()
        item.CopyFrom(pb.type)
        pb.type.Clear()
        pb.type.collection_type.CopyFrom(item)
        return pb

    def _as_list(self) -> Variable:
        """This variable with its type turned into a list of that type."""
        return Variable.from_flyte_idl(self.to_flyte_idl_list())


class TypedInterface(TypedInterfaceBase):
    """A task's or workflow's inputs and outputs, as dicts of ``Variable`` (flytekit's form)."""

    __slots__ = ()

    def __init__(self, inputs: _Variables | None = None, outputs: _Variables | None = None) -> None:
        build(self, {"inputs": _variable_map(inputs), "outputs": _variable_map(outputs)})

    @property
    def inputs(self) -> dict[str, Variable]:  # type: ignore[override]  # flytekit's dict, not the IDL's VariableMap
        """The inputs by name (empty when the message has none)."""
        found: VariableMap | None = self._get("inputs")
        return {} if found is None else dict(found.variables)

    @property
    def outputs(self) -> dict[str, Variable]:  # type: ignore[override]  # flytekit's dict, not the IDL's VariableMap
        """The outputs by name (empty when the message has none)."""
        found: VariableMap | None = self._get("outputs")
        return {} if found is None else dict(found.variables)

    def transform_interface_to_list(self, bound_inputs: Set[str], excluded_inputs: Set[str]) -> TypedInterface:
        """The interface of a map over this one: every input and output becomes a list of its type.

        Inputs in ``bound_inputs`` keep their type (one value for all items);
        inputs in ``excluded_inputs`` are left out.
        """
        inputs = _as_lists(self.inputs, keep=bound_inputs, leave_out=excluded_inputs)
        outputs = _as_lists(self.outputs, keep=frozenset(), leave_out=frozenset())
        return TypedInterface(inputs=inputs, outputs=outputs)


class Parameter(ParameterBase):
    """An input of a launch plan: its variable and its default, requirement or artifact source."""

    __slots__ = ()

    @property
    def behavior(self) -> Any:
        """Whichever of ``default``, ``required``, ``artifact_query`` and ``artifact_id`` is set; else ``None``."""
        return set_member(self, "behavior")


def _as_lists(variables: dict[str, Variable], keep: Set[str], leave_out: Set[str]) -> dict[str, Variable]:
    return {
        name: variable if name in keep else variable._as_list()
        for name, variable in variables.items()
        if name not in leave_out
    }


def _variable_map(variables: _Variables | None) -> VariableMap | None:
    if variables is None or isinstance(variables, VariableMap):
        return variables
    return VariableMap(variables=variables)
