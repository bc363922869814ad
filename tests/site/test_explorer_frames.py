"""Explorers stay live on the website with no kernel (book/explorer_frames.py).

Every explorer a notebook displays is, on its page, a figure with a native slider (and a list
of the settings the text discusses). The slider is dragged with the mouse and moved with the
keyboard, each setting picked (by the crawl, conftest.py, on its one load of the page), and
each time the frame shown is compared pixel for pixel with the one the explorer draws here,
rebuilt from the recipe stored in the notebook, with its own ``update`` and ``png()``; the
caption names every control and its range. A page carries at
most 1.5 MB of frames. A recipe rebuilds every explorer's demo exactly (needs no browser).
"""
import html
import importlib.util
import json
import re

import matplotlib as mpl
import nbformat
import numpy as np
import PIL.Image
import pytest

from helpers.style import use_style
from helpers.widgets import explorer_classes
from helpers.widgets.base import RECIPE
from project_paths import BOOK, notebook_paths

FRAMES_PER_PAGE = 1.5e6          # bytes

_spec = importlib.util.spec_from_file_location("explorer_frames", BOOK / "explorer_frames.py")
frames_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(frames_module)


def explorers_of(path):
    """[(recipe, the text's states from the cell's metadata), ...] of a notebook, in order."""
    found = []
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            if recipe := frames_module.recipe_of(output):
                found.append((recipe, cell.metadata.get("site", {}).get("states")))
    return found


PAGES = {path.stem + ".html": explorers_of(path) for path in notebook_paths()}
LIVE = [name for name, found in PAGES.items() if found]


@pytest.fixture(scope="module")
def style():
    with mpl.rc_context():
        use_style()
        yield


def pixels(image):
    return np.asarray(image.convert("RGB"))


@pytest.mark.parametrize("cls", [c for c in explorer_classes() if c.SWEEP],
                         ids=lambda c: c.__name__)
def test_a_recipe_rebuilds_the_explorer(cls, style):
    explorer, calls = cls.demo()
    recipe = json.loads(json.dumps(explorer._repr_mimebundle_()[RECIPE]))  # as stored
    again = frames_module.rebuild(recipe)
    assert type(again) is cls
    for kwargs in calls[:2]:
        state = {**explorer.values, **kwargs}
        assert np.array_equal(pixels(frames_module.render(explorer, state)),
                              pixels(frames_module.render(again, state)))


def test_the_notebooks_store_explorer_recipes():
    assert LIVE, ("no notebook output carries an explorer recipe "
                  f"({RECIPE}): re-execute the notebooks (make execute)")


def _check(shown, site, explorer, frames, expected):
    """The index of the frame an explorer showed (as the crawl found it), checked: its label
    and state are the expected ones and its pixels those the explorer draws for that state."""
    k, src, label = shown["k"], shown["src"], shown["label"]
    assert src == frames[k]["src"] and label == frames[k]["label"] == expected[k][0]
    assert frames[k]["state"] == frames_module.state_json(expected[k][1])
    drawn = pixels(frames_module.render(explorer, expected[k][1]))
    assert np.array_equal(pixels(PIL.Image.open(site / src)), drawn), (
        f"frame {k} ({label}) is not what the explorer draws")
    return k


@pytest.mark.parametrize("name", LIVE)
def test_each_explorer_moves_and_shows_what_it_draws(name, crawl, site, style):
    # the crawl (conftest.py) moved each explorer: slider to its end by keyboard, one step
    # back, dragged halfway with the mouse, each of the text's settings picked
    moved = crawl[name]["explorers"]
    assert "error" not in moved, f"moving the explorers of {name}: {moved.get('error')}"
    assert len(moved["figures"]) == len(PAGES[name])
    for found, (recipe, text_states) in zip(moved["figures"], PAGES[name], strict=True):
        frames = found["frames"]
        explorer = frames_module.rebuild(recipe)
        expected, start = frames_module.frame_states(explorer, text_states)
        caption = found["caption"]
        for control in explorer.controls.values():      # each, with its range at the start
            while isinstance(control, list):
                control = control[0]
            assert control.description in caption and "Interactive in JupyterLab" in caption
            if hasattr(control, "max"):
                assert f"{control.min:g} to {control.max:g}" in caption
        assert len(frames) == len(expected) and _check(found["start"], site, explorer, frames,
                                                       expected) == start
        assert found["slider_label"]                                      # labelled
        last = _check(found["end"], site, explorer, frames, expected)
        assert _check(found["one_back"], site, explorer, frames, expected) == last - 1
        assert 0 < _check(found["dragged_halfway"], site, explorer, frames, expected) < last
        picked = [int(value) for value, _ in found["picked"]]
        assert picked == list(range(last + 1, len(frames))), picked    # the text's settings
        for value, shown in found["picked"]:
            assert _check(shown, site, explorer, frames, expected) == int(value)
    assert moved["console_errors"] == []


@pytest.mark.parametrize("name", LIVE)
def test_a_page_carries_at_most_1_5_mb_of_frames(name, site):
    page = (site / name).read_text(encoding="utf-8")
    sources = {frame["src"] for found in re.findall(r'data-frames="([^"]*)"', page)
               for frame in json.loads(html.unescape(found))}
    total = sum((site / src).stat().st_size for src in sources)
    assert 0 < total <= FRAMES_PER_PAGE, f"{name}: {len(sources)} frames, {total} bytes"
