"""Explorers that move on the website with no kernel: frames drawn at build time by their own code.

A displayed explorer's output carries its recipe beside the widget (``helpers.widgets.base``:
mime type ``RECIPE``, the class and the arguments it was built with). From it ``rebuild`` makes
the explorer again, in the notebooks' style; ``frame_states`` lists what to draw: the
principal control (the class's ``SWEEP``) over its control's whole range, every other control
at its first value, then the states the notebook's text discusses, from the cell's metadata

    "site": {"states": [["label shown in the list", {"argument": value, ...}], ...]}

(in the text's order; the arguments given replace the first values). ``render`` draws a
state with the explorer's ``update`` and ``png()``; each frame is stored as a lossless WebP
(the very pixels ``png()`` drew, about a third of the PNG's bytes), named by its content.
``explorer_html`` writes the frames and returns the page's block: the first frame, a native
slider over the sweep, a list of the text's states, and a caption naming every control the
live notebook adds.
``_static/explorer.js`` swaps the frames; tests/site/test_explorer_frames.py drags each slider
and compares the frame shown with one the explorer draws again.
"""
import contextlib
import hashlib
import html
import importlib
import io
import json

import ipywidgets as widgets
import matplotlib as mpl
import numpy as np
import PIL.Image

from helpers.style import use_style
from helpers.widgets.base import RECIPE, Explorer, _flat

FRAMES = "_explorers"                   # the frames' folder in the site
NOTE = "Interactive in JupyterLab"


def _decode(value):
    """The inverse of ``helpers.widgets.base.plain``: arrays and objects back from JSON."""
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "ndarray" in value:
        return np.array(json.loads(value["values"]), dtype=value["ndarray"]).reshape(
            value["shape"])
    if "object" in value:
        obj = _helpers_attribute(value["object"])
        obj = obj.__new__(obj)
        vars(obj).update(_decode(value["vars"]))
        return obj
    return {k: _decode(v) for k, v in value.items()}


def _helpers_attribute(path):
    """The class ``helpers.module.Name`` names (nothing outside the package)."""
    module, _, name = path.rpartition(".")
    if module.split(".")[0] != "helpers":
        raise ValueError(f"explorer recipe: only classes of helpers can be rebuilt; got {path!r}")
    return getattr(importlib.import_module(module), name)


def rebuild(recipe):
    """The explorer a recipe describes, drawn at its first values in the notebooks' style
    (call inside ``mpl.rc_context()``: ``use_style`` sets rcParams)."""
    cls = _helpers_attribute(recipe["explorer"])
    if not (isinstance(cls, type) and issubclass(cls, Explorer) and cls.SWEEP):
        raise ValueError(f"explorer recipe: {recipe['explorer']} is not an Explorer with a SWEEP")
    use_style()
    return cls(**_decode(recipe["arguments"]))


def _options(control):
    """``[(label, value), ...]``: every value a control offers."""
    if hasattr(control, "options"):
        return [o if isinstance(o, tuple) else (str(o), o) for o in control.options]
    count = round((control.max - control.min) / control.step) + 1
    values = [round(control.min + k * control.step, 10) for k in range(count)]
    if isinstance(control, widgets.IntSlider):
        values = [int(v) for v in values]
    return [(f"{v:g}", v) for v in values]


def _sweep_control(explorer):
    sweep = explorer.SWEEP
    name, *index = (sweep,) if isinstance(sweep, str) else sweep
    control = explorer.controls[name]
    for i in index:
        control = control[i]
    return name, tuple(index), control


def frame_states(explorer, text_states=None):
    """``[(label, update kwargs), ...]``: the sweep, then the text's states; and the index of
    the frame of the explorer's first values."""
    first = dict(explorer.values)
    name, index, control = _sweep_control(explorer)
    states, start = [], 0
    for label, value in _options(control):
        state = dict(first)
        if index:
            state[name] = np.array(first[name], dtype=float)
            state[name][index] = value
            start = len(states) if first[name][index] == value else start
        else:
            state[name] = value
            start = len(states) if first[name] == value else start
        states.append((f"{control.description} = {label}", state))
    for entry in text_states or []:
        if not (len(entry) == 2 and isinstance(entry[0], str) and isinstance(entry[1], dict)):
            raise ValueError(f'cell metadata "site": {{"states": [["label", {{argument: value}}], '
                             f'...]}}: got the entry {entry!r}')
        states.append((entry[0], {**first, **entry[1]}))
    return states, start


def render(explorer, state):
    """The explorer's frame for a state: its ``update``, then its ``png()``, as RGB pixels."""
    with contextlib.redirect_stdout(io.StringIO()):     # display() prints outside a kernel
        explorer.update(**state)
    return PIL.Image.open(io.BytesIO(explorer.last_png)).convert("RGB")


def _titles(explorer):
    return "; ".join(t for ax in explorer.fig.axes if (t := ax.get_title().strip()))


def _describe(control):
    """One control (or a vector/matrix of sliders) and the values it offers, in words."""
    leaves = _flat(control)
    first = leaves[0]
    if hasattr(first, "options"):
        offers = ", ".join(label for label, _ in _options(first))
    else:
        steps = "" if isinstance(first, widgets.IntSlider) else f" in steps of {first.step:g}"
        offers = f"{first.min:g} to {first.max:g}{steps}"
    if len(leaves) > 4:
        return f"{leaves[0].description} … {leaves[-1].description} ({len(leaves)} sliders, " \
               f"each {offers})"
    return ", ".join(w.description for w in leaves) + f" ({offers})"


def _caption(explorer, sweep, n_text):
    controls = "; ".join(_describe(c) for c in explorer.controls.values())
    text = f", and the {n_text} settings the text discusses," if n_text else ""
    return (f"Here: {sweep} over its whole range{text} drawn by the explorer's own code when "
            f"the site was built. {NOTE}: run the notebook to move every control to any "
            f"value: {controls}.")


def explorer_html(recipe, text_states, outdir):
    """Write the explorer's frames into ``outdir/_explorers``; return the page's HTML block."""
    (outdir / FRAMES).mkdir(parents=True, exist_ok=True)
    with mpl.rc_context(), contextlib.redirect_stdout(io.StringIO()):
        explorer = rebuild(recipe)
        states, start = frame_states(explorer, text_states)
        sweep = _sweep_control(explorer)[2].description           # the controls as they
        caption = _caption(explorer, sweep, len(text_states or []))   # start, before any frame
        frames = []
        for label, state in states:
            webp = io.BytesIO()
            render(explorer, state).save(webp, format="webp", lossless=True, method=1, quality=50)
            src = f"{FRAMES}/{hashlib.sha256(webp.getvalue()).hexdigest()[:20]}.webp"
            (outdir / src).write_bytes(webp.getvalue())
            frames.append({"src": src, "label": label, "state": state_json(state),
                           "alt": f"The explorer at {label}: {_titles(explorer)}."})
        size = explorer.fig.canvas.get_width_height()
    return _html(frames, start, len(states) - len(text_states or []), sweep, size, caption)


def state_json(state):
    """A state as JSON (arrays as lists), as the page's frame list carries it."""
    return {k: np.asarray(v).tolist() for k, v in state.items()}


def _html(frames, start, n_sweep, sweep, size, caption):
    """The figure: frame ``start``, a slider over the first ``n_sweep`` frames labelled
    ``sweep``, a list of the others (the text's states) and the caption."""
    esc = html.escape
    first = frames[start]
    options = "".join(f'<option value="{k}">{esc(f["label"])}</option>'
                      for k, f in enumerate(frames) if k >= n_sweep)
    pick = (f'<label>Settings the text discusses <select><option value="">—</option>'
            f'{options}</select></label>') if options else ""
    return (f'<figure class="explorer" data-frames="{esc(json.dumps(frames))}">'
            f'<img class="explorer-frame" src="{first["src"]}" alt="{esc(first["alt"])}" '
            f'width="{size[0]}" height="{size[1]}">'
            f'<div class="explorer-controls"><label>{esc(sweep)} <input type="range" min="0" '
            f'max="{n_sweep - 1}" step="1" value="{start}" '
            f'aria-valuetext="{esc(first["label"])}"></label>'
            f'<output>{esc(first["label"])}</output>{pick}</div>'
            f'<figcaption>{esc(caption)}</figcaption></figure>')


def recipe_of(output):
    """The explorer recipe an output carries, or None."""
    return output.get("data", {}).get(RECIPE) if output.get("output_type") in (
        "display_data", "execute_result") else None
