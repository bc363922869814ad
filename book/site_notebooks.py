"""A small Sphinx extension that turns notebooks/ into the website, without editing a notebook.

* **Page order.** The landing page 00-index gets a hidden toctree of every other page Sphinx
  found in notebooks/, in name order (the sidebar, previous/next links); a new notebook
  joins by its name alone, as it does in tools/navigation.py.
* **Collapsed cells.** A code cell collapsed in JupyterLab (``jupyter.source_hidden``) gets
  myst-nb's ``hide-input`` tag, so on the site it is a closed "Show code cell source" too.
* **Exercises.** notebooks/ is the instructor version; the site shows the student version,
  made by nbgrader's own preprocessors (solutions replaced by ``# YOUR CODE HERE`` /
  ``YOUR ANSWER HERE``, hidden tests removed, solution cells' outputs cleared), as
  ``make student`` does. ``-D site_student_version=0`` builds an answers site instead.
* **Explorers** stay live: an explorer's output carries a recipe, from which
  ``explorer_frames.py`` (see its docstring) renders frames with the explorer's own code; the
  output becomes a figure whose slider swaps them (``_static/explorer.js``).
* **Widgets.** Another live widget's output (a mime bundle with
  ``application/vnd.jupyter.widget-view+json``; its text/plain is the raw ``VBox(...)`` repr)
  cannot run on a static page; the transform below replaces the bundle by a one-line note
  (a progress bar's says so).
* **Anchors.** The notebooks mark link targets with raw HTML, ``<a id="q3-must-i-trim"></a>``,
  and link to them as ``03-padding-stride-dilation.ipynb#q3-must-i-trim``. myst-parser turns
  such a link into one to the page 03-padding-stride-dilation.html, but knows only heading
  slugs and labels as fragments; the raw ``<a id>`` stays in the page as it is, and
  ``RawAnchors`` registers its id with the page's slugs so the link keeps its ``#fragment``.
* **Search.** The search page loads the site's MathJax too (assets on every page) and
  ``_static/search-maths.js`` typesets the maths in the result snippets.
* **index.html** redirects to 00-index.html.

Alt text needs no code here: myst-nb copies a cell's ``mystnb.image.alt`` metadata into the
``alt`` of the ``<img>`` of each figure the cell outputs (one description per cell, so one
figure per cell); tests/site checks both the metadata and the built pages.
"""
import re
from pathlib import Path

import nbformat
from docutils import nodes
from explorer_frames import explorer_html, recipe_of
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions
from sphinx.transforms import SphinxTransform

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = ("Interactive in JupyterLab: run this notebook to move the sliders and watch "
               "the figure follow them (a static page cannot run Python, so the widget is "
               "not drawn here).")
PROGRESS_NOTE = ("In JupyterLab a progress bar shows here while the cell runs; the results "
                 "below are the ones stored when the notebook was last run.")


def _toctree_cell(chapters):
    body = "\n".join(["```{toctree}", ":hidden:", ":maxdepth: 1", "", *chapters, "```"])
    return nbformat.v4.new_markdown_cell(body, id="site-toctree")


def student_version(nb):
    """The notebook without solutions and hidden tests, by nbgrader's preprocessors."""
    nb, resources = ClearSolutions().preprocess(nb, {})
    nb, _ = ClearHiddenTests().preprocess(nb, resources)
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("solution"):
            cell.outputs = []
            cell.execution_count = None
    return nb


def edit_notebook_source(app, docname, source):
    """source-read: the notebook JSON, before myst-nb parses it."""
    if not app.env.doc2path(docname).name.endswith(".ipynb"):
        return
    nb = nbformat.reads(source[0], as_version=4)
    if app.config.site_student_version:
        nb = student_version(nb)
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.metadata.get("jupyter", {}).get("source_hidden"):
            tags = cell.metadata.setdefault("tags", [])
            if "hide-input" not in tags:
                tags.append("hide-input")
        for output in cell.get("outputs", []):
            if recipe := recipe_of(output):
                states = cell.metadata.get("site", {}).get("states")
                output.data = {"text/html": explorer_html(recipe, states, Path(app.outdir))}
    if docname == app.config.root_doc:
        nb.cells.append(_toctree_cell(sorted(app.env.found_docs - {docname})))
    source[0] = nbformat.writes(nb)


def _widget_note(bundle):
    """The note that replaces a widget's mime bundle."""
    text = " ".join(c.astext() for c in bundle.children if c.get("mime_type") == "text/plain")
    return PROGRESS_NOTE if re.match(r"\s*(Int|Float)Progress\(", text) else WIDGET_NOTE


class WidgetNotes(SphinxTransform):
    """Replace each live widget's output by a one-line note (runs when a page is read, before
    myst-nb's SelectMimeType post-transform would pick the widget's <script> or its repr)."""

    default_priority = 500

    def apply(self, **kwargs):
        def is_widget_bundle(node):
            return (isinstance(node, nodes.container)
                    and node.get("nb_element") == "mime_bundle"
                    and any(c.get("mime_type") == WIDGET_VIEW for c in node.children))

        for bundle in list(self.document.findall(is_widget_bundle)):
            note = nodes.paragraph(classes=["widget-note"])
            note += nodes.emphasis(text=_widget_note(bundle))
            bundle.replace_self(note)


RAW_ANCHOR = re.compile(r'<a\s+(?:id|name)="([^"]+)"')


class RawAnchors(SphinxTransform):
    """Make each raw ``<a id="...">`` of a page a fragment that links to the page resolve to."""

    default_priority = 500

    def apply(self, **kwargs):
        slugs = self.env.metadata[self.env.docname].setdefault("myst_slugs", {})
        for raw in self.document.findall(nodes.raw):
            if "html" not in raw.get("format", "").split():
                continue
            for anchor in RAW_ANCHOR.findall(raw.astext()):
                slugs.setdefault(anchor, (raw.line, anchor, ""))


REDIRECT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Redirecting to {target}</title>
<meta http-equiv="refresh" content="0; url={target}">
</head><body><p><a href="{target}">{target}</a></p></body></html>
"""


def write_index_redirect(app, exc):
    if exc is None and app.builder.format == "html" and app.config.root_doc != "index":
        target = app.config.root_doc + app.builder.out_suffix
        (Path(app.outdir) / "index.html").write_text(REDIRECT.format(target=target))


def setup(app):
    app.add_config_value("site_student_version", True, "env", bool)
    app.connect("source-read", edit_notebook_source)
    app.add_transform(WidgetNotes)
    app.add_transform(RawAnchors)
    app.connect("build-finished", write_index_redirect)
    app.set_html_assets_policy("always")          # MathJax on the search page too
    app.add_js_file("search-maths.js")
    app.add_js_file("explorer.js", loading_method="defer")
    app.add_css_file("explorer.css")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
