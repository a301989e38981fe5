"""The docs site's page sources (apidocs), without building the site: no MkDocs or browser needed."""

from __future__ import annotations

from pathlib import Path

from apidocs import api, guide

REPO = Path(__file__).resolve().parent.parent

README = """# name

Intro.

## Set-up

```sh
## not a heading inside a fence
make test
```

### Details

![chart](bench/results.png) and [a site](https://example.org/x.png).

## `flytemodels.v2`: the second tree

Text.
"""


def test_the_readme_is_cut_at_its_sections_outside_code_blocks() -> None:
    pages = guide.split_readme(README)

    assert [(p.path, p.title) for p in pages] == [
        ("index.md", "Home"),
        ("guide/set-up.md", "Set-up"),
        ("guide/flytemodels-v2-the-second-tree.md", "flytemodels.v2: the second tree"),
    ]
    assert pages[0].text == "# name\n\nIntro.\n"
    setup = pages[1].text
    assert setup.startswith("# Set-up\n")
    assert "## not a heading inside a fence" in setup  # fenced lines are left alone
    assert "\n## Details\n" in setup  # headings move up one level with the section


def test_links_to_repository_files_point_at_their_copies_beside_the_pages() -> None:
    setup = guide.split_readme(README)[1]

    copies = guide.relink(setup, REPO)

    assert copies == {"bench/results.png"}
    assert "![chart](../bench/results.png)" in setup.text
    assert "[a site](https://example.org/x.png)" in setup.text


def test_every_generated_package_gets_a_page_in_its_family() -> None:
    packages = {p.name: p for p in api.find_packages(REPO / "generated")}

    core = packages["flytemodels.core"]
    assert "flytemodels.core.literals" in core.modules
    assert core.family == "flyteidl (flytemodels)"
    assert packages["flytemodels.v2.core"].family == "flyteidl2 (flytemodels.v2)"
    assert packages["flytemodels.flytekit.core"].family == "flytekit family (flytemodels.flytekit)"
    assert "flytemodels.v2" not in packages  # no modules of its own: nothing to show
    assert "::: flytemodels.core.identifier\n" in api.package_page(core)
