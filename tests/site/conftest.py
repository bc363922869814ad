"""Fixtures of the website tests: a fresh build of the site (``make book``), a small HTTP server
on 127.0.0.1 serving it, and one crawl of every page in headless Chromium whose findings the
tests assert on (one test per page and concern, so a failure names both). Each page is loaded
once: every check that needs a browser (measures at two widths, axe-core, the explorers moved,
the menu used) runs on that load; a step that fails is recorded, and fails only its tests.

The site is built with the builder's interpreter (``support.venvs.site_python()``: $SITE_PYTHON,
else .venv-instructor's, where ``make book`` installs the ``site`` extra beside nbgrader, else
this one).
Without Chromium (or playwright, or the builder packages of the ``site`` extra) the browser tests
are skipped with a loud reason, unless CI=true or REQUIRE_BROWSER=1, where that is a failure.
The notebook metadata test (test_alt_text.py) needs none of them.
"""
import functools
import http.server
import json
import subprocess
import threading
from urllib.parse import unquote, urlsplit

import pytest

from project_paths import BOOK, NOTEBOOKS, ROOT, SITE, TOOLS
from support.labserver import banner, browser_required, chromium_session
from support.site import (
    AXE,
    CHROME_PAGE,
    FRAMES,
    PAGES,
    SCREENSHOTS,
    site_unavailable,
    unavailable_or_fail,
)
from support.venvs import site_python

SCREENSHOT_PAGES = {"00-index.html", "02-sliding-window-feature-maps.html",
                    "04-convolution-as-matrix-multiplication.html", "search.html"}


def pytest_report_header(config):
    reason = site_unavailable()
    if reason is None:
        return None
    verdict = "FAIL (CI=true or REQUIRE_BROWSER=1)" if browser_required() else "SKIPPED"
    return banner(f"WEBSITE TESTS {verdict}: {reason}")


def pytest_terminal_summary(terminalreporter):
    reason = site_unavailable()
    if reason is not None:
        verdict = "FAILED" if browser_required() else "SKIPPED"
        terminalreporter.write_line(banner(f"WEBSITE TESTS {verdict}: {reason}"))
    elif SCREENSHOTS.is_dir():
        terminalreporter.write_line(f"website screenshots in {SCREENSHOTS.relative_to(ROOT)}/")


def _fresh():
    """The built site is newer than every notebook, every file of book/, its build script and
    helpers/ (whose explorers draw the frames)."""
    stamp = SITE / "index.html"
    if not stamp.exists():
        return False
    sources = [*NOTEBOOKS.glob("*.ipynb"), *BOOK.rglob("*.*"), *(ROOT / "helpers").rglob("*.py"),
               TOOLS / "build_book.py"]
    return all(stamp.stat().st_mtime >= src.stat().st_mtime for src in sources)


@pytest.fixture(scope="session")
def site():
    """build/book/html, rebuilt (tools/build_book.py, as make book does) unless already fresh."""
    unavailable_or_fail()
    if not _fresh():
        subprocess.run([site_python(), str(TOOLS / "build_book.py")], check=True, cwd=ROOT)
    return SITE


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    """The site served as a static folder on 127.0.0.1, a free port: its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser(site):
    yield from chromium_session()


@pytest.fixture(scope="session")
def new_page(browser, server):
    """A function opening a fresh page that records every request and console error."""
    opened = []

    def open_page():
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.requests, page.console_errors = [], []
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and page.console_errors.append(
            f"console: {m.text} ({m.location.get('url', '')})"))
        page.on("pageerror", lambda e: page.console_errors.append(f"page error: {e}"))
        opened.append(page)
        return page

    yield open_page
    for page in opened:
        page.close()


# What each page shows once loaded and typeset: read in the browser, asserted by the tests.
READ_PAGE_JS = """() => {
  const maths = [...document.querySelectorAll('.math')];
  return {
    text: document.body.innerText,
    maths: maths.length,
    untypeset: maths.filter(m => !m.querySelector('mjx-container'))
                    .map(m => m.textContent.slice(0, 80)),
    imgs: [...document.images].map(i => ({src: i.getAttribute('src'),
                                          alt: i.getAttribute('alt'),
                                          loaded: i.complete && i.naturalWidth > 0})),
    links: [...document.querySelectorAll('a[href]')].map(a => a.href),
    code_cells: document.querySelectorAll('.cell_input pre').length,
    copy_buttons: document.querySelectorAll('.cell_input button.copybtn').length,
    sidebar: [...document.querySelectorAll('nav.bd-links a.reference.internal')]
               .map(a => a.getAttribute('href')),
    prev_next: [...document.querySelectorAll('a.left-prev, a.right-next')]
                 .map(a => a.getAttribute('href')),
  };
}"""

# What is wider than its box, at the current width: the page itself, code blocks and outputs
# (with their longest line, in characters), display maths (and whether it can scroll), figures.
MEASURE_JS = """() => {
  const over = e => e.scrollWidth > e.clientWidth + 1;
  const scrolls = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
  const label = e => e.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60);
  const longest = e => Math.max(0, ...e.textContent.split('\\n').map(line => line.length));
  const wide = sel => [...document.querySelectorAll(sel)].filter(over);
  return {
    page: document.documentElement.scrollWidth > window.innerWidth,
    code: wide('.bd-article pre').map(e => ({longest: longest(e), text: label(e)})),
    outputs: wide('.bd-article .cell_output > :not(.highlight-myst-ansi)').map(label),
    maths: wide('.bd-article div.math, .bd-article mjx-container[display="true"]')
      .map(e => ({scrolls: scrolls(e), focusable: e.tabIndex >= 0, text: label(e)})),
    figures: [...document.querySelectorAll('.bd-article .cell_output img')].map(i => ({
      src: i.getAttribute('src'), drawn: Number(i.getAttribute('width')),
      shown: i.getBoundingClientRect().width,
      column: i.closest('.cell_output').getBoundingClientRect().width,
      link: i.closest('a.image-reference')?.getAttribute('href')})),
  };
}"""

WAIT_FOR_MATHJAX_JS = """async () => {
  // The maths is typeset when the site is built (book/site_maths.py); MathJax runs in the page
  // only where node was missing at build time.
  if (!document.querySelector('script[src*="mathjax/"]')) return true;
  for (let i = 0; i < 200 && !(window.MathJax && MathJax.startup && MathJax.startup.promise); i++)
    await new Promise(r => setTimeout(r, 50));
  await MathJax.startup.promise;
  return true;
}"""

LOAD_ALL_IMAGES_JS = """async () => {
  const imgs = [...document.images];
  imgs.forEach(i => { i.loading = 'eager'; });
  await Promise.all(imgs.map(i => i.complete ? null
    : new Promise(done => { i.onload = i.onerror = done; })));
}"""

AXE_JS = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       where: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""


def _bytes(urls, server):
    """{path: size} of what the page fetched from the site (the files it was served from)."""
    sizes = {}
    for url in urls:
        path = SITE / unquote(urlsplit(url).path.lstrip("/"))
        if url.startswith(server) and FRAMES not in url and path.is_file():
            sizes[path.relative_to(SITE).as_posix()] = path.stat().st_size
    return sizes


def _recorded(stage, *args):
    """What a stage of a page's visit found, or the error it met: recorded, not raised, so the
    tests of that page and stage fail with it and every other test still runs."""
    try:
        return stage(*args)
    except Exception as error:
        return {"error": f"{type(error).__name__}: {error}"}


# A resized page laid out again: a frame, its resize handlers' turn, then every transition the
# resize started run to its end (the theme slides its sidebar away below 960 px).
SETTLE_JS = """async () => {
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)));
  await Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map(a => a.finished.catch(() => null)));
}"""


def _settle(page):
    page.evaluate(SETTLE_JS)


def _visible(page, selector):
    return page.eval_on_selector_all(selector, """els => els.filter(e => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    }).length""")


def _chrome(page):
    """The page's chrome: search fields and previous/next bars shown, and whether the
    notebooks' own navigation lines are there."""
    return {"search_fields": _visible(page, ".search-button__button"),
            "prev_next_bars": page.locator(".prev-next-area").count(),
            "own_navigation": "| Contents |" in page.inner_text(".bd-article")}


def _menu(page, width):
    """The menu used as a reader uses it: on a phone it opens the contents (closed at first)
    and Escape closes them; on a laptop it hides the sidebar and shows it again."""
    errors = len(page.console_errors)
    buttons = page.locator("button.primary-toggle")
    if width < 500:
        found = {"contents_links_closed": _visible(page, "nav.bd-links a"),
                 "menu_buttons": buttons.count()}
        buttons.click()
        page.wait_for_selector("dialog#pst-primary-sidebar-modal[open] nav.bd-links a",
                               state="visible", timeout=5_000)
        found["contents_links_open"] = _visible(page, "nav.bd-links a")
        page.screenshot(path=str(SCREENSHOTS / "menu-open-390.png"))
        page.keyboard.press("Escape")
        page.wait_for_selector("dialog#pst-primary-sidebar-modal[open]", state="detached")
    else:
        sidebar = page.locator("#pst-primary-sidebar")
        found = {"sidebar_at_start": sidebar.is_visible()}
        buttons.click()
        sidebar.wait_for(state="hidden")
        buttons.click()
        sidebar.wait_for(state="visible")
    found["console_errors"] = page.console_errors[errors:]
    return found


def _printed(page):
    """How many code blocks run off a printed page (print media, 600 px)."""
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 600, "height": 900})
    return page.eval_on_selector_all(
        ".bd-article pre", "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).length")


# What an explorer shows: the index of its frame, the frame's file and its label.
EXPLORER_SHOWS_JS = """figure => ({
  k: Number(figure.dataset.shown || figure.querySelector('input').value),
  src: figure.querySelector('img').getAttribute('src'),
  label: figure.querySelector('output').innerText})"""


def _explorer_moves(page, figure):
    """One explorer used as a reader uses it; what it shows after each move."""
    def shows():
        return figure.evaluate(EXPLORER_SHOWS_JS)

    slider = figure.locator("input[type=range]")
    found = {"frames": json.loads(figure.get_attribute("data-frames")),
             "caption": figure.locator("figcaption").inner_text(),
             "slider_label": slider.evaluate(
                 "s => s.labels.length ? s.labels[0].textContent.trim() : ''"),
             "start": shows()}
    slider.focus()
    page.keyboard.press("End")
    found["end"] = shows()
    page.keyboard.press("ArrowLeft")
    found["one_back"] = shows()
    box = slider.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, y, steps=4)          # dragged halfway
    page.mouse.up()
    found["dragged_halfway"] = shows()
    found["picked"] = []                                              # the text's settings
    for value in figure.locator("select option").evaluate_all(
            "options => options.map(o => o.value).filter(v => v)"):
        figure.locator("select").select_option(value)
        found["picked"].append([value, shows()])
    return found


def _explorers(page):
    """Every explorer of the page, moved: {"figures": [what each showed], "console_errors"}."""
    errors = len(page.console_errors)
    figures = page.locator("figure.explorer")
    moved = [_explorer_moves(page, figures.nth(n)) for n in range(figures.count())]
    return {"figures": moved, "console_errors": page.console_errors[errors:]}


def _visit(page, name, server):
    """One page loaded once, cold, and everything the tests ask of it, each step after those
    whose measures it could disturb: at 1280 px what the page requested, logged, shows, weighs
    and measures, axe-core's findings, then (on CHROME_PAGE) its chrome and menu, then its
    explorers moved; at 390 px its measures, then (CHROME_PAGE) its chrome and menu; last
    (CHROME_PAGE) its code printed. Moving an explorer swaps its frame for one of the same
    size, and the menu at 1280 px ends as it started, so the 390 px measures are unchanged."""
    response = page.goto(server + name, wait_until="networkidle")
    page.evaluate(WAIT_FOR_MATHJAX_JS)
    page.wait_for_load_state("networkidle")
    cold = _bytes(page.requests, server)          # figures load lazily: then all of them
    page.evaluate(LOAD_ALL_IMAGES_JS)
    found = {"status": response.status, **page.evaluate(READ_PAGE_JS),
             "requests": list(page.requests), "bytes": cold,
             "console_errors": list(page.console_errors),
             "wide": page.evaluate(MEASURE_JS)}
    if AXE.is_file():
        page.add_script_tag(path=str(AXE))
        found["axe"] = page.evaluate(AXE_JS)
    shot = name in SCREENSHOT_PAGES and SCREENSHOTS / name.replace(".html", "")
    if shot:
        page.screenshot(path=f"{shot}-1280.png")
    chrome = name == CHROME_PAGE
    if chrome:
        found["chrome"] = {1280: _recorded(_chrome, page)}
        found["menu"] = {1280: _recorded(_menu, page, 1280)}
    found["explorers"] = _recorded(_explorers, page)
    page.set_viewport_size({"width": 390, "height": 844})
    _settle(page)
    found["narrow"] = page.evaluate(MEASURE_JS)
    if shot:
        page.screenshot(path=f"{shot}-390.png")
    if chrome:
        found["chrome"][390] = _recorded(_chrome, page)
        found["menu"][390] = _recorded(_menu, page, 390)
        found["printed_wide_code"] = _recorded(_printed, page)
    return found


@pytest.fixture(scope="session")
def crawl(new_page, server):
    """Every page of PAGES loaded once, cold, in a fresh page: {page name: what ``_visit``
    found}. The tests assert on it, one test per page and concern."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    found = {}
    for name in PAGES:
        page = new_page()
        found[name] = _visit(page, name, server)
        page.close()
    return found
