"""Figures for the series. Every function takes ``ax=None`` and returns the axes it drew on.

Call ``use_style()`` once in a notebook's setup cell; nothing is changed at import time.
Colours come from the Okabe-Ito palette, which stays distinguishable with the common forms of
colour blindness; signed values use the diverging ``PuOr`` map.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import TwoSlopeNorm

__all__ = ["PALETTE", "DIVERGING", "use_style", "new_figure", "plot_contributions",
           "plot_activation", "plot_matrix", "plot_connections", "tap_colour", "plot_toeplitz",
           "plot_conv_network", "plot_receptive_field", "plot_feature_maps"]

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000"]
DIVERGING = "PuOr_r"


def use_style():
    """Set the series' matplotlib style (small PNGs, colour-blind-safe colour cycle)."""
    plt.rcParams.update({
        "figure.dpi": 80,
        "figure.figsize": (7.0, 3.0),
        "figure.facecolor": "white",
        "font.size": 10,
        "axes.prop_cycle": plt.cycler(color=PALETTE),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "legend.frameon": False,
        "image.cmap": "viridis",
    })


def new_figure(ncols=1, figsize=None):
    """A figure that pyplot does not manage (so it is never shown twice) and its axes.

    Widgets draw into such figures and display them themselves.
    """
    from matplotlib.figure import Figure
    fig = Figure(figsize=figsize or plt.rcParams["figure.figsize"], dpi=plt.rcParams["figure.dpi"],
                 layout="constrained")
    axes = fig.subplots(1, ncols)
    return fig, axes


def _axes(ax):
    return plt.gca() if ax is None else ax


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
    matplotlib.axes.Axes
        Its ``containers[0]`` holds the n + 2 bars (products, bias, z) in that order.

    Introduced in notebook 01.
    """
    ax = _axes(ax)
    x, w = np.asarray(x, float), np.asarray(w, float)
    values = np.r_[x * w, b, x @ w + b]
    labels = [f"$x_{i + 1}w_{i + 1}$" for i in range(len(x))] + ["$b$", "$z$"]
    colours = [PALETTE[0]] * len(x) + [PALETTE[1], PALETTE[3]]
    ax.bar(range(len(values)), values, color=colours)
    ax.axhline(0, color="black", lw=0.8)
    ax.set_xticks(range(len(values)), labels)
    ax.set_ylabel("value")
    ax.set_title("products, bias and their sum $z = x \\cdot w + b$")
    return ax


def plot_activation(z, fn, name="relu", zlim=(-6.0, 6.0), ax=None):
    """The activation function sigma over ``zlim`` with the point (z, sigma(z)) marked.

    Returns the axes; ``ax.lines[1]`` is the marker (its data is (z, sigma(z))).

    Introduced in notebook 01.
    """
    ax = _axes(ax)
    grid = np.linspace(*zlim, 201)
    ax.plot(grid, fn(grid), color=PALETTE[0], label=f"$\\sigma$ = {name}")
    ax.plot([z], [fn(np.asarray(z))], "o", color=PALETTE[3], ms=9, label="$(z, \\sigma(z))$")
    ax.set_xlabel("$z$")
    ax.set_ylabel("$a = \\sigma(z)$")
    ax.legend(loc="upper left")
    return ax


def plot_matrix(M, ax=None, row_label="row", col_label="column", annotate=True, fmt="{:.2g}"):
    """Heatmap of a matrix with a diverging colour map centred on 0, optionally with values.

    Parameters
    ----------
    M : array_like, shape (rows, cols)
    row_label, col_label : str
        Axis labels (say what a row and a column *are*, e.g. "output unit").

    Introduced in notebook 01.
    """
    ax = _axes(ax)
    M = np.asarray(M, float)
    lim = max(np.abs(M).max(), 1e-12)
    ax.imshow(M, cmap=DIVERGING, norm=TwoSlopeNorm(0.0, -lim, lim))
    ax.set_xticks(range(M.shape[1]))
    ax.set_yticks(range(M.shape[0]))
    ax.set_xlabel(col_label)
    ax.set_ylabel(row_label)
    ax.grid(False)
    if annotate:
        for (r, c), v in np.ndenumerate(M):
            ax.text(c, r, fmt.format(v), ha="center", va="center", fontsize=9,
                    color="white" if abs(v) > 0.6 * lim else "black")
    return ax


def plot_connections(M, ax=None, in_name="x", out_name="z", colors=None, first_index=1):
    """Network diagram of a linear map: inputs on the left, outputs on the right.

    Output unit i is joined to input j when ``M[i, j] != 0``.

    Parameters
    ----------
    M : array_like, shape (n_out, n_in)
        The matrix in "one row per output unit" form (Ng's W; for the row form a = x W
        pass ``W.T``).
    first_index : int, default 1
        Number of the first node in the labels (0 to match numpy indexing, as in notebook 04).
    colors : array_like of colours, shape (n_out, n_in), optional
        Edge colours; by default the value's sign and size on the diverging map.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.collections[0]`` is the LineCollection of edges (one segment per non-zero, in
        row-major order), so callers can recolour or highlight them.

    Introduced in notebook 01.
    """
    ax = _axes(ax)
    M = np.asarray(M, float)
    n_out, n_in = M.shape
    y_in = np.linspace(1, 0, n_in) if n_in > 1 else np.array([0.5])
    y_out = np.linspace(1, 0, n_out) if n_out > 1 else np.array([0.5])
    rows, cols = np.nonzero(M)
    segments = [[(0, y_in[j]), (1, y_out[i])] for i, j in zip(rows, cols)]
    if colors is None:
        lim = max(np.abs(M).max(), 1e-12)
        cmap = plt.get_cmap(DIVERGING)
        colors = [cmap(0.5 + 0.5 * M[i, j] / lim) for i, j in zip(rows, cols)]
    else:
        colors = [colors[i][j] for i, j in zip(rows, cols)]
    widths = 0.5 + 2.5 * np.abs(M[rows, cols]) / max(np.abs(M).max(), 1e-12)
    ax.add_collection(LineCollection(segments, colors=colors, linewidths=widths, zorder=1))
    ax.scatter(np.zeros(n_in), y_in, s=260, color="white", edgecolor="black", zorder=2)
    ax.scatter(np.ones(n_out), y_out, s=260, color="white", edgecolor="black", zorder=2)
    for j, y in enumerate(y_in):
        ax.text(-0.06, y, f"${in_name}_{{{j + first_index}}}$", ha="right", va="center")
    for i, y in enumerate(y_out):
        ax.text(1.06, y, f"${out_name}_{{{i + first_index}}}$", ha="left", va="center")
    ax.set_xlim(-0.3, 1.3)
    ax.set_ylim(-0.15, 1.15)
    ax.set_axis_off()
    return ax


def tap_colour(k):
    """The colour of kernel tap k (weight w_k) in every figure of notebook 04 (Okabe-Ito).

    Introduced in notebook 04.
    """
    return PALETTE[k % 7]                                  # black (PALETTE[7]) is kept for text


def _text_colour(rgb):
    lum = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]
    return "black" if lum > 0.55 else "white"


def _sub(name, n):
    """``name`` with subscript ``n`` in Unicode (x₁₂): looks like mathtext, draws much faster."""
    return name + str(n).translate(str.maketrans("0123456789-", "₀₁₂₃₄₅₆₇₈₉₋"))


def _tap_legend(ax, T, taps, name="w", **kw):
    from matplotlib.patches import Patch
    K = taps.max() + 1
    values = [T[taps == k][0] if (taps == k).any() else 0.0 for k in range(K)]
    handles = [Patch(color=tap_colour(k), label=f"{_sub(name, k)} = {v:g}")
               for k, v in enumerate(values)]
    ax.legend(handles=handles, **kw)


def plot_toeplitz(T, taps, ax=None, pad=(0, 0), annotate=True, fmt="{:g}", legend=True,
                  zeros=True, tap_name="w"):
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

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.images[0]`` is the RGBA image (rows = output units, columns = inputs).

    Introduced in notebook 04.
    """
    from matplotlib.colors import to_rgba
    ax = _axes(ax)
    T, taps = np.asarray(T, float), np.asarray(taps, int)
    L_out, n_cols = T.shape
    rgba = np.ones((L_out, n_cols, 4))                                   # (L_out, L, RGBA) white
    pl, pr = pad
    rgba[:, :pl, :3] = rgba[:, n_cols - pr:, :3] = 0.85                  # padded zeros: grey
    for k in range(taps.max() + 1):
        rgba[taps == k] = to_rgba(tap_colour(k))
    ax.imshow(rgba, interpolation="nearest")
    if annotate:
        for (r, c), v in np.ndenumerate(T):
            on = taps[r, c] >= 0
            if not (on or zeros):
                continue
            ax.text(c, r, fmt.format(v) if on else "0", ha="center", va="center",
                    fontsize=9 if on else 7, color=_text_colour(rgba[r, c]) if on else "0.6")
    ax.set_xticks(range(n_cols), [str(c - pl).replace("-", "\u2212") for c in range(n_cols)])
    ax.set_yticks(range(L_out))
    ax.set_xticks(np.arange(-0.5, n_cols), minor=True)
    ax.set_yticks(np.arange(-0.5, L_out), minor=True)
    ax.grid(True, which="minor", color="white", lw=1.5)
    ax.grid(False, which="major")
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel("input $j$" + (" (grey: padding)" if pl or pr else ""))
    ax.set_ylabel("output unit $i$")
    if legend and taps.max() >= 0:
        _tap_legend(ax, T, taps, name=tap_name, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                    fontsize=9)
    return ax


def plot_conv_network(T, taps, ax=None, pad=(0, 0), in_name="x", out_name="z", out_pos=None,
                      legend=True, tap_name="w"):
    """Network diagram of a convolution matrix: inputs in a row below, outputs above.

    Output unit i is joined to input j when ``T[i, j] != 0``; the edge's colour is the weight
    it carries (``taps[i, j]``), so the shared weights show as parallel edges of one colour.
    The layout is ``helpers.diagram.plot_network``'s (which also draws dense layers in it).

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
    matplotlib.axes.Axes
        ``ax.collections[0]``: LineCollection of edges, one per non-zero of T in row-major
        order, from ``(j - p_left, 0)`` to ``(out_pos[i], 1)``; ``ax.collections[1]`` /
        ``[2]``: input / output nodes.

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
    matplotlib.axes.Axes
        ``ax.collections[0]`` is the LineCollection of traced connections,
        ``ax.collections[1 + l]`` the units of level l (traced ones coloured).

    Introduced in notebook 06.
    """
    from helpers.receptive_field import layer_lengths, trace_receptive_field, unit_centres
    from helpers.conv import _geometry
    ax = _axes(ax)
    levels = trace_receptive_field(L, layers, index, padding)
    centres = unit_centres(L, layers, padding)
    lengths = layer_lengths(L, layers, padding)
    segments = []
    for l, (K, s, d) in enumerate(layers, start=1):
        pl = _geometry(lengths[l - 1], K, s, padding, d, "plot_receptive_field")[0]
        for i in levels[l]:
            for k in range(K):
                j = i * s + k * d - pl
                if 0 <= j < lengths[l - 1]:
                    segments.append([(centres[l][i], l), (centres[l - 1][j], l - 1)])
    ax.add_collection(LineCollection(segments, colors=PALETTE[0], linewidths=0.8, alpha=0.6))
    for l, (xs, traced) in enumerate(zip(centres, levels)):
        face = np.full(len(xs), "white", dtype=object)
        face[traced] = PALETTE[3] if l == 0 else PALETTE[0]
        ax.scatter(xs, np.full(len(xs), l), s=28, c=list(face), edgecolor="0.4", lw=0.6,
                   zorder=3)
    field = levels[0]
    if len(field):
        ax.axvspan(field[0] - 0.5, field[-1] + 0.5, ymin=0, ymax=0.5 / (len(layers) + 1),
                   color=PALETTE[3], alpha=0.15, lw=0)
    ax.set_yticks(range(len(layers) + 1), ["input"] + [f"layer {l}" for l in
                                                       range(1, len(layers) + 1)])
    ax.set_xlim(-1, L)
    ax.set_ylim(-0.5, len(layers) + 0.5)
    ax.set_xlabel("input position $j$")
    ax.grid(False)
    return ax


def plot_feature_maps(x, A, K, axes=None, names=None):
    """A signal, its feature maps as lines, and the stack of maps as an image.

    Feature map j is drawn under the window that produced it: output i sits at the window's
    centre, input position ``i + (K - 1) / 2`` (stride 1, "valid" padding).

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
        Legend labels of the maps; default ``a_1, a_2, ...``.

    Returns
    -------
    list of matplotlib.axes.Axes
        ``axes[1].lines[j]`` is feature map j; ``axes[2].images[0]`` shows ``A.T`` (one row
        per map).

    Introduced in notebook 05.
    """
    x, A = np.asarray(x, float), np.asarray(A, float)
    if axes is None:
        _, axes = plt.subplots(3, 1, figsize=(8.0, 5.5), sharex=True, layout="constrained",
                               height_ratios=[1.0, 1.2, 0.7])
    ax_x, ax_a, ax_s = axes
    L_out, C_out = A.shape
    names = names or [f"$a_{j + 1}$" for j in range(C_out)]
    centre = np.arange(L_out) + (K - 1) / 2
    ax_x.plot(np.arange(len(x)), x, color=PALETTE[7], lw=1.2)
    ax_x.set_ylabel("input $x$")
    for j in range(C_out):
        ax_a.plot(centre, A[:, j], color=PALETTE[j % 7], lw=1.5, label=names[j])
    ax_a.set_ylabel("feature maps")
    ax_a.legend(loc="upper left", ncols=C_out)
    vmax = max(A.max(), 1e-12)
    ax_s.imshow(A.T, aspect="auto", cmap="viridis", vmin=0.0, vmax=vmax, interpolation="none",
                extent=(centre[0] - 0.5, centre[-1] + 0.5, C_out - 0.5, -0.5))
    ax_s.set_yticks(range(C_out), names)
    ax_s.set_xlabel("input position (maps drawn at their window's centre)")
    ax_s.set_title("the stack $A = [a_1 \\; a_2 \\; \\dots]$, one row per map (dark = 0)",
                   fontsize=9)
    ax_s.grid(False)
    ax_x.set_xlim(-0.5, len(x) - 0.5)
    return list(axes)
