"""``python -m codegen``: the command line. Only I/O and argument handling live here.

``python -m codegen [options]`` generates (as it always has); the subcommands
``diff``, ``check-overrides`` and ``mypy-config`` come first when given:
``python -m codegen diff OLD NEW``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

from codegen import mypy_config
from codegen.compat import render as compat_render
from codegen.compat import table as compat_table
from codegen.errors import GenerateError
from codegen.inputs import comments, sources
from codegen.inputs.config import Config, Source, load_config
from codegen.model import load
from codegen.model.nodes import Tree
from codegen.render import templating, write
from codegen.upgrade import diff, override_check, releases, report, state

DEFAULT_CONFIG = Path("protos/flyteidl.toml")
_SUBCOMMANDS = ("generate", "diff", "check-overrides", "mypy-config")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = argv[0] if argv and argv[0] in _SUBCOMMANDS else "generate"
    rest = argv[1:] if argv and argv[0] == command else argv
    runner = {
        "generate": _generate,
        "diff": _diff,
        "check-overrides": _check_overrides,
        "mypy-config": _mypy_config,
    }[command]
    parser = {
        "generate": _parser,
        "diff": _diff_parser,
        "check-overrides": _check_parser,
        "mypy-config": _mypy_parser,
    }[command]()
    arguments = parser.parse_args(rest)
    try:
        return runner(arguments)
    except GenerateError as error:
        print(f"codegen: error: {error}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen",
        description="Generate typed model classes from protobuf descriptors.",
        epilog="Other commands: `python -m codegen diff OLD NEW` compares two IDL inputs; "
        "`python -m codegen check-overrides` checks the hand-written overrides against the IDL; "
        "`python -m codegen mypy-config` prints the mypy overrides the generated code needs. "
        "Each takes --help.",
    )
    parser.add_argument(
        "--config", type=Path, action="append", help=f"TOML configuration, repeatable (default: {DEFAULT_CONFIG})"
    )
    parser.add_argument("--output", type=Path, help="write here instead of the configured output directory")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the output is not up to date")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--python-package", help="read the _pb2 modules of this installed package")
    source.add_argument("--descriptor-set", type=Path, help="read a FileDescriptorSet file")
    source.add_argument(
        "--proto", nargs="+", metavar="FILE", help="compile these .proto files (relative to --proto-path)"
    )
    source.add_argument("--wheel", help="read the _pb2 modules in a wheel: a .whl path, or name==version to download")
    parser.add_argument("--proto-path", type=Path, action="append", default=[], help="include directory for --proto")
    return parser


def _generate(arguments: argparse.Namespace) -> int:
    configs = arguments.config or [DEFAULT_CONFIG]
    if len(configs) > 1 and (arguments.output or _source_given(arguments)):
        raise GenerateError("--output and source options apply to one --config only")
    status = 0
    for path in configs:
        status = max(status, _generate_one(_configure(path, arguments), arguments.check))
    return status


def _generate_one(config: Config, check: bool) -> int:
    if config.compat_table is not None:
        return _generate_family(config, config.compat_table, check)
    started = time.perf_counter()
    files, coverage = comments.apply(sources.read(config.source), config)
    tree = load.build_tree(files, config)
    rendered = templating.render_tree(tree, config.runtime)
    formatted = write.format_all(rendered, config.line_length, config.python_versions, Path(tempfile.gettempdir()))
    new = state.record(files, config, sources.origin(config.source), coverage)
    formatted[state.path(config).as_posix()] = state.dumps(new)
    if check:
        return _report_drift(config, formatted)
    old = state.read(config)
    if old is not None and old.digest != new.digest:
        before, after = old.label(), new.label()
        notes = report.notes(before, after, old.surface, new.surface)
        print(report.text(before, after, diff.compare(old.surface, new.surface), notes))
    changes = write.write_tree(config.output, formatted, config.package)
    elapsed = time.perf_counter() - started
    _print_skipped(tree)
    _print_coverage(coverage)
    print(
        f"codegen: {len(tree.files)} modules from {config.proto_root}/ ({new.label()}) in {elapsed:.1f}s: "
        f"{len(changes.written)} written, {len(changes.removed)} removed, {changes.unchanged} unchanged"
    )
    problems = override_check.check(config, new.surface, old.surface if old is not None else None)
    return _print_problems(problems)


def _print_skipped(tree: Tree) -> None:
    """What the IDL declares and the run does not generate, so nothing is left out silently."""
    for file in tree.files:
        for service in file.services:
            print(f"codegen: not generated: service {service} ({file.proto_name}); services get no models")
        for skipped in file.skipped_extensions:
            print(f"codegen: not generated: {skipped} ({file.proto_name}); that message has no model here")


def _print_coverage(coverage: comments.Coverage | None) -> None:
    """Where docstrings came from, and each element that source has no comment for because it lacks it."""
    if coverage is None:
        return
    print(f"codegen: {coverage.summary()}")
    for element in coverage.absent:
        print(f"codegen: no docstring: {element} is not in {coverage.source}")


def _generate_family(config: Config, table: Path, check: bool) -> int:
    """Generate a compatibility family (``flytemodels.flytekit``) from its table and the IDL."""
    started = time.perf_counter()
    family = compat_table.load_family(table, sources.read(config.source), config.package)
    rendered = compat_render.render_family(family, config.compat_label)
    formatted = write.format_all(rendered, config.line_length, config.python_versions, Path(tempfile.gettempdir()))
    if check:
        return _report_drift(config, formatted)
    changes = write.write_tree(config.output, formatted, config.package)
    elapsed = time.perf_counter() - started
    print(
        f"codegen: {len(family.modules)} modules of {config.package} from {table} in {elapsed:.1f}s: "
        f"{len(changes.written)} written, {len(changes.removed)} removed, {changes.unchanged} unchanged"
    )
    return 0


def _source_given(arguments: argparse.Namespace) -> bool:
    return bool(arguments.python_package or arguments.descriptor_set or arguments.proto or arguments.wheel)


def _configure(path: Path, arguments: argparse.Namespace) -> Config:
    config = load_config(path)
    cache = config.source.cache
    if arguments.python_package:
        config = dataclasses.replace(config, source=Source(python_package=arguments.python_package, cache=cache))
    elif arguments.descriptor_set:
        config = dataclasses.replace(config, source=Source(descriptor_set=arguments.descriptor_set, cache=cache))
    elif arguments.proto:
        source = Source(proto_path=tuple(arguments.proto_path), proto_files=tuple(arguments.proto), cache=cache)
        config = dataclasses.replace(config, source=source)
    elif arguments.wheel:
        config = dataclasses.replace(config, source=Source(wheel=arguments.wheel, cache=cache))
    if arguments.output:
        config = dataclasses.replace(config, output=arguments.output)
    return config


def _report_drift(config: Config, formatted: dict[str, str]) -> int:
    drifted = write.differences(config.output, formatted, config.package)
    for path in drifted:
        print(f"codegen: out of date: {config.output / path}", file=sys.stderr)
    if drifted:
        print("codegen: run `make generate` and commit the result", file=sys.stderr)
        return 1
    print(f"codegen: {config.output} is up to date ({len(formatted)} files of {config.package})")
    return 0


def _print_problems(problems: list[override_check.Problem]) -> int:
    errors = [problem for problem in problems if not problem.review]
    for problem in problems:
        print(f"codegen: {problem}", file=sys.stderr if not problem.review else sys.stdout)
    if errors:
        print(f"codegen: {len(errors)} override problem(s): fix them in the files named above", file=sys.stderr)
        return 1
    return 0


# -- diff ------------------------------------------------------------------------------


def _diff_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen diff",
        description="Compare two IDL inputs: what was added, removed, renamed or retyped, and what it breaks.",
        epilog=f"OLD and NEW are each: {releases.USAGE}.",
    )
    parser.add_argument("old", metavar="OLD")
    parser.add_argument("new", metavar="NEW")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="TOML configuration (default: %(default)s)")
    parser.add_argument("--markdown", action="store_true", help="print Markdown for a pull request")
    parser.add_argument("--fail-on-breaking", action="store_true", help="exit 1 if a change breaks wire or API")
    parser.add_argument("--cache", type=Path, help="where downloaded wheels are kept (default: the config's cache)")
    return parser


def _diff(arguments: argparse.Namespace) -> int:
    config = load_config(arguments.config)
    cache = arguments.cache or config.source.cache
    old_label, old = releases.resolve(arguments.old, config, cache)
    new_label, new = releases.resolve(arguments.new, config, cache)
    changes = diff.compare(old, new)
    render_report = report.markdown if arguments.markdown else report.text
    notes = report.notes(old_label, new_label, old, new)
    print(render_report(old_label, new_label, changes, notes), end="")
    return 1 if arguments.fail_on_breaking and report.is_breaking(changes) else 0


# -- check-overrides -----------------------------------------------------------------------


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen check-overrides",
        description="Report every override that uses a field, oneof, enum value or type the IDL does not have "
        "(errors), or one that changed since the last generation (for review).",
    )
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="TOML configuration (default: %(default)s)")
    parser.add_argument("--idl", default="installed", help=f"the IDL to check against: {releases.USAGE}")
    parser.add_argument("--cache", type=Path, help="where downloaded wheels are kept (default: the config's cache)")
    return parser


def _check_overrides(arguments: argparse.Namespace) -> int:
    config = load_config(arguments.config)
    label, new = releases.resolve(arguments.idl, config, arguments.cache or config.source.cache)
    old = state.read(config)
    status = _print_problems(override_check.check(config, new, old.surface if old is not None else None))
    if status == 0:
        print(f"codegen: the overrides in {config.overrides_dir} fit {label}")
    return status


# -- mypy-config -------------------------------------------------------------------------


def _mypy_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen mypy-config",
        description="Print the [[tool.mypy.overrides]] blocks (pyproject.toml) that mypy needs to read the _pb2 "
        "modules the generated trees import, from what their installed packages ship (py.typed, .pyi stubs).",
    )
    parser.add_argument(
        "--config", type=Path, action="append", help=f"TOML configuration, repeatable (default: {DEFAULT_CONFIG})"
    )
    return parser


def _mypy_config(arguments: argparse.Namespace) -> int:
    modules: set[str] = set()
    for path in arguments.config or [DEFAULT_CONFIG]:
        config = load_config(path)
        if config.compat_table is None:  # a compatibility family imports its IDL tree's modules, no others
            modules |= mypy_config.pb2_modules(load.build_tree(sources.read(config.source), config))
    blocks, missing = mypy_config.overrides(modules)
    for module in missing:
        print(f"codegen: {module} is not installed here; install its package and run again", file=sys.stderr)
    print("\n".join(block.toml() for block in blocks), end="")
    if not blocks and not missing:
        print("# mypy needs no overrides: every _pb2 module the trees import ships its types (py.typed)")
    return 1 if missing else 0
