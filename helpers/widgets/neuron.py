"""Explorer of notebook 01: one neuron a = sigma(x . w + b)."""
import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import MaxNLocator

from helpers.activations import get_activation
from helpers.plotting import plot_activation, plot_contributions
from helpers.style import new_figure
from helpers.widgets.base import Explorer, State, stable_limit


def _slider(description, value):
    """A slider over [-2, 2] in steps of 0.1."""
    return widgets.FloatSlider(value=value, min=-2.0, max=2.0, step=0.1, description=description,
                               continuous_update=True, readout_format=".1f",
                               layout=widgets.Layout(width="260px"))


class NeuronExplorer(Explorer):
    """One neuron a = sigma(x . w + b) with a fixed input x (n,): sliders for w (n,) and b.

    ``update(w, b)`` sets ``z`` and ``a`` and returns a; ``bars`` are the n + 2 bars (x_i w_i,
    b, z), ``marker`` the point (z, a) on the activation's curve, ``w_sliders`` and
    ``b_slider`` the controls. Introduced in notebook 01.
    """

    RESULT = "a"
    SWEEP = "b"

    def __init__(self, x, w, b=0.0, activation="relu"):
        self.x = np.asarray(x, dtype=float)
        w = np.asarray(w, dtype=float)
        if self.x.ndim != 1 or w.shape != self.x.shape:
            raise ValueError(f"NeuronExplorer: x and w must be 1-D of the same length; got "
                             f"shapes {self.x.shape} and {w.shape}")
        self.fn, _ = get_activation(activation, "NeuronExplorer")
        self.fig, (self.ax_bars, self.ax_act) = new_figure(2, figsize=(7.0, 3.0))
        self.bars = plot_contributions(self.x, w, b, ax=self.ax_bars).bars
        zmax = 2.0 * (np.abs(self.x).sum() + 1.0)             # |z| the sliders can reach
        self.marker = plot_activation(0.0, self.fn, activation, zlim=(-zmax, zmax),
                                      ax=self.ax_act).marker
        for axis in (self.ax_bars.yaxis, self.ax_act.xaxis, self.ax_act.yaxis):
            axis.set_major_locator(MaxNLocator(4))            # fewer ticks: each costs a redraw
        super().__init__(w=w, b=b)

    @classmethod
    def demo(cls):
        return (cls([1.0, 2.0, -1.0], [0.5, -0.25, -1.0], 0.5),
                [{"w": [0.1 * k, 1.0, -1.0], "b": 0.5 - 0.2 * k} for k in range(5)])

    def make_controls(self, values):
        self.w_sliders = [_slider(f"w{i}", v) for i, v in enumerate(values["w"])]
        self.b_slider = _slider("b", values["b"])
        return {"w": self.w_sliders, "b": self.b_slider}

    def compute(self, w, b):
        """z = x . w + b and a = sigma(z) for weights w (n,) and bias b."""
        w = np.asarray(w, dtype=float)
        if w.shape != self.x.shape:
            raise ValueError(f"NeuronExplorer.update: w must have shape {self.x.shape} like x; "
                             f"got shape {w.shape}")
        z = float(self.x @ w + b)
        return State(z=z, a=float(self.fn(z)), heights=np.r_[self.x * w, b, z])

    def draw(self, state):
        for bar, h in zip(self.bars, state.heights, strict=True):
            bar.set_height(h)
        lim = stable_limit(max(1.0, np.abs(state.heights).max() * 1.1))
        self.ax_bars.set_ylim(-lim, lim)                  # moves in steps (see stable_limit)
        self.marker.set_data([state.z], [state.a])
        self.ax_act.set_title(f"z = {state.z:.2f}  ->  a = {state.a:.2f}")
