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
           "plot_activation", "plot_matrix", "plot_connections"]

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


def plot_connections(M, ax=None, in_name="x", out_name="z", colors=None):
    """Network diagram of a linear map: inputs on the left, outputs on the right.

    Output unit i is joined to input j when ``M[i, j] != 0``.

    Parameters
    ----------
    M : array_like, shape (n_out, n_in)
        The matrix in "one row per output unit" form (Ng's W; for the row form a = x W
        pass ``W.T``).
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
        ax.text(-0.06, y, f"${in_name}_{{{j + 1}}}$", ha="right", va="center")
    for i, y in enumerate(y_out):
        ax.text(1.06, y, f"${out_name}_{{{i + 1}}}$", ha="left", va="center")
    ax.set_xlim(-0.3, 1.3)
    ax.set_ylim(-0.15, 1.15)
    ax.set_axis_off()
    return ax
