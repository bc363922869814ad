"""What the website tests (tests/site) share: the pages to crawl, where screenshots go, the
figures of a notebook, axe-core, and whether the builder and the browser are here to test with."""
import functools
import subprocess

from project_paths import BUILD, NOTEBOOKS
from support.labserver import browser_unavailable, skip_or_fail
from support.venvs import site_python

SCREENSHOTS = BUILD / "screenshots" / "site"
NOTEBOOK_PAGES = [nb.stem + ".html" for nb in sorted(NOTEBOOKS.glob("*.ipynb"))]
PAGES = NOTEBOOK_PAGES + ["search.html"]
# the page whose chrome (menu, search field, previous/next bar, print) the crawl uses and measures
CHROME_PAGE = "02-sliding-window-feature-maps.html"
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml", "image/gif")
# axe-core, the accessibility checker, fetched from npm by the Makefile
AXE = BUILD / "axe.min.js"
# what a page may weigh on a cold load (explorer frames aside: URLs with /frames/ in them)
PAGE_BYTES, SITE_BYTES, FRAMES = 1_200_000, 10_000_000, "/_explorers/"   # explorer frames


@functools.cache
def builder_unavailable():
    """Why the website cannot be built here (the ``site`` extra is missing), or None. Asked
    once per run, of the builder's interpreter, which finds the packages without importing
    them (importing nbgrader and Sphinx takes seconds)."""
    packages = ("myst_nb", "sphinx", "nbgrader", "sphinx_copybutton")
    check = [site_python(), "-c", "import importlib.util, sys; sys.exit(any("
             f"importlib.util.find_spec(p) is None for p in {packages!r}))"]
    if subprocess.run(check, capture_output=True).returncode != 0:
        return ("the site builder (the `site` extra: sphinx, myst-nb, ...) is missing "
                "(make book installs it); the website tests did NOT run")
    return None


def site_unavailable():
    return browser_unavailable() or builder_unavailable()


def unavailable_or_fail():
    """Skip a website test (fail it under CI=true or REQUIRE_BROWSER=1) that cannot run here."""
    skip_or_fail(site_unavailable(), "website", "tests/site (make test-site)")


def axe_or_fail():
    """Skip (or fail, as above) an accessibility test without axe-core."""
    missing = f"axe-core is missing (`make {AXE.relative_to(BUILD.parent)}` fetches it)"
    skip_or_fail(None if AXE.is_file() else missing, "website accessibility",
                 "tests/site (make test-site)")


def figures(nb):
    """(cell number, cell, number of image outputs) for every code cell that outputs a figure."""
    for number, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        count = sum(any(t in out.get("data", {}) for t in IMAGE_TYPES)
                    for out in cell.get("outputs", []))
        if count:
            yield number, cell, count
