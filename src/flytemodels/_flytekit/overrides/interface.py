"""What flytekit's interface classes have beyond their messages."""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from flytemodels._runtime.shapes import fill
from flytemodels.flytekit.interface import ParameterBase, TypedInterfaceBase, VariableBase


class Variable(VariableBase):
    def to_flyte_idl_list(self) -> Any:
        """This variable as a list of its type: the message flytekit's map tasks use."""
        from flytemodels.flytekit.types import LiteralType

        return Variable(
            LiteralType(collection_type=self.type),
            self.description,
            artifact_partial_id=self.artifact_partial_id,
            artifact_tag=self.artifact_tag,
        ).to_flyte_idl()


class TypedInterface(TypedInterfaceBase):
    def transform_interface_to_list(self, bound_inputs: Set[str], excluded_inputs: Set[str]) -> TypedInterface:
        """The interface of a map task over this one: inputs and outputs become lists, except ``bound_inputs``."""
        inputs = {
            key: Variable.from_flyte_idl(var.to_flyte_idl() if key in bound_inputs else var.to_flyte_idl_list())
            for key, var in self.inputs.items()
            if key not in excluded_inputs
        }
        outputs = {key: Variable.from_flyte_idl(var.to_flyte_idl_list()) for key, var in self.outputs.items()}
        return TypedInterface(inputs, outputs)


class Parameter(ParameterBase):
    def _fm_write(self, target: Any) -> bool | None:
        # `behavior` is a oneof; flytekit writes `required` only when no default and no artifact query is
        # given, so Parameter(var, default=d, required=False) serializes its default, not `required: false`.
        super()._fm_write(target)
        if self._fm_pristine or target.WhichOneof("behavior") != "required":
            return None
        if self.default is not None:
            fill(target.default, self.default)
        elif self.artifact_query:
            fill(target.artifact_query, self.artifact_query)
        return None

    @property
    def behavior(self) -> Any:
        """The default, else ``required``, else the artifact query (flytekit's order)."""
        return self.default or self.required or self.artifact_query
