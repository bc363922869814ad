#!/usr/bin/env python3
"""Build the website of the notebooks: ``python tools/build_book.py`` (what ``make book`` runs).

Sphinx reads its configuration from book/ and the notebooks from notebooks/ (see book/conf.py).

A clean build every time (a few seconds: nothing is executed, the notebooks' stored outputs are
used), so pages of renamed notebooks and the landing page's page order are never stale:
    build/book/html/       the site (open index.html, or serve the folder as it is)
    build/book/doctrees/   Sphinx's cache
    build/book/wheel/      the helpers wheel (tools/coursework.py builds it), which each page
                           offers for download beside its notebook; kept while it is newer
                           than every file it is built from (a build takes ~10 s of CPU)
Prints the build time. Any Sphinx warning fails the build (-W), so a broken link between
notebooks, an unknown anchor or an unrenderable output is caught here.
"""
import shutil
import sys
import time

from sphinx.cmd.build import build_main

from coursework import build_wheel
from project_paths import BOOK, DATA, NOTEBOOKS, ROOT, SITE

OUT = SITE.parent


def helpers_wheel(folder=OUT / "wheel"):
    """The helpers wheel in ``folder``, built again unless newer than all its sources."""
    wheels = sorted(folder.glob("*.whl"))
    sources = [ROOT / "pyproject.toml", *(ROOT / "helpers").rglob("*.py"), *DATA.iterdir()]
    if len(wheels) == 1 and all(wheels[0].stat().st_mtime > src.stat().st_mtime
                                for src in sources):
        return wheels[0]
    shutil.rmtree(folder, ignore_errors=True)
    return build_wheel(folder)


def build(quiet=True):
    for old in (SITE, OUT / "doctrees"):
        shutil.rmtree(old, ignore_errors=True)
    wheel = helpers_wheel()
    args = ["-b", "html", "-W", "--keep-going", "-c", str(BOOK), "-D", f"site_wheel={wheel}",
            "-d", str(OUT / "doctrees"), str(NOTEBOOKS), str(SITE)]
    return build_main((["-q"] if quiet else []) + args)


if __name__ == "__main__":
    start = time.perf_counter()
    status = build(quiet="-v" not in sys.argv)
    seconds = time.perf_counter() - start
    if status == 0:
        print(f"site built in {seconds:.0f} s: {SITE.relative_to(ROOT)}/index.html")
    sys.exit(status)
