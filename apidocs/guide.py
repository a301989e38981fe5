"""Guide pages cut from README.md: its introduction is the home page, each ``##`` section a page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# A Markdown link or image target: ``](target)`` (titles and angle brackets do not occur in the README).
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")


@dataclass
class Page:
    """A guide page: its path under the docs directory, its title and its Markdown."""

    path: str
    title: str
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines).strip() + "\n"


def split_readme(readme: str) -> list[Page]:
    """The introduction (up to the first ``##``) as ``index.md``, then one ``guide/<slug>.md`` per section.

    A section's headings move up one level, so its ``##`` title becomes the page's ``#``. Lines inside
    fenced code blocks are never headings (the README's examples have ``#`` comments).
    """
    pages = [Page("index.md", "Home")]
    in_fence = False
    for line in readme.splitlines():
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        elif not in_fence and line.startswith("## "):
            title = line[3:].strip()
            pages.append(Page(f"guide/{slug(title)}.md", _plain(title)))
        if not in_fence and line.startswith("##") and len(pages) > 1:
            line = line[1:]
        pages[-1].lines.append(line)
    return pages


def slug(title: str) -> str:
    """``flytekit drop-in: `flytemodels.flytekit``` -> ``flytekit-drop-in-flytemodels-flytekit``."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def _plain(title: str) -> str:
    return title.replace("`", "")


def relink(page: Page, repo: Path) -> set[str]:
    """Point the page's links to repository files at copies beside the pages; returns the files to copy.

    The README links files by their path in the repository (``bench/results.png``); a guide page sits
    one directory down, so the link gains a ``../`` and the file is copied to the same path in the site.
    """
    copies: set[str] = set()
    depth = page.path.count("/")

    def rewrite(match: re.Match[str]) -> str:
        target = match.group(1)
        if "://" in target or target.startswith("#") or not (repo / target).is_file():
            return match.group(0)
        copies.add(target)
        return f"]({'../' * depth}{target})"

    page.lines = [LINK_TARGET.sub(rewrite, line) for line in page.lines]
    return copies
