"""The family model → Python source text, through templates that only loop and print."""

from __future__ import annotations

from codegen.compat.model import Family
from codegen.inputs.config import RUNTIME
from codegen.render.templating import environment


def render_family(family: Family, table: str) -> dict[str, str]:
    """Relative output path → unformatted source, for every module and package of the family."""
    env = environment()
    module_template = env.get_template("compat_module.py.j2")
    sources = {
        m.path: module_template.render(module=m, family=family, table=table, runtime=RUNTIME) for m in family.modules
    }
    package_template = env.get_template("compat_package.py.j2")
    for package in family.packages:
        mirrored = family.source.split()[0] + package.name.removeprefix(family.package)
        doc = f"``{package.name}``: mirrors ``{mirrored}``."
        sources[package.path] = package_template.render(family=family, table=table, doc=doc, package=package)
    sources[family.index_path] = env.get_template("compat_index.py.j2").render(family=family, table=table)
    return sources
