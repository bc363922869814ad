"""The explorers' cached background: what an update shows is, pixel for pixel, a full draw.

``helpers.widgets.background.CachedBackground`` redraws ticks, tick labels and fixed artists
only when they change; these tests compare every update of every explorer's demo with a
full ``canvas.draw()`` of the same figure, show that the comparison catches a background
that was not redrawn when it should have been, and that the cache is really used.
"""
import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers.widgets import background, explorer_classes
from helpers.widgets.background import FAST_TEXT, CachedBackground
from helpers.widgets.base import stable_limit
from helpers.widgets.conv_unit import ConvMatrixExplorer
from helpers.widgets.neuron import NeuronExplorer
from helpers.widgets.receptive import ReceptiveFieldExplorer
from helpers.widgets.windows import GeometryExplorer, WindowExplorer


def _pixels(fig):
    return np.array(fig.canvas.buffer_rgba())                 # a copy: (height, width, 4)


def _full_draw(fig):
    with mpl.rc_context(FAST_TEXT):                           # as the explorers draw text
        fig.canvas.draw()
    return _pixels(fig)


def _mismatches(explorer, calls):
    """Updates (index, differing pixels) whose shown figure is not a full draw's."""
    bad = []
    for n, kwargs in enumerate(calls):
        explorer.update(**kwargs)
        shown = _pixels(explorer.fig)
        differ = int(np.any(shown != _full_draw(explorer.fig), axis=-1).sum())
        if differ:
            bad.append((n, differ))
    return bad


@pytest.mark.parametrize("cls", explorer_classes(), ids=lambda c: c.__name__)
def test_every_update_shows_what_a_full_draw_shows(cls):
    explorer, calls = cls.demo()
    assert _mismatches(explorer, calls * 2) == []


def test_the_comparison_catches_a_background_not_redrawn(monkeypatch):
    """Forget limits and ticks in the key: the bars' axis is then stale, and the test sees it."""
    keep = background._axes_key
    monkeypatch.setattr(background, "_axes_key", lambda ax: keep(ax)[:3])
    explorer = NeuronExplorer([1.0, 2.0, -1.0], [0.5, -0.25, -1.0], 0.5)
    calls = [dict(w=[0.5, -0.25, -1.0], b=0.5), dict(w=[2.0, 2.0, -2.0], b=2.0)]   # |z| 8.5
    assert _mismatches(explorer, calls)


def test_an_update_that_changes_no_axis_reuses_the_background():
    explorer = WindowExplorer([1, 3, -1, 0, 2, -2, 1], [1, -1, 2])
    before = explorer.background.redraws
    frames = []
    for i in range(5):
        explorer.update(i)
        frames.append(_pixels(explorer.fig))
    assert explorer.background.redraws == before              # ticks drawn once
    assert all((a != b).any() for a, b in zip(frames[:-1], frames[1:], strict=True))  # it moved


def test_ticks_set_again_with_the_same_labels_reuse_the_background():
    """Geometry and ReceptiveField set their ticks with labels at every update (a new
    formatter object each time): the same positions and labels still hit the cache."""
    geometry = GeometryExplorer(L=10, K=3)
    receptive = ReceptiveFieldExplorer(L=48, n_layers=3)
    before = geometry.background.redraws, receptive.background.redraws
    geometry.update(10, 3, stride=2)                           # same padding, same L: same ticks
    receptive.update(3, 5, stride=2, dilation=2)               # same number of layers
    assert (geometry.background.redraws, receptive.background.redraws) == before
    receptive.update(4, 5)                                     # a new row label: a new background
    assert receptive.background.redraws == before[1] + 1


def test_new_limits_and_new_fixed_artists_redraw_the_background():
    explorer = NeuronExplorer([1.0, 2.0, -1.0], [0.5, -0.25, -1.0], 0.5)
    before = explorer.background.redraws
    explorer.update([0.5, -0.25, -1.0], 0.6)                   # same limit: no redraw
    assert explorer.background.redraws == before
    explorer.update([2.0, 2.0, -2.0], 2.0)                     # z = 8.5: the limit jumps
    assert explorer.background.redraws == before + 1
    conv = ConvMatrixExplorer([0, 1, 2, 3, 2, 1, 0, -1], [1.0, 2.0, -1.0], unit=1)
    before, labels = conv.background.redraws, conv.fixed_artists()
    conv.update(unit=2)
    assert conv.background.redraws == before                  # same labels, same background
    conv.update(unit=0, K=2)                                   # T's shape: new labels
    assert conv.fixed_artists() != labels and conv.background.redraws == before + 1


def test_a_plain_figure_with_a_moving_line_and_a_fixed_text():
    fig = Figure(figsize=(3, 2), dpi=50)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    line, = ax.plot([0, 1, 2], [0, 1, 0], zorder=1)
    note = ax.text(0.1, 0.9, "fixed", transform=ax.transAxes)
    ax.set_ylim(-2, 2)
    cached = CachedBackground(fig)
    for y in ([0, 1, 0], [1, -1, 1], [0.5, 0.5, 0.5]):
        line.set_ydata(y)
        with mpl.rc_context(FAST_TEXT):
            cached.draw(fixed=(note,))
        assert (_pixels(fig) == _full_draw(fig)).all()
    assert cached.redraws == 1
    assert ax.xaxis.get_zorder() < line.get_zorder()           # the grid goes under the data


@pytest.mark.parametrize("v,limit", [(0.9, 1.0), (1.0, 1.0), (1.01, 1.5), (2.5, 3.0),
                                     (4.03, 5.0), (7.0, 8.0), (8.5, 10.0), (12.0, 15.0),
                                     (0.003, 0.003), (0.0031, 0.004)])
def test_stable_limit_steps(v, limit):
    assert stable_limit(v) == pytest.approx(limit)
    assert v <= stable_limit(v) <= 1.5 * v + 1e-12


@pytest.mark.parametrize("v", [0.0, -1.0, float("nan")])
def test_stable_limit_rejects_a_limit_that_is_not_positive(v):
    with pytest.raises(ValueError, match=r"stable_limit: v must be a positive number; got"):
        stable_limit(v)
