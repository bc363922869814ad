"""A link to a heading of another notebook works in the reader's JupyterLab: clicking it opens
that notebook scrolled to the heading, and it stays there.

The link is the one 00-index gives for Q3, ``03-padding-stride-dilation.ipynb#q3-must-i-trim``
(or, should that one go, the first of 00's links to an ``<a id>`` of another notebook);
JupyterLab's sanitizer renames the ``id`` ``data-jupyter-id``.

JupyterLab 4 alone opens such a notebook at its top: its link handler calls ``setFragment``
before the markdown cells are rendered, and the search for the anchor skips unrendered cells
(jupyterlab/jupyterlab#15207). The plugin in tools/labextensions, which ``make lab`` loads,
scrolls there once they are. This test's JupyterLab loads it the same way and has the reader's
settings (JupyterLab's default windowing, which draws off-screen cells late, not the shared
server's "none"), so it checks what the reader gets; without the plugin it fails.
"""
import json
import re

import pytest

from lab_driver import close_notebook, close_page, js, open_lab, open_notebook, wait
from project_paths import NOTEBOOKS
from support.labserver import READER_SETTINGS, LabServer

pytestmark = pytest.mark.browser
SOURCE = NOTEBOOKS / "00-index.ipynb"
PREFERRED = ("03-padding-stride-dilation.ipynb", "q3-must-i-trim")
LINK = re.compile(r"\]\((\d\d-[\w-]+\.ipynb)#([\w-]+)\)")
AT_TOP_PX = 40          # the anchor at most this far below the notebook view's top edge
SETTLE_MS = 2_000       # ... and still there this long after, the kernel idle


def markdown(path):
    return "\n".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"]
                     if c["cell_type"] == "markdown")


def cross_notebook_anchor_links():
    """(target notebook, anchor) of SOURCE's markdown links to another notebook's
    ``<a id="anchor">``, the preferred one first."""
    links = []
    for target, anchor in dict.fromkeys(m.groups() for m in LINK.finditer(markdown(SOURCE))):
        path = NOTEBOOKS / target
        if path.exists() and f'<a id="{anchor}"' in markdown(path):
            links.append((target, anchor))
    return sorted(links, key=lambda link: link != PREFERRED)


@pytest.fixture(scope="module")
def reader_page(browser, tmp_path_factory):
    """A page of a JupyterLab with the reader's settings and the project's plugins."""
    server = LabServer(tmp_path_factory.mktemp("jupyterlab-reader"),
                       settings=READER_SETTINGS).start()
    try:
        page = open_lab(browser, server)
        yield page
        close_page(page)
    finally:
        server.stop()


def test_a_link_to_another_notebooks_heading_opens_it_scrolled_there(reader_page):
    page = reader_page
    links = cross_notebook_anchor_links()
    assert links, f"{SOURCE.name} has no link to an <a id> anchor of another notebook"
    target, anchor = links[0]
    open_notebook(page, SOURCE)
    assert js(page, "modelReport()")["windowingMode"] != "none", "not the reader's settings"
    # JupyterLab rewrites the href to its files URL: .../files/notebooks/NN-...ipynb?_xsrf=...#id
    link = page.locator(f'.jp-RenderedMarkdown a[href*="/{target}"][href$="#{anchor}"]').first
    link.scroll_into_view_if_needed()
    link.click()
    wait(page, f"""() => {{
        const place = __nbtest.anchorPlace({anchor!r});
        return place && place.path === 'notebooks/{target}';
    }}""", 60_000, f"{target} to open with its anchor #{anchor}")
    wait(page, "() => __nbtest.kernelStatus() === 'idle'", 120_000, f"{target}'s kernel to start")
    assert not js(page, "dialogText()"), "a dialog opened with the notebook"
    at_top = f"p => p && p.offset > -1 && p.offset <= {AT_TOP_PX}"
    wait(page, f"() => ({at_top})(__nbtest.anchorPlace({anchor!r}))", 15_000,
         f"{target} to scroll to #{anchor} (JupyterLab alone leaves it at its top)")
    page.wait_for_timeout(SETTLE_MS)
    place = js(page, "anchorPlace(a)", anchor)
    assert page.evaluate(at_top, place), f"#{anchor} moved once {target} settled: {place}"
    close_notebook(page)
