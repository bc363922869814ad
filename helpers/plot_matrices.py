"""Figures of matrices: heatmaps, the convolution matrix T and their network diagrams.

``plot_matrix`` draws any matrix (a dense layer's weights), ``plot_toeplitz`` a convolution
matrix with each diagonal in the colour of the weight it holds, and ``plot_connections`` a
dense map as a network (``helpers.diagram.plot_network`` draws a convolution's). Every
function takes ``ax=None`` and returns a ``NamedTuple`` of its artists, ``ax`` first.
"""
from typing import NamedTuple

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import TwoSlopeNorm, to_rgba

from helpers.diagram import plot_network
from helpers.style import DIVERGING, tap_colour, tap_legend_handles

__all__ = ["plot_matrix", "plot_connections", "plot_toeplitz", "MatrixPlot", "ToeplitzPlot"]


class MatrixPlot(NamedTuple):
    """What ``plot_matrix`` drew."""
    ax: object
    image: object           # AxesImage of M
    texts: list             # the values, row-major (empty without annotate)


class ToeplitzPlot(NamedTuple):
    """What ``plot_toeplitz`` drew."""
    ax: object
    image: object           # AxesImage, RGBA (L_out, n_cols, 4)
    texts: list             # one Text per annotated cell, row-major
    cells: np.ndarray       # (len(texts), 2) int: the (row, column) of each text
    grid: object            # LineCollection of the white lines between cells
    labels: list            # with ticks=False: the row, column and axis labels (Texts)


def plot_matrix(M, ax=None, row_label="row", col_label="column", annotate=True, fmt="{:.2g}"):
    """Heatmap of a matrix with a diverging colour map centred on 0, optionally with values.

    Parameters
    ----------
    M : array_like, shape (rows, cols)
    row_label, col_label : str
        Axis labels (say what a row and a column *are*, e.g. "output unit").

    Returns
    -------
    MatrixPlot
        ``(ax, image, texts)``.

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


def plot_connections(M, ax=None, in_name="x", out_name="z", first_index=0):
    """Network diagram of a dense linear map, in the layout of ``helpers.diagram.plot_network``.

    Inputs sit in a row at the bottom, outputs spread evenly in a row on top; output unit i
    is joined to input j when ``M[i, j] != 0``, each edge coloured by its value.

    Parameters
    ----------
    M : array_like, shape (n_out, n_in)
        The matrix in "one row per output unit" form (Ng's W; for the row form a = x W
        pass ``W.T``).
    in_name, out_name : str
        Node names: inputs ``x_j``, outputs ``z_i``.
    first_index : int, default 0
        Number of the first node in the labels (0, as numpy and the series count).

    Returns
    -------
    helpers.diagram.NetworkPlot
        ``(ax, edges, in_nodes, out_nodes, in_labels, out_labels)``; one edge per non-zero,
        row-major.

    Introduced in notebook 01.
    """
    M = np.asarray(M, float)
    n_out, n_in = M.shape
    out_pos = np.linspace(0, n_in - 1, n_out) if n_out > 1 else [(n_in - 1) / 2]
    return plot_network(M, ax=ax, out_pos=out_pos, in_name=in_name, out_name=out_name,
                        first_index=first_index)


def _text_colour(rgb):
    lum = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]
    return "black" if lum > 0.55 else "white"


def plot_toeplitz(T, taps, ax=None, pad=(0, 0), annotate=True, fmt="{:g}", legend=True,
                  zeros=True, tap_name="w", ticks=True):
    """Heatmap of a convolution matrix with each diagonal coloured by the weight it holds.

    Parameters
    ----------
    T : array_like, shape (L_out, L)
        ``conv_matrix(w, L, ...)`` (or its ``padded=True`` form).
    taps : array_like of int, shape (L_out, L)
        ``tap_index_matrix(K, L, ...)``: k where T holds w_k, -1 for the structural zeros.
    pad : (int, int)
        Columns at the left and right that stand for padded zeros (``padded=True``): they get
        a grey background and their position as label, -p_left..-1 and L..L+p_right-1
        (column c is input position c - p_left; never a second "0").
    annotate, zeros : bool
        Write the values of the non-zeros, and a small grey "0" in the other cells.
    tap_name : str
        Name of the weights in the legend (``w_k = value``).
    ticks : bool, default True
        Label rows and columns with the axes' ticks; False: only the columns, with plain
        texts, and the axes switched off, which draws several times faster (the explorers
        redraw it often and name the row in a title).

    Returns
    -------
    ToeplitzPlot
        ``(ax, image, texts, cells, grid, labels)``: the RGBA image (rows = output units,
        columns = inputs), the value texts and the (row, column) of each, the cell borders
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
    texts, cells = [], []
    if annotate:
        for (r, c), v in np.ndenumerate(T):
            on = taps[r, c] >= 0
            if not (on or zeros):
                continue
            texts.append(ax.text(c, r, fmt.format(v) if on else "0", ha="center", va="center",
                                 fontsize=9 if on else 7,
                                 color=_text_colour(rgba[r, c]) if on else "0.6"))
            cells.append((r, c))
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
