#!/usr/bin/env python3
"""Print each notebook's reading statistics: the figures issues quote as before -> after.

    python tools/reading_stats.py [notebooks/NN-*.ipynb ...]

reading time = prose words / 200 per minute + visible code lines / 10 per minute (a student
reads code about ten lines a minute); core minutes = the same for the cells before an optional
part marked by the anchor `<a id="going-further"></a>` (all cells when there is none); visible
asserts = `assert` statements in cells a reader sees; collapsed checks = `assert` statements in
cells with source_hidden (figure and widget internals). Navigation cells and exercise cells
count like any other.
"""
import json
import re
import sys
from pathlib import Path

from project_paths import notebook_paths

ASSERT = re.compile(r"^\s*assert\b", re.M)


def stats(path):
    cells = json.loads(Path(path).read_text())["cells"]
    text = lambda c: "".join(c["source"])  # noqa: E731
    hidden = lambda c: c.get("metadata", {}).get("jupyter", {}).get("source_hidden", False)  # noqa: E731
    code = [c for c in cells if c["cell_type"] == "code"]
    visible = [c for c in code if not hidden(c)]
    core = next((i for i, c in enumerate(cells) if 'id="going-further"' in text(c)), len(cells))
    words, lines, core_minutes = 0, 0, 0.0
    for i, c in enumerate(cells):
        if c["cell_type"] == "markdown":
            words += len(text(c).split())
        elif not hidden(c):
            lines += sum(1 for ln in text(c).splitlines() if ln.strip())
        if i + 1 == core:
            core_minutes = words / 200 + lines / 10
    return {
        "cells": len(cells),
        "minutes": words / 200 + lines / 10,
        "core minutes": core_minutes,
        "words": words,
        "code lines": lines,
        "visible asserts": sum(len(ASSERT.findall(text(c))) for c in visible),
        "collapsed checks": sum(len(ASSERT.findall(text(c))) for c in code if hidden(c)),
    }


def main(argv):
    paths = argv or notebook_paths()
    print(f"{'notebook':45} cells  minutes  core  words  code lines  visible asserts"
          "  collapsed checks")
    for p in paths:
        s = stats(p)
        print(f"{Path(p).name:45} {s['cells']:5}  {s['minutes']:7.0f}  {s['core minutes']:4.0f}"
              f"  {s['words']:5}  {s['code lines']:10}  {s['visible asserts']:15}"
              f"  {s['collapsed checks']:16}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
