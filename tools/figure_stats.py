#!/usr/bin/env python3
"""Print each notebook's figures: how wide each is shown and its smallest text, in pixels.

    python tools/figure_stats.py [notebooks/NN-*.ipynb ...] [--column 700]

Runs a copy of each notebook (nothing is written back) with matplotlib's inline figure hook
wrapped, and measures every figure the notebook shows, as JupyterLab or the website shows it:
a figure W inches wide at ``dpi`` is W·dpi px (2x "retina" PNGs are shown at half their pixel
width), shrunk to the column when wider; a text of ``pt`` points is then
pt · dpi / 72 · min(1, column / (W·dpi)) px high. The figures issues quote (smallest text in px,
figures shown narrower than drawn) come from here. Explorer (widget) images are not counted.
"""
import argparse
import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from project_paths import notebook_paths
from sliced_poll import poll_in_slices

# Run first in the notebook's kernel: record each figure the inline backend turns into an image.
PROBE = r"""
import json as _fs_json
import IPython.core.pylabtools as _fs_pt
from matplotlib.text import Text as _FsText
_fs_print_figure = _fs_pt.print_figure
def _fs_record(fig, *args, **kwargs):
    fig.draw_without_rendering()            # a constrained layout is made when drawn
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    sizes = [t.get_fontsize() for t in fig.findobj(_FsText)
             if t.get_visible() and t.get_text().strip() and t.get_figure() is not None]
    print("FIGURE-STATS " + _fs_json.dumps({"width_in": box.width, "dpi": fig.dpi,
                                            "min_pt": min(sizes, default=None)}))
    return _fs_print_figure(fig, *args, **kwargs)
_fs_pt.print_figure = _fs_record
"""


def figures(path):
    """[(cell index, {"width_in", "dpi", "min_pt"}), ...] for the figures ``path`` shows."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(PROBE))
    poll_in_slices()
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(Path(path).parent)}}).execute()
    found = []
    for i, cell in enumerate(nb.cells[1:]):
        for out in cell.get("outputs", []):
            for line in out.get("text", "").splitlines() if out.get("name") == "stdout" else []:
                if line.startswith("FIGURE-STATS "):
                    found.append((i, json.loads(line.split(" ", 1)[1])))
    return found


def shown(stat, column):
    """(shown width px, smallest text px) of one figure in a ``column``-px wide page."""
    drawn = stat["width_in"] * stat["dpi"]
    scale = min(1.0, column / drawn)
    small = None if stat["min_pt"] is None else stat["min_pt"] * stat["dpi"] / 72 * scale
    return drawn * scale, small, scale < 1


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--column", type=float, default=700.0, help="column width in px")
    args = ap.parse_args(argv)
    print(f"{'notebook':45} figures  smallest text px  shrunk  (cell: shown px / text px)")
    for path in args.paths or notebook_paths():
        rows = [(i, *shown(s, args.column)) for i, s in figures(path)]
        texts = [t for _, _, t, _ in rows if t is not None]
        detail = ", ".join(f"c{i}: {w:.0f}/{t:.1f}" if t else f"c{i}: {w:.0f}/-"
                           for i, w, t, _ in rows)
        print(f"{Path(path).name:45} {len(rows):7}  {min(texts, default=0):16.1f}"
              f"  {sum(s for *_, s in rows):6}  ({detail})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
