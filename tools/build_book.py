#!/usr/bin/env python3
"""Build the website of the notebooks: ``python tools/build_book.py`` (what ``make book`` runs).

Sphinx reads its configuration from book/ and the notebooks from notebooks/ (see book/conf.py).

A clean build every time (a few seconds: nothing is executed, the notebooks' stored outputs are
used), so pages of renamed notebooks and the landing page's page order are never stale:
    build/book/html/       the site (open index.html, or serve the folder as it is)
    build/book/doctrees/   Sphinx's cache
Prints the build time. Any Sphinx warning fails the build (-W), so a broken link between
notebooks, an unknown anchor or an unrenderable output is caught here.
"""
import shutil
import sys
import time

from sphinx.cmd.build import build_main

from project_paths import BOOK, NOTEBOOKS, ROOT, SITE

OUT = SITE.parent


def build(quiet=True):
    shutil.rmtree(OUT, ignore_errors=True)
    args = ["-b", "html", "-W", "--keep-going", "-c", str(BOOK),
            "-d", str(OUT / "doctrees"), str(NOTEBOOKS), str(SITE)]
    return build_main((["-q"] if quiet else []) + args)


if __name__ == "__main__":
    start = time.perf_counter()
    status = build(quiet="-v" not in sys.argv)
    seconds = time.perf_counter() - start
    if status == 0:
        print(f"site built in {seconds:.0f} s: {SITE.relative_to(ROOT)}/index.html")
    sys.exit(status)
