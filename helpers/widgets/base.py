"""Shared plumbing of the explorers: the ``Explorer`` base class.

The base class owns the controls. A subclass names them (``self.controls``, a dict from
``update``'s argument names to widgets, or its own ``control_values``/``_set_controls``) and
calls ``_observe``; then

* moving a control calls ``update(**self.control_values())``: the update computes from what
  the controls show;
* ``update(...)`` called from code first shows its values on the controls
  (``_show_values``), without that calling ``update`` again, and redraws once.

The one guard against the feedback loop is ``_holding_controls``; no explorer keeps a flag
of its own.
"""
import io
from contextlib import contextmanager

import ipywidgets as widgets
from IPython.display import Image, clear_output, display
from matplotlib.backends.backend_agg import FigureCanvasAgg

__all__ = ["Explorer", "show"]


def show(control, value):
    """Set ``control.value = value``, first widening a slider's range if it does not reach it.

    A slider clamps a value outside [min, max]; then the control would show another number
    than the one ``update`` computed with, and the next move would start from it.
    """
    if hasattr(control, "min") and hasattr(control, "max"):
        if value < control.min:
            control.min = value
        if value > control.max:
            control.max = value
    control.value = value


def _pin_labels(ax):
    """Fix ``ax``'s title at y = 1 and its axis labels where they are (axes coordinates).

    matplotlib places a title (and an axis label) automatically at every draw by measuring
    every tick label; a fixed position skips that. None of the explorers' axes has ticks on
    top, so y = 1 is where the title goes anyway.
    """
    ax.set_title(ax.get_title(), y=1.0, fontsize=ax.title.get_fontsize(),
                 color=ax.title.get_color())
    for axis in (ax.xaxis, ax.yaxis):                   # empty labels too: each is placed
        label = axis.label
        display = label.get_transform().transform(label.get_position())
        axis.set_label_coords(*ax.transAxes.inverted().transform(display))


class Explorer:
    """Base class of the explorers: controls in sync with ``update``, an Output with ``self.fig``.

    Attributes
    ----------
    controls : dict of str to ipywidgets.Widget
        Optional: ``update``'s argument name -> the control that shows it. A subclass whose
        controls do not map one to one overrides ``control_values`` and ``_set_controls``.
    output : ipywidgets.Output
    widget : ipywidgets.VBox
        The controls above the output; what the notebook displays.
    """

    _holding = False          # True while code moves the controls (see _holding_controls)

    @classmethod
    def demo(cls):
        """``(explorer, [update kwargs, ...])`` for tests and benchmarks/widget_latency.py."""
        raise NotImplementedError(f"{cls.__name__} needs a classmethod demo() returning "
                                  "(explorer, [kwargs for update, ...]); see "
                                  "helpers/widgets/base.py")

    # ------------------------------------------------------------------ controls

    def control_values(self):
        """The keyword arguments of ``update`` as the controls show them now."""
        return {name: control.value for name, control in self.controls.items()}

    def _set_controls(self, **values):
        """Move the controls to ``values`` (``update``'s keyword arguments); called held."""
        for name, value in values.items():
            show(self.controls[name], value)

    def _observe(self, controls):
        """Make every widget in ``controls`` call ``update`` with the controls' values."""
        for control in controls:
            control.observe(self._on_control, names="value")

    def _on_control(self, _change):
        if not self._holding:                  # not the echo of update() moving the controls
            self.update(**self.control_values())

    @contextmanager
    def _holding_controls(self):
        """The one guard: controls moved inside this block do not call ``update``."""
        held, self._holding = self._holding, True
        try:
            yield
        finally:
            self._holding = held

    def _show_values(self, **values):
        """Show the values of an ``update`` called from code on the controls (no re-update)."""
        with self._holding_controls():
            self._set_controls(**values)

    # ------------------------------------------------------------------ output

    def _init_output(self, controls):
        self.output = widgets.Output()
        self.widget = widgets.VBox([controls, self.output])

    def _render(self):
        """Show ``self.fig`` as a PNG drawn once with Agg (no tight bbox, so one draw).

        The layout engine places the axes at the first render and is then switched off:
        re-running it, and the inline backend's tight bounding box, tripled the time of an
        update. The titles and axis labels are then pinned where that first draw put them,
        which spares matplotlib measuring every tick label to place them at each draw.
        Figures are made with room to spare for changing titles and tick labels.
        The figure keeps one Agg canvas, so its renderer and text-size cache are reused
        (``savefig`` would make a new canvas, and measure every text again, each time).
        """
        if not getattr(self, "_layout_done", False):
            FigureCanvasAgg(self.fig)                       # attaches itself as self.fig.canvas
            self.fig.draw_without_rendering()               # constrained layout places the axes
            self.fig.set_layout_engine(None)                # keep those positions: one draw
            for ax in self.fig.axes:                        # pin titles and axis labels where
                _pin_labels(ax)                             # the layout put them (see below)
            self._layout_done = True
        png = io.BytesIO()
        self.fig.canvas.print_png(png, pil_kwargs={"compress_level": 1})  # fast zlib level
        with self.output:
            clear_output(wait=True)
            display(Image(png.getvalue()))

    def _ipython_display_(self):
        display(self.widget)

