"""A link to a heading of another notebook works in JupyterLab: clicking it opens that
notebook scrolled to the heading.

The link is the one 00-index gives for Q3, ``03-padding-stride-dilation.ipynb#q3-must-i-trim``
(or, should that one go, the first of 00's links to an ``<a id>`` of another notebook). The
click must open the target notebook with that anchor in it (JupyterLab's sanitizer renames
the ``id`` ``data-jupyter-id``), scrolled so the anchor is in view.

JupyterLab 4.6 opens a notebook that was not open yet at its top: its link handler calls
``setFragment`` before the markdown cells are rendered, and the search for the anchor skips
unrendered cells (jupyterlab/jupyterlab#15207 reported the same). The test then checks that
the same ``setFragment`` finds and shows the anchor once the cells are rendered, and reports
an expected failure (XFAIL) naming the cause; once JupyterLab scrolls by itself, it passes.
"""
import json
import re

import pytest

from lab_driver import js, open_notebook, wait
from project_paths import NOTEBOOKS

pytestmark = pytest.mark.browser
SOURCE = NOTEBOOKS / "00-index.ipynb"
PREFERRED = ("03-padding-stride-dilation.ipynb", "q3-must-i-trim")
LINK = re.compile(r"\]\((\d\d-[\w-]+\.ipynb)#([\w-]+)\)")


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


def test_a_link_to_another_notebooks_heading_opens_it_scrolled_there(page):
    links = cross_notebook_anchor_links()
    assert links, f"{SOURCE.name} has no link to an <a id> anchor of another notebook"
    target, anchor = links[0]
    open_notebook(page, SOURCE)
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
    place = js(page, "anchorPlace(a)", anchor)              # opened and settled: where is it?
    if place["visible"] and place["scrollTop"] > 0:
        return                                      # JupyterLab scrolled to the heading
    page.evaluate(f"() => __nbtest.panel().content.setFragment('#{anchor}')")
    again = wait(page, f"() => {{ const p = __nbtest.anchorPlace({anchor!r}); "
                       "return p && p.visible && p.scrollTop > 0 ? p : null; }", 10_000,
                 f"#{anchor} to come into view after setFragment")
    assert again["visible"]
    pytest.xfail(f"JupyterLab opened {target} at its top; its own setFragment('#{anchor}') "
                 "scrolls there once the cells are rendered (it runs before: "
                 "jupyterlab/jupyterlab#15207)")
