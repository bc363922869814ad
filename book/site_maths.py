"""Maths typeset when the site is built, not in the reader's browser.

Sphinx's MathJax extension writes each formula as TeX (``\\(...\\)`` in a ``span.math``,
``\\[...\\]`` or an environment in a ``div.math``) for MathJax to typeset when the page loads:
560 kB of script on every page. Here the same MathJax 3 (the files sphinx-mathjax-offline
ships, the components book/conf.py names) typesets every formula of the site once, in node
(book/typeset_maths.js), and the pages get its HTML (CHTML with assistive MathML for screen
readers) and one stylesheet, ``_static/mathjax-chtml.css``; the fonts it names are fetched as
a page needs them. Only the search page loads MathJax, when its result snippets show maths
(book/_static/search-maths.js).

Without node (``node`` not on PATH) the site is built as before: MathJax typesets in the
browser, and the pages are heavier (tests/site measures their weight).
"""
import html
import importlib
import json
import re
import shutil
import subprocess
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)
SCRIPT = Path(__file__).with_name("typeset_maths.js")
STYLESHEET = "mathjax-chtml.css"
FONTS = "mathjax/output/chtml/fonts/woff-v2"              # relative to _static/, as the CSS is
INLINE = re.compile(r'(<span class="math notranslate nohighlight">)\\\((.*?)\\\)(</span>)', re.S)
DISPLAY = re.compile(r'(<div class="math notranslate nohighlight"[^>]*>\s*'
                     r'(?:<span class="eqno">.*?</span>)?)\s*(.*?)\s*(</div>)', re.S)


def mathjax_folder():
    package = importlib.import_module("sphinx-mathjax-offline")
    return Path(package.__file__).parent / "static" / "mathjax"


def prerendering(app):
    return app.builder.format == "html" and shutil.which("node") is not None


def use_stylesheet(app):
    """builder-inited: the pages link the stylesheet of the typeset maths."""
    if prerendering(app):
        app.add_css_file(STYLESHEET)
    else:
        logger.info("node not found: MathJax typesets the maths in the browser")


def drop_mathjax(app, pagename, templatename, context, doctree):
    """html-page-context (after sphinx.ext.mathjax's): no MathJax script. The search page keeps
    MathJax's configuration; its search-maths.js loads MathJax once results show maths."""
    if not prerendering(app):
        return
    context["script_files"] = [
        js for js in context.get("script_files", [])
        if not (str(js.filename).endswith(app.config.mathjax_path)
                or (pagename != "search"
                    and js.attributes.get("body", "").startswith("window.MathJax")))]


def _display_tex(body):
    body = body.strip()
    return body[2:-2] if body.startswith("\\[") and body.endswith("\\]") else body


def typeset_pages(app, exc):
    """build-finished: replace every formula's TeX in the pages by MathJax's HTML."""
    if exc is not None or not prerendering(app):
        return
    pages = [p for p in Path(app.outdir).glob("*.html") if p.name != "search.html"]
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    items = {}
    for text in texts.values():
        for m in INLINE.finditer(text):
            items.setdefault((html.unescape(m.group(2)), False), len(items))
        for m in DISPLAY.finditer(text):
            items.setdefault((html.unescape(_display_tex(m.group(2))), True), len(items))
    request = {"mathjax": str(mathjax_folder()), "fontURL": FONTS, "items": list(items)}
    done = subprocess.run(["node", str(SCRIPT)], input=json.dumps(request), text=True,
                          capture_output=True)
    if done.returncode:
        raise RuntimeError(f"typesetting the maths with node failed:\n{done.stderr}")
    reply = json.loads(done.stdout)
    (Path(app.outdir) / "_static" / STYLESHEET).write_text(reply["css"], encoding="utf-8")

    def inline(m):
        return m.group(1) + reply["html"][items[html.unescape(m.group(2)), False]] + m.group(3)

    def display(m):
        key = html.unescape(_display_tex(m.group(2))), True
        return m.group(1) + reply["html"][items[key]] + m.group(3)

    for page, text in texts.items():
        page.write_text(DISPLAY.sub(display, INLINE.sub(inline, text)), encoding="utf-8")


def setup(app):
    app.connect("builder-inited", use_stylesheet)
    app.connect("html-page-context", drop_mathjax, priority=900)
    app.connect("build-finished", typeset_pages)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
