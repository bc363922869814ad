"""Figures of signals and sliding windows (notebooks 02-03); each takes ax=None, returns artists.

A ``set_*`` function moves what its ``plot_*`` drew to new values (the explorers call them).
"""
from collections import namedtuple

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.markers import MarkerStyle

from helpers.conv import correlate1d
from helpers.geometry import geometry
from helpers.style import HIGHLIGHT, PALETTE, subscript

SignalPlot = namedtuple("SignalPlot", "ax stems")
FeatureMapPlot = namedtuple("FeatureMapPlot", "ax line stems")
SlidingWindowPlot = namedtuple("SlidingWindowPlot", "ax frame boxes texts")
GeometryPlot = namedtuple("GeometryPlot", "ax edges inputs outputs")

_CIRCLE, _SQUARE = (MarkerStyle(m).get_path().transformed(MarkerStyle(m).get_transform())
                    for m in "os")


def plot_signal(x, ax=None, name="x", offset=0.0, color=None, annotate=False):
    """Stem plot of a signal x (L,), entry j at position j + ``offset``; returns ``(ax, stems)``.

    ``name`` is the legend label (mathtext); ``annotate`` writes each value by its marker.

    Introduced in notebook 02.
    """
    ax = plt.gca() if ax is None else ax
    x = np.asarray(x, float)
    pos = np.arange(len(x)) + offset
    color = color or PALETTE[0]
    stems = ax.stem(pos, x, linefmt="-", basefmt=" ", label=f"${name}$")
    stems.markerline.set_color(color)
    stems.stemlines.set_color(color)
    ax.axhline(0, color="black", lw=0.6)
    if annotate:
        for p, v in zip(pos, x, strict=True):
            ax.annotate(f"{v:.3g}", (p, v), xytext=(0, 7 if v >= 0 else -12),
                        textcoords="offset points", ha="center", fontsize=8)
    ax.set_xlabel("position")
    return SignalPlot(ax, stems)


def plot_feature_map(x, y, K, ax=None, names=("x", "a")):
    """A signal x (L,) as a line and its "valid" feature map y (L_out,) as stems.

    y[i] is drawn under its window's centre, i + (K - 1) / 2. Returns ``(ax, line, stems)``.

    Introduced in notebook 02.
    """
    ax, x = plt.gca() if ax is None else ax, np.asarray(x, float)
    shift = (K - 1) / 2                                              # window centre
    line, = ax.plot(np.arange(len(x)), x, "-o", ms=3, lw=1, color=PALETTE[0],
                    label=f"${names[0]}$")
    stems = plot_signal(y, ax=ax, name=names[1], offset=shift, color=HIGHLIGHT).stems
    stems.markerline.set_marker("D")                                 # a second cue beside colour
    ax.legend(loc="upper right")
    return FeatureMapPlot(ax, line, stems)


def _cell(ax, pos, row, gid, boxes, texts, face="white", text="", edge="0.4", ls="-"):
    """Add a box (to ``boxes[gid]``) with a text (to ``texts[gid]``) at (pos, row)."""
    boxes[gid].append(ax.add_patch(plt.Rectangle((pos - 0.45, row - 0.38), 0.9, 0.76, lw=0.8,
                                                 facecolor=face, edgecolor=edge, ls=ls, gid=gid)))
    texts[gid].append(ax.text(pos, row, text, ha="center", va="center", fontsize=9,
                              color="0.5" if gid == "pad" else "black", gid=gid + "-text"))


def _padded_slide(x, w, padding, flip, func):
    """The geometry, the padded input, the taps that slide (w, or w flipped) and z."""
    g = geometry(len(x), len(w), 1, padding, 1, func)
    taps = w[::-1] if flip else w                                         # (K,)
    return g, g.pad(x), taps, correlate1d(x, taps, padding=padding)      # (pl+L+pr,), z (L_out,)


def _position_labels(ax, L, pl, pr):
    """Tick j at every drawn input position: padded ones read -pl..-1 and L..L+pr-1, in grey."""
    pos = np.arange(-pl, L + pr)
    ax.set_xticks(pos, [f"{j}".replace("-", "\u2212") for j in pos])
    for j, label in zip(pos, ax.get_xticklabels(), strict=True):
        label.set_color("black" if 0 <= j < L else "0.5")
    return pos


def plot_sliding_window(x, w, i, ax=None, fn=None, fn_name="relu", padding="valid", flip=False):
    """The sliding dot product of x (L,) and w (K,) at window position i, as rows of cells.

    Rows, top to bottom: x zero-padded by ``padding`` (stride 1; padded positions labelled
    -p_left..-1 and L..L+p_right-1 in grey), the window framed; the taps (w, or w reversed if
    ``flip``: with ``padding="full"`` that is ``np.convolve(x, w, "full")``); the products;
    z (0..i filled in, z[i] under its window's centre); a = fn(z) if ``fn`` (named
    ``fn_name``). 0 <= i < L_out = L + p_left + p_right - K + 1.

    Returns ``SlidingWindowPlot(ax, frame, boxes, texts)``: the window's frame, and per row
    name ("x", "pad", "w", "prod", "z", "a") its boxes and texts; ``set_sliding_window``
    moves it. Introduced in notebook 02.
    """
    ax = plt.gca() if ax is None else ax
    x, w = np.asarray(x, float), np.asarray(w, float)
    L, K = len(x), len(w)
    g, _, _, z = _padded_slide(x, w, padding, flip, "plot_sliding_window")
    pl, pr = g.p_left, g.p_right
    names = ["x", "w", "prod", "z", "a"] if fn else ["x", "w", "prod", "z"]
    rows = {name: len(names) - 1 - r for r, name in enumerate(names)}   # top row: x
    boxes, texts = ({name: [] for name in ["x", "pad", *names[1:]]} for _ in range(2))
    for j in range(-pl, L + pr):
        if 0 <= j < L:
            _cell(ax, j, rows["x"], "x", boxes, texts, face="#DCEBF5", text=f"{x[j]:.3g}")
        else:
            _cell(ax, j, rows["x"], "pad", boxes, texts, text="0", edge="0.6", ls="--")
    for k in range(K):
        _cell(ax, k, rows["w"], "w", boxes, texts, face="#FBE5BF")
        _cell(ax, k, rows["prod"], "prod", boxes, texts)
    for name in ("z", "a") if fn else ("z",):
        for j in range(len(z)):
            _cell(ax, j - pl + (K - 1) / 2, rows[name], name, boxes, texts)
    frame = ax.add_patch(plt.Rectangle((-0.5, rows["x"] - 0.46), K, 0.92, fill=False,
                                       edgecolor=HIGHLIGHT, lw=2.5, gid="window"))
    plain = pl == pr == 0 and not flip                  # plain text: the widget redraws it,
    labels = {"x": "x", "w": "w flipped" if flip else "w",   # mathtext is slow
              "prod": "x[i+k] w[k]" if plain else "products", "z": "z = Σ products",
              "a": f"a = {fn_name}(z)"}
    ax.set_yticks(list(rows.values()), [labels[r] for r in rows])
    _position_labels(ax, L, pl, pr)
    ax.set_xlim(-pl - 0.6, L + pr - 0.4)
    ax.set_ylim(-0.6, max(rows.values()) + 0.6)
    ax.set_xlabel("position j in the input" + (" (grey: a padded zero)" if pl or pr else ""))
    ax.grid(False)
    ax.spines[["left", "bottom"]].set_visible(False)
    ax.tick_params(length=0)
    plot = SlidingWindowPlot(ax, frame, boxes, texts)
    set_sliding_window(plot, x, w, i, fn, fn_name, padding, flip)
    return plot


def set_sliding_window(plot, x, w, i, fn=None, fn_name="relu", padding="valid", flip=False):
    """Move the window of ``plot`` (from ``plot_sliding_window``, same padding and flip) to i.

    Returns z[i]. Introduced in notebook 02.
    """
    x, w = np.asarray(x, float), np.asarray(w, float)
    K = len(w)
    g, x_pad, taps, z = _padded_slide(x, w, padding, flip, "set_sliding_window")
    left = i - g.p_left                             # input position of the window's first tap
    plot.frame.set_x(left - 0.5)
    for row, values in [("w", taps), ("prod", x_pad[i:i + K] * taps + 0.0)]:   # + 0.0: no "-0"
        for k, (box, txt) in enumerate(zip(plot.boxes[row], plot.texts[row], strict=True)):
            box.set_x(left + k - 0.45)
            txt.set_x(left + k)
            txt.set_text(f"{values[k]:.3g}")
    for name, values in [("z", z)] + ([("a", fn(z))] if fn else []):
        for j, (box, txt) in enumerate(zip(plot.boxes[name], plot.texts[name], strict=True)):
            box.set_facecolor(PALETTE[1] if j == i else "white")
            txt.set_text(f"{values[j]:.3g}" if j <= i else "")
    terms = " + ".join(f"({x_pad[i + k]:.3g})({taps[k]:.3g})" for k in range(K))
    title = f"i = {i}:  {subscript('z', i)} = {terms} = {z[i]:.3g}"   # plain text: no mathtext
    if fn:
        title += f",  {subscript('a', i)} = {fn_name}({z[i]:.3g}) = {float(fn(z[i])):.3g}"
    plot.ax.set_title(title, fontsize=10)
    return float(z[i])


def plot_conv_geometry(L, K, stride=1, padding="valid", dilation=1, ax=None):
    """Which inputs each output reads: the (padded) input on top, the outputs below.

    Output i, under its window's centre, is joined to the positions ``i*s + k*d - p_left``
    it reads. Padded zeros are hollow grey circles at -p_left..-1 and L..L+p_right-1 with
    dashed edges; inputs no output reads are orange squares. Returns ``GeometryPlot(ax,
    edges, inputs, outputs)`` (the L_out K edges output-major); ``set_conv_geometry``
    redraws it. Introduced in notebook 03.
    """
    ax = plt.gca() if ax is None else ax
    plot = GeometryPlot(ax, ax.add_collection(LineCollection([], zorder=1)),
                        ax.scatter([], [], s=110, edgecolor="black", zorder=2),
                        ax.scatter([], [], s=110, color=HIGHLIGHT, edgecolor="black", zorder=2))
    ax.set_yticks([0, 1], ["output z", "input x"])
    ax.set_ylim(-0.3, 1.3)
    ax.grid(False)
    ax.spines[["left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("position j in the input (negative or ≥ L: a padded zero)")
    set_conv_geometry(plot, L, K, stride, padding, dilation)
    return plot


def set_conv_geometry(plot, L, K, stride=1, padding="valid", dilation=1):
    """Redraw ``plot`` (from ``plot_conv_geometry``); return the layer's ``Geometry``.

    A kernel that does not fit raises ``helpers.geometry.GeometryError``. Notebook 03.
    """
    g = geometry(L, K, stride, padding, dilation, "set_conv_geometry")
    pl, pr = g.p_left, g.p_right
    taps, real = g.inside()                                                      # (L_out, K)
    centres = np.arange(g.L_out) * stride - pl + (g.K_eff - 1) / 2               # (L_out,)
    segs = np.stack([np.c_[taps.ravel(), np.ones(taps.size)],
                     np.c_[np.repeat(centres, K), np.zeros(taps.size)]], axis=1)  # (L_out K, 2, 2)
    plot.edges.set_segments(segs)
    plot.edges.set_colors([PALETTE[0] if r else "0.6" for r in real.ravel()])
    plot.edges.set_linestyles(["-" if r else "--" for r in real.ravel()])
    pos = np.arange(-pl, L + pr)
    inside = (pos >= 0) & (pos < L)
    unread = inside & ~np.isin(pos, taps[real])
    plot.inputs.set_offsets(np.c_[pos, np.ones_like(pos)])
    plot.inputs.set_facecolors(np.where(inside, np.where(unread, PALETTE[1], PALETTE[0]), "white"))
    plot.inputs.set_edgecolors(np.where(inside, "black", "0.6"))
    plot.inputs.set_paths([_SQUARE if u else _CIRCLE for u in unread])  # a second cue: shape
    plot.outputs.set_offsets(np.c_[centres, np.zeros_like(centres)])
    plot.ax.set_xlim(-pl - 0.8, L + pr - 0.2)
    _position_labels(plot.ax, L, pl, pr)             # padded: -pl..-1 and L..L+pr-1, grey
    plot.ax.set_title(f"L = {L}, K = {K}, s = {stride}, d = {dilation}, padding {padding}: zeros "
                      f"({pl}, {pr}) added\nL_out = ⌊({L} + {pl} + {pr} − {g.K_eff}) / {stride}⌋"
                      f" + 1 = {g.L_out}", fontsize=10)
    return g
