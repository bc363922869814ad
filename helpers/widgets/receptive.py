"""Explorer of notebook 06: the receptive field of a stack of layers."""
import ipywidgets as widgets

from helpers.plotting import plot_receptive_field, remove_plot
from helpers.receptive_field import receptive_field_size, trace_receptive_field
from helpers.style import new_figure
from helpers.widgets.base import Explorer


class ReceptiveFieldExplorer(Explorer):
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

    The number of units per level changes with the stride, so an update replaces the drawn
    artists (``remove_plot``), keeping the axes.

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
        self.controls = self.sliders                  # update's argument names -> sliders
        self.plot = None
        self._observe(self.sliders.values())
        self._init_output(widgets.HBox(list(self.sliders.values())))
        self.update(n_layers, kernel_size, stride, dilation)

    @classmethod
    def demo(cls):
        return cls(L=48), [dict(n_layers=3, kernel_size=3, stride=2, dilation=1),
                           dict(n_layers=4, kernel_size=5, stride=1, dilation=2)]

    def update(self, n_layers, kernel_size, stride=1, dilation=1):
        """Redraw for a new stack; return the input positions in the receptive field.

        The sliders are moved to the given values too, so a later slider change starts there.
        """
        self._show_values(n_layers=n_layers, kernel_size=kernel_size, stride=stride,
                          dilation=dilation)
        self.layers = [(int(kernel_size), int(stride), int(dilation))] * int(n_layers)
        self.r = receptive_field_size(self.layers)
        self.levels = trace_receptive_field(self.L, self.layers, padding="same")
        self.field = self.levels[0]
        if self.plot is not None:                     # redraw in place: no ax.clear()
            remove_plot(self.plot)
        self.plot = plot_receptive_field(self.L, self.layers, padding="same", ax=self.ax)
        span = int(self.field[-1] - self.field[0] + 1) if len(self.field) else 0
        cut = "" if span == self.r else f", cut to {span} by the edges"
        self.ax.set_title(f"{n_layers} layer(s), K={kernel_size}, s={stride}, d={dilation}: "
                          f"receptive field r = {self.r}{cut}")
        self._render()
        return self.field
