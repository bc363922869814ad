"""The ``Explorer`` base class: one protocol for every explorer (controls -> compute -> draw).

An explorer is a figure that follows a few controls. The base class owns the sequence; a
subclass fills in the steps:

* ``__init__`` stores the data, draws ``self.fig`` in its first state and ends with
  ``super().__init__(**values)``, the first values of ``update``'s arguments;
* ``make_controls(values)`` returns the controls, a dict from ``update``'s argument names to
  a widget, or to a list of widgets for a vector (a list of rows for a matrix); the default
  is none. ``control_limits(values)`` (optional) gives the ranges that depend on other
  values, ``{name: (min, max)}``;
* ``compute(...)`` checks its arguments and computes what the figure shows, without touching
  the figure: it returns a ``State``, whose fields become the explorer's attributes (a test
  reads ``explorer.z``), and ``update`` returns its field ``RESULT``. ``update`` takes
  ``compute``'s arguments; one given as None keeps its last value;
* ``draw(state)`` moves the figure's artists to ``state`` (no re-plotting);
* the classmethod ``demo()`` returns ``(explorer, [update kwargs, ...])`` for the tests and
  ``benchmarks/widget_latency.py`` (target: median <= 40 ms, 90th percentile <= 60 ms).

``update(...)`` runs compute -> show the values on the controls -> draw -> render the figure
into the widget's output. A moved control calls ``update`` with what the controls show; the
controls shown by ``update`` do not call it again. ``png()`` renders the current figure
without a kernel, so a script can save an explorer's frames.
"""
import inspect
import io
from contextlib import contextmanager
from types import SimpleNamespace as State

import ipywidgets as widgets
import matplotlib as mpl
import numpy as np
import PIL.Image
from IPython.display import Image, clear_output, display
from matplotlib.backends.backend_agg import FigureCanvasAgg

from helpers.widgets.background import FAST_TEXT, CachedBackground

__all__ = ["Explorer", "State", "stable_limit"]

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


def _read(control):
    """The value a control (or a nested list of controls: an array) shows."""
    if isinstance(control, list):
        return np.array([_read(c) for c in control])
    return control.value


def _show(control, value):
    """Show ``value`` on a control (or a nested list), widening a slider that does not reach it.

    A slider clamps a value outside [min, max]; then it would show another number than the
    one ``update`` computed with. A selection (a dropdown) that does not offer the value
    keeps what it shows.
    """
    if isinstance(control, list):
        for c, v in zip(control, value, strict=True):
            _show(c, v)
        return
    if hasattr(control, "options"):                     # options: values or (label, value)
        if value not in [o[1] if isinstance(o, tuple) else o for o in control.options]:
            return
    elif hasattr(control, "min") and hasattr(control, "max"):
        control.min, control.max = min(control.min, value), max(control.max, value)
    control.value = value


def _flat(control):
    return [w for c in control for w in _flat(c)] if isinstance(control, list) else [control]


def _box(control):
    """A vector of controls in a column; a matrix as it is written (its columns side by side)."""
    if not isinstance(control, list):
        return control
    if isinstance(control[0], list):
        return widgets.HBox([widgets.VBox(list(column)) for column in zip(*control, strict=True)])
    return widgets.VBox(control)


def _pin_labels(ax):
    """Fix ``ax``'s title at y = 1 and its axis labels where they are (axes coordinates).

    matplotlib places a title (and an axis label) at every draw by measuring every tick
    label; a fixed position skips that. No explorer has ticks on top.
    """
    ax.set_title(ax.get_title(), y=1.0, fontsize=ax.title.get_fontsize(),
                 color=ax.title.get_color())
    for axis in (ax.xaxis, ax.yaxis):                   # empty labels too: each is placed
        label = axis.label
        display_xy = label.get_transform().transform(label.get_position())
        axis.set_label_coords(*ax.transAxes.inverted().transform(display_xy))


class Explorer:
    """Base class of the explorers (the protocol: see ``helpers.widgets.base``).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    controls : dict of str to ipywidgets.Widget (or nested lists of them)
    values : dict
        ``update``'s arguments in the last update.
    output : ipywidgets.Output
    widget : ipywidgets.VBox
        The controls above the output; what the notebook displays.
    background : helpers.widgets.background.CachedBackground
        Made at the first draw; ``background.redraws`` counts the full draws.
    """

    RESULT = None             # the field of compute's State that update returns
    _holding = False          # True while update moves the controls

    def __init__(self, **values):
        self.values = {}
        self.controls = self.make_controls(values)
        for control in self.controls.values():
            for w in _flat(control):
                w.observe(self._on_control, names="value")
        self.output = widgets.Output()
        row = widgets.HBox([_box(c) for c in self.controls.values()],
                           layout=widgets.Layout(flex_flow="row wrap"))
        self.widget = widgets.VBox([row, self.output])
        self.background = None
        self.update(**values)

    # ------------------------------------------------------------------ the steps

    @classmethod
    def demo(cls):
        """``(explorer, [update kwargs, ...])`` for tests and benchmarks/widget_latency.py."""
        raise NotImplementedError(f"{cls.__name__} needs a classmethod demo() returning "
                                  "(explorer, [kwargs for update, ...])")

    def make_controls(self, values):
        """``{argument name: widget or nested list of widgets}``, showing ``values``."""
        return {}

    def control_limits(self, values):
        """``{argument name: (min, max)}`` for ranges that depend on other ``values``."""
        return {}

    def compute(self, **values):
        raise NotImplementedError(f"{type(self).__name__} needs compute(...) -> State")

    def draw(self, state):
        raise NotImplementedError(f"{type(self).__name__} needs draw(state)")

    def fixed_artists(self):
        """Artists that change only by being replaced: the cached background holds them."""
        return ()

    # ------------------------------------------------------------------ the sequence

    def update(self, *args, **kwargs):
        """Compute for these values (``compute``'s arguments), show them, draw; return the result.

        The controls move to the values too, so a control moved afterwards starts there.
        """
        bound = inspect.signature(self.compute).bind(*args, **kwargs)
        bound.apply_defaults()
        values = {name: self.values.get(name) if value is None else value
                  for name, value in bound.arguments.items()}
        state = self.compute(**values)
        vars(self).update(vars(state))
        self.values = values
        with self._holding_controls():
            for name, (lo, hi) in self.control_limits(values).items():
                control = self.controls[name]
                with control.hold_trait_notifications():
                    control.min, control.max = lo, hi
            for name, control in self.controls.items():
                _show(control, values[name])
        self.draw(state)
        self._render()
        return getattr(state, self.RESULT)

    def control_values(self):
        """``update``'s arguments as the controls show them (ranges from ``control_limits``)."""
        values = {**self.values, **{name: _read(c) for name, c in self.controls.items()}}
        for name, (lo, hi) in self.control_limits(values).items():
            values[name] = min(max(values[name], lo), hi)
        return values

    def _on_control(self, _change):
        if not self._holding:                  # not the echo of update() moving the controls
            self.update(**self.control_values())

    @contextmanager
    def _holding_controls(self):
        held, self._holding = self._holding, True
        try:
            yield
        finally:
            self._holding = held

    # ------------------------------------------------------------------ output

    def png(self):
        """The figure as it is now, as PNG bytes (opaque; a fast zlib level).

        At the first draw the layout engine places the axes and is then switched off (running
        it at every update tripled an update's time); titles and axis labels are pinned where
        it put them. Figures are made with room to spare for changing texts. Later draws take
        ticks, tick labels and ``fixed_artists()`` from the ``CachedBackground`` unless they
        changed. Text is drawn unhinted (``FAST_TEXT``), a third faster.
        """
        with mpl.rc_context(FAST_TEXT):
            if self.background is None:
                FigureCanvasAgg(self.fig)               # attaches itself as self.fig.canvas
                self.fig.draw_without_rendering()       # constrained layout places the axes
                self.fig.set_layout_engine(None)
                for ax in self.fig.axes:
                    _pin_labels(ax)
                self.background = CachedBackground(self.fig)
            self.background.draw(self.fixed_artists())
        width, height = self.fig.canvas.get_width_height()
        rgba = PIL.Image.frombuffer("RGBA", (width, height), self.fig.canvas.buffer_rgba(),
                                    "raw", "RGBA", 0, 1)
        png = io.BytesIO()
        rgba.convert("RGB").save(png, format="png", compress_level=1)
        return png.getvalue()

    def _render(self):
        """Show ``png()`` in ``self.output`` (a view without controls is shown as its figure)."""
        png = self.png()
        if not self.controls:
            return
        with self.output:
            clear_output(wait=True)
            display(Image(png))

    def _ipython_display_(self):
        display(self.widget)

