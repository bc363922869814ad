"""Network diagrams of a linear layer z = T x, dense or convolutional, in one layout.

Inputs sit in a row at the bottom (input j at position j), outputs on top (output i over the
middle of the inputs it reads), one edge per connection. A dense and a convolutional layer of
the same shape get the same node positions, so the eye sees only what differs in T: the
missing edges are its zeros, the edges of one colour one shared weight.
"""
from collections import namedtuple

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.patches import Patch

from helpers.style import PALETTE, subscript, tap_colour, tap_legend_handles

DENSE_CMAP = "cividis"          # dense edges: value -> colour, colour-blind safe, never white
_FAMILY_BASES = [PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[4 % len(PALETTE)]]  # filter hues

Edges = namedtuple("Edges", "i j weight tap")
NetworkPlot = namedtuple("NetworkPlot", "ax edges in_nodes out_nodes in_labels out_labels")


def _matrix(T, taps, func):
    """T as a 2-D float array and taps (or None) as int of its shape, checked."""
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
    """The edges a network diagram of ``z = T x`` draws: one per connection.

    T (L_out, n_cols) has one row per output unit; with ``pad`` its first ``pad[0]`` and last
    ``pad[1]`` columns stand for padded zeros (``conv_matrix(..., padded=True)``). Without
    ``taps`` (a dense layer) a connection is a non-zero T_ij; with ``taps`` (T's shape, as
    from ``tap_index_matrix``) every entry the structure fills, ``taps >= 0``, zero taps
    included: the diagram shows which inputs each output *reads*.

    Returns ``Edges(i, j, weight, tap)``, arrays of equal length, row-major: the output unit,
    the input position ``column - pad[0]`` (negative or >= L when padded), T_ij and the
    shared weight's k (-1 without taps).

    >>> e = network_edges([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], [[0, 1, -1], [-1, 0, 1]])
    >>> e.i.tolist(), e.j.tolist(), e.tap.tolist()      # the zero tap w_1 = 0 is an edge
    ([0, 0, 1, 1], [0, 1, 1, 2], [0, 1, 0, 1])

    Introduced in notebook 04.
    """
    T, taps = _matrix(T, taps, "network_edges")
    rows, cols = np.nonzero(T if taps is None else taps >= 0)
    tap = taps[rows, cols] if taps is not None else np.full(len(rows), -1)
    return Edges(rows, cols - int(pad[0]), T[rows, cols], tap)


def window_centres(T, pad=(0, 0), taps=None):
    """Each output node's position (L_out,): the mean input position of its edges.

    The edges are ``network_edges(T, taps, pad)``'s; a row without any is placed between its
    neighbours (linear interpolation). Introduced in notebook 04.
    """
    e = network_edges(T, taps, pad)
    L_out, n_cols = np.shape(T)
    counts = np.bincount(e.i, minlength=L_out)
    has = counts > 0
    if not has.any():
        return np.full(L_out, (n_cols - 1) / 2 - pad[0])
    sums = np.bincount(e.i, weights=e.j, minlength=L_out)
    return np.interp(np.arange(L_out), np.flatnonzero(has), sums[has] / counts[has])


def filter_tap_colour(f, k, K):
    """The colour of tap k (of K) of filter f in a stack: a shade of filter f's hue.

    Tap 0 is the lightest (half white), tap K-1 the darkest (a third black), so a filter's
    taps read as one family and the filters as different hues. Returns an RGBA tuple.

    Introduced in notebook 04.
    """
    base = np.array(to_rgba(_FAMILY_BASES[f % len(_FAMILY_BASES)]))
    t = k / max(K - 1, 1)                                            # 0 .. 1
    mix = 1.0 - 0.5 * (1 - 2 * t) if t < 0.5 else 1.0 - 0.66 * (t - 0.5)
    rgb = 1.0 - (1.0 - base[:3]) * mix if t < 0.5 else base[:3] * mix
    return (*np.clip(rgb, 0.0, 1.0), 1.0)


def _edge_colours(e, taps, filters):
    """Each edge's colour and the edges' width: by value (dense), by tap, or by filter and tap."""
    if taps is None:                                                 # every edge its own colour
        lo, hi = e.weight.min(), e.weight.max()
        return plt.get_cmap(DENSE_CMAP)((e.weight - lo) / max(hi - lo, 1e-12)), 1.6
    if filters is None:
        return [tap_colour(k) for k in e.tap], 2.2
    K = taps.max() + 1
    return [filter_tap_colour(filters[i], k, K) for i, k in zip(e.i, e.tap, strict=True)], 2.2


def _legend_handles(T, taps, filters, tap_name):
    """One patch per shared weight ``w_k = value`` (per filter f and tap k with ``filters``)."""
    if filters is None:
        return tap_legend_handles(T, taps, tap_name)
    K, filters = taps.max() + 1, np.asarray(filters)
    return [Patch(color=filter_tap_colour(f, k, K),
                  label=f"{tap_name}$^{{({f})}}_{{{k}}}$ = "
                        f"{T[filters == f][taps[filters == f] == k][0]:g}")
            for f in np.unique(filters) for k in range(K)
            if (taps[filters == f] == k).any()]                      # no edge: no entry


def plot_network(T, taps=None, ax=None, pad=(0, 0), out_pos=None, filters=None, xlim=None,
                 in_name="x", out_name="z", tap_name="w", out_labels=None, legend=True):
    """Network diagram of ``z = T x``: inputs in a row at the bottom, outputs on top.

    One edge per connection of ``network_edges(T, taps, pad)``, coloured by the weight it
    shares (``tap_colour(k)``, or ``filter_tap_colour(f, k, K)`` with ``filters``); without
    ``taps`` (a dense layer) by its value on ``DENSE_CMAP``. Padded columns are grey nodes
    labelled "pad" with dashed edges. Two panels with the same ``out_pos`` and ``xlim`` share
    one layout.

    ``out_pos`` (L_out,) places the outputs (default ``window_centres``, moved apart by
    filter); ``filters`` (L_out,) gives each output row's filter f (one colour family each);
    ``in_name``, ``out_name`` and ``tap_name`` name x_j, z_i and the legend's w_k = value;
    ``out_labels`` replace the z_i.

    Returns ``NetworkPlot(ax, edges, in_nodes, out_nodes, in_labels, out_labels)``: one
    segment per edge, row-major, from ``(j, 0)`` to ``(out_pos[i], 1)``; the nodes and their
    texts. Introduced in notebook 04.
    """
    T, taps = _matrix(T, taps, "plot_network")
    ax = plt.gca() if ax is None else ax
    L_out, n_cols = T.shape
    pl, pr = int(pad[0]), int(pad[1])
    L = n_cols - pl - pr
    e = network_edges(T, taps, pad)
    in_pos = np.arange(n_cols) - pl                                  # real inputs at 0..L-1
    if out_pos is None:
        out_pos = window_centres(T, pad, taps)
        if filters is not None:                                      # side by side per filter
            f = np.asarray(filters)
            out_pos = out_pos + 0.44 * (f - f.max() / 2)
    out_pos = np.asarray(out_pos, float)
    is_pad = (e.j < 0) | (e.j >= L)
    colours, width = _edge_colours(e, taps, filters)
    segments = np.stack([np.c_[e.j, np.zeros(len(e.j))],
                         np.c_[out_pos[e.i], np.ones(len(e.i))]], axis=1)   # (edges, 2, 2)
    edges = ax.add_collection(LineCollection(
        segments, colors=colours, linewidths=np.where(is_pad, 1.2, width),
        linestyles=[(0, (3, 2)) if p else "solid" for p in is_pad], zorder=1))
    padded = (in_pos < 0) | (in_pos >= L)
    in_nodes = ax.scatter(in_pos, np.zeros(n_cols), s=300,
                          c=["0.85" if p else "white" for p in padded],
                          edgecolor="black", zorder=2)
    out_nodes = ax.scatter(out_pos, np.ones(L_out), s=300, c="white", edgecolor="black", zorder=2)
    in_labels = [ax.text(j, -0.17, "pad", ha="center", va="top", fontsize=9, color="0.4") if p
                 else ax.text(j, -0.17, subscript(in_name, j), ha="center", va="top", fontsize=10)
                 for j, p in zip(in_pos, padded, strict=True)]
    names = out_labels or [subscript(out_name, i) for i in range(L_out)]
    out_texts = [ax.text(xo, 1.17, label, ha="center", va="bottom", fontsize=10)
                 for xo, label in zip(out_pos, names, strict=True)]
    lo, hi = min(in_pos.min(), out_pos.min()), max(in_pos.max(), out_pos.max())
    ax.set_xlim(*(xlim if xlim is not None else (lo - 0.7, hi + 0.7)))
    ax.set_ylim(-0.45, 1.45)
    ax.set_axis_off()
    if legend and taps is not None and taps.max() >= 0:
        ax.legend(handles=_legend_handles(T, taps, filters, tap_name), loc="center left",
                  bbox_to_anchor=(1.0, 0.5), fontsize=9)
    return NetworkPlot(ax, edges, in_nodes, out_nodes, in_labels, out_texts)
