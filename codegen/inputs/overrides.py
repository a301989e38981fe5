"""Finding the hand-written overrides of generated classes.

An override module mirrors the generated one under the configured overrides
package (``flytemodels/_overrides/core/literals.py`` for
``flytemodels.core.literals``). It is parsed, never imported: each public
top-level class in it must subclass ``<Message>Base`` for a top-level message
of the same .proto file, and the generated module then names its class
``<Message>Base`` and re-exports the override under the message's name.

A nested message is overridden by a class nested in its parent's override
(``class Schedule(ScheduleBase): class FixedRate(ScheduleBase.FixedRateBase)``):
the generated nested class is then named ``FixedRateBase``, and the public path
``Schedule.FixedRate`` reaches the override through the parent's override.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from google.protobuf.descriptor_pb2 import FileDescriptorProto

from codegen.errors import GenerateError
from codegen.inputs.config import Config
from codegen.model import naming
from codegen.model.nodes import Override


def discover(file: FileDescriptorProto, module: str, config: Config) -> tuple[Override, ...]:
    if config.overrides_dir is None or config.overrides_package is None:
        return ()
    relative = module.removeprefix(config.package + ".")
    path = config.overrides_dir.joinpath(*relative.split(".")).with_suffix(".py")
    if not path.is_file():
        return ()
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as error:
        raise GenerateError(f"{path}:{error.lineno}: {error.msg}") from None
    messages = {message.name for message in file.message_type}
    types = _nested_types(file)
    override_module = f"{config.overrides_package}.{relative}"
    found = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            _check(node, messages, path, file.name)
            nested = tuple(_nested_overrides(node, node.name, types, path))
            found.append(Override(node.name, override_module, nested))
    return tuple(sorted(found, key=lambda override: override.name))


def _nested_types(file: FileDescriptorProto) -> dict[str, bool]:
    """Qualified name → is-a-message, for every nested message and enum of the file."""
    found: dict[str, bool] = {}
    pending = [(message.name, message) for message in file.message_type]
    while pending:
        qualname, message = pending.pop()
        for enum in message.enum_type:
            found[f"{qualname}.{enum.name}"] = False
        for nested in message.nested_type:
            if not nested.options.map_entry:
                found[f"{qualname}.{nested.name}"] = True
                pending.append((f"{qualname}.{nested.name}", nested))
    return found


def _nested_overrides(node: ast.ClassDef, qualname: str, types: dict[str, bool], path: object) -> Iterator[str]:
    """Qualified names of the nested messages that classes inside ``node`` override."""
    for child in node.body:
        if not isinstance(child, ast.ClassDef) or child.name.startswith("_"):
            continue
        inner = f"{qualname}.{child.name}"
        if inner not in types:
            continue  # a helper class of the override's own (e.g. an enum holder)
        base = naming.base_name(child.name)
        if not types[inner] or not any(_names(expression, base) for expression in child.bases):
            what = f"subclass {base}" if types[inner] else "not reuse the name of a nested enum"
            raise GenerateError(f"{path}:{child.lineno}: nested override {inner} must {what}")
        yield inner
        yield from _nested_overrides(child, inner, types, path)


def _check(node: ast.ClassDef, messages: set[str], path: object, proto_file: str) -> None:
    if node.name not in messages:
        raise GenerateError(f"{path}:{node.lineno}: override {node.name} names no top-level message of {proto_file}")
    base = naming.base_name(node.name)
    if not any(_names(expression, base) for expression in node.bases):
        raise GenerateError(f"{path}:{node.lineno}: override {node.name} must subclass {base}")


def _names(expression: ast.expr, name: str) -> bool:
    return (isinstance(expression, ast.Name) and expression.id == name) or (
        isinstance(expression, ast.Attribute) and expression.attr == name
    )
