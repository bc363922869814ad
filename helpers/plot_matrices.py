"""Heatmaps of matrices (``plot_matrix``), the convolution matrix T coloured by tap
(``plot_toeplitz``) and a dense map as a network (``plot_connections``)."""
from collections import namedtuple

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import TwoSlopeNorm, to_rgba

from helpers.diagram import plot_network
from helpers.style import DIVERGING, tap_colour, tap_legend_handles

MatrixPlot = namedtuple("MatrixPlot", "ax image texts")
ToeplitzPlot = namedtuple("ToeplitzPlot", "ax image texts cells grid labels")


def plot_matrix(M, ax=None, row_label="row", col_label="column", annotate=True, fmt="{:.2g}"):
    """Heatmap of a matrix M (rows, cols) on a diverging colour map centred on 0.

    ``row_label`` and ``col_label`` say what a row and a column *are*; ``annotate`` writes
    each value with ``fmt``. Returns ``MatrixPlot(ax, image, texts)``, the texts row-major.
    Introduced in notebook 01.
    """
    ax = plt.gca() if ax is None else ax
    M = np.asarray(M, float)
    lim = max(np.abs(M).max(), 1e-12)
    image = ax.imshow(M, cmap=DIVERGING, norm=TwoSlopeNorm(0.0, -lim, lim))
    ax.set_xticks(range(M.shape[1]))
    ax.set_yticks(range(M.shape[0]))
    ax.set_xlabel(col_label)
    ax.set_ylabel(row_label)
    ax.grid(False)
    texts = [ax.text(c, r, fmt.format(v), ha="center", va="center", fontsize=9,
                     color="white" if abs(v) > 0.6 * lim else "black")
             for (r, c), v in np.ndenumerate(M)] if annotate else []
    return MatrixPlot(ax, image, texts)


def plot_connections(M, ax=None, in_name="x", out_name="z"):
    """Network diagram of a dense map ``M`` (n_out, n_in), one row per output unit.

    ``helpers.diagram.plot_network``'s layout with the outputs spread evenly on top; one
    edge per non-zero ``M[i, j]``, coloured by its value (for the row form a = x W pass
    ``W.T``). Returns its ``NetworkPlot``.

    Introduced in notebook 01.
    """
    M = np.asarray(M, float)
    n_out, n_in = M.shape
    out_pos = np.linspace(0, n_in - 1, n_out) if n_out > 1 else [(n_in - 1) / 2]
    return plot_network(M, ax=ax, out_pos=out_pos, in_name=in_name, out_name=out_name)


def _text_colour(rgb):
    lum = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]
    return "black" if lum > 0.55 else "white"


def plot_toeplitz(T, taps, ax=None, pad=(0, 0), legend=True, zeros=True, tap_name="w",
                  ticks=True):
    """Heatmap of a convolution matrix T (L_out, n_cols), each diagonal in its weight's colour.

    Parameters
    ----------
    taps : array_like of int, shape (L_out, n_cols)
        ``tap_index_matrix(K, L, ...)``: k where T holds w_k, -1 for the structural zeros.
    pad : (int, int)
        Columns at the left and right that stand for padded zeros (``padded=True``): grey,
        labelled -p_left..-1 and L..L+p_right-1 (never a second "0").
    zeros : bool
        Write a small grey "0" in the cells that are not taps (the taps' values always).
    tap_name : str
        The weights' name in the legend (``w_k = value``).
    ticks : bool, default True
        False: no ticks, the columns labelled with plain texts and the axes off, which draws
        several times faster (for an explorer).

    Returns
    -------
    ToeplitzPlot
        ``(ax, image, texts, cells, grid, labels)``: the RGBA image (L_out, n_cols, 4), the
        value texts and the (row, column) of each (int, (len(texts), 2)), the cell borders
        and (``ticks=False``) the label texts.

    Introduced in notebook 04.
    """
    ax = plt.gca() if ax is None else ax
    T, taps = np.asarray(T, float), np.asarray(taps, int)
    L_out, n_cols = T.shape
    rgba = np.ones((L_out, n_cols, 4))                                   # (L_out, L, RGBA) white
    pl, pr = pad
    rgba[:, :pl, :3] = rgba[:, n_cols - pr:, :3] = 0.85                  # padded zeros: grey
    for k in range(taps.max() + 1):
        rgba[taps == k] = to_rgba(tap_colour(k))
    image = ax.imshow(rgba, interpolation="nearest")
    cells = [(r, c) for (r, c), k in np.ndenumerate(taps) if k >= 0 or zeros]
    texts = [ax.text(c, r, f"{T[r, c]:g}", ha="center", va="center", fontsize=9,
                     color=_text_colour(rgba[r, c])) if taps[r, c] >= 0 else
             ax.text(c, r, "0", ha="center", va="center", fontsize=7, color="0.6")
             for r, c in cells]
    grid = ax.add_collection(LineCollection(
        [[(c, -0.5), (c, L_out - 0.5)] for c in np.arange(-0.5, n_cols)]
        + [[(-0.5, r), (n_cols - 0.5, r)] for r in np.arange(-0.5, L_out)],
        colors="white", linewidths=1.5))
    ax.set_xlim(-0.5, n_cols - 0.5)
    ax.set_ylim(L_out - 0.5, -0.5)
    ax.grid(False)
    columns = [str(c - pl).replace("-", "\u2212") for c in range(n_cols)]
    xlabel = "input $j$" + (" (grey: padding)" if pl or pr else "")
    labels = []
    if ticks:
        ax.set_xticks(range(n_cols), columns)
        ax.set_yticks(range(L_out))
        ax.tick_params(length=0)
        ax.set_xlabel(xlabel)
        ax.set_ylabel("output unit $i$")
    else:
        ax.set_axis_off()
        labels = ([ax.text(c, L_out - 0.35, name, ha="center", va="top", fontsize=9)
                   for c, name in enumerate(columns)]                  # rows: say it in a title
                  + [ax.text((n_cols - 1) / 2, L_out + 0.35, xlabel.replace("$", ""),
                             ha="center", va="top", fontsize=10)])
    if legend and taps.max() >= 0:
        ax.legend(handles=tap_legend_handles(T, taps, tap_name), loc="upper left",
                  bbox_to_anchor=(1.01, 1.0), fontsize=9)
    return ToeplitzPlot(ax, image, texts, np.array(cells, dtype=int).reshape(-1, 2), grid,
                        labels)
