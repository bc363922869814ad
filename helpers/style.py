"""The series' look: colours, line styles, the matplotlib style and small text helpers.

Call ``use_style()`` once in a notebook's setup cell; nothing is changed at import time. The
colours (``PALETTE``) are matplotlib's colour-blind-safe ``petroff10`` sequence (Okabe-Ito on
a matplotlib without it); lines are told apart by line style too (``LINESTYLES``), and
figures have a white background so they read in a dark JupyterLab theme. Signed values use the
diverging ``PuOr`` map; kernel tap k has the colour ``tap_colour(k)`` in every figure.
"""
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Patch

__all__ = ["PALETTE", "LINESTYLES", "HIGHLIGHT", "DIVERGING", "use_style", "new_figure",
           "subscript", "tap_colour", "tap_legend_handles"]

_OKABE_ITO = ["#0072B2", "#E69F00", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442",
              "#000000"]     # in the roles of petroff10's first colours: blue, orange, red, ...


def _palette():
    sequences = getattr(matplotlib, "color_sequences", {})
    if "petroff10" in sequences:                                    # matplotlib >= 3.10
        return [to_hex(c) for c in sequences["petroff10"]]
    return list(_OKABE_ITO)


PALETTE = _palette()
"""Colour-blind-safe colours: ``PALETTE[0]`` blue (the main colour), ``[1]`` orange-yellow,
``[2]`` red (``HIGHLIGHT``), then more (matplotlib's petroff10 order, or Okabe-Ito)."""
HIGHLIGHT = PALETTE[2]          # what a figure points at: the current window, z_i, a ring
LINESTYLES = ["-", "--", ":", "-.", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1)), (0, (1, 1)),
              (0, (6, 3)), (0, (3, 4, 1, 4)), (0, (8, 2, 2, 2))][:len(PALETTE)]
"""Line style j goes with colour j in the style's cycle: a second cue beside the colour."""
DIVERGING = "PuOr_r"
_TAP_ORDER = [0, 1, 2, 4, 6, 5, 9, 7]          # PALETTE without its greys: tap colours


def use_style():
    """Set the series' matplotlib style.

    Small PNGs, a white figure and savefig background (figures stay readable in a dark
    JupyterLab theme), and a colour cycle of ``PALETTE`` paired with ``LINESTYLES``, so two
    lines differ in colour *and* dash pattern.
    """
    plt.rcParams.update({
        "figure.dpi": 80,
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


def new_figure(ncols=1, figsize=None, nrows=1, **subplots):
    """A figure that pyplot does not manage (so it is never shown twice) and its axes.

    Widgets draw into such figures and display them themselves; ``subplots`` go to
    ``Figure.subplots`` (e.g. ``sharex``, ``height_ratios``).
    """
    fig = Figure(figsize=figsize or plt.rcParams["figure.figsize"], dpi=plt.rcParams["figure.dpi"],
                 layout="constrained")
    axes = fig.subplots(nrows, ncols, **subplots)
    return fig, axes


def subscript(name, n):
    """``name`` with subscript ``n`` in Unicode (x₁₂): looks like mathtext, draws much faster."""
    return name + str(n).translate(str.maketrans("0123456789-", "₀₁₂₃₄₅₆₇₈₉₋"))


def tap_colour(k):
    """The colour of kernel tap k (weight w_k) in every figure of notebook 04 (``PALETTE``).

    Introduced in notebook 04.
    """
    return PALETTE[_TAP_ORDER[k % len(_TAP_ORDER)] % len(PALETTE)]


def tap_legend_handles(T, taps, name="w", colour=tap_colour):
    """Legend patches ``w_k = value``, one per tap k of ``taps`` (shape of T), in its colour.

    A tap that holds no entry of T has no edge or cell, so it gets no patch.
    """
    taps = np.asarray(taps)
    return [Patch(color=colour(k), label=f"{subscript(name, k)} = {T[taps == k][0]:g}")
            for k in range(taps.max() + 1) if (taps == k).any()]
