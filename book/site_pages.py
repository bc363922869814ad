"""The pages around the notebooks' content: what readers get besides the lesson, and what they
do not have to download (book/site_notebooks.py turns the notebooks themselves into pages).

* **One navigation.** The site has the theme's sidebar and previous/next bar, so the notebooks'
  own generated navigation cells (tools/navigation.py) are left out of the pages.
* **Downloads and links.** Each notebook's page links its student notebook (the version the
  page shows, its outputs cleared as in ``make student``, written beside the page as
  ``NN-title.ipynb``) and the ``helpers`` wheel
  (``-D site_wheel=path``, which tools/build_book.py builds); with ``site_repository_url``
  set in book/conf.py also its source, Binder and a new-issue form. Without it those three
  links are absent, not broken. The template book/templates/layout.html shows them.
* **Light pages.** One MathJax build, loaded as components (the TeX input, the CHTML output,
  the assistive MathML for screen readers; no 430 kB menu), copied from the MathJax that
  sphinx-mathjax-offline ships; no source maps, no theme translations; no icon font
  (book/_static/site.css draws the few icons); figures load lazily, as they come into view.
* **Wide equations** scroll in their own box, reachable by keyboard (_static/site.js).
* **Accessible names.** myst-nb's collapsed-cell toggle said "Toggle hidden content" to a
  screen reader while it shows "Show code cell source" (axe: label-content-name-mismatch);
  its summary now has only its visible name.
"""
import importlib
import shutil
from html import escape
from pathlib import Path
from urllib.parse import quote

import nbformat
from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput
from nbgrader.preprocessors import ClearOutput
from site_notebooks import student_version
from sphinx.transforms import SphinxTransform

from navigation import MARK as NAVIGATION

# The MathJax 3 files the site serves (startup.js loads the rest as the configuration in
# book/conf.py asks): the extensions and fonts are fetched only when a page needs them.
MATHJAX = ["startup.js", "core.js", "input/tex.js", "input/tex/extensions",
           "output/chtml.js", "output/chtml/fonts", "a11y/assistive-mml.js"]


def _is_notebook(app, docname):
    return app.env.doc2path(docname).suffix == ".ipynb"


def drop_navigation_cells(app, docname, source):
    """source-read: the notebook without its generated ``< prev | Contents | next >`` cells."""
    if not _is_notebook(app, docname):
        return
    nb = nbformat.reads(source[0], as_version=4)
    nb.cells = [c for c in nb.cells
                if not (c.cell_type == "markdown" and c.source.startswith(NAVIGATION))]
    source[0] = nbformat.writes(nb)


class LazyImages(SphinxTransform):
    """Figures are fetched as they come into view (``<img loading="lazy">``)."""

    default_priority = 800

    def apply(self, **kwargs):
        for image in self.document.findall(nodes.image):
            image["loading"] = "lazy"


def visit_hidden_input(self, node):
    """myst-nb's collapsed code cell, its summary named by its visible text only."""
    self.body.append(f'<details class="admonition hide {" ".join(node["classes"])}">\n'
                     "<summary>\n"
                     f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n'
                     f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n'
                     "</summary>\n")


def page_links(config, docname):
    """(text, href, title) of the links above a notebook's page."""
    links = [("Download the notebook (.ipynb)", f"{docname}.ipynb",
              "This page as a notebook, exercises unsolved, to run in JupyterLab")]
    if config.site_wheel:
        links.append(("Download the helpers wheel (.whl)",
                      f"_downloads/{Path(config.site_wheel).name}",
                      "pip install it where the notebook runs: the package it imports"))
    repo, branch = config.site_repository_url.rstrip("/"), config.site_repository_branch
    if repo:
        path = f"notebooks/{docname}.ipynb"
        owner_name = "/".join(repo.split("/")[-2:])
        links += [
            ("Source", f"{repo}/blob/{branch}/{path}", "The notebook in the repository"),
            ("Run on Binder", f"https://mybinder.org/v2/gh/{owner_name}/{branch}"
                              f"?labpath={quote(path)}", "JupyterLab in the browser, no install"),
            ("Report an issue", f"{repo}/issues/new?title={quote(docname + ': ')}",
             "Something wrong or unclear on this page?"),
        ]
    return links


def add_page_links(app, pagename, templatename, context, doctree):
    if doctree is not None and _is_notebook(app, pagename):
        context["site_links"] = page_links(app.config, pagename)


def write_downloads(app, exc):
    """build-finished: the student notebooks, the wheel, MathJax; no source maps."""
    if exc is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    for docname in sorted(app.env.found_docs):
        if _is_notebook(app, docname):
            nb = nbformat.read(app.env.doc2path(docname), as_version=4)
            if app.config.site_student_version:       # as make student releases it: no outputs
                nb, _ = ClearOutput().preprocess(student_version(nb), {})
            nbformat.write(nb, out / f"{docname}.ipynb")
    if app.config.site_wheel:
        (out / "_downloads").mkdir(exist_ok=True)
        shutil.copy2(app.config.site_wheel, out / "_downloads")
    source = Path(importlib.import_module("sphinx-mathjax-offline").__file__).parent
    for part in MATHJAX:
        src, dst = source / "static" / "mathjax" / part, out / "_static" / "mathjax" / part
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    for unused in [*out.glob("_static/**/*.map"), *out.glob("_static/scripts/fontawesome.js*")]:
        unused.unlink(missing_ok=True)
    for unused in ("locales", "vendor/fontawesome"):     # the theme's translations, icon font
        shutil.rmtree(out / "_static" / unused, ignore_errors=True)


def setup(app):
    app.add_config_value("site_wheel", "", "html", str)
    app.add_config_value("site_repository_url", "", "html", str)
    app.add_config_value("site_repository_branch", "main", "html", str)
    app.connect("source-read", drop_navigation_cells)
    app.add_transform(LazyImages)
    app.add_node(HideCodeCellNode, override=True, html=(visit_hidden_input, depart_HideCellInput))
    app.connect("html-page-context", add_page_links)
    app.connect("build-finished", write_downloads)
    app.add_css_file("site.css")
    app.add_js_file("site.js")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
