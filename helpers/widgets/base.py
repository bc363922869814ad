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
import matplotlib as mpl
import numpy as np
import PIL.Image
from IPython.display import Image, clear_output, display
from matplotlib.backends.backend_agg import FigureCanvasAgg

from helpers.widgets.background import FAST_TEXT, CachedBackground

__all__ = ["Explorer", "show", "stable_limit"]

_STEPS = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def stable_limit(v):
    """The smallest of 1, 1.5, 2, 3, 4, 5, 6, 8 times a power of ten that is >= v (> 0).

    An explorer that scales an axis to its data uses this as the limit, so the axis moves in
    steps and not at every step of a slider: the eye can compare two positions, and the
    cached background (ticks and their labels) is redrawn only when the limit jumps.
    The limit is at most 1.5 times v.
    """
    if not v > 0:
        raise ValueError(f"stable_limit: v must be a positive number; got {v!r}")
    power = 10.0 ** np.floor(np.log10(v))
    return next(step * power for step in _STEPS if step * power >= v * (1 - 1e-12))


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
    background : helpers.widgets.background.CachedBackground or None
        Made at the first render; ``background.redraws`` counts the full draws.
    """

    _holding = False          # True while code moves the controls (see _holding_controls)
    background = None

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
        """Draw ``self.fig`` (``_draw``) and show it in ``self.output`` as a PNG."""
        self._draw()
        width, height = self.fig.canvas.get_width_height()
        rgba = PIL.Image.frombuffer("RGBA", (width, height), self.fig.canvas.buffer_rgba(),
                                    "raw", "RGBA", 0, 1)
        png = io.BytesIO()
        rgba.convert("RGB").save(png, format="png", compress_level=1)  # opaque; fast zlib level
        with self.output:
            clear_output(wait=True)
            display(Image(png.getvalue()))

    def _draw(self):
        """Draw ``self.fig`` into its Agg canvas, redrawing only what changed.

        At the first draw the layout engine places the axes and is then switched off
        (re-running it, and the inline backend's tight bounding box, tripled the time of an
        update); titles and axis labels are pinned where it put them, which spares
        matplotlib measuring every tick label to place them at each draw. Figures are made
        with room to spare for changing titles and tick labels. The figure keeps one Agg
        canvas, so its renderer and text-size cache are reused, and a ``CachedBackground``:
        ticks, tick labels and ``_fixed_artists()`` are drawn again only when they change.
        Text is drawn unhinted (``FAST_TEXT``), a third faster than matplotlib's default.
        """
        with mpl.rc_context(FAST_TEXT):
            if self.background is None:
                FigureCanvasAgg(self.fig)                   # attaches itself as self.fig.canvas
                self.fig.draw_without_rendering()           # constrained layout places the axes
                self.fig.set_layout_engine(None)            # keep those positions: one draw
                for ax in self.fig.axes:
                    _pin_labels(ax)
                self.background = CachedBackground(self.fig)
            self.background.draw(self._fixed_artists())

    def _fixed_artists(self):
        """Artists that change only by being replaced: drawn once into the cached background.

        ``CachedBackground`` caches each axes' ticks and labels anyway; an explorer lists
        here what else stays put between updates (nothing that changes may lie over them).
        """
        return ()

    def _ipython_display_(self):
        display(self.widget)

