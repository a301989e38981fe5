"""``Extension``: a typed handle on one proto2 extension field.

The generator emits one handle per extension whose extended message has a
model in the same tree: at module level for an extension declared at file
level, as a class attribute of the model for one declared inside a message
(where protoc's Python plugin puts it too). A handle is built from the
extension's ``FieldDescriptor``, so it converts values exactly as a field of
the same type is converted: a message as its model, an enum as its enum class,
a repeated extension as a list.

Models are immutable, so a handle is used through three methods of
``Message``: ``get_extension(handle)`` (None while unset, a list when
repeated), ``has_extension(handle)`` and ``with_extension(handle, value)``,
which returns a new model (``None`` clears the extension).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

from google.protobuf.descriptor import FieldDescriptor

from flytemodels._runtime.fields import Element, element_for, relabelled, store_items

if TYPE_CHECKING:
    from flytemodels._runtime.message import Message

#: The model class the extension extends. Contravariant: a handle on ``Base``
#: applies to a subclass of it (an override in ``src/``), not the other way.
_Target = TypeVar("_Target", bound="Message[Any]", contravariant=True)
#: What ``get_extension`` returns: ``T | None`` for a singular extension, ``list[T]`` for a repeated one.
_Value = TypeVar("_Value")


class Extension(Generic[_Target, _Value]):
    """A typed handle on one extension: ``model.get_extension(handle)``, ``model.with_extension(handle, value)``.

    Attributes:
        full_name: The extension's full proto name (``pkg.Scope.name`` for one declared in a message).
        extends: The full proto name of the message it extends.
        number: Its field number.
    """

    __slots__ = ("_elements", "descriptor", "extends", "full_name", "number")

    def __init__(self, descriptor: FieldDescriptor) -> None:
        if not descriptor.is_extension:
            raise TypeError(f"{descriptor.full_name} is a field, not an extension")
        self.descriptor = descriptor
        self.full_name: str = descriptor.full_name
        self.extends: str = descriptor.containing_type.full_name  # type: ignore[union-attr]  # always set
        self.number: int = descriptor.number
        # Per generated tree (the model's: a message value yields that tree's model), built on first
        # use, as the value's model module may import this one.
        self._elements: dict[str, Element] = {}

    def __repr__(self) -> str:
        return f"<Extension {self.full_name} of {self.extends} (field {self.number})>"

    @property
    def is_repeated(self) -> bool:
        return bool(self.descriptor.is_repeated)

    def _value_element(self, tree: str) -> Element:
        element = self._elements.get(tree)
        if element is None:
            element = self._elements[tree] = element_for(self.descriptor, tree)
        return element

    def check_target(self, model: Any) -> None:
        """Raise TypeError unless ``model`` is a model of the message this extension extends."""
        pb_class = getattr(type(model), "_PB", None)
        if pb_class is None or pb_class.DESCRIPTOR is not self.descriptor.containing_type:
            got = pb_class.DESCRIPTOR.full_name if pb_class is not None else "not a model"
            raise TypeError(
                f"extension {self.full_name} extends {self.extends}; "
                f"{type(model).__qualname__} ({got}) has no such extension"
            )

    def read(self, pb: Any, tree: str) -> Any:
        """The extension's value in ``pb``, a message of a model of ``tree``: None while unset, a list when repeated."""
        element = self._value_element(tree)
        if self.descriptor.is_repeated:
            items = pb.Extensions[self.descriptor]
            return items[:] if element.passthrough else [element.to_python(item) for item in items]
        if not pb.HasExtension(self.descriptor):
            return None
        return element.to_python(pb.Extensions[self.descriptor])

    def present(self, pb: Any) -> bool:
        """Whether ``pb`` holds the extension (a repeated one: at least one item)."""
        if self.descriptor.is_repeated:
            return len(pb.Extensions[self.descriptor]) > 0
        return bool(pb.HasExtension(self.descriptor))

    def write(self, pb: Any, value: Any, tree: str) -> None:
        """Replace the extension's value in ``pb`` (a message being built for a model of ``tree``); None clears it.

        A wrong value raises TypeError or ValueError naming the extension, as a field's names the field.
        """
        pb.ClearExtension(self.descriptor)
        if value is None:
            return
        element = self._value_element(tree)
        try:
            if self.descriptor.is_repeated:
                store_items(pb.Extensions[self.descriptor], element, value)
            elif element.is_message:
                target = pb.Extensions[self.descriptor]
                element.fill(target, value)
                target.SetInParent()  # given, so present even when empty
            else:
                pb.Extensions[self.descriptor] = element.check(value)
        except (TypeError, ValueError) as error:
            raise relabelled(error, f"extension {self.full_name}: ") from None
