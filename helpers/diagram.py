"""Network diagrams of a linear layer z = T x, dense or convolutional, in one layout.

Inputs sit in a row at the bottom (input j at horizontal position j), outputs in a row on top
(output i over the middle of the inputs it reads), and there is one edge per non-zero T_ij.
A dense layer and a convolutional layer of the same shape are drawn with the *same* node
positions, so the only difference the eye sees is the one in the matrix: the convolution's
missing edges are the zeros of T, and its edges of one colour are one shared weight.

``network_edges`` returns the edges as data (the numbers a diagram shows), so a notebook can
assert the picture's mathematics without touching matplotlib artists.
"""
from collections import namedtuple

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection

__all__ = ["Edges", "network_edges", "window_centres", "plot_network", "DENSE_CMAP"]

DENSE_CMAP = "cividis"          # dense edges: value -> colour, colour-blind safe, never white

Edges = namedtuple("Edges", ["i", "j", "weight", "tap"])
Edges.__doc__ = """The edges of a network diagram, one per non-zero T_ij, in row-major order.

Fields ``i`` (output unit), ``j`` (input, counted from the first *real* input, so padded
positions are negative or >= L), ``weight`` (T_ij) and ``tap`` (the shared weight's index k,
or -1 where every edge has its own weight): numpy arrays of equal length."""

_FAMILIES = ["Blues", "Oranges", "Greens", "Purples"]      # one colour family per filter


def _matrix(T, taps, func):
    T = np.asarray(T, dtype=float)
    if T.ndim != 2 or T.size == 0:
        raise ValueError(f"{func}: T must be a non-empty 2-D matrix (L_out, L); got shape "
                         f"{T.shape}")
    if taps is not None:
        taps = np.asarray(taps)
        if taps.shape != T.shape:
            raise ValueError(f"{func}: taps must have T's shape {T.shape}; got {taps.shape}")
        taps = taps.astype(int)
    return T, taps


def network_edges(T, taps=None, pad=(0, 0)):
    """The edges a network diagram of ``z = T x`` draws: one per non-zero of T.

    Parameters
    ----------
    T : array_like, shape (L_out, n_cols)
        One row per output unit (column form z = T x). With ``pad`` its first ``pad[0]`` and
        last ``pad[1]`` columns stand for padded zeros (``conv_matrix(..., padded=True)``).
    taps : array_like of int, shape (L_out, n_cols), optional
        Which shared weight each entry holds (``tap_index_matrix``); None for a dense layer.
    pad : (int, int)

    Returns
    -------
    Edges
        Arrays ``i``, ``j`` (input position: ``column - pad[0]``), ``weight`` = T_ij and
        ``tap`` (-1 without taps), row-major.

    Introduced in notebook 04.
    """
    T, taps = _matrix(T, taps, "network_edges")
    rows, cols = np.nonzero(T)
    tap = taps[rows, cols] if taps is not None else np.full(len(rows), -1)
    return Edges(rows, cols - int(pad[0]), T[rows, cols], tap)


def window_centres(T, pad=(0, 0)):
    """Horizontal position of each output node: the mean input position of its non-zeros.

    Rows without a non-zero are placed by linear interpolation between their neighbours.
    Returns an array of shape (L_out,), in input positions (``column - pad[0]``).

    Introduced in notebook 04.
    """
    T, _ = _matrix(T, None, "window_centres")
    L_out, n_cols = T.shape
    rows, cols = np.nonzero(T)
    counts = np.bincount(rows, minlength=L_out)
    sums = np.bincount(rows, weights=cols, minlength=L_out)
    has = counts > 0
    if not has.any():
        return np.full(L_out, (n_cols - 1) / 2 - pad[0])
    return np.interp(np.arange(L_out), np.flatnonzero(has), sums[has] / counts[has]) - pad[0]


def _family_colour(f, k, K):
    """Tap k of filter f: a shade of filter f's colour family, darker for larger k."""
    return plt.get_cmap(_FAMILIES[f % len(_FAMILIES)])(0.45 + 0.5 * k / max(K - 1, 1))


def plot_network(T, taps=None, ax=None, pad=(0, 0), out_pos=None, filters=None, xlim=None,
                 in_name="x", out_name="z", tap_name="w", out_labels=None, legend=True):
    """Network diagram of ``z = T x``: inputs in a row at the bottom, outputs on top.

    One edge per non-zero T_ij. With ``taps`` (a convolution) an edge's colour is the weight
    it shares (``tap_colour(k)``; with ``filters``, shade k of filter f's colour family);
    without (a dense layer) each edge has its own colour, its value on ``DENSE_CMAP``.
    Give two panels the same ``out_pos`` and ``xlim`` to draw them in the same layout.

    Parameters
    ----------
    T : array_like, shape (L_out, n_cols)
        One row per output unit. With ``pad``, the first ``pad[0]`` and last ``pad[1]``
        columns are padded zeros: grey nodes labelled "pad", their edges dashed.
    taps : array_like of int, shape (L_out, n_cols), optional
        k where T holds the shared weight number k, -1 elsewhere; None for a dense layer.
    pad : (int, int)
    out_pos : array_like, shape (L_out,), optional
        Horizontal positions of the outputs; default ``window_centres(T, pad)``, moved apart
        by filter when ``filters`` is given.
    filters : array_like of int, shape (L_out,), optional
        The filter f that output row i belongs to (a stack of filters, one colour family each).
    xlim : (float, float), optional
        Horizontal extent; default the nodes' extent plus a margin.
    in_name, out_name, tap_name : str
        Node and legend names: inputs ``x_j``, outputs ``z_i``, legend ``w_k = value``.
    out_labels : list of str, optional
        Labels of the output nodes (default ``z_i``).

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.collections[0]``: the edges (one segment per non-zero, row-major, from
        ``(j, 0)`` to ``(out_pos[i], 1)``); ``[1]`` input nodes; ``[2]`` output nodes.

    Introduced in notebook 04.
    """
    from helpers.plotting import _sub, _tap_legend, tap_colour
    T, taps = _matrix(T, taps, "plot_network")
    ax = plt.gca() if ax is None else ax
    L_out, n_cols = T.shape
    pl, pr = int(pad[0]), int(pad[1])
    e = network_edges(T, taps, pad)
    in_pos = np.arange(n_cols) - pl                                  # real inputs at 0..L-1
    if out_pos is None:
        out_pos = window_centres(T, pad)
        if filters is not None:                                      # side by side per filter
            f = np.asarray(filters)
            out_pos = out_pos + 0.44 * (f - f.max() / 2)
    out_pos = np.asarray(out_pos, float)
    is_pad = (e.j < 0) | (e.j >= n_cols - pl - pr)
    if taps is None:                                                 # every edge its own colour
        lo, hi = e.weight.min(), e.weight.max()
        colours = plt.get_cmap(DENSE_CMAP)((e.weight - lo) / max(hi - lo, 1e-12))
        widths = np.full(len(e.i), 1.6)
    elif filters is not None:
        K = taps.max() + 1
        colours = [_family_colour(filters[i], k, K) for i, k in zip(e.i, e.tap)]
        widths = np.full(len(e.i), 2.2)
    else:
        colours = [tap_colour(k) for k in e.tap]
        widths = np.full(len(e.i), 2.2)
    segments = [[(j, 0.0), (out_pos[i], 1.0)] for i, j in zip(e.i, e.j)]
    ax.add_collection(LineCollection(
        segments, colors=colours, linewidths=np.where(is_pad, 1.2, widths),
        linestyles=[(0, (3, 2)) if p else "solid" for p in is_pad], zorder=1))
    face = ["0.85" if (j < 0 or j >= n_cols - pl - pr) else "white" for j in in_pos]
    ax.scatter(in_pos, np.zeros(n_cols), s=300, c=face, edgecolor="black", zorder=2)
    ax.scatter(out_pos, np.ones(L_out), s=300, c="white", edgecolor="black", zorder=2)
    for j, c in zip(in_pos, face):
        ax.text(j, -0.17, "pad" if c != "white" else _sub(in_name, j), ha="center", va="top",
                fontsize=9 if c != "white" else 10, color="0.4" if c != "white" else "black")
    labels = out_labels or [_sub(out_name, i) for i in range(L_out)]
    for xo, label in zip(out_pos, labels):
        ax.text(xo, 1.17, label, ha="center", va="bottom", fontsize=10)
    lo, hi = min(in_pos.min(), out_pos.min()), max(in_pos.max(), out_pos.max())
    ax.set_xlim(*(xlim if xlim is not None else (lo - 0.7, hi + 0.7)))
    ax.set_ylim(-0.45, 1.45)
    ax.set_axis_off()
    if legend and taps is not None and taps.max() >= 0:
        if filters is None:
            _tap_legend(ax, T, taps, name=tap_name, loc="center left",
                        bbox_to_anchor=(1.0, 0.5), fontsize=9)
        else:
            from matplotlib.patches import Patch
            K = taps.max() + 1
            handles = []
            for f in np.unique(filters):
                rows = np.asarray(filters) == f
                for k in range(K):
                    v = T[rows][taps[rows] == k]
                    handles.append(Patch(color=_family_colour(f, k, K),
                                         label=f"{tap_name}$^{{({f})}}_{{{k}}}$ = "
                                               f"{v[0] if len(v) else 0:g}"))
            ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.0, 0.5),
                      fontsize=9)
    return ax
