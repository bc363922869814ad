"""Build the website of the notebooks: ``python book/build.py`` (what ``make book`` runs).

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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "book"
HTML = OUT / "html"


def build(quiet=True):
    from sphinx.cmd.build import build_main

    shutil.rmtree(OUT, ignore_errors=True)
    args = ["-b", "html", "-W", "--keep-going", "-c", str(ROOT / "book"),
            "-d", str(OUT / "doctrees"), str(ROOT / "notebooks"), str(HTML)]
    return build_main((["-q"] if quiet else []) + args)


if __name__ == "__main__":
    start = time.perf_counter()
    status = build(quiet="-v" not in sys.argv)
    seconds = time.perf_counter() - start
    if status == 0:
        print(f"site built in {seconds:.0f} s: {HTML.relative_to(ROOT)}/index.html")
    sys.exit(status)
