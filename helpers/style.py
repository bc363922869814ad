"""The series' look: colour-blind-safe colours, line styles, the matplotlib style.

``use_style()`` is called once in a notebook's setup cell; nothing changes at import time.
Signed values use the diverging ``PuOr`` map; kernel tap k has the colour ``tap_colour(k)``.
"""
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Patch

_OKABE_ITO = ["#0072B2", "#E69F00", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442",
              "#000000"]     # in the roles of petroff10's first colours: blue, orange, red, ...


def _palette():
    """matplotlib's ``petroff10`` colours (>= 3.10), else Okabe-Ito in the same roles."""
    sequences = getattr(matplotlib, "color_sequences", {})
    if "petroff10" in sequences:
        return [to_hex(c) for c in sequences["petroff10"]]
    return list(_OKABE_ITO)


PALETTE = _palette()            # [0] blue (the main colour), [1] orange-yellow, [2] red, ...
HIGHLIGHT = PALETTE[2]          # what a figure points at: the current window, z_i, a ring
LINESTYLES = ["-", "--", ":", "-.", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1)), (0, (1, 1)),
              (0, (6, 3)), (0, (3, 4, 1, 4)), (0, (8, 2, 2, 2))][:len(PALETTE)]   # j with colour j
DIVERGING = "PuOr_r"
_TAP_ORDER = [0, 1, 2, 4, 6, 5, 9, 7]          # PALETTE without its greys: tap colours


def use_style():
    """Set the series' matplotlib style: PNGs on white (readable in a dark theme), and
    a cycle of ``PALETTE`` paired with ``LINESTYLES`` (two lines differ in colour *and* dash).

    A figure of the default width, 7 in at 100 dpi, is 700 px wide: the width of a JupyterLab
    or website column, so it is shown at the size it was drawn (10 pt text: 14 px). In IPython,
    figures are stored as 2x ("retina") PNGs, sharp on a high-DPI screen.
    """
    _inline_retina()
    plt.rcParams.update({
        "figure.dpi": 100,
        "figure.figsize": (7.0, 3.0),
        "figure.facecolor": "white",
        "figure.edgecolor": "white",
        "axes.facecolor": "white",
        "savefig.facecolor": "white",
        "savefig.edgecolor": "white",
        "savefig.transparent": False,
        "font.size": 10,
        "axes.prop_cycle": plt.cycler(color=PALETTE) + plt.cycler(linestyle=LINESTYLES),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "legend.frameon": False,
        "image.cmap": "viridis",
    })


def _inline_retina():
    """Inline figures as 2x PNGs (shown at their drawn size) when running under IPython."""
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:                      # plain Python: no inline backend to configure
        return
    if get_ipython() is not None:
        set_matplotlib_formats("retina")


def new_figure(ncols=1, figsize=None, nrows=1, **subplots):
    """A figure pyplot does not manage (an explorer shows it itself) and its axes.

    ``subplots`` go to ``Figure.subplots`` (``sharex``, ``height_ratios``, ...).
    """
    fig = Figure(figsize=figsize or plt.rcParams["figure.figsize"], dpi=plt.rcParams["figure.dpi"],
                 layout="constrained")
    axes = fig.subplots(nrows, ncols, **subplots)
    return fig, axes


def subscript(name, n):
    """``name`` with subscript ``n`` in Unicode (x₁₂): looks like mathtext, draws much faster."""
    return name + str(n).translate(str.maketrans("0123456789-", "₀₁₂₃₄₅₆₇₈₉₋"))


def tap_colour(k):
    """The colour of kernel tap k (weight w_k) in every figure. Introduced in notebook 04."""
    return PALETTE[_TAP_ORDER[k % len(_TAP_ORDER)] % len(PALETTE)]


def tap_legend_handles(T, taps, name="w"):
    """Legend patches ``w_k = value``, one per tap k that holds an entry of T (taps: T's shape)."""
    taps = np.asarray(taps)
    return [Patch(color=tap_colour(k), label=f"{subscript(name, k)} = {T[taps == k][0]:g}")
            for k in range(taps.max() + 1) if (taps == k).any()]
