"""Explorer of notebook 01: one neuron a = sigma(x . w + b)."""
import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import MaxNLocator

from helpers.activations import get_activation
from helpers.plotting import plot_activation, plot_contributions
from helpers.style import new_figure
from helpers.widgets.base import Explorer, show, stable_limit


def _slider(description, value, lo=-2.0, hi=2.0):
    return widgets.FloatSlider(value=value, min=lo, max=hi, step=0.1, description=description,
                               continuous_update=True, readout_format=".1f",
                               layout=widgets.Layout(width="260px"))


class NeuronExplorer(Explorer):
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
        The n + 2 bars: products x_i w_i (i = 0..n-1), the bias, and z.
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
        self.fn, _ = get_activation(activation, "NeuronExplorer")
        self.fig, (ax_bars, ax_act) = new_figure(2, figsize=(8.0, 3.0))
        self.bars = plot_contributions(self.x, w, b, ax=ax_bars).bars
        zmax = 2.0 * (np.abs(self.x).sum() + 1.0)             # |z| the sliders can reach
        self.marker = plot_activation(0.0, self.fn, activation, zlim=(-zmax, zmax),
                                      ax=ax_act).marker
        self.ax_bars, self.ax_act = ax_bars, ax_act
        for axis in (ax_bars.yaxis, ax_act.xaxis, ax_act.yaxis):   # fewer ticks: each costs
            axis.set_major_locator(MaxNLocator(4))                   # a redraw
        self.w_sliders = [_slider(f"w{i}", v) for i, v in enumerate(w)]
        self.b_slider = _slider("b", b)
        self._observe([*self.w_sliders, self.b_slider])
        self._init_output(widgets.HBox([widgets.VBox(self.w_sliders), self.b_slider]))
        self.update(w, b)

    @classmethod
    def demo(cls):
        return (cls([1.0, 2.0, -1.0], [0.5, -0.25, -1.0], 0.5),
                [{"w": [0.1 * k, 1.0, -1.0], "b": 0.5 - 0.2 * k} for k in range(5)])

    def control_values(self):
        return dict(w=[s.value for s in self.w_sliders], b=self.b_slider.value)

    def _set_controls(self, w, b):
        for slider, value in zip(self.w_sliders, w):
            show(slider, value)
        show(self.b_slider, b)

    def update(self, w, b):
        """Recompute z = x . w + b and a = sigma(z), redraw, and return a.

        The sliders move to w and b too, so a later slider change starts from them.
        """
        w = np.asarray(w, dtype=float)
        if w.shape != self.x.shape:
            raise ValueError(f"NeuronExplorer.update: w must have shape {self.x.shape} like x; "
                             f"got shape {w.shape}")
        self._show_values(w=w, b=b)
        self.z = float(self.x @ w + b)
        self.a = float(self.fn(self.z))
        for bar, h in zip(self.bars, np.r_[self.x * w, b, self.z]):
            bar.set_height(h)
        lim = stable_limit(max(1.0, np.abs(np.r_[self.x * w, b, self.z]).max() * 1.1))
        self.ax_bars.set_ylim(-lim, lim)                  # moves in steps (see stable_limit)
        self.marker.set_data([self.z], [self.a])
        self.ax_act.set_title(f"z = {self.z:.2f}  ->  a = {self.a:.2f}")
        self._render()
        return self.a
