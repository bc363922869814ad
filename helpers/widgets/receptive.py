"""Explorer of notebook 06: the receptive field of a stack of layers."""
import ipywidgets as widgets

from helpers.plotting import plot_receptive_field, set_receptive_field
from helpers.receptive_field import receptive_field_size, trace_receptive_field
from helpers.style import new_figure
from helpers.widgets.base import Explorer, State


class ReceptiveFieldExplorer(Explorer):
    """A stack of identical conv layers (padding "same") and its middle top unit's receptive field.

    ``update(n_layers, kernel_size, stride, dilation)`` returns ``field``, the input positions
    the unit reads (``levels[0]`` of ``trace_receptive_field``'s ``levels``), and sets
    ``layers`` [(K, s, d), ...] and ``r = 1 + sum_l (K - 1) d s^(l-1)``, the formula's size.
    ``sliders`` holds the controls by ``update``'s argument names. Introduced in notebook 06.
    """

    RESULT = "field"
    SWEEP = "n_layers"

    def __init__(self, L=48, n_layers=2, kernel_size=3, stride=1, dilation=1):
        self.L = int(L)
        self.fig, self.ax = new_figure(1, figsize=(7.0, 3.4))
        self.plot = plot_receptive_field(self.L, [(kernel_size, stride, dilation)] * n_layers,
                                         ax=self.ax)
        super().__init__(n_layers=n_layers, kernel_size=kernel_size, stride=stride,
                         dilation=dilation)

    @classmethod
    def demo(cls):
        return cls(L=48), [dict(n_layers=3, kernel_size=3, stride=2, dilation=1),
                           dict(n_layers=4, kernel_size=5, stride=1, dilation=2)]

    def make_controls(self, values):
        opts = dict(continuous_update=False, layout=widgets.Layout(width="220px"))
        ranges = dict(n_layers=("layers", 4), kernel_size=("kernel K", 7),
                      stride=("stride s", 3), dilation=("dilation d", 4))
        self.sliders = {name: widgets.IntSlider(values[name], 1, hi, description=text, **opts)
                        for name, (text, hi) in ranges.items()}
        return self.sliders

    def compute(self, n_layers, kernel_size, stride=1, dilation=1):
        """The stack, its receptive field size r and the traced units of the middle top unit."""
        layers = [(int(kernel_size), int(stride), int(dilation))] * int(n_layers)
        levels = trace_receptive_field(self.L, layers, padding="same")
        return State(layers=layers, r=receptive_field_size(layers), levels=levels,
                     field=levels[0])

    def draw(self, state):
        set_receptive_field(self.plot, self.L, state.layers)
        field = state.field
        span = int(field[-1] - field[0] + 1) if len(field) else 0
        cut = "" if span == state.r else f", cut to {span} by the edges"
        K, s, d = state.layers[0]
        self.ax.set_title(f"{len(state.layers)} layer(s), K={K}, s={s}, d={d}: "
                          f"receptive field r = {state.r}{cut}")
