"""``python -m codegen``: the command line. Only I/O and argument handling live here."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

from codegen import load, render, sources, write
from codegen.config import Config, Source, load_config
from codegen.errors import GenerateError

DEFAULT_CONFIG = Path("protos/flyteidl.toml")


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    try:
        return _run(arguments)
    except GenerateError as error:
        print(f"codegen: error: {error}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen", description="Generate typed model classes from protobuf descriptors."
    )
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="TOML configuration (default: %(default)s)")
    parser.add_argument("--output", type=Path, help="write here instead of the configured output directory")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the output is not up to date")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--python-package", help="read the _pb2 modules of this installed package")
    source.add_argument("--descriptor-set", type=Path, help="read a FileDescriptorSet file")
    source.add_argument(
        "--proto", nargs="+", metavar="FILE", help="compile these .proto files (relative to --proto-path)"
    )
    parser.add_argument("--proto-path", type=Path, action="append", default=[], help="include directory for --proto")
    return parser


def _run(arguments: argparse.Namespace) -> int:
    started = time.perf_counter()
    config = _configure(arguments)
    files = sources.read(config.source)
    tree = load.build_tree(files, config)
    rendered = render.render_tree(tree, config.runtime)
    formatted = write.format_all(rendered, config.line_length, config.python_versions, Path(tempfile.gettempdir()))
    if arguments.check:
        return _report_drift(config.output, formatted)
    changes = write.write_tree(config.output, formatted)
    elapsed = time.perf_counter() - started
    print(
        f"codegen: {len(tree.files)} modules from {config.proto_root}/ in {elapsed:.1f}s: "
        f"{len(changes.written)} written, {len(changes.removed)} removed, {changes.unchanged} unchanged"
    )
    return 0


def _configure(arguments: argparse.Namespace) -> Config:
    config = load_config(arguments.config)
    if arguments.python_package:
        config = dataclasses.replace(config, source=Source(python_package=arguments.python_package))
    elif arguments.descriptor_set:
        config = dataclasses.replace(config, source=Source(descriptor_set=arguments.descriptor_set))
    elif arguments.proto:
        config = dataclasses.replace(
            config, source=Source(proto_path=tuple(arguments.proto_path), proto_files=tuple(arguments.proto))
        )
    if arguments.output:
        config = dataclasses.replace(config, output=arguments.output)
    return config


def _report_drift(output: Path, formatted: dict[str, str]) -> int:
    drifted = write.differences(output, formatted)
    for path in drifted:
        print(f"codegen: out of date: {output / path}", file=sys.stderr)
    if drifted:
        print("codegen: run `make generate` and commit the result", file=sys.stderr)
        return 1
    print(f"codegen: {output} is up to date ({len(formatted)} files)")
    return 0
