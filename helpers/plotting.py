"""Figures for the series. Every function takes ``ax=None`` and returns its artists.

What a plot function returns is a small ``NamedTuple`` whose first field is the axes it drew
on (``ax``; ``axes`` for a figure of several panels), followed by the artists a widget or a
test needs (lines, bars, images, texts, edge collections), so nobody reaches into the order
of ``ax.collections`` or ``ax.texts``.

Call ``use_style()`` once in a notebook's setup cell; nothing is changed at import time. The
colours (``PALETTE``) are matplotlib's colour-blind-safe ``petroff10`` sequence (Okabe-Ito on
a matplotlib without it); lines are told apart by line style too (``LINESTYLES``), and
figures have a white background so they read in a dark JupyterLab theme. Signed values use the
diverging ``PuOr`` map.
"""
from typing import NamedTuple

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import TwoSlopeNorm, to_hex, to_rgba

from helpers.geometry import geometry

__all__ = ["PALETTE", "LINESTYLES", "HIGHLIGHT", "DIVERGING", "use_style", "new_figure",
           "subscript", "tap_colour", "tap_legend_handles", "plot_contributions",
           "plot_activation", "plot_matrix", "plot_connections", "plot_toeplitz",
           "plot_conv_network", "plot_receptive_field", "plot_feature_maps", "BarsPlot",
           "ActivationPlot", "MatrixPlot", "ToeplitzPlot", "ReceptiveFieldPlot",
           "FeatureMapsPlot", "remove_plot"]

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
    from matplotlib.figure import Figure
    fig = Figure(figsize=figsize or plt.rcParams["figure.figsize"], dpi=plt.rcParams["figure.dpi"],
                 layout="constrained")
    axes = fig.subplots(nrows, ncols, **subplots)
    return fig, axes


_SUPERSCRIPTS = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


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
    from matplotlib.patches import Patch
    taps = np.asarray(taps)
    return [Patch(color=colour(k), label=f"{subscript(name, k)} = {T[taps == k][0]:g}")
            for k in range(taps.max() + 1) if (taps == k).any()]


def _ax(ax):
    return plt.gca() if ax is None else ax


class BarsPlot(NamedTuple):
    """What ``plot_contributions`` drew."""
    ax: object
    bars: object            # BarContainer: products x_i w_i (i = 0..n-1), then b, then z


class ActivationPlot(NamedTuple):
    """What ``plot_activation`` drew."""
    ax: object
    curve: object           # Line2D of sigma over zlim
    marker: object          # Line2D of the one point (z, sigma(z))


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


def remove_plot(plot):
    """Remove from its axes every artist a plot function drew (every field but the axes).

    Widgets call it to redraw one part of a figure in place, without ``ax.clear()``.
    """
    for field in plot[1:]:
        for artist in field if isinstance(field, (list, tuple)) else [field]:
            if hasattr(artist, "remove") and getattr(artist, "axes", None) is not None:
                artist.remove()


class ReceptiveFieldPlot(NamedTuple):
    """What ``plot_receptive_field`` drew."""
    ax: object
    edges: object           # LineCollection of the traced connections
    units: list             # units[l]: PathCollection of level l's units (traced ones coloured)
    span: object            # the shaded receptive field on the input row (None if empty)


class FeatureMapsPlot(NamedTuple):
    """What ``plot_feature_maps`` drew (three panels)."""
    axes: list              # [signal, feature maps, stack]
    lines: list             # lines[j]: Line2D of feature map j
    image: object           # AxesImage of A.T (one row per map)


def plot_contributions(x, w, b=0.0, ax=None):
    """Bars of the products x_i w_i, the bias b and their sum z = x . w + b.

    Parameters
    ----------
    x, w : array_like, shape (n,)
        Inputs and weights of one neuron.
    b : float
        Bias.

    Returns
    -------
    BarsPlot
        ``(ax, bars)``: the n + 2 bars (products, bias, z) in that order, labelled
        x₀w₀ … x₍ₙ₋₁₎w₍ₙ₋₁₎, b, z (plain text, not mathtext: the explorer redraws them).

    Introduced in notebook 01.
    """
    ax = _ax(ax)
    x, w = np.asarray(x, float), np.asarray(w, float)
    values = np.r_[x * w, b, x @ w + b]
    labels = [subscript("x", i) + subscript("w", i) for i in range(len(x))] + ["b", "z"]
    colours = [PALETTE[0]] * len(x) + [PALETTE[1], HIGHLIGHT]
    bars = ax.bar(range(len(values)), values, color=colours)
    ax.axhline(0, color="black", lw=0.8)
    ax.set_xticks(range(len(values)), labels)
    ax.set_ylabel("value")
    ax.set_title("products, bias and their sum z = x · w + b")   # plain text: fast redraws
    return BarsPlot(ax, bars)


def plot_activation(z, fn, name="relu", zlim=(-6.0, 6.0), ax=None):
    """The activation function sigma over ``zlim`` with the point (z, sigma(z)) marked.

    Returns
    -------
    ActivationPlot
        ``(ax, curve, marker)``; the marker's data is (z, sigma(z)).

    Introduced in notebook 01.
    """
    ax = _ax(ax)
    grid = np.linspace(*zlim, 201)
    curve, = ax.plot(grid, fn(grid), color=PALETTE[0], ls="-", label=f"σ = {name}")
    marker, = ax.plot([z], [fn(np.asarray(z))], "o", color=HIGHLIGHT, ms=9,
                      label="(z, σ(z))")
    ax.set_xlabel("z")
    ax.set_ylabel("a = σ(z)")
    ax.legend(loc="upper left")
    return ActivationPlot(ax, curve, marker)


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
    ax = _ax(ax)
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
    from helpers.diagram import plot_network
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
    ax = _ax(ax)
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


def plot_conv_network(T, taps, ax=None, pad=(0, 0), in_name="x", out_name="z", out_pos=None,
                      legend=True, tap_name="w"):
    """Network diagram of a convolution matrix: inputs in a row below, outputs above.

    Output unit i is joined to input j wherever ``taps[i, j] >= 0``; the edge's colour is the
    weight it carries (``taps[i, j]``), so the shared weights show as parallel edges of one
    colour. This is ``helpers.diagram.plot_network`` (which also draws dense layers).

    Parameters
    ----------
    T, taps : array_like, shape (L_out, L)
        As for ``plot_toeplitz``.
    pad : (int, int)
        Leading and trailing columns that are padded zeros: grey nodes labelled "pad" at
        positions -p_left..-1 and L..L+p_right-1, their edges dashed.
    out_pos : array_like, shape (L_out,), optional
        Horizontal position of each output; by default the mean position of its window (the
        middle of the inputs it reads).

    Returns
    -------
    helpers.diagram.NetworkPlot
        ``(ax, edges, in_nodes, out_nodes, in_labels, out_labels)``; ``edges`` has one
        segment per edge in row-major order, from ``(j - p_left, 0)`` to ``(out_pos[i], 1)``.

    Introduced in notebook 04.
    """
    from helpers.diagram import plot_network
    return plot_network(T, taps, ax=ax, pad=pad, out_pos=out_pos, in_name=in_name,
                        out_name=out_name, tap_name=tap_name, legend=legend)


def plot_receptive_field(L, layers, index=None, padding="same", ax=None):
    """Stacked layers as rows of units, with one top unit's receptive field traced down.

    Row 0 is the input (L positions), row l the output of layer l; each unit sits over the
    centre of its own receptive field. The traced units are coloured, the connections they use
    drawn, and the input positions in the field shaded: that span is r input positions
    (``helpers.receptive_field.receptive_field_size``) unless the edge cuts it off.

    Parameters
    ----------
    L : int
        Input length.
    layers : list of (K, stride, dilation)
        From the input upwards; every layer uses ``padding``.
    index : int, optional
        The top unit; default the middle one.
    padding : as in ``conv1d``, default "same"

    Returns
    -------
    ReceptiveFieldPlot
        ``(ax, edges, units, span)``: the traced connections, per level l its units, and the
        shaded field.

    Introduced in notebook 06.
    """
    from helpers.receptive_field import layer_lengths, trace_receptive_field, unit_centres
    ax = _ax(ax)
    levels = trace_receptive_field(L, layers, index, padding)
    centres = unit_centres(L, layers, padding)
    lengths = layer_lengths(L, layers, padding)
    segments = []
    for n, (K, s, d) in enumerate(layers, start=1):                      # level n reads n - 1
        g = geometry(lengths[n - 1], K, s, padding, d, "plot_receptive_field")
        pos, inside = g.inside()                                         # (L_out, K) each
        for i in levels[n]:
            for j in pos[i][inside[i]]:
                segments.append([(centres[n][i], n), (centres[n - 1][j], n - 1)])
    edges = ax.add_collection(LineCollection(segments, colors=PALETTE[0], linewidths=0.8,
                                             alpha=0.6))
    units = []
    for n, (xs, traced) in enumerate(zip(centres, levels)):
        face = np.full(len(xs), "white", dtype=object)
        face[traced] = HIGHLIGHT if n == 0 else PALETTE[0]
        units.append(ax.scatter(xs, np.full(len(xs), n), s=28, c=list(face), edgecolor="0.4",
                                lw=0.6, zorder=3))
    field, span = levels[0], None
    if len(field):
        span = ax.axvspan(field[0] - 0.5, field[-1] + 0.5, ymin=0, ymax=0.5 / (len(layers) + 1),
                          color=HIGHLIGHT, alpha=0.15, lw=0)
    ax.set_yticks(range(len(layers) + 1),
                  ["input"] + [f"layer {n}" for n in range(1, len(layers) + 1)])
    ax.set_xlim(-1, L)
    ax.set_ylim(-0.5, len(layers) + 0.5)
    ax.set_xlabel("input position $j$")
    ax.grid(False)
    return ReceptiveFieldPlot(ax, edges, units, span)


def plot_feature_maps(x, A, K, axes=None, names=None):
    """A signal, its feature maps as lines, and the stack of maps as an image.

    Feature map j is drawn under the window that produced it: output i sits at the window's
    centre, input position ``i + (K - 1) / 2`` (stride 1, "valid" padding). Map j has colour
    ``PALETTE[j]`` and line style ``LINESTYLES[j]``.

    Parameters
    ----------
    x : array_like, shape (L,)
        The input signal.
    A : array_like, shape (L_out, C_out)
        The feature maps, one column per filter (``L_out = L - K + 1``).
    K : int
        Kernel size, used to centre the maps under their windows.
    axes : sequence of 3 matplotlib.axes.Axes, optional
        Where to draw signal, maps and stack; by default a new pyplot figure's.
    names : sequence of str, optional
        Legend labels of the maps; default ``a⁽⁰⁾, a⁽¹⁾, ...``.

    Returns
    -------
    FeatureMapsPlot
        ``(axes, lines, image)``: the three axes, ``lines[j]`` feature map j, and the image of
        ``A.T`` (one row per map).

    Introduced in notebook 05.
    """
    x, A = np.asarray(x, float), np.asarray(A, float)
    if axes is None:
        _, axes = plt.subplots(3, 1, figsize=(8.0, 5.5), sharex=True, layout="constrained",
                               height_ratios=[1.0, 1.2, 0.7])
    ax_x, ax_a, ax_s = axes
    L_out, C_out = A.shape
    names = names or ["a" + f"({j})".translate(_SUPERSCRIPTS) for j in range(C_out)]   # a⁽⁰⁾
    centre = np.arange(L_out) + (K - 1) / 2
    ax_x.plot(np.arange(len(x)), x, color="black", ls="-", lw=1.2)
    ax_x.set_ylabel("input x")
    lines = [ax_a.plot(centre, A[:, j], color=PALETTE[j % len(PALETTE)],
                       ls=LINESTYLES[j % len(LINESTYLES)], lw=1.5, label=names[j])[0]
             for j in range(C_out)]
    ax_a.set_ylabel("feature maps")
    ax_a.legend(loc="upper left", ncols=C_out)
    vmax = max(A.max(), 1e-12)
    image = ax_s.imshow(A.T, aspect="auto", cmap="viridis", vmin=0.0, vmax=vmax,
                        interpolation="none",
                        extent=(centre[0] - 0.5, centre[-1] + 0.5, C_out - 0.5, -0.5))
    ax_s.set_yticks(range(C_out), names)
    ax_s.set_xlabel("input position (maps drawn at their window's centre)")
    ax_s.set_title("the stack A = [a⁽⁰⁾ a⁽¹⁾ …], one row per map (dark = 0)",
                   fontsize=9)                                   # plain text: fast redraws
    ax_s.grid(False)
    ax_x.set_xlim(-0.5, len(x) - 0.5)
    return FeatureMapsPlot(list(axes), lines, image)
