"""The site's mechanisms on one small page built alone, from notebook 01's figure cells and its
explorer's cell with the explorer's recipe taken out (so its output is a plain live widget, and
no frame is drawn): a cell's ``mystnb.image.alt`` becomes its figure's ``<img alt>``, a live
widget's output becomes the one-line note, not a box or its ``VBox(...)`` repr, and a
repository URL (``-D site_repository_url=...``, as book/conf.py can set it) adds the page's
source, Binder and issue links. Needs the builder only."""
import re
import subprocess

import nbformat
import pytest

from helpers.widgets.base import RECIPE
from project_paths import BOOK, NOTEBOOKS, ROOT
from support.site import figures, unavailable_or_fail
from support.venvs import site_python

NOTEBOOK = NOTEBOOKS / "01-dot-product-neuron.ipynb"
REPOSITORY = "https://github.com/example/conv-as-matmul"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def one_page(tmp_path_factory):
    unavailable_or_fail()
    src, out = tmp_path_factory.mktemp("src"), tmp_path_factory.mktemp("html")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    alts, cells = [], [nbformat.v4.new_markdown_cell("# The site's mechanisms")]
    for number, cell, _ in figures(nb):
        alts.append(f"Figure of cell {number}, described for a reader who cannot see it.")
        cell.metadata["mystnb"] = {"image": {"alt": alts[-1]}}
        cells.append(cell)
    widget = next(cell for cell in nb.cells if any(
        WIDGET_VIEW in output.get("data", {}) for output in cell.get("outputs", [])))
    for output in widget.outputs:
        output.get("data", {}).pop(RECIPE, None)
    nb.cells = [*cells, widget]
    nbformat.write(nb, src / "00-index.ipynb")           # the configuration's landing page
    subprocess.run([site_python(), "-m", "sphinx", "-q", "-b", "html", "-c", str(BOOK),
                    "-D", f"site_repository_url={REPOSITORY}", str(src), str(out)],
                   check=True, cwd=ROOT, capture_output=True)
    return (out / "00-index.html").read_text(encoding="utf-8"), alts


def test_cell_metadata_alt_text_reaches_the_img_tags(one_page):
    html, alts = one_page
    assert alts
    assert re.findall(r'<img alt="([^"]*)"', html) == alts


def test_a_widget_output_becomes_a_note(one_page):
    html, _ = one_page
    notes = re.findall(r'<p class="widget-note"><em>([^<]*)</em></p>', html)
    assert len(notes) == 1 and notes[0].startswith("Interactive in JupyterLab: run this"), notes
    assert "VBox(" not in html and "widget-view+json" not in html


def test_a_repository_url_adds_source_binder_and_issue_links(one_page):
    html, _ = one_page
    nav = re.search(r'<nav class="site-links[^>]*>(.*?)</nav>', html, re.S).group(1)
    hrefs = re.findall(r'href="([^"]+)"', nav)
    assert hrefs == [
        "00-index.ipynb",
        f"{REPOSITORY}/blob/main/notebooks/00-index.ipynb",
        "https://mybinder.org/v2/gh/example/conv-as-matmul/main?labpath=notebooks/00-index.ipynb",
        f"{REPOSITORY}/issues/new?title=00-index%3A%20",
    ], hrefs
