"""The website (make book) in headless Chromium, served from 127.0.0.1: every page loads with
no console error and no request outside the site, its maths typeset by the MathJax the site
serves itself, its links resolving (pages and #fragments), every <img> with real alt text; the
search page finds "Toeplitz". Screenshots of a few pages go to build/screenshots/site/.
"""
import functools
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from project_paths import SITE
from support.site import PAGES, SCREENSHOTS

pytestmark = pytest.mark.browser
RAW_MATH = ["$$", "\\frac", "\\sum", "\\begin{", "\\(", "\\["]


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_console_errors(crawl, name):
    assert crawl[name]["status"] == 200
    assert not crawl[name]["console_errors"], "\n".join(crawl[name]["console_errors"])


@pytest.mark.parametrize("name", PAGES)
def test_page_requests_nothing_outside_the_site(crawl, server, name):
    outside = [url for url in crawl[name]["requests"]
               if not url.startswith(server) and not url.startswith(("data:", "blob:"))]
    assert not outside, "requests outside the site (it must work offline):\n" + "\n".join(outside)


@pytest.mark.parametrize("name", PAGES)
def test_maths_is_typeset(crawl, name):
    found = crawl[name]
    assert not found["untypeset"], f"maths left untypeset: {found['untypeset'][:5]}"
    raw = [token for token in RAW_MATH if token in found["text"]]
    assert not raw, f"raw TeX in the visible text of {name}: {raw}"


def test_the_notebook_pages_have_typeset_maths(crawl):
    assert sum(crawl[name]["maths"] for name in PAGES) > 100


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for key, value in attrs if key in ("id", "name") and value)


@functools.lru_cache(maxsize=None)
def _ids(path):
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.ids


@pytest.mark.parametrize("name", PAGES)
def test_internal_links_resolve(crawl, server, name):
    broken = []
    for url in crawl[name]["links"]:
        if not url.startswith(server):
            continue                          # links out of the site are followed by readers only
        parts = urlsplit(url)
        target = SITE / unquote(parts.path.lstrip("/"))
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            broken.append(f"{url}: no such file")
        elif parts.fragment and target.suffix == ".html" and \
                unquote(parts.fragment) not in _ids(target):
            broken.append(f"{url}: no id {parts.fragment!r} in {target.name}")
    assert not broken, "broken links:\n" + "\n".join(broken)


@pytest.mark.parametrize("name", PAGES)
def test_every_image_has_alt_text(crawl, name):
    # The alt text comes from the cells' metadata (tests/site/test_alt_text.py); without it
    # Sphinx writes the image's file name as its alt, which counts as missing here.
    imgs = crawl[name]["imgs"]
    assert all(img["loaded"] for img in imgs), [img["src"] for img in imgs if not img["loaded"]]
    missing = [img["src"] for img in imgs
               if not (img["alt"] or "").strip()
               or Path(img["alt"]).name == Path(img["src"] or "").name
               or re.fullmatch(r"\S+\.(png|jpe?g|svg|gif)", img["alt"].strip())]
    assert not missing, (f"{len(missing)} of {len(imgs)} <img> in {name} have no alt text "
                         f"(only their file name): {missing}")


def test_the_landing_page_is_00_index_with_every_notebook_in_order(crawl, new_page, server):
    page = new_page()
    page.goto(server, wait_until="commit")
    page.wait_for_url("**/00-index.html", wait_until="commit")     # index.html redirects
    notebooks = [name for name in PAGES if name[:2].isdigit()]
    # the sidebar (of the last page, which links to itself as "#"), as the crawl found it
    sidebar = [notebooks[-1] if href == "#" else href for href in crawl[notebooks[-1]]["sidebar"]]
    assert [href for href in sidebar if href in notebooks] == notebooks, sidebar
    # previous/next links walk the same order
    assert crawl[notebooks[1]]["prev_next"] == [notebooks[0], notebooks[2]]


def test_widgets_are_replaced_by_a_note(crawl):
    notes = 0
    for name in PAGES:
        text = crawl[name]["text"]
        assert not re.search(r"\b(VBox|HBox|interactive|IntProgress)\(", text), name
        notes += text.count("Interactive in JupyterLab")
    assert notes >= 1


def test_the_site_is_the_student_version(crawl):
    # notebooks/ holds the answers (instructor version); the published pages must not
    for name in PAGES:
        text = crawl[name]["text"]
        assert not re.search(r"BEGIN (SOLUTION|HIDDEN TEST)|END SOLUTION", text), name
    assert "YOUR CODE HERE" in crawl["02-sliding-window-feature-maps.html"]["text"]


def test_search_finds_toeplitz(new_page, server):
    page = new_page()
    page.goto(server + "search.html?q=Toeplitz", wait_until="load")
    page.wait_for_selector("#search-results ul.search li", timeout=30_000)
    results = page.eval_on_selector_all(
        "#search-results ul.search li a", "links => links.map(a => a.getAttribute('href'))")
    page.wait_for_function("() => /Search finished/.test(document.body.innerText)")
    try:            # the snippets' maths is typeset too (book/_static/search-maths.js)
        page.wait_for_function(r"() => !/\\\(|\$\$/.test(document.body.innerText)",
                               timeout=10_000)
    except Exception:
        pytest.fail("raw TeX left in the search results: "
                    + page.inner_text("#search-results")[:300])
    page.screenshot(path=str(SCREENSHOTS / "search-toeplitz.png"))
    assert any(href.startswith("04-convolution-as-matrix-multiplication") for href in results), \
        results
    assert not page.console_errors, page.console_errors
