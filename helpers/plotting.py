"""Figures of one neuron (01), the feature maps (05) and the receptive field (06).

Every plot function takes ``ax=None`` and returns a namedtuple: the axes first, then the
artists a widget or a test needs. Matrices are in ``plot_matrices``, networks in ``diagram``,
sliding windows in ``plot_windows``, colours in ``style``.
"""
from collections import namedtuple

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.patches import Rectangle

from helpers.geometry import geometry
from helpers.receptive_field import layer_lengths, trace_receptive_field, unit_centres
from helpers.style import HIGHLIGHT, LINESTYLES, PALETTE, subscript

BarsPlot = namedtuple("BarsPlot", "ax bars")
ActivationPlot = namedtuple("ActivationPlot", "ax curve marker")
ReceptiveFieldPlot = namedtuple("ReceptiveFieldPlot", "ax edges units span")
FeatureMapsPlot = namedtuple("FeatureMapsPlot", "axes lines image")

_SUPERSCRIPTS = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


def _ax(ax):
    return plt.gca() if ax is None else ax


def remove_plot(plot):
    """Remove every artist of ``plot`` (a plot function's namedtuple) but its axes."""
    for field in plot[1:]:
        for artist in field if isinstance(field, (list, tuple)) else [field]:
            if hasattr(artist, "remove") and getattr(artist, "axes", None) is not None:
                artist.remove()


def plot_contributions(x, w, b=0.0, ax=None):
    """Bars of the products x_i w_i (x, w: (n,)), the bias b and their sum z = x . w + b.

    Returns ``BarsPlot(ax, bars)``, the n + 2 bars in that order, labelled x₀w₀, ..., b, z in
    plain text (not mathtext: the explorer redraws them). Introduced in notebook 01.
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
    """The activation ``fn`` over ``zlim`` with the point (z, fn(z)) marked.

    Returns ``ActivationPlot(ax, curve, marker)``. Introduced in notebook 01.
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


def plot_receptive_field(L, layers, index=None, padding="same", ax=None):
    """Stacked layers as rows of units, with one top unit's receptive field traced down.

    Row 0 is the input (L positions), row l the output of layer l of ``layers`` [(K, s, d),
    ...] (each with ``padding``); each unit sits over the centre of its receptive field. The
    top unit ``index`` (default the middle one) and the units it reads are coloured, their
    connections drawn and the field shaded on the input.

    Returns ``ReceptiveFieldPlot(ax, edges, units, span)``: the traced connections, every
    level's units (level 0 first) and the shaded field; ``set_receptive_field`` moves them to
    another stack. Introduced in notebook 06.
    """
    ax = _ax(ax)
    plot = ReceptiveFieldPlot(
        ax, ax.add_collection(LineCollection([], colors=PALETTE[0], linewidths=0.8, alpha=0.6)),
        ax.scatter([], [], s=28, edgecolor="0.4", lw=0.6, zorder=3),
        ax.add_patch(Rectangle((0, 0), 1, 1, transform=ax.get_xaxis_transform(),
                               color=HIGHLIGHT, alpha=0.15, lw=0)))
    ax.set_xlim(-1, L)
    ax.set_xlabel("input position $j$")
    ax.grid(False)
    set_receptive_field(plot, L, layers, index, padding)
    return plot


def set_receptive_field(plot, L, layers, index=None, padding="same"):
    """Move ``plot`` (from ``plot_receptive_field``) to another stack; return its ``levels``."""
    levels = trace_receptive_field(L, layers, index, padding)
    centres = unit_centres(L, layers, padding)
    lengths = layer_lengths(L, layers, padding)
    segments = []
    for n, (K, s, d) in enumerate(layers, start=1):                      # level n reads n - 1
        g = geometry(lengths[n - 1], K, s, padding, d, "plot_receptive_field")
        pos, inside = g.inside()                                         # (L_out, K) each
        for i in levels[n]:
            segments += [[(centres[n][i], n), (centres[n - 1][j], n - 1)]
                         for j in pos[i][inside[i]]]
    plot.edges.set_segments(segments)
    faces = []
    for n, (xs, traced) in enumerate(zip(centres, levels, strict=True)):
        face = np.full(len(xs), "white", dtype=object)
        face[traced] = HIGHLIGHT if n == 0 else PALETTE[0]
        faces += list(face)
    plot.units.set_offsets(np.concatenate([np.c_[xs, np.full(len(xs), n)]
                                           for n, xs in enumerate(centres)]))
    plot.units.set_facecolors(faces)
    field = levels[0]
    plot.span.set_visible(len(field) > 0)
    if len(field):
        plot.span.set_bounds(field[0] - 0.5, 0, field[-1] - field[0] + 1,
                             0.5 / (len(layers) + 1))
    plot.ax.set_yticks(range(len(layers) + 1),
                       ["input"] + [f"layer {n}" for n in range(1, len(layers) + 1)])
    plot.ax.set_ylim(-0.5, len(layers) + 0.5)
    return levels


def plot_feature_maps(x, A, K, axes=None, names=None):
    """A signal x (L,), its feature maps A (L_out, C_out) as lines, and their stack as an image.

    Output i of a map is drawn under its window's centre, ``i + (K - 1) / 2`` (stride 1,
    "valid"); map j has colour ``PALETTE[j]``, line style ``LINESTYLES[j]`` and the label
    ``names[j]`` (default a⁽ʲ⁾). ``axes`` are three axes (signal, maps, stack), by default a
    new pyplot figure's.

    Returns ``FeatureMapsPlot(axes, lines, image)``: ``lines[j]`` draws map j, the image
    ``A.T``. Introduced in notebook 05.
    """
    x, A = np.asarray(x, float), np.asarray(A, float)
    if axes is None:
        _, axes = plt.subplots(3, 1, figsize=(7.0, 5.5), sharex=True, layout="constrained",
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
