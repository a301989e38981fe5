"""The built API reference site, opened in headless Chromium: search, a message's fields, cross-links.

`make docs` builds ``site/`` and then runs this module. Under `make test` (CI) the site is not built and
the module skips; it also skips where Playwright (the ``docs`` extra) or a Chromium binary is missing.
Playwright drives the system's Chromium (Debian's ``chromium`` package) through its executable path:
its own browser download is never used. Screenshots of the pages checked go to build/docs/screenshots/.
"""

from __future__ import annotations

import functools
import importlib
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "site"
SCREENSHOTS = REPO / "build/docs/screenshots"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
# Search loads a 2 MB index into a web worker before it answers; on a loaded 2-core machine that takes seconds.
SEARCH_TIMEOUT_MS = 60_000

if not (SITE / "index.html").is_file():
    pytest.skip("the docs site is not built: `make docs` builds site/ and runs this test", allow_module_level=True)
if CHROMIUM is None:
    pytest.skip(
        "no Chromium found (set CHROMIUM to its path, or `apt-get install chromium` on Debian)",
        allow_module_level=True,
    )
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is in the docs extra: `make docs`")
expect = playwright.expect


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test's output to the test's own messages."""


@pytest.fixture(scope="module")
def site_url() -> Iterator[str]:
    """The site served over HTTP on the loopback: search runs in a web worker, which file:// URLs forbid."""
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 1200})
    yield context.new_page()
    context.close()


def search(page: Any, site_url: str, query: str) -> None:
    """Type ``query`` into the header's search box on the home page and wait for the first results."""
    page.goto(site_url)
    box = page.get_by_role("textbox", name="Search")
    box.click()
    box.press_sequentially(query, delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=SEARCH_TIMEOUT_MS)


def open_result(page: Any, anchor: str) -> None:
    """Click the search result that links to ``#anchor``, opening "more on this page" when it is folded there."""
    link = page.locator(f'a.md-search-result__link[href$="#{anchor}"]').first
    expect(link).to_be_attached(timeout=SEARCH_TIMEOUT_MS)
    if not link.is_visible():
        group = page.locator("li.md-search-result__item").filter(has=link)
        group.locator("details.md-search-result__more > summary").click()
    link.click()
    page.wait_for_url(f"**#{anchor}")


def documented_object(page: Any, anchor: str) -> Any:
    """The block mkdocstrings renders for one object: its heading (``id`` = the object's path) and contents."""
    return page.locator("div.doc-object").filter(has=page.locator(f'[id="{anchor}"]')).last


def _first_line_of_doc(message: str, field: str) -> str:
    """The first line of a property's docstring (the IDL's comment, or its type and number)."""
    module, name = message.rsplit(".", 1)
    doc = getattr(getattr(importlib.import_module(module), name), field).__doc__ or ""
    return doc.strip().splitlines()[0].replace("``", "")  # as rendered: ``name`` is code, shown without the marks


@pytest.mark.parametrize(
    ("query", "message", "field"),
    [
        ("Identifier", "flytemodels.core.identifier.Identifier", "project"),
        ("LiteralMap", "flytemodels.core.literals.LiteralMap", "literals"),
    ],
)
def test_search_finds_a_message_and_its_field_documentation_shows(
    page: Any, site_url: str, query: str, message: str, field: str
) -> None:
    field_doc = _first_line_of_doc(message, field)
    search(page, site_url, query)
    open_result(page, message)

    heading = page.locator(f'[id="{message}"]')
    expect(heading).to_be_visible()
    expect(heading).to_contain_text(message.rsplit(".", 1)[-1])
    expect(page).to_have_title(f"{message.rsplit('.', 2)[0]} - flytemodels")
    field_block = documented_object(page, f"{message}.{field}")
    expect(field_block).to_be_visible()
    expect(field_block).to_contain_text(field_doc)
    _screenshot(page, message)


def test_a_field_type_links_to_its_message(page: Any, site_url: str) -> None:
    """``LiteralMap(literals: Mapping[str, Literal] ...)``: the annotation's ``Literal`` is the override's entry."""
    page.goto(f"{site_url}api/flytemodels.core/#flytemodels.core.literals.LiteralMap")
    signature = documented_object(page, "flytemodels.core.literals.LiteralMap").locator(".doc-signature").first
    signature.get_by_role("link", name="Literal", exact=True).click()
    page.wait_for_url("**#flytemodels.core.literals.Literal")
    literal = documented_object(page, "flytemodels.core.literals.Literal")
    expect(literal).to_contain_text("A value of any Flyte type")  # the hand-written override's docstring
    expect(literal).to_contain_text("Bases: LiteralBase")


def test_a_message_in_another_package_links_across_pages(page: Any, site_url: str) -> None:
    """An admin message's field typed with a core message links to the core page."""
    anchor = "flytemodels.admin.execution.ExecutionSpec.launch_plan"
    page.goto(f"{site_url}api/flytemodels.admin/#{anchor}")
    documented_object(page, anchor).get_by_role("link", name="Identifier", exact=True).first.click()
    page.wait_for_url("**/api/flytemodels.core/#flytemodels.core.identifier.Identifier")
    expect(page.locator('[id="flytemodels.core.identifier.Identifier"]')).to_be_visible()


def test_the_readme_guide_pages_are_in_the_nav(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.locator("nav.md-nav--primary").get_by_role("link", name="Architecture", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Architecture")
    expect(page.locator("article")).to_contain_text("One module per .proto file")


def _screenshot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
