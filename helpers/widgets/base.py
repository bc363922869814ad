"""The ``Explorer`` base class: one protocol for every explorer (controls -> compute -> draw).

A subclass fills in the steps; the base class runs them in order. ``__init__`` stores the data,
draws ``self.fig`` and ends with ``super().__init__(**values)``, the first values of ``update``'s
arguments. ``make_controls(values)`` returns ``{argument name: widget}`` (a list of widgets for
a vector, a list of rows for a matrix); ``control_limits(values)`` the ranges that depend on
other values, ``{name: (min, max)}``. ``compute(...)`` checks its arguments and returns a
``State`` without touching the figure; its fields become attributes (a test reads
``explorer.z``) and ``update`` returns the field named ``RESULT``; an argument given as None
keeps its last value. ``draw(state)`` moves the figure's artists (no re-plotting). The
classmethod ``demo()`` returns ``(explorer, [update kwargs, ...])`` for the tests and
``benchmarks/widget_latency.py`` (target: median <= 40 ms, 90th percentile <= 60 ms).

``update(...)`` runs compute, shows the values on the controls (which then do not call
``update`` again), draws and renders the figure as a PNG into ``output`` (and ``last_png``);
a moved control calls ``update`` with what the controls show. ``png()`` needs no kernel.
Displayed, the output carries beside the widget a recipe (mime type ``RECIPE``): the class and
the arguments it was built with (``plain``), from which the website rebuilds the explorer and
draws frames of its principal control ``SWEEP`` (a name, then an index for one slider of a
vector or matrix) over its range (book/explorer_frames.py).
"""
import inspect
import io
import json
from types import SimpleNamespace

import ipywidgets as widgets
import matplotlib as mpl
import numpy as np
import PIL.Image
from IPython.display import Image, clear_output, display
from matplotlib.backends.backend_agg import FigureCanvasAgg

from helpers.widgets.background import FAST_TEXT, CachedBackground

State = SimpleNamespace       # what compute returns; its fields become attributes
RECIPE = "application/vnd.helpers.explorer-recipe+json"
_STEPS = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def stable_limit(v):
    """The smallest of 1, 1.5, 2, 3, 4, 5, 6, 8 times a power of ten that is >= v (> 0): an axis
    scaled to its data with this limit moves in steps (at most 1.5 v), not at every step of a
    slider: the eye can compare, and the cached background is rarely redrawn."""
    if not v > 0:
        raise ValueError(f"stable_limit: v must be a positive number; got {v!r}")
    power = 10.0 ** np.floor(np.log10(v))
    return next(step * power for step in _STEPS if step * power >= v * (1 - 1e-12))


def plain(value):
    """``value`` as JSON: an array as its dtype, shape and values (a JSON list in a string: one
    line in the notebook), another object as its class and attributes."""
    if isinstance(value, np.ndarray):
        return {"ndarray": value.dtype.str, "shape": list(value.shape),
                "values": json.dumps(value.ravel().tolist(), separators=(",", ":"))}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "__dict__"):
        return {"object": f"{type(value).__module__}.{type(value).__qualname__}",
                "vars": plain(vars(value))}
    return value.item() if isinstance(value, np.generic) else value       # str, number, None


def _read(control):
    """The value a control (or a nested list of controls: an array) shows."""
    if isinstance(control, list):
        return np.array([_read(c) for c in control])
    return control.value


def _show(control, value):
    """Show ``value`` on a control (or nested list), widening a slider that does not reach it
    (it would clamp it); a dropdown that does not offer the value keeps what it shows."""
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
    """The widgets of a control or nested list, flat."""
    return [w for c in control for w in _flat(c)] if isinstance(control, list) else [control]


def _box(control):
    """A vector of controls in a column; a matrix as it is written (its columns side by side)."""
    if not isinstance(control, list):
        return control
    if isinstance(control[0], list):
        return widgets.HBox([widgets.VBox(list(column)) for column in zip(*control, strict=True)])
    return widgets.VBox(control)


def _pin_labels(ax):
    """Fix ``ax``'s title at y = 1 and its axis labels where they are (axes coordinates):
    matplotlib places them at every draw by measuring every tick label; fixed, it does not."""
    ax.set_title(ax.get_title(), y=1.0, fontsize=ax.title.get_fontsize(),
                 color=ax.title.get_color())
    for axis in (ax.xaxis, ax.yaxis):                   # empty labels too: each is placed
        label = axis.label
        display_xy = label.get_transform().transform(label.get_position())
        axis.set_label_coords(*ax.transAxes.inverted().transform(display_xy))


class Explorer:
    """Base class of the explorers (the protocol: see ``helpers.widgets.base``).

    ``fig`` is the figure; ``controls`` the controls by ``update``'s argument names;
    ``values`` the last update's arguments; ``widget`` (what a notebook displays) the controls
    above ``output``; ``background`` the ``CachedBackground``, made at the first draw.
    """

    RESULT = None             # the field of compute's State that update returns
    SWEEP = None              # the principal control: its name (and index), for the website
    _holding = False          # True while update moves the controls

    def __new__(cls, *args, **kwargs):
        self = super().__new__(cls)                      # the arguments, for the recipe
        self.arguments = inspect.signature(cls).bind(*args, **kwargs).arguments
        return self

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

    def make_controls(self, values):
        return {}

    def control_limits(self, values):
        return {}

    def compute(self, **values):
        raise NotImplementedError(f"{type(self).__name__} needs compute(...) -> State")

    def draw(self, state):
        raise NotImplementedError(f"{type(self).__name__} needs draw(state)")

    def fixed_artists(self):
        """Artists that change only by being replaced: the cached background holds them."""
        return ()

    def update(self, *args, **kwargs):
        """Compute for ``compute``'s arguments, show them on the controls, draw; return RESULT."""
        bound = inspect.signature(self.compute).bind(*args, **kwargs)
        bound.apply_defaults()
        values = {name: self.values.get(name) if value is None else value
                  for name, value in bound.arguments.items()}
        state = self.compute(**values)
        vars(self).update(vars(state))
        self.values = values
        held, self._holding = self._holding, True
        try:
            for name, (lo, hi) in self.control_limits(values).items():
                control = self.controls[name]
                with control.hold_trait_notifications():
                    control.min, control.max = lo, hi
            for name, control in self.controls.items():
                _show(control, values[name])
        finally:
            self._holding = held
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

    def png(self):
        """The figure as it is now, as PNG bytes (opaque; a fast zlib level). The first draw
        runs the layout engine, then switches it off (it tripled an update's time) and pins
        titles and labels where it put them (so leave room for changing texts). Later draws
        take ticks and ``fixed_artists()`` from the ``CachedBackground``."""
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
        png = self.last_png = self.png()        # last_png: the website's frames
        if not self.controls:
            return
        with self.output:
            clear_output(wait=True)
            display(Image(png))

    def _repr_mimebundle_(self, **kwargs):
        """The widget's bundle and the recipe (see ``helpers.widgets.base``)."""
        recipe = {"explorer": f"{type(self).__module__}.{type(self).__qualname__}",
                  "arguments": plain(self.arguments)}
        return {**self.widget._repr_mimebundle_(**kwargs), RECIPE: recipe}
