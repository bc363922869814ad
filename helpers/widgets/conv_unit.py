"""Explorer of notebook 04: one output unit's row of T, its window and its edges."""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from helpers.diagram import plot_network
from helpers.geometry import conv_output_length
from helpers.matrix import conv_matrix, tap_index_matrix
from helpers.plot_matrices import plot_toeplitz
from helpers.plotting import remove_plot
from helpers.style import subscript, tap_colour
from helpers.widgets.base import Explorer, State

_GREY = (0.85, 0.85, 0.85, 1.0)


class ConvUnitView(Explorer):
    """One output unit of a 1-D convolution, seen three ways at once (a figure, no controls).

    Its row of T, its edges in the network diagram and its window on x (L,) are highlighted
    together; the title shows its sum. Kernel size K uses the taps ``w[:K]`` of w (K_max,);
    padding is "valid". ``update(unit, K=None, stride=None, dilation=None)`` returns
    ``window``; a new K, s or d redraws T and the diagram in place. ``ConvMatrixExplorer``
    adds the controls. Attributes: ``T`` and ``taps`` (L_out, L), ``conv_matrix`` and
    ``tap_index_matrix`` of the geometry; ``window`` (K,), the inputs unit i reads (i s + k d;
    its output is z = T[i] @ x); ``edges``, the diagram's edges (a LineCollection, row-major),
    and ``lit_edges`` the lit ones' indices; ``row_box``, the frame around row i. Introduced in
    notebook 04.
    """

    RESULT = "window"

    def __init__(self, x, w, unit=0, K=None, stride=1, dilation=1):
        self.x = np.asarray(x, dtype=float)
        self.w_all = np.asarray(w, dtype=float)
        if self.x.ndim != 1 or self.w_all.ndim != 1 or len(self.w_all) > len(self.x):
            raise ValueError(f"{type(self).__name__}: x must be 1-D (L,) and w 1-D (K_max,) "
                             f"with K_max <= L; got shapes {self.x.shape} and {self.w_all.shape}")
        self.fig = Figure(figsize=(7.0, 4.4), dpi=plt.rcParams["figure.dpi"], layout="constrained")
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
        self._geom, self._drawn, self._labels = None, [], ()
        super().__init__(unit=unit, K=K or len(self.w_all), stride=stride, dilation=dilation)

    @classmethod
    def demo(cls):
        x = np.array([0, 1, 2, 3, 2, 1, 0, -1, -2, 0], dtype=float)
        return cls(x, [1.0, 2.0, -1.0, 0.5], unit=3, K=3), [        # unit moves, then geometry
            dict(unit=u, K=3, stride=1, dilation=1) for u in (0, 4, 7, 2)] + [
            dict(unit=1, K=2, stride=2, dilation=3)]

    def compute(self, unit, K=None, stride=None, dilation=None):
        """T and the taps for (K, s, d); unit i's window, its output and its edges."""
        L = len(self.x)
        T = conv_matrix(self.w_all[:K], L, stride, dilation=dilation)      # (L_out, L)
        taps = tap_index_matrix(K, L, stride, dilation=dilation)            # (L_out, L)
        if not 0 <= unit < len(T):
            raise ValueError(f"{type(self).__name__}.update: unit must be in 0..{len(T) - 1} "
                             f"(L_out = {len(T)} for K={K}, s={stride}, d={dilation}); got {unit}")
        unit = int(unit)
        edge_rows = np.nonzero(taps >= 0)[0]                # each edge's row, in edge order
        return State(unit=unit, geom=(K, stride, dilation), T=T, taps=taps,
                     window=np.flatnonzero(taps[unit] >= 0), z=float(T[unit] @ self.x),
                     lit_edges=np.flatnonzero(edge_rows == unit))

    def _build(self, state):
        """Replace what the last ``plot_toeplitz`` / ``plot_network`` drew (T's shape changed)."""
        for plot in self._drawn:
            remove_plot(plot)
        heat = plot_toeplitz(state.T, state.taps, ax=self.ax_T, legend=False, zeros=False,
                             ticks=False)                  # fewer texts, no ticks: faster
        self.image, self._values, self._value_rows = heat.image, heat.texts, heat.cells[:, 0]
        self.rgba = self.image.get_array().copy()                          # (L_out, L, 4)
        net = plot_network(state.T, state.taps, ax=self.ax_net, legend=False)
        self.edges, self.out_nodes = net.edges, net.out_nodes
        self._edge_colours = self.edges.get_colors().copy()
        self._drawn = [heat, net]
        self._labels = (*heat.labels, *net.in_labels, *net.out_labels)    # same for every unit
        self._geom = state.geom

    def draw(self, state):
        if state.geom != self._geom:
            self._build(state)
        i, T = state.unit, state.T
        faded = self.rgba.copy()                                           # other rows fade
        faded[:, :, :3] = 1.0 - 0.25 * (1.0 - faded[:, :, :3])
        faded[i] = self.rgba[i]
        self.image.set_data(faded)
        for text, row in zip(self._values, self._value_rows, strict=True):   # row i's values
            text.set_visible(row == i)
        self.row_box.set_y(i - 0.5)
        lit = np.zeros(len(self._edge_colours), dtype=bool)
        lit[state.lit_edges] = True
        self.edges.set_color(np.where(lit[:, None], self._edge_colours, _GREY))
        self.edges.set_linewidths(np.where(lit, 3.5, 1.0))
        self.out_nodes.set_facecolors(["black" if r == i else "white" for r in range(len(T))])
        for bar, k in zip(self.bars, state.taps[i], strict=True):
            bar.set_color(tap_colour(k) if k >= 0 else "0.8")
        terms = " + ".join(f"({T[i, j]:g})({self.x[j]:g})" for j in state.window)
        self.ax_net.set_title(f"{subscript('z', i)} = {terms} = {state.z:g}", fontsize=10)
        self.ax_T.set_title(f"row {i} of T: output unit {i}", fontsize=10)

    def fixed_artists(self):
        return self._labels                     # drawn into the background until _build


class ConvMatrixExplorer(ConvUnitView):
    """``ConvUnitView`` with sliders ``unit_slider``, ``K_slider``, ``s_slider``, ``d_slider``.

    The unit slider reaches L_out - 1; a geometry with fewer outputs moves the unit to the
    last one. Introduced in notebook 04.
    """

    SWEEP = "unit"

    def make_controls(self, values):
        L, K_max = len(self.x), len(self.w_all)
        d_max = max(1, (L - 1) // max(K_max - 1, 1))            # so that K_eff <= L always
        opts = dict(continuous_update=False, layout=widgets.Layout(width="230px"))
        self.unit_slider = widgets.IntSlider(values["unit"], 0, L - 1, description="output i",
                                             layout=widgets.Layout(width="300px"))
        self.K_slider = widgets.IntSlider(values["K"], 1, K_max, description="K", **opts)
        self.s_slider = widgets.IntSlider(values["stride"], 1, 3, description="stride s", **opts)
        self.d_slider = widgets.IntSlider(values["dilation"], 1, min(d_max, 3),
                                          description="dilation d", **opts)
        return {"unit": self.unit_slider, "K": self.K_slider, "stride": self.s_slider,
                "dilation": self.d_slider}

    def control_limits(self, values):
        L_out = conv_output_length(len(self.x), values["K"], values["stride"],
                                   dilation=values["dilation"])
        return {"unit": (0, L_out - 1)}
