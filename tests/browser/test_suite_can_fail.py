"""The browser test can fail where nbval cannot: a figure that stops following its sliders.

Every kernel of a second throw-away JupyterLab first runs a patch that lets NeuronExplorer
draw its figure once and never again. Notebook 01 still passes nbval and its own check cell
(the explorer computes and updates its artists as before); only a browser sees that the
figure is frozen, and the suite must say so.
"""
import pytest

from lab_driver import assert_clean_run, close_page, js, open_lab, open_notebook, operate, run_all
from project_paths import NOTEBOOKS
from support.labserver import LabServer

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


@pytest.fixture(scope="module")
def frozen_lab(browser, tmp_path_factory):
    if not NOTEBOOK.exists():
        pytest.skip(f"{NOTEBOOK.name} is gone; point this self-test at another widget")
    server = LabServer(tmp_path_factory.mktemp("frozen-lab"), ipython_startup=FREEZE).start()
    yield server
    server.stop()


def test_a_frozen_widget_figure_is_caught(browser, frozen_lab):
    page = open_lab(browser, frozen_lab)
    try:
        open_notebook(page, NOTEBOOK)
        assert_clean_run(page, run_all(page))       # nbval's view: all is well
        control = js(page, "controls()")[0]
        _, failure = operate(page, control, timeout_ms=3_000)
    finally:
        close_page(page)
    assert failure is not None and "output did not change" in failure, failure
