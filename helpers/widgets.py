"""Interactive explorers. Each is a small class that owns its figure, controls and output.

Its ``update(...)`` method takes plain values, updates the figure's artists (no re-plotting),
re-renders the figure into its ``Output`` and returns what it computed, so a test (or the
cell after the widget) can call it and inspect the result. Moving a control calls the same
method. Display an explorer by leaving it as the last expression of a cell.

Every explorer also has a classmethod ``demo()`` returning ``(explorer, [kwargs, ...])``: a
small instance and a few argument sets for ``update``. ``benchmarks/widget_latency.py`` finds
every subclass of ``_Explorer`` and times its updates with them (target: median <= 50 ms).
"""
import io
import textwrap

import ipywidgets as widgets
import numpy as np
from IPython.display import Image, clear_output, display
from matplotlib.backends.backend_agg import FigureCanvasAgg

from helpers.activations import ACTIVATIONS
from helpers.conv import correlate1d
from helpers.plot_windows import (plot_conv_geometry, plot_sliding_window, set_conv_geometry,
                                  set_sliding_window)
from helpers.plotting import PALETTE, new_figure, plot_activation, plot_contributions
from helpers.validation import check_int

__all__ = ["NeuronExplorer", "ConvUnitView", "ConvMatrixExplorer", "ReceptiveFieldExplorer",
           "WindowExplorer",
           "GeometryExplorer", "FilterBankExplorer", "FeatureMapExplorer"]


class _Explorer:
    """Shared plumbing: an Output that shows ``self.fig``, and notebook display of the box."""

    @classmethod
    def demo(cls):
        """``(explorer, [update kwargs, ...])`` for tests and benchmarks/widget_latency.py."""
        raise NotImplementedError(f"{cls.__name__} needs a classmethod demo() returning "
                                  "(explorer, [kwargs for update, ...]); see helpers/widgets.py")

    def _init_output(self, controls):
        self.output = widgets.Output()
        self.widget = widgets.VBox([controls, self.output])

    def _render(self):
        """Show ``self.fig`` as a PNG drawn once with Agg (no tight bbox, so one draw).

        The layout engine places the axes at the first render and is then switched off:
        re-running it, and the inline backend's tight bounding box, tripled the time of an
        update. Figures are made with room to spare for changing titles and tick labels.
        The figure keeps one Agg canvas, so its renderer and text-size cache are reused
        (``savefig`` would make a new canvas, and measure every text again, each time).
        """
        if not getattr(self, "_layout_done", False):
            FigureCanvasAgg(self.fig)                       # attaches itself as self.fig.canvas
            self.fig.draw_without_rendering()               # constrained layout places the axes
            self.fig.set_layout_engine(None)                # keep those positions; one draw per render
            self._layout_done = True
        png = io.BytesIO()
        self.fig.canvas.print_png(png, pil_kwargs={"compress_level": 1})  # fast zlib level
        with self.output:
            clear_output(wait=True)
            display(Image(png.getvalue()))

    def _ipython_display_(self):
        display(self.widget)


def _activation(name, func):
    """(function, name) for an activation name, or a ValueError listing the choices."""
    if name not in ACTIVATIONS:
        raise ValueError(f"{func}: activation must be one of {sorted(ACTIVATIONS)}; got {name!r}")
    return ACTIVATIONS[name], name


def _slider(description, value, lo=-2.0, hi=2.0):
    return widgets.FloatSlider(value=value, min=lo, max=hi, step=0.1, description=description,
                               continuous_update=True, readout_format=".1f",
                               layout=widgets.Layout(width="260px"))


class NeuronExplorer(_Explorer):
    """One neuron a = sigma(x . w + b): sliders for the weights and the bias.

    Parameters
    ----------
    x : array_like, shape (n,)
        The (fixed) input.
    w : array_like, shape (n,)
        Initial weights.
    b : float
        Initial bias.
    activation : {"relu", "sigmoid"}

    Attributes
    ----------
    z, a : float
        Pre-activation and activation after the last update.
    bars : matplotlib.container.BarContainer
        The n + 2 bars: products x_i w_i, the bias, and z.
    marker : matplotlib.lines.Line2D
        The point (z, sigma(z)) on the activation curve.

    Introduced in notebook 01.
    """

    def __init__(self, x, w, b=0.0, activation="relu"):
        self.x = np.asarray(x, dtype=float)
        w = np.asarray(w, dtype=float)
        if self.x.ndim != 1 or w.shape != self.x.shape:
            raise ValueError(f"NeuronExplorer: x and w must be 1-D of the same length; got "
                             f"shapes {self.x.shape} and {w.shape}")
        if activation not in ACTIVATIONS:
            raise ValueError(f"NeuronExplorer: activation must be one of {sorted(ACTIVATIONS)}; "
                             f"got {activation!r}")
        self.fn = ACTIVATIONS[activation]
        self.fig, (ax_bars, ax_act) = new_figure(2, figsize=(8.0, 3.0))
        plot_contributions(self.x, w, b, ax=ax_bars)
        zmax = 2.0 * (np.abs(self.x).sum() + 1.0)             # |z| the sliders can reach
        plot_activation(0.0, self.fn, activation, zlim=(-zmax, zmax), ax=ax_act)
        self.bars, self.marker = ax_bars.containers[0], ax_act.lines[1]
        self.ax_bars, self.ax_act = ax_bars, ax_act
        self.w_sliders = [_slider(f"w{i + 1}", v) for i, v in enumerate(w)]
        self.b_slider = _slider("b", b)
        for s in [*self.w_sliders, self.b_slider]:
            s.observe(self._on_change, names="value")
        self._init_output(widgets.HBox([widgets.VBox(self.w_sliders), self.b_slider]))
        self.update(w, b)

    @classmethod
    def demo(cls):
        return (cls([1.0, 2.0, -1.0], [0.5, -0.25, -1.0], 0.5),
                [{"w": [0.1 * k, 1.0, -1.0], "b": 0.5 - 0.2 * k} for k in range(5)])

    def _on_change(self, _change):
        self.update([s.value for s in self.w_sliders], self.b_slider.value)

    def update(self, w, b):
        """Recompute z = x . w + b and a = sigma(z), redraw, and return a."""
        w = np.asarray(w, dtype=float)
        self.z = float(self.x @ w + b)
        self.a = float(self.fn(self.z))
        for bar, h in zip(self.bars, np.r_[self.x * w, b, self.z]):
            bar.set_height(h)
        lim = max(1.0, np.abs(np.r_[self.x * w, b, self.z]).max() * 1.15)
        self.ax_bars.set_ylim(-lim, lim)
        self.marker.set_data([self.z], [self.a])
        self.ax_act.set_title(f"z = {self.z:.2f}  ->  a = {self.a:.2f}")
        self._render()
        return self.a


class ConvUnitView:
    """One output unit of a 1-D convolution, seen three ways at once (a figure, no controls).

    Its row in T (heatmap), its edges in the network diagram and its window on the input are
    highlighted together; the title shows the sum the unit computes. ``ConvMatrixExplorer``
    adds the controls; this class alone draws the static figure that stands beside it.

    Parameters
    ----------
    x : array_like, shape (L,)
        The input.
    w : array_like, shape (K_max,)
        The taps; a kernel size K uses ``w[:K]``.
    unit, K, stride, dilation : int
        Initial output unit i, kernel size (default K_max), stride s and dilation d
        ("valid" padding).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    T, taps : numpy.ndarray, shape (L_out, L)
        ``conv_matrix(w[:K], L, s, dilation=d)`` and ``tap_index_matrix(K, L, s, dilation=d)``.
    window : numpy.ndarray of int, shape (K,)
        The inputs unit i reads, ``i*s + k*d``.
    z : float
        Its output, ``T[i] @ x``.
    edges : matplotlib.collections.LineCollection
        The diagram's edges (one per non-zero of T, row-major).
    lit_edges : numpy.ndarray of int
        Indices (in ``edges``' segment order) of the highlighted edges.
    row_box : matplotlib.patches.Rectangle
        The frame around row i of the heatmap.

    Changing the unit only updates artists; changing K, s or d changes T's shape, so the
    heatmap and the diagram are rebuilt.

    Introduced in notebook 04.
    """

    def __init__(self, x, w, unit=0, K=None, stride=1, dilation=1):
        from matplotlib.figure import Figure
        import matplotlib.pyplot as plt
        self.x = np.asarray(x, dtype=float)
        self.w_all = np.asarray(w, dtype=float)
        if self.x.ndim != 1 or self.w_all.ndim != 1 or len(self.w_all) > len(self.x):
            raise ValueError(f"{type(self).__name__}: x must be 1-D (L,) and w 1-D (K_max,) "
                             f"with K_max <= L; got shapes {self.x.shape} and {self.w_all.shape}")
        self.fig = Figure(figsize=(11.0, 4.2), dpi=plt.rcParams["figure.dpi"], layout="constrained")
        axd = self.fig.subplot_mosaic([["T", "net"], ["T", "x"]], width_ratios=[1.0, 1.25],
                                      height_ratios=[1.5, 1.0])
        self.ax_T, self.ax_net, self.ax_x = axd["T"], axd["net"], axd["x"]
        self.ax_x.sharex(self.ax_net)
        self._geom = None
        self.update(unit, K or len(self.w_all), stride, dilation)

    def _build(self, K, s, d):
        """Draw T, the diagram and the input for a new geometry (T's shape changes)."""
        from matplotlib.patches import Rectangle
        from helpers.matrix import conv_matrix, tap_index_matrix
        from helpers.plotting import plot_conv_network, plot_toeplitz, tap_colour
        L = len(self.x)
        self.T = conv_matrix(self.w_all[:K], L, s, dilation=d)             # (L_out, L)
        self.taps = tap_index_matrix(K, L, s, dilation=d)                  # (L_out, L)
        for ax in (self.ax_T, self.ax_net, self.ax_x):
            ax.clear()
        plot_toeplitz(self.T, self.taps, ax=self.ax_T, legend=False, zeros=False)  # fewer texts: faster
        self.image = self.ax_T.images[0]
        self.rgba = self.image.get_array().copy()                          # (L_out, L, 4)
        self.row_box = self.ax_T.add_patch(Rectangle((-0.5, -0.5), L, 1, fill=False, lw=3,
                                                     edgecolor="black", zorder=3))
        plot_conv_network(self.T, self.taps, ax=self.ax_net, legend=True)
        self.edges, self.out_nodes = self.ax_net.collections[0], self.ax_net.collections[2]
        self._edge_rows, cols = np.nonzero(self.T)
        self._edge_colours = [tap_colour(self.taps[i, j]) for i, j in zip(self._edge_rows, cols)]
        self._tap_colour = tap_colour
        self.bars = self.ax_x.bar(np.arange(L), self.x, color="0.8", width=0.6)
        self.ax_x.axhline(0, color="black", lw=0.8)
        self.ax_x.set_ylabel("input $x_j$")
        self.ax_x.set_xticks(np.arange(L))
        self.ax_x.tick_params(labelbottom=False)                           # the diagram labels x_j
        self._geom = (K, s, d)

    def update(self, unit, K=None, stride=None, dilation=None):
        """Highlight output unit ``unit`` (first changing K, s, d if given); return its window.

        Returns
        -------
        numpy.ndarray of int, shape (K,)
            The input indices ``unit*s + k*d`` that the unit reads (the non-zero columns of
            its row of T).
        """
        old = self._geom or (None, None, None)
        geom = tuple(new if new is not None else o for new, o in zip((K, stride, dilation), old))
        if geom != self._geom:
            self._build(*geom)
        K, s, d = geom
        L_out = self.T.shape[0]
        if not 0 <= unit < L_out:
            raise ValueError(f"{type(self).__name__}.update: unit must be in 0..{L_out - 1} "
                             f"(L_out = {L_out} for K={K}, s={s}, d={d}); got {unit}")
        self.unit = int(unit)
        self.window = np.flatnonzero(self.taps[self.unit] >= 0)             # (K,)
        self.z = float(self.T[self.unit] @ self.x)
        faded = self.rgba.copy()                                           # other rows fade
        faded[:, :, :3] = 1.0 - 0.25 * (1.0 - faded[:, :, :3])
        faded[self.unit] = self.rgba[self.unit]
        self.image.set_data(faded)
        for text, row in zip(self.ax_T.texts, np.nonzero(self.T)[0]):      # one per non-zero
            text.set_visible(row == self.unit)                             # values of row i only
        self.row_box.set_y(self.unit - 0.5)
        lit = self._edge_rows == self.unit
        self.lit_edges = np.flatnonzero(lit)
        self.edges.set_color([c if on else (0.85, 0.85, 0.85, 1.0)
                              for c, on in zip(self._edge_colours, lit)])
        self.edges.set_linewidths(np.where(lit, 3.5, 1.0))
        self.out_nodes.set_facecolors(["black" if i == self.unit else "white"
                                       for i in range(L_out)])
        for j, bar in enumerate(self.bars):
            k = self.taps[self.unit, j]
            bar.set_color(self._tap_colour(k) if k >= 0 else "0.8")
        from helpers.plotting import _sub
        terms = " + ".join(f"({self.T[self.unit, j]:g})({self.x[j]:g})" for j in self.window)
        self.ax_net.set_title(f"{_sub('z', self.unit)} = {terms} = {self.z:g}", fontsize=10)
        self.ax_T.set_title(f"T: row {self.unit} = output unit {self.unit}  "
                            f"(K={K}, s={s}, d={d}, L_out={L_out})", fontsize=10)
        return self.window


class ConvMatrixExplorer(ConvUnitView, _Explorer):
    """``ConvUnitView`` with controls: output unit i, kernel size K, stride s, dilation d.

    Moving a control calls ``update``, which highlights the unit's row in T, its window on the
    input and its edges in the diagram together, re-renders and returns the window. Same
    parameters and attributes as ``ConvUnitView``; the sliders are ``unit_slider``,
    ``K_slider``, ``s_slider`` and ``d_slider``.

    Introduced in notebook 04.
    """

    def __init__(self, x, w, unit=0, K=None, stride=1, dilation=1):
        L, K_max = np.size(x), np.size(w)
        d_max = max(1, (L - 1) // max(K_max - 1, 1))            # so that K_eff <= L always
        opts = dict(continuous_update=False, layout=widgets.Layout(width="230px"))
        self.unit_slider = widgets.IntSlider(unit, 0, max(L - 1, unit), description="output i",
                                             layout=widgets.Layout(width="300px"))
        self.K_slider = widgets.IntSlider(K or K_max, 1, K_max, description="K", **opts)
        self.s_slider = widgets.IntSlider(stride, 1, 3, description="stride s", **opts)
        self.d_slider = widgets.IntSlider(dilation, 1, min(d_max, 3), description="dilation d",
                                          **opts)
        self._busy = False
        for c in (self.unit_slider, self.K_slider, self.s_slider, self.d_slider):
            c.observe(self._on_change, names="value")
        self._init_output(widgets.HBox([self.unit_slider, self.K_slider, self.s_slider,
                                        self.d_slider]))
        super().__init__(x, w, unit, K, stride, dilation)

    @classmethod
    def demo(cls):
        x = np.array([0, 1, 2, 3, 2, 1, 0, -1, -2, 0], dtype=float)
        return cls(x, [1.0, 2.0, -1.0, 0.5], unit=3, K=3), [        # unit moves, then geometry
            dict(unit=u, K=3, stride=1, dilation=1) for u in (0, 4, 7, 2)] + [
            dict(unit=1, K=2, stride=2, dilation=3)]

    def _on_change(self, _change):
        if not self._busy:
            from helpers.conv import conv_output_length
            K, s, d = self.K_slider.value, self.s_slider.value, self.d_slider.value
            L_out = conv_output_length(len(self.x), K, s, dilation=d)
            self.update(min(self.unit_slider.value, L_out - 1), K, s, d)   # keep the unit valid

    def update(self, unit, K=None, stride=None, dilation=None):
        """As ``ConvUnitView.update``, then move the controls to match and re-render."""
        window = super().update(unit, K, stride, dilation)
        self._busy = True                                   # no feedback loop from the sliders
        self.unit_slider.max = self.T.shape[0] - 1
        self.unit_slider.value = self.unit
        self.K_slider.value, self.s_slider.value, self.d_slider.value = self._geom
        self._busy = False
        self._render()
        return window


class ReceptiveFieldExplorer(_Explorer):
    """A stack of identical conv layers and the receptive field of one top unit.

    Controls: number of layers, kernel size K, stride s and dilation d (every layer the
    same, padding "same" so any stack fits). The figure shows every level's units and traces
    the middle top unit's connections down to the input, where its receptive field is shaded.

    Parameters
    ----------
    L : int, default 48
        Input length.
    n_layers, kernel_size, stride, dilation : int
        Initial values.

    Attributes
    ----------
    layers : list of (K, s, d)
    r : int
        ``1 + sum_l (K - 1) d s^(l-1)``, the formula's receptive field size.
    levels : list of numpy.ndarray
        ``trace_receptive_field(...)``: traced units per level, ``levels[0]`` the input field.
    field : numpy.ndarray of int
        ``levels[0]``.

    The number of units per level changes with the stride, so an update redraws the axes.

    Introduced in notebook 06.
    """

    def __init__(self, L=48, n_layers=2, kernel_size=3, stride=1, dilation=1):
        self.L = int(L)
        self.fig, self.ax = new_figure(1, figsize=(9.0, 3.4))
        opts = dict(continuous_update=False, layout=widgets.Layout(width="220px"))
        self.sliders = dict(
            n_layers=widgets.IntSlider(n_layers, 1, 4, description="layers", **opts),
            kernel_size=widgets.IntSlider(kernel_size, 1, 7, description="kernel K", **opts),
            stride=widgets.IntSlider(stride, 1, 3, description="stride s", **opts),
            dilation=widgets.IntSlider(dilation, 1, 4, description="dilation d", **opts))
        for s in self.sliders.values():
            s.observe(self._on_change, names="value")
        self._init_output(widgets.HBox(list(self.sliders.values())))
        self._busy = False
        self.update(n_layers, kernel_size, stride, dilation)

    @classmethod
    def demo(cls):
        return cls(L=48), [dict(n_layers=3, kernel_size=3, stride=2, dilation=1),
                           dict(n_layers=4, kernel_size=5, stride=1, dilation=2)]

    def _on_change(self, _change):
        if not self._busy:
            self.update(**{name: s.value for name, s in self.sliders.items()})

    def update(self, n_layers, kernel_size, stride=1, dilation=1):
        """Redraw for a new stack; return the input positions in the receptive field.

        The sliders are moved to the given values too, so a later slider change starts there.
        """
        from helpers.plotting import plot_receptive_field
        from helpers.receptive_field import receptive_field_size, trace_receptive_field
        self._busy = True
        for name, value in zip(self.sliders, (n_layers, kernel_size, stride, dilation)):
            self.sliders[name].value = value
        self._busy = False
        self.layers = [(int(kernel_size), int(stride), int(dilation))] * int(n_layers)
        self.r = receptive_field_size(self.layers)
        self.levels = trace_receptive_field(self.L, self.layers, padding="same")
        self.field = self.levels[0]
        self.ax.clear()
        plot_receptive_field(self.L, self.layers, padding="same", ax=self.ax)
        span = int(self.field[-1] - self.field[0] + 1) if len(self.field) else 0
        cut = "" if span == self.r else f", cut to {span} by the edges"
        self.ax.set_title(f"{n_layers} layer(s), K={kernel_size}, s={stride}, d={dilation}: "
                          f"receptive field r = {self.r}{cut}")
        self._render()
        return self.field


class WindowExplorer(_Explorer):
    """Slide one filter w along x: z_i = x[i:i+K] . w and a_i = sigma(z_i) ("valid", stride 1).

    A slider moves the window position i; the figure frames the window x[i:i+K], shows the
    products x[i+k] w[k] under it and highlights z_i and a_i (entries 0..i are filled in).

    Parameters
    ----------
    x : array_like, shape (L,)
    w : array_like, shape (K,), K <= L
    activation : {"relu", "sigmoid"}

    Attributes
    ----------
    i : int
        Window position after the last update (0 <= i <= L - K).
    products : numpy.ndarray, shape (K,)
        ``x[i:i+K] * w``.
    z, a : float
        ``products.sum()`` and ``sigma(z)``.
    ax : matplotlib.axes.Axes
        Drawn by ``helpers.plot_windows.plot_sliding_window``.

    Introduced in notebook 02.
    """

    def __init__(self, x, w, activation="relu"):
        self.x, self.w = np.asarray(x, dtype=float), np.asarray(w, dtype=float)
        self.L_out = len(correlate1d(self.x, self.w))          # checks shapes, K <= L
        self.fn, self.fn_name = _activation(activation, "WindowExplorer")
        self.fig, self.ax = new_figure(1, figsize=(max(5.0, 0.55 * len(self.x) + 2.2), 3.0))
        plot_sliding_window(self.x, self.w, 0, ax=self.ax, fn=self.fn, fn_name=self.fn_name)
        self.slider = widgets.IntSlider(value=0, min=0, max=self.L_out - 1,
                                        description="position i", continuous_update=True)
        self.i = None
        self.slider.observe(self._on_slide, names="value")
        self._init_output(self.slider)
        self.update(0)

    @classmethod
    def demo(cls):
        return cls([1, 3, -1, 0, 2, -2, 1], [1, -1, 2]), [{"i": i} for i in range(5)]

    def _on_slide(self, change):
        if change["new"] != self.i:             # not the echo of update() setting the slider
            self.update(change["new"])

    def update(self, i):
        """Move the window to position i; redraw; return a_i = sigma(x[i:i+K] . w)."""
        i = check_int(i, "i (the window position)", "WindowExplorer.update", 0)
        if i >= self.L_out:
            raise ValueError(f"WindowExplorer.update: i must be < L_out = L - K + 1 = "
                             f"{self.L_out}; got {i}")
        self.i = self.slider.value = i          # the slider shows calls from code too
        self.products = self.x[i:i + len(self.w)] * self.w                # (K,)
        self.z = float(self.products.sum())
        self.a = float(self.fn(self.z))
        set_sliding_window(self.ax, self.x, self.w, i, self.fn, self.fn_name)
        self._render()
        return self.a


class GeometryExplorer(_Explorer):
    """Padding, stride, dilation and kernel size: which inputs each output reads.

    Controls for L, K, padding, stride s and dilation d redraw the connection diagram of
    ``helpers.plot_windows.plot_conv_geometry`` and the output length
    L_out = floor((L + p_left + p_right - K_eff) / s) + 1, K_eff = d (K - 1) + 1.

    Attributes
    ----------
    L_out, p_left, p_right : int
        After the last update (L_out is None when the kernel does not fit).
    reads : list of list of int
        ``reads[i]`` = the input positions output i reads; < 0 or >= L means a padded zero.
    error : str or None
        The message when the kernel is longer than the padded input.
    controls : dict of ipywidgets
        ``"L"``, ``"K"``, ``"stride"``, ``"dilation"`` (IntSliders) and ``"padding"``
        (Dropdown: "valid", "same", "full", 1, 2).

    Introduced in notebook 03.
    """

    PADDINGS = [("valid", "valid"), ("same", "same"), ("full", "full"), ("1 each side", 1),
                ("2 each side", 2)]

    def __init__(self, L=10, K=3, stride=1, padding="valid", dilation=1):
        def slider(name, value, lo, hi):
            return widgets.IntSlider(value=value, min=lo, max=hi, description=name,
                                     continuous_update=False, layout=widgets.Layout(width="230px"))
        self.controls = {"L": slider("L", L, 1, 16), "K": slider("K", K, 1, 6),
                         "stride": slider("stride s", stride, 1, 4),
                         "dilation": slider("dilation d", dilation, 1, 3),
                         "padding": widgets.Dropdown(options=self.PADDINGS, value=padding,
                                                     description="padding",
                                                     layout=widgets.Layout(width="230px"))}
        self._syncing = False
        self.fig, self.ax = new_figure(1, figsize=(8.0, 2.8))
        plot_conv_geometry(L, K, stride, padding, dilation, ax=self.ax)
        for c in self.controls.values():
            c.observe(self._on_change, names="value")
        c = self.controls
        self._init_output(widgets.HBox([widgets.VBox([c["L"], c["K"], c["padding"]]),
                                        widgets.VBox([c["stride"], c["dilation"]])]))
        self.update(L, K, stride, padding, dilation)

    @classmethod
    def demo(cls):
        cases = [(10, 3, 1, "valid", 1), (10, 3, 3, "valid", 1), (11, 4, 2, "same", 1),
                 (8, 3, 1, "full", 2), (12, 2, 3, 1, 3), (6, 6, 1, "valid", 1)]
        keys = ("L", "K", "stride", "padding", "dilation")
        return cls(), [dict(zip(keys, case)) for case in cases]

    def _on_change(self, _change):
        if self._syncing:
            return
        c = self.controls
        self.update(c["L"].value, c["K"].value, c["stride"].value, c["padding"].value,
                    c["dilation"].value)

    def _sync_controls(self, values):
        """Show the values of an update called from code on the controls (without re-updating)."""
        self._syncing = True
        try:
            for name, value in values.items():
                if name != "padding" or value in dict(self.PADDINGS).values():
                    self.controls[name].value = value
        finally:
            self._syncing = False

    def update(self, L, K, stride=1, padding="valid", dilation=1):
        """Redraw for these arguments; return L_out (None if the kernel does not fit)."""
        self._sync_controls(dict(L=L, K=K, stride=stride, padding=padding, dilation=dilation))
        try:
            self.p_left, self.p_right, self.L_out = set_conv_geometry(
                self.ax, L, K, stride, padding, dilation)
        except ValueError as err:                       # kernel longer than the padded input
            self.error, self.L_out, self.reads = str(err).split(": ", 1)[1], None, []
            for artist in self.ax.collections[:3]:
                artist.set_visible(False)
            self.ax.set_title(textwrap.fill(self.error, 95), fontsize=9, color=PALETTE[3])
        else:
            self.error = None
            for artist in self.ax.collections[:3]:
                artist.set_visible(True)
            self.ax.title.set_color("black")
            self.reads = [[i * stride + k * dilation - self.p_left for k in range(K)]
                          for i in range(self.L_out)]
        self._render()
        return self.L_out


class FilterBankExplorer(_Explorer):
    """Two or three small filters on one signal: a slider per tap, the stack of feature maps.

    ``A = relu(conv1d(x[:, None], W[:, None, :]))``: column j of W (K,) is filter j, column j
    of A (L_out, C_out) is its feature map, ``L_out = L - K + 1`` (stride 1, "valid").

    Parameters
    ----------
    x : array_like, shape (L,)
        The signal.
    W : array_like, shape (K, C_out)
        Initial filters, one per column; K <= 7 taps, C_out of 2 or 3.

    Attributes
    ----------
    W : numpy.ndarray, shape (K, C_out)
        The filters of the last update.
    Z, A : numpy.ndarray, shape (L_out, C_out)
        Pre-activations ``x * W`` and feature maps ``relu(Z)`` of the last update.
    lines : list of matplotlib.lines.Line2D
        ``lines[j]`` draws ``A[:, j]``.
    image : matplotlib.image.AxesImage
        The stack ``A.T``, one row per map.
    sliders : list of list of ipywidgets.FloatSlider
        ``sliders[j][k]`` is tap k of filter j.

    Introduced in notebook 05.
    """

    def __init__(self, x, W):
        from helpers.plotting import plot_feature_maps
        from matplotlib.figure import Figure
        from matplotlib.ticker import MaxNLocator
        import matplotlib.pyplot as plt
        self.x = np.asarray(x, dtype=float)
        W = np.asarray(W, dtype=float)
        if self.x.ndim != 1 or W.ndim != 2 or not (2 <= W.shape[1] <= 3 and W.shape[0] <= 7):
            raise ValueError(f"FilterBankExplorer: x must be 1-D (L,) and W (K, C_out) with "
                             f"K <= 7 and C_out 2 or 3; got shapes {self.x.shape} and {W.shape}")
        if W.shape[0] > len(self.x):
            raise ValueError(f"FilterBankExplorer: K={W.shape[0]} taps do not fit in L={len(self.x)}")
        self.K, C_out = W.shape
        self.fig = Figure(figsize=(8.0, 4.6), dpi=plt.rcParams["figure.dpi"], layout="constrained")
        axes = self.fig.subplots(3, 1, sharex=True, height_ratios=[1.0, 1.2, 0.7])
        L_out = len(self.x) - self.K + 1
        plot_feature_maps(self.x, np.zeros((L_out, C_out)), self.K, axes=axes)
        self.ax_x, self.ax_a, self.ax_s = axes
        self.lines, self.image = self.ax_a.lines[:C_out], self.ax_s.images[0]
        for ax in (self.ax_x, self.ax_a):                 # fewer ticks: each costs a redraw
            ax.tick_params(axis="x", bottom=False)
            ax.yaxis.set_major_locator(MaxNLocator(3))
        self.ax_a.get_legend().remove()                   # the stack's row names, coloured,
        for j, label in enumerate(self.ax_s.get_yticklabels()):   # say which line is which
            label.set_color(self.lines[j].get_color())
        opts = dict(min=-1.0, max=1.0, step=0.1, readout_format=".1f", continuous_update=False,
                    layout=widgets.Layout(width="210px"))
        self.sliders = [[widgets.FloatSlider(value=W[k, j], description=f"w{j + 1}[{k}]", **opts)
                         for k in range(self.K)] for j in range(C_out)]
        for s in (s for column in self.sliders for s in column):
            s.observe(self._on_change, names="value")
        self._init_output(widgets.HBox([widgets.VBox(column) for column in self.sliders]))
        self.update(W)

    @classmethod
    def demo(cls):
        t = np.linspace(0, 4 * np.pi, 150)
        W = np.array([[0.2, -1.0, 1.0], [0.2, -0.5, 0.5], [0.2, 0.0, 0.0], [0.2, 0.5, -0.5],
                      [0.2, 1.0, -1.0]])
        return cls(np.sin(t), W), [dict(W=-W), dict(W=W[:, ::-1])]

    def _on_change(self, _change):
        self.update(np.array([[s.value for s in column] for column in self.sliders]).T)

    def update(self, W):
        """Recompute the feature maps for filters W (K, C_out), redraw, and return A."""
        from helpers.activations import relu
        from helpers.conv import conv1d
        W = np.asarray(W, dtype=float)
        if W.shape != (self.K, len(self.lines)):
            raise ValueError(f"FilterBankExplorer.update: W must have shape (K, C_out) = "
                             f"{(self.K, len(self.lines))}; got {W.shape}")
        self.W = W
        self.Z = conv1d(self.x[:, None], W[:, None, :])    # (L_out, C_out)
        self.A = relu(self.Z)
        for j, line in enumerate(self.lines):
            line.set_ydata(self.A[:, j])
        top = max(float(self.A.max()), 1e-12)
        self.ax_a.set_ylim(-0.05 * top - 0.01, 1.1 * top + 0.01)
        self.image.set_data(self.A.T)
        self.image.set_clim(0.0, top)
        active = ", ".join(f"{100 * np.mean(self.A[:, j] > 0):.0f} %" for j in range(W.shape[1]))
        self.ax_a.set_title(f"share of positions where each map is active: {active}", fontsize=9)
        self._render()
        return self.A


class FeatureMapExplorer(_Explorer):
    """Browse a trained ``CNN1d``: one filter, one example, and the feature map they make.

    Parameters
    ----------
    model : helpers.train.CNN1d
        A (trained) model; its filters are ``model.params["W1"]``, shape (K, 1, F).
    X : array_like, shape (N, L)
        Series to browse.
    y : array_like of int, shape (N,)
        Their labels (shown in the title).
    class_names : sequence of str

    Attributes
    ----------
    taps, series, fmap, pooled : matplotlib.lines.Line2D
        The filter's weights, the series, its ReLU feature map and the map's global average.
    value : float
        The pooled value (the feature the linear classifier sees) after the last update.

    Introduced in notebook 08.
    """

    def __init__(self, model, X, y, class_names=("class 0", "class 1")):
        self.model, self.X, self.y, self.names = model, np.asarray(X, float), np.asarray(y), class_names
        self.maps = model.feature_maps(self.X)                      # (N, L_out, F)
        W1 = model.params["W1"][:, 0, :]                            # (K, F)
        K, F = W1.shape
        self.fig, (ax_w, ax_x, ax_a) = new_figure(3, figsize=(10.0, 2.8))
        self.taps, = ax_w.plot(np.arange(K), W1[:, 0], "o-", color=PALETTE[3])
        ax_w.axhline(0, color="black", lw=0.8)
        ax_w.set(xlabel="tap k", ylabel="weight", ylim=(1.1 * W1.min(), 1.1 * W1.max()))
        self.series, = ax_x.plot(self.X[0], color=PALETTE[0])
        ax_x.set(xlabel="time", ylim=(1.1 * self.X.min(), 1.1 * self.X.max()))
        offset = np.arange(self.maps.shape[1]) + (K - 1) / 2         # centre of each window
        self.fmap, = ax_a.plot(offset, self.maps[0, :, 0], color=PALETTE[2])
        self.pooled = ax_a.axhline(0.0, color=PALETTE[1], ls="--", label="global average")
        ax_a.set(xlabel="time (window centre)", xlim=(0, self.X.shape[1]),
                 ylim=(0, 1.1 * max(self.maps.max(), 1e-9)))
        ax_a.legend(loc="upper right")
        for ax in (ax_w, ax_x, ax_a):              # fewer ticks and no grid: axes dominate a redraw
            ax.locator_params(nbins=4)
            ax.grid(False)
        self.ax_w, self.ax_x, self.ax_a = ax_w, ax_x, ax_a
        self.example = widgets.IntSlider(0, 0, len(self.X) - 1, description="example",
                                         continuous_update=False)
        self.filter = widgets.IntSlider(0, 0, F - 1, description="filter", continuous_update=False)
        for control in (self.example, self.filter):
            control.observe(self._on_change, names="value")
        self._init_output(widgets.HBox([self.example, self.filter]))
        self.update(0, 0)

    @classmethod
    def demo(cls):
        from helpers.train import CNN1d
        rng = np.random.default_rng(0)
        X, y = rng.standard_normal((6, 150)), np.array([0, 1] * 3)
        return cls(CNN1d(16, 15, seed=0), X, y), [dict(example=e, filt=f)
                                                    for e, f in [(1, 3), (4, 0), (5, 15)]]

    def _on_change(self, _change):
        self.update(self.example.value, self.filter.value)

    def update(self, example, filt):
        """Show filter ``filt`` and its feature map on series ``example``; return the pooled value."""
        n = check_int(example, "example", "FeatureMapExplorer.update", 0)
        f = check_int(filt, "filt", "FeatureMapExplorer.update", 0)
        if n >= len(self.X) or f >= self.maps.shape[2]:
            raise ValueError(f"FeatureMapExplorer.update: example must be < {len(self.X)} and "
                             f"filt < {self.maps.shape[2]}; got example={n}, filt={f}")
        self.taps.set_ydata(self.model.params["W1"][:, 0, f])
        self.series.set_ydata(self.X[n])
        self.fmap.set_ydata(self.maps[n, :, f])
        self.value = float(self.maps[n, :, f].mean())
        self.pooled.set_ydata([self.value, self.value])
        self.ax_w.set_title(f"filter {f}")
        self.ax_x.set_title(f"example {n}: {self.names[self.y[n]]}")
        self.ax_a.set_title(f"feature map, average {self.value:.2f}")
        self._render()
        return self.value
