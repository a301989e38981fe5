"""Finding the hand-written overrides of generated classes.

An override module mirrors the generated one under the configured overrides
package (``flytemodels/_overrides/core/literals.py`` for
``flytemodels.core.literals``). It is parsed, never imported: each public
top-level class in it must subclass ``<Message>Base`` for a top-level message
of the same .proto file, and the generated module then names its class
``<Message>Base`` and re-exports the override under the message's name.
"""

from __future__ import annotations

import ast

from google.protobuf.descriptor_pb2 import FileDescriptorProto

from codegen import naming
from codegen.config import Config
from codegen.errors import GenerateError
from codegen.model import Override


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
    override_module = f"{config.overrides_package}.{relative}"
    found = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            _check(node, messages, path, file.name)
            found.append(Override(node.name, override_module))
    return tuple(sorted(found, key=lambda override: override.name))


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
