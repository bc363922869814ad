"""Sphinx configuration of the website of the notebook series (``make book``).

Built with Sphinx + myst-nb + sphinx-book-theme from the notebooks' stored outputs (nothing is
re-executed) and fully offline: MathJax is served from the site (the files sphinx-mathjax-offline
ships; book/site_pages.py copies the one build the pages load), the theme's assets are its own
files, and ipywidgets' CDN scripts are switched off.

    sphinx-build -c book notebooks build/book/html      (tools/build_book.py: make book)

The source folder is notebooks/ itself; this folder holds only the configuration and two small
extensions: ``site_notebooks.py`` (the page order, the widget notes, the collapsed cells, the
student version) and ``site_pages.py`` (one navigation, the download links, light pages; see
their docstrings), with templates/ and _static/. Sphinx imports extensions by name and has no
setting for where a project's own one lives; its documented way is this file putting its folder
on sys.path (Sphinx runs this file from wherever sphinx-build was started, never from book/);
tools/ goes there too, for the navigation cells' marker (tools/navigation.py).
"""
import sys
from pathlib import Path

BOOK = Path(__file__).resolve().parent
sys.path[:0] = [str(BOOK), str(BOOK.parent / "tools")]

project = "Convolution in place of matrix multiplication (1-D)"
author = "the notebook series' authors"
copyright = "the authors; text and figures CC BY 4.0, code MIT"

root_doc = "00-index"                       # the landing page (index.html redirects to it)
extensions = [
    "myst_nb",
    "sphinx_copybutton",                   # a copy button on each code block
    "site_notebooks",
    "site_pages",
    "site_maths",                          # maths typeset at build time (needs node)
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

# --- maths: MathJax 3 from _static/mathjax (book/site_pages.py copies it), no CDN -------------
mathjax_path = "mathjax/startup.js"
mathjax3_config = {"loader": {"load": ["input/tex", "output/chtml", "a11y/assistive-mml"]}}

# --- where the notebooks live online: set it, and each page links its source, Binder and a
# new-issue form (e.g. "https://github.com/owner/name"); empty, the links are left out --------
site_repository_url = ""
site_repository_branch = "main"

# --- HTML -------------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "Convolution in place of matrix multiplication"
html_theme_options = {
    "show_navbar_depth": 1,
    "show_toc_level": 2,
    "home_page_in_toc": True,
    "use_download_button": False,           # it offers the answers: site_pages.py links the
                                            # student notebook instead
    "use_fullscreen_button": False,
    "navigation_with_keys": False,
    # nothing that fetches from the network: no launch buttons, no analytics, no icon links
    "launch_buttons": {},
    "icon_links": [],
    "analytics": {},
}
# the reader's light/dark setting, until they pick one with the theme's switch
html_context = {"default_mode": "auto"}
templates_path = ["templates"]              # one top bar, accessible search field (see there)
html_favicon = "favicon.svg"              # a banded matrix; also spares a 404 for /favicon.ico
html_static_path = ["_static"]              # search-maths.js, site.css (added by the extensions)
html_use_index = False                      # no index entries: no empty index page
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
