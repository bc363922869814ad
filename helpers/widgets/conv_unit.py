"""Explorer of notebook 04: one output unit's row of T, its window and its edges."""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from helpers.conv import conv_output_length
from helpers.matrix import conv_matrix, tap_index_matrix
from helpers.plot_matrices import plot_conv_network, plot_toeplitz
from helpers.plotting import remove_plot
from helpers.style import subscript, tap_colour
from helpers.widgets.base import Explorer


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
    heatmap and the diagram are redrawn in place (``_build``).

    Introduced in notebook 04.
    """

    def __init__(self, x, w, unit=0, K=None, stride=1, dilation=1):
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
        L = len(self.x)
        self.row_box = self.ax_T.add_patch(Rectangle((-0.5, -0.5), L, 1, fill=False, lw=3,
                                                     edgecolor="black", zorder=3))
        self.bars = self.ax_x.bar(np.arange(L), self.x, color="0.8", width=0.6)
        self.ax_x.axhline(0, color="black", lw=0.8)
        self.ax_x.set_ylabel("input x")
        self.ax_x.tick_params(bottom=False, labelbottom=False, left=False, labelleft=False)
        self.ax_x.spines[["left"]].set_visible(False)      # no ticks (each costs a redraw): the
        self.ax_x.grid(False)                              # title and T's row give the values
        self._geom, self._drawn = None, []
        self.update(unit, K or len(self.w_all), stride, dilation)

    def _build(self, K, s, d):
        """Redraw T and the diagram for a new geometry (T's shape changes), in place.

        Only the artists the last ``plot_toeplitz`` / ``plot_conv_network`` drew are
        replaced; the axes, the input's bars and the frame stay (no ``ax.clear()``, no ticks:
        a new geometry costs about as much as a new unit).
        """
        L = len(self.x)
        self.T = conv_matrix(self.w_all[:K], L, s, dilation=d)             # (L_out, L)
        self.taps = tap_index_matrix(K, L, s, dilation=d)                  # (L_out, L)
        for plot in self._drawn:
            remove_plot(plot)
        heat = plot_toeplitz(self.T, self.taps, ax=self.ax_T, legend=False, zeros=False,
                             ticks=False)                  # fewer texts, no ticks: faster
        self.image, self._values, self._value_rows = heat.image, heat.texts, heat.cells[:, 0]
        self.rgba = self.image.get_array().copy()                          # (L_out, L, 4)
        net = plot_conv_network(self.T, self.taps, ax=self.ax_net, legend=False)
        self.edges, self.out_nodes = net.edges, net.out_nodes
        self._edge_rows = np.nonzero(self.taps >= 0)[0]                  # the edges' rows, in order
        self._edge_colours = self.edges.get_colors().copy()
        self._drawn = [heat, net]
        self._labels = (*heat.labels, *net.in_labels, *net.out_labels)    # same for every unit
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
        for text, row in zip(self._values, self._value_rows):              # values of row i only
            text.set_visible(row == self.unit)
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
            bar.set_color(tap_colour(k) if k >= 0 else "0.8")
        terms = " + ".join(f"({self.T[self.unit, j]:g})({self.x[j]:g})" for j in self.window)
        self.ax_net.set_title(f"{subscript('z', self.unit)} = {terms} = {self.z:g}", fontsize=10)
        self.ax_T.set_title(f"row {self.unit} of T: output unit {self.unit}", fontsize=10)
        return self.window


class ConvMatrixExplorer(ConvUnitView, Explorer):
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
        self._observe((self.unit_slider, self.K_slider, self.s_slider, self.d_slider))  # base class
        self._init_output(widgets.HBox([self.unit_slider, self.K_slider, self.s_slider,
                                        self.d_slider]))
        super().__init__(x, w, unit, K, stride, dilation)

    @classmethod
    def demo(cls):
        x = np.array([0, 1, 2, 3, 2, 1, 0, -1, -2, 0], dtype=float)
        return cls(x, [1.0, 2.0, -1.0, 0.5], unit=3, K=3), [        # unit moves, then geometry
            dict(unit=u, K=3, stride=1, dilation=1) for u in (0, 4, 7, 2)] + [
            dict(unit=1, K=2, stride=2, dilation=3)]

    def control_values(self):                               # read by the base class
        K, s, d = self.K_slider.value, self.s_slider.value, self.d_slider.value
        L_out = conv_output_length(len(self.x), K, s, dilation=d)
        return dict(unit=min(self.unit_slider.value, L_out - 1), K=K, stride=s, dilation=d)

    def _fixed_artists(self):
        return self._labels                     # drawn into the background until _build

    def update(self, unit, K=None, stride=None, dilation=None):
        """As ``ConvUnitView.update``, then move the controls to match and re-render."""
        window = super().update(unit, K, stride, dilation)
        with self._holding_controls():                      # the base class's one guard
            self.unit_slider.max = self.T.shape[0] - 1
            self.unit_slider.value = self.unit
            self.K_slider.value, self.s_slider.value, self.d_slider.value = self._geom
        self._render()
        return window
