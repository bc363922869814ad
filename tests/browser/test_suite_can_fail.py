"""The browser test can fail where nbval cannot: a figure that stops following its sliders.

In the shared JupyterLab, notebook 01's kernel first runs a patch that lets NeuronExplorer
draw its figure once and never again. Notebook 01 still passes nbval and its own check cell
(the explorer computes and updates its artists as before); only a browser sees that the
figure is frozen, and the suite must say so.
"""
import pytest

from lab_driver import assert_clean_run, js, open_notebook, operate, run_all
from project_paths import NOTEBOOKS

pytestmark = pytest.mark.browser
NOTEBOOK = NOTEBOOKS / "01-dot-product-neuron.ipynb"
FREEZE = """\
from helpers.widgets.neuron import NeuronExplorer

_render = NeuronExplorer._render


def _render_once(self):
    if not getattr(self, "_drawn", False):
        self._drawn = True
        _render(self)


NeuronExplorer._render = _render_once
"""


def test_a_frozen_widget_figure_is_caught(page):
    if not NOTEBOOK.exists():
        pytest.skip(f"{NOTEBOOK.name} is gone; point this self-test at another widget")
    open_notebook(page, NOTEBOOK)
    assert js(page, "execute(a)", FREEZE) == "ok"
    assert_clean_run(page, run_all(page))       # nbval's view: all is well
    control = js(page, "controls()")[0]
    _, failure = operate(page, control, timeout_ms=3_000)
    assert failure is not None and "output did not change" in failure, failure
