"""``python -m apidocs``: write the page sources, then build the site with MkDocs (``make docs``)."""

from __future__ import annotations

import argparse
import logging
import shutil
import time
from pathlib import Path
from typing import Any

from apidocs import api, guide

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "mkdocs.yml"
# The page sources (mkdocs.yml's docs_dir; git-ignored, rewritten on every build).
PAGES_DIR = REPO / "build/docs/pages"
# What mkdocstrings reads (mkdocs.yml's python handler paths): src/ and generated/ joined into one package.
PYTHON_DIR = REPO / "build/docs/python"
# Extra pages that are not README sections: (path in the repository, page path, nav title).
EXTRA_GUIDES = (("docs/flytekit_compat.md", "guide/flytekit-compatibility-table.md", "flytekit compatibility table"),)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m apidocs", description=__doc__)
    parser.add_argument("--pages-only", action="store_true", help="write the page sources, do not build")
    parser.add_argument("--only", action="append", default=[], help="API pages of these packages only (repeatable)")
    return parser.parse_args()


def write_pages(pages_dir: Path, only: list[str]) -> list[Any]:
    """Write every page source into ``pages_dir`` (emptied first) and return the nav."""
    if pages_dir.exists():
        shutil.rmtree(pages_dir)
    api.link_package([REPO / "src/flytemodels", REPO / "generated/flytemodels"], PYTHON_DIR / "flytemodels")
    guides = _write_guides(pages_dir)
    return [*guides, {"API reference": _write_api(pages_dir, only)}]


def _write_guides(pages_dir: Path) -> list[Any]:
    nav: list[Any] = []
    for page in guide.split_readme((REPO / "README.md").read_text(encoding="utf-8")):
        for copy in guide.relink(page, REPO):
            _write(pages_dir / copy, (REPO / copy).read_bytes())
        _write(pages_dir / page.path, page.text.encode())
        nav.append({page.title: page.path})
    for source, path, title in EXTRA_GUIDES:
        _write(pages_dir / path, (REPO / source).read_bytes())
        nav.append({title: path})
    return [nav[0], {"Guide": nav[1:]}]


def _write_api(pages_dir: Path, only: list[str]) -> list[Any]:
    _write(pages_dir / "api/base-classes.md", api.base_classes_page().encode())
    families: dict[str, list[Any]] = {}
    for package in api.find_packages(REPO / "generated"):
        if only and package.name not in only:
            continue
        _write(pages_dir / package.page, api.package_page(package).encode())
        families.setdefault(package.family, []).append({package.name: package.page})
    return [{"Base classes": "api/base-classes.md"}, *({f: families[f]} for f in api.FAMILIES if f in families)]


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def build(nav: list[Any]) -> None:
    """Build the site as ``mkdocs build`` would, with the nav of the pages just written."""
    # Imported here: --pages-only works without MkDocs.
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(config_file=str(CONFIG), nav=nav)
    if Path(config.docs_dir) != PAGES_DIR:
        raise SystemExit(f"mkdocs.yml's docs_dir is {config.docs_dir}; python -m apidocs writes {PAGES_DIR}")
    mkdocs_build(config)


def main() -> None:
    arguments = _arguments()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    started = time.perf_counter()
    nav = write_pages(PAGES_DIR, arguments.only)
    print(f"pages written to {PAGES_DIR.relative_to(REPO)} in {time.perf_counter() - started:.1f} s")
    if not arguments.pages_only:
        build(nav)
        print(f"site built in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
