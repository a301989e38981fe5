"""Model → Python source text, through Jinja templates that only loop and print."""

from __future__ import annotations

from pathlib import Path

import jinja2

from codegen.model.nodes import File, Package, Tree

_TEMPLATES = Path(__file__).parent / "templates"


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # we emit Python, not HTML
    )


def render_tree(tree: Tree, runtime: str) -> dict[str, str]:
    """Relative output path → unformatted source, for every file of the tree."""
    env = environment()
    sources = {file.path: render_file(env, file, runtime) for file in tree.files}
    sources.update({package.path: render_package(env, package) for package in tree.packages})
    sources[tree.index_path] = env.get_template("index.py.j2").render(tree=tree, runtime=runtime)
    if tree.has_base:
        sources[tree.base_path] = env.get_template("base.py.j2").render(tree=tree, runtime=runtime)
    return sources


def render_file(env: jinja2.Environment, file: File, runtime: str) -> str:
    return env.get_template("module.py.j2").render(file=file, runtime=runtime)


def render_package(env: jinja2.Environment, package: Package) -> str:
    return env.get_template("package.py.j2").render(package=package)
