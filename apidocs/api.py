"""One API page per package of the generated tree, plus one for the hand-written base classes."""

from __future__ import annotations

import ast
import shutil
from dataclasses import dataclass
from pathlib import Path

# Hand-written classes every model builds on (src/flytemodels), documented on a page of their own.
BASE_OBJECTS = (
    "flytemodels._runtime.message.Message",
    "flytemodels._runtime.enums.OpenEnum",
    "flytemodels.errors",
    "flytemodels._flytekit.entity.FlytekitModel",
    "flytemodels._flytekit.entity.FlyteIdlEntity",
    "flytemodels._flytekit.holders.Holder",
    "flytemodels._flytekit.alias.install",
)


# Nav sections in order, each with the package prefix it holds: a package goes in the longest that matches.
FAMILIES = {
    "flyteidl (flytemodels)": "flytemodels",
    "flyteidl2 (flytemodels.v2)": "flytemodels.v2",
    "flytekit family (flytemodels.flytekit)": "flytemodels.flytekit",
}


@dataclass(frozen=True)
class Package:
    """A directory of the generated tree holding model modules: ``flytemodels.core`` and its modules."""

    name: str
    modules: tuple[str, ...]
    summary: str

    @property
    def family(self) -> str:
        """The nav section the page goes in (a key of ``FAMILIES``)."""
        dotted = f"{self.name}."
        matches = [(len(prefix), title) for title, prefix in FAMILIES.items() if dotted.startswith(f"{prefix}.")]
        return max(matches)[1]

    @property
    def page(self) -> str:
        """The page's path under the docs directory."""
        return f"api/{self.name}.md"


def link_package(trees: list[Path], target: Path) -> None:
    """Lay out ``target`` as the wheel does: one directory whose entries are links into each tree.

    ``src/flytemodels`` has an ``__init__.py``, so a static reader that finds it there never looks
    for ``generated/flytemodels``; at run time ``flytemodels/__init__.py`` joins the two.
    """
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for tree in trees:
        for entry in sorted(tree.iterdir()):
            if entry.name == "__pycache__":
                continue
            if (target / entry.name).exists():
                raise ValueError(f"{entry} and another tree both define flytemodels/{entry.name}")
            (target / entry.name).symlink_to(entry.resolve(), target_is_directory=entry.is_dir())


def find_packages(generated: Path) -> list[Package]:
    """Every package under ``generated`` that holds at least one public module, in name order."""
    packages = []
    for init in sorted(generated.rglob("__init__.py")):
        directory = init.parent
        modules = tuple(sorted(p.stem for p in directory.glob("*.py") if not p.stem.startswith("_")))
        if modules:
            name = ".".join(directory.relative_to(generated).parts)
            packages.append(Package(name, tuple(f"{name}.{m}" for m in modules), _docstring(init)))
    return packages


def _docstring(path: Path) -> str:
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""


def package_page(package: Package) -> str:
    """The page's Markdown: the package's docstring, then one directive per module (its classes below it)."""
    lines = [f"# {package.name}", "", package.summary, ""]
    for module in package.modules:
        lines += [f"::: {module}", ""]
    return "\n".join(lines)


def base_classes_page() -> str:
    """The hand-written base classes: the methods every model has, and the flytekit family's helpers."""
    lines = [
        "# Base classes",
        "",
        "Every IDL-family model subclasses `Message` and every enum `OpenEnum`; the flytekit family's",
        "classes subclass `FlytekitModel`. Their methods are documented here once, not on each model.",
        "",
    ]
    for name in BASE_OBJECTS:
        lines += [f"::: {name}", ""]
    return "\n".join(lines)
