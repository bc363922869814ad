"""Shared plumbing of the explorers: the ``_Explorer`` base class and small control helpers."""
import io

import ipywidgets as widgets
from IPython.display import Image, clear_output, display
from matplotlib.backends.backend_agg import FigureCanvasAgg

from helpers.activations import ACTIVATIONS


class _Explorer:
    """Shared plumbing: an Output that shows ``self.fig``, and notebook display of the box."""

    @classmethod
    def demo(cls):
        """``(explorer, [update kwargs, ...])`` for tests and benchmarks/widget_latency.py."""
        raise NotImplementedError(f"{cls.__name__} needs a classmethod demo() returning "
                                  "(explorer, [kwargs for update, ...]); see helpers/widgets/base.py")

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
