"""Explorers of notebooks 02 and 03: the sliding window, and padding/stride/dilation."""
import textwrap

import ipywidgets as widgets
import numpy as np

from helpers.activations import get_activation
from helpers.conv import correlate1d
from helpers.geometry import GeometryError, geometry
from helpers.plot_windows import (
    plot_conv_geometry,
    plot_sliding_window,
    set_conv_geometry,
    set_sliding_window,
)
from helpers.style import HIGHLIGHT, new_figure
from helpers.validation import check_int
from helpers.widgets.base import Explorer, State


class WindowExplorer(Explorer):
    """Slide a filter w (K,) along x (L,): z_i = x[i:i+K] . w and a_i = sigma(z_i) ("valid").

    ``update(i)`` (or the ``slider``) moves the window and returns a; it sets ``i``, ``z``
    and ``products = x[i:i+K] * w``. The figure is ``plot_sliding_window``'s, with z and a
    filled in for 0..i. Introduced in notebook 02.
    """

    RESULT = "a"
    SWEEP = "i"

    def __init__(self, x, w, activation="relu"):
        self.x, self.w = np.asarray(x, dtype=float), np.asarray(w, dtype=float)
        self.L_out = len(correlate1d(self.x, self.w))          # checks shapes, K <= L
        self.fn, self.fn_name = get_activation(activation, "WindowExplorer")
        width = min(7.0, max(5.0, 0.55 * len(self.x) + 2.2))   # inches, at most the column
        self.fig, self.ax = new_figure(1, figsize=(width, 3.0))
        self.plot = plot_sliding_window(self.x, self.w, 0, ax=self.ax, fn=self.fn,
                                        fn_name=self.fn_name)
        super().__init__(i=0)

    @classmethod
    def demo(cls):
        return cls([1, 3, -1, 0, 2, -2, 1], [1, -1, 2]), [{"i": i} for i in range(5)]

    def make_controls(self, values):
        self.slider = widgets.IntSlider(value=values["i"], min=0, max=self.L_out - 1,
                                        description="position i", continuous_update=True)
        return {"i": self.slider}

    def compute(self, i):
        """The window at position i: its products, z_i and a_i = sigma(z_i)."""
        i = check_int(i, "i (the window position)", "WindowExplorer.update", 0)
        if i >= self.L_out:
            raise ValueError(f"WindowExplorer.update: i must be < L_out = L - K + 1 = "
                             f"{self.L_out}; got {i}")
        products = self.x[i:i + len(self.w)] * self.w                      # (K,)
        z = float(products.sum())
        return State(i=i, products=products, z=z, a=float(self.fn(z)))

    def draw(self, state):
        set_sliding_window(self.plot, self.x, self.w, state.i, self.fn, self.fn_name)


class GeometryExplorer(Explorer):
    """Padding, stride, dilation and kernel size: which inputs each output reads.
    ``update(L, K, stride, padding, dilation)`` redraws ``plot_conv_geometry``'s diagram and
    returns ``L_out``, or None when the kernel does not fit (``error`` says why). It sets
    ``p_left``, ``p_right`` and ``reads`` (``reads[i]``: the positions output i reads, < 0 or
    >= L a padded zero). The padding dropdown offers "valid", "same", "full", 1 and 2; another
    padding, such as (0, 2), leaves it where it was. Introduced in notebook 03.
    """

    RESULT = "L_out"
    SWEEP = "padding"
    PADDINGS = [("valid", "valid"), ("same", "same"), ("full", "full"), ("1 each side", 1),
                ("2 each side", 2)]

    def __init__(self, L=10, K=3, stride=1, padding="valid", dilation=1):
        self.fig, self.ax = new_figure(1, figsize=(7.0, 2.8))
        self.plot = plot_conv_geometry(L, K, stride, padding, dilation, ax=self.ax)
        super().__init__(L=L, K=K, stride=stride, padding=padding, dilation=dilation)

    @classmethod
    def demo(cls):
        cases = [(10, 3, 1, "valid", 1), (10, 3, 3, "valid", 1), (11, 4, 2, "same", 1),
                 (8, 3, 1, "full", 2), (12, 2, 3, 1, 3), (6, 6, 1, "valid", 1)]
        return cls(), [dict(zip(("L", "K", "stride", "padding", "dilation"), case, strict=True))
                       for case in cases]

    def make_controls(self, values):
        layout = widgets.Layout(width="230px")

        def slider(name, text, hi):
            return widgets.IntSlider(value=values[name], min=1, max=hi, description=text,
                                     continuous_update=False, layout=layout)
        return {"L": slider("L", "L", 16), "K": slider("K", "K", 6),
                "padding": widgets.Dropdown(options=self.PADDINGS, value=values["padding"],
                                            description="padding", layout=layout),
                "stride": slider("stride", "stride s", 4),
                "dilation": slider("dilation", "dilation d", 3)}

    def compute(self, L, K, stride=1, padding="valid", dilation=1):
        """The layer's geometry: padding, L_out and what each output reads (or why none)."""
        layer = dict(L=L, K=K, stride=stride, padding=padding, dilation=dilation)
        try:
            g = geometry(L, K, stride, padding, dilation, "GeometryExplorer.update")
        except GeometryError as err:                    # kernel longer than the padded input
            return State(layer=layer, error=err.reason, L_out=None, reads=[],
                         p_left=err.p_left, p_right=err.p_right)
        return State(layer=layer, error=None, L_out=g.L_out, p_left=g.p_left, p_right=g.p_right,
                     reads=g.positions().tolist())          # reads[i][k] = i s + k d - p_left

    def draw(self, state):
        for artist in self.plot[1:]:                    # edges, inputs, outputs
            artist.set_visible(state.error is None)
        if state.error is None:
            set_conv_geometry(self.plot, **state.layer)
            self.ax.title.set_color("black")
        else:
            self.ax.set_title(textwrap.fill(state.error, 95), fontsize=9, color=HIGHLIGHT)
