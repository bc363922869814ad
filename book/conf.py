"""Sphinx configuration of the website of the notebook series (``make book``).

Built with Sphinx + myst-nb + sphinx-book-theme from the notebooks' stored outputs (nothing is
re-executed) and fully offline: MathJax is copied into the site by sphinx-mathjax-offline, the
theme's assets are its own files, and ipywidgets' CDN scripts are switched off.

    sphinx-build -c book notebooks build/book/html      (tools/build_book.py: make book)

The source folder is notebooks/ itself; this folder holds only the configuration and
``site_notebooks.py``, the small extension that adds the page order, the widget notes and the
collapsed cells (see its docstring). Sphinx imports extensions by name and has no setting for
where a project's own one lives; its documented way is this file putting its folder on sys.path
(Sphinx runs this file from wherever sphinx-build was started, never from book/).
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

project = "Convolution in place of matrix multiplication (1-D)"
author = "the notebook series' authors"
copyright = "the authors; text and figures CC BY 4.0, code MIT"

root_doc = "00-index"                       # the landing page (index.html redirects to it)
extensions = [
    "myst_nb",
    "sphinx-mathjax-offline",              # MathJax 3 served from _static/mathjax, not a CDN
    "site_notebooks",
    "sphinx.ext.githubpages",              # writes .nojekyll, so GitHub Pages serves _static/
]
exclude_patterns = ["**.ipynb_checkpoints", "_build", "build"]

# --- notebooks: stored outputs only ---------------------------------------------------------
nb_execution_mode = "off"
nb_ipywidgets_js = {}                       # no require.js / html-manager from a CDN
nb_output_stderr = "show"
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3
suppress_warnings = ["myst.header"]         # notebooks start with a nav cell before the H1

# --- HTML -------------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "Convolution in place of matrix multiplication"
html_theme_options = {
    "show_navbar_depth": 1,
    "show_toc_level": 2,
    "home_page_in_toc": True,
    "use_download_button": False,           # no .ipynb download menu: the repository has them
    "use_fullscreen_button": False,
    "navigation_with_keys": False,
    # nothing that fetches from the network: no launch buttons, no analytics, no icon links
    "launch_buttons": {},
    "icon_links": [],
    "analytics": {},
}
# light unless the reader picks dark with the theme's switch (an empty mode is a console error)
html_context = {"default_mode": "light"}
html_favicon = "favicon.svg"              # a banded matrix; also spares a 404 for /favicon.ico
html_static_path = ["_static"]              # search-maths.js (book/site_notebooks.py adds it)
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
