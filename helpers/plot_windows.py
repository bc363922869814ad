"""Figures of signals and sliding windows (notebooks 02-03). Each takes ``ax=None``, returns axes.

``plot_signal`` and ``plot_feature_map`` draw 1-D signals; ``plot_sliding_window`` draws one
position of the sliding dot product as rows of cells; ``plot_conv_geometry`` draws which inputs
each output reads for any padding, stride and dilation. The two ``set_*`` functions move an
existing drawing to new values by updating its artists, which is what the explorers in
``helpers.widgets`` call. Colours: the Okabe-Ito ``PALETTE`` of ``helpers.plotting``.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection

from helpers.conv import _geometry
from helpers.plotting import PALETTE, _axes

__all__ = ["plot_signal", "plot_feature_map", "plot_sliding_window", "set_sliding_window",
           "plot_conv_geometry", "set_conv_geometry"]



def plot_signal(x, ax=None, name="x", offset=0.0, highlight=None, color=None, annotate=False):
    """Stem plot of a 1-D signal, entry j drawn at position j + ``offset``.

    Parameters
    ----------
    x : array_like, shape (L,)
    name : str
        Legend label.
    offset : float
        Shift of every position; ``(K - 1) / 2`` puts output i of a "valid" correlation under
        the centre of the window it read.
    highlight : int or sequence of int, optional
        Entries ringed in vermillion (``ax.lines[-1]`` holds the rings).
    annotate : bool
        Write each value beside its marker.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.containers[-1]`` is the StemContainer of the signal.

    Introduced in notebook 02.
    """
    ax = _axes(ax)
    x = np.asarray(x, float)
    pos = np.arange(len(x)) + offset
    color = color or PALETTE[0]
    stems = ax.stem(pos, x, linefmt="-", basefmt=" ", label=f"${name}$")
    stems.markerline.set_color(color)
    stems.stemlines.set_color(color)
    ax.axhline(0, color="black", lw=0.6)
    if annotate:
        for p, v in zip(pos, x):
            ax.annotate(f"{v:.3g}", (p, v), xytext=(0, 7 if v >= 0 else -12),
                        textcoords="offset points", ha="center", fontsize=8)
    if highlight is not None:
        h = np.atleast_1d(highlight)
        ax.plot(pos[h], x[h], "o", ms=12, mfc="none", mec=PALETTE[3], mew=2)
    ax.set_xlabel("position")
    return ax


def plot_feature_map(x, y, K, ax=None, dilation=1, names=("x", "a")):
    """A signal x (line) and its "valid" feature map y (stems), y[i] under its window's centre.

    Parameters
    ----------
    x : array_like, shape (L,)
    y : array_like, shape (L_out,)
        ``L_out = L - K_eff + 1`` with ``K_eff = d (K - 1) + 1`` (stride 1, no padding).
    K : int
        Kernel size; with ``dilation`` it fixes the shift (K_eff - 1) / 2 of the outputs.

    Introduced in notebook 02.
    """
    ax = _axes(ax)
    shift = (dilation * (K - 1)) / 2
    x = np.asarray(x, float)
    ax.plot(np.arange(len(x)), x, "-o", ms=3, lw=1, color=PALETTE[0], label=f"${names[0]}$")
    plot_signal(y, ax=ax, name=names[1], offset=shift, color=PALETTE[3])
    ax.legend(loc="upper right")
    return ax


_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _by_gid(ax, gid):
    return [a for a in ax.get_children() if a.get_gid() == gid]


def _cell(ax, pos, row, gid, face="white", text=""):
    ax.add_patch(plt.Rectangle((pos - 0.45, row - 0.38), 0.9, 0.76, facecolor=face,
                               edgecolor="0.4", lw=0.8, gid=gid))
    ax.text(pos, row, text, ha="center", va="center", fontsize=9, gid=gid + "-text")


def _padded_slide(x, w, padding, flip, func):
    """The padded input, the taps that slide (w, or w flipped) and z; padding checked."""
    pl, pr, L_out = _geometry(len(x), len(w), 1, padding, 1, func)
    x_pad = np.concatenate([np.zeros(pl), x, np.zeros(pr)])               # (pl + L + pr,)
    taps = w[::-1] if flip else w                                         # (K,)
    return pl, pr, x_pad, taps, np.correlate(x_pad, taps, "valid")       # z: (L_out,)


def _position_labels(ax, L, pl, pr):
    """Tick j at every drawn input position: padded ones read -pl..-1 and L..L+pr-1, in grey."""
    pos = np.arange(-pl, L + pr)
    ax.set_xticks(pos, [f"{j}".replace("-", "\u2212") for j in pos])
    for j, label in zip(pos, ax.get_xticklabels()):
        label.set_color("black" if 0 <= j < L else "0.5")
    return pos


def plot_sliding_window(x, w, i, ax=None, fn=None, fn_name="relu", padding="valid", flip=False):
    """The sliding dot product at window position i, as rows of cells (stride 1).

    Rows, top to bottom: the input x, zero-padded by ``padding`` (the window framed); the
    taps under their window (w, or w reversed if ``flip``); the products; z (entries 0..i
    filled in, z[i] highlighted); and, if ``fn`` is given, a = fn(z). z[i] sits under the
    centre of its window. Without flip z = x ⋆ w (cross-correlation); with ``flip=True`` and
    ``padding="full"``, z = x ∗ w = ``np.convolve(x, w, "full")``. Padded positions are
    labelled -p_left..-1 and L..L+p_right-1 (grey ticks, grey "0" cells), never as a second 0.

    Parameters
    ----------
    x : array_like, shape (L,)
    w : array_like, shape (K,), K <= L + p_left + p_right
    i : int
        Window position, 0 <= i <= L_out - 1 with L_out = L + p_left + p_right - K + 1.
    fn : callable, optional
        Element-wise non-linearity (e.g. ``helpers.activations.relu``).
    padding : {"valid", "same", "full"} or int or (int, int), default "valid"
        As in ``helpers.conv.correlate1d`` (stride 1, dilation 1).
    flip : bool, default False
        Slide w reversed: a true convolution instead of a cross-correlation.

    Returns
    -------
    matplotlib.axes.Axes
        Move the window with ``set_sliding_window(ax, x, w, i, fn, fn_name, padding, flip)``,
        which updates the artists (gids ``"window"``, ``"w"``, ``"prod"``, ``"z"``, ``"a"``,
        ``"pad"`` and ``*-text``).

    Introduced in notebook 02.
    """
    ax = _axes(ax)
    x, w = np.asarray(x, float), np.asarray(w, float)
    L, K = len(x), len(w)
    pl, pr, _, _, z = _padded_slide(x, w, padding, flip, "plot_sliding_window")
    rows = {"x": 4, "w": 3, "prod": 2, "z": 1, "a": 0} if fn else {"x": 3, "w": 2, "prod": 1, "z": 0}
    for j in range(-pl, L + pr):
        if 0 <= j < L:
            _cell(ax, j, rows["x"], "x", face="#DCEBF5", text=f"{x[j]:.3g}")
        else:
            _cell(ax, j, rows["x"], "pad", face="white", text="0")
            _by_gid(ax, "pad")[-1].set(edgecolor="0.6", linestyle="--")
            _by_gid(ax, "pad-text")[-1].set_color("0.5")
    for k in range(K):
        _cell(ax, k, rows["w"], "w", face="#FBE5BF")
        _cell(ax, k, rows["prod"], "prod")
    for name in ("z", "a") if fn else ("z",):
        for j in range(len(z)):
            _cell(ax, j - pl + (K - 1) / 2, rows[name], name)
    ax.add_patch(plt.Rectangle((-0.5, rows["x"] - 0.46), K, 0.92, fill=False,
                               edgecolor=PALETTE[3], lw=2.5, gid="window"))
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
    set_sliding_window(ax, x, w, i, fn, fn_name, padding, flip)
    return ax


def set_sliding_window(ax, x, w, i, fn=None, fn_name="relu", padding="valid", flip=False):
    """Move the window drawn by ``plot_sliding_window`` to position i; return z[i].

    ``padding`` and ``flip`` must be those the drawing was made with.

    Introduced in notebook 02.
    """
    x, w = np.asarray(x, float), np.asarray(w, float)
    K = len(w)
    pl, _, x_pad, taps, z = _padded_slide(x, w, padding, flip, "set_sliding_window")
    _by_gid(ax, "window")[0].set_x(i - pl - 0.5)
    for k, (box, txt) in enumerate(zip(_by_gid(ax, "w"), _by_gid(ax, "w-text"))):
        box.set_x(i - pl + k - 0.45)
        txt.set_position((i - pl + k, txt.get_position()[1]))
        txt.set_text(f"{taps[k]:.3g}")
    for k, (box, txt) in enumerate(zip(_by_gid(ax, "prod"), _by_gid(ax, "prod-text"))):
        box.set_x(i - pl + k - 0.45)
        txt.set_position((i - pl + k, txt.get_position()[1]))
        txt.set_text(f"{x_pad[i + k] * taps[k] + 0.0:.3g}")             # + 0.0: no "-0"
    for name, values in [("z", z), ("a", fn(z) if fn else None)]:
        if values is None:
            continue
        for j, (box, txt) in enumerate(zip(_by_gid(ax, name), _by_gid(ax, name + "-text"))):
            box.set_facecolor(PALETTE[1] if j == i else "white")
            txt.set_text(f"{values[j]:.3g}" if j <= i else "")
    terms = " + ".join(f"({x_pad[i + k]:.3g})({taps[k]:.3g})" for k in range(K))
    sub = str(i).translate(_SUBSCRIPTS)                 # plain text: no mathtext parse per update
    title = f"i = {i}:  z{sub} = {terms} = {z[i]:.3g}"
    if fn:
        title += f",  a{sub} = {fn_name}({z[i]:.3g}) = {float(fn(z[i])):.3g}"
    ax.set_title(title, fontsize=10)
    return float(z[i])


def plot_conv_geometry(L, K, stride=1, padding="valid", dilation=1, ax=None):
    """Which inputs each output reads: the (padded) input on top, the outputs below.

    Output i is joined to the K positions ``i*s + k*d - p_left`` (k = 0..K-1) it reads and is
    drawn under the centre of its window. Padded zeros are hollow grey circles at positions
    -p_left..-1 and L..L+p_right-1 (grey tick labels; never a second 0), joined by dashed grey
    lines; real inputs that no output reads (a stride that does not divide) are orange.

    Parameters
    ----------
    L, K, stride, padding, dilation
        As in ``helpers.conv.correlate1d``; L_out = floor((L + p_left + p_right - K_eff)/s) + 1.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.collections[0]`` is the LineCollection of the L_out * K connections (output-major),
        ``[1]`` the inputs' scatter (p_left + L + p_right points), ``[2]`` the outputs'. Redraw
        for new arguments with ``set_conv_geometry(ax, ...)``.

    Introduced in notebook 03.
    """
    ax = _axes(ax)
    ax.add_collection(LineCollection([], zorder=1))
    ax.scatter([], [], s=110, edgecolor="black", zorder=2)
    ax.scatter([], [], s=110, color=PALETTE[3], edgecolor="black", zorder=2)
    ax.set_yticks([0, 1], ["output z", "input x"])
    ax.set_ylim(-0.3, 1.3)
    ax.grid(False)
    ax.spines[["left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("position j in the input (negative or ≥ L: a padded zero)")
    set_conv_geometry(ax, L, K, stride, padding, dilation)
    return ax


def set_conv_geometry(ax, L, K, stride=1, padding="valid", dilation=1):
    """Redraw ``plot_conv_geometry``'s artists for new arguments; return (p_left, p_right, L_out).

    The geometry is checked by ``helpers.conv`` (a ValueError if the kernel does not fit).

    Introduced in notebook 03.
    """
    pl, pr, L_out = _geometry(L, K, stride, padding, dilation, "set_conv_geometry")
    lines, inputs, outputs = ax.collections[:3]
    K_eff = dilation * (K - 1) + 1
    taps = np.arange(L_out)[:, None] * stride + np.arange(K) * dilation - pl   # (L_out, K)
    centres = np.arange(L_out) * stride - pl + (K_eff - 1) / 2                   # (L_out,)
    segs = [[(j, 1), (c, 0)] for c, row in zip(centres, taps) for j in row]
    real = (taps >= 0) & (taps < L)
    lines.set_segments(segs)
    lines.set_colors([PALETTE[0] if r else "0.6" for r in real.ravel()])
    lines.set_linestyles(["-" if r else "--" for r in real.ravel()])
    pos = np.arange(-pl, L + pr)
    read = np.isin(pos, taps[real])
    face = np.where((pos >= 0) & (pos < L), np.where(read, PALETTE[0], PALETTE[1]), "white")
    inputs.set_offsets(np.c_[pos, np.ones_like(pos)])
    inputs.set_facecolors(face)
    inputs.set_edgecolors(["black" if 0 <= p < L else "0.6" for p in pos])
    outputs.set_offsets(np.c_[centres, np.zeros_like(centres)])
    ax.set_xlim(-pl - 0.8, L + pr - 0.2)
    _position_labels(ax, L, pl, pr)             # padded: -pl..-1 and L..L+pr-1, grey
    pad = padding if isinstance(padding, str) else f"{padding}"
    ax.set_title(f"L = {L}, K = {K}, s = {stride}, d = {dilation}, padding {pad}: zeros "
                 f"({pl}, {pr}) added\nL_out = ⌊({L} + {pl} + {pr} − {K_eff}) / {stride}⌋ + 1 "
                 f"= {L_out}", fontsize=10)
    return pl, pr, L_out
