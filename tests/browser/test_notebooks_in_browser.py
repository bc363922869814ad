"""Every notebook, in JupyterLab, in a real browser: it runs, and every control responds.

nbval proves the notebooks run in a kernel; only a browser with the widget manager proves
that their widgets render and that moving a slider changes the figure. For each notebook
in notebooks/ (found when the tests are collected): open it in the one JupyterLab page
that all of them share. A notebook with widgets (its stored outputs hold a widget view) is
run: Run All, wait for the kernel to be idle, require no error output, no stderr, no page
or console errors; then operate every control of every widget (mouse drag and arrow keys
on sliders, a click or a new choice on other controls) and require the widget's output
(image or text) to change after each step, with no exception reported by the kernel. The
time from each step to the changed output is measured in the page and printed, with each
notebook's run time, at the end. A notebook without widgets is not run again (nbval runs it
strictly, and running it here would add nothing a browser sees): its stored outputs must
all render, with no error shown and no page or console error.
After each notebook its kernel is shut down and its panel closed; nothing may stay open.
"""
import json
import statistics
import time

import pytest

from lab_driver import (
    assert_clean_run,
    assert_no_rendered_errors,
    assert_stored_outputs_render,
    js,
    open_notebook,
    operate,
    run_all,
    widgets_report,
)
from project_paths import notebook_paths

NOTEBOOKS = notebook_paths()
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

pytestmark = pytest.mark.browser


def shows_widgets(path):
    """Whether the notebook's stored outputs hold a widget view (they come from running it)."""
    cells = json.loads(path.read_text())["cells"]
    return any(WIDGET_VIEW in out.get("data", {})
               for cell in cells for out in cell.get("outputs", []))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_every_control_responds(path, page, build_dir, record):
    t0 = time.perf_counter()
    open_notebook(page, path)
    t_open = time.perf_counter()
    if shows_widgets(path):
        assert_clean_run(page, run_all(page))
        assert_no_rendered_errors(page, "errors shown after Run All")
    else:
        assert_stored_outputs_render(page)
    t_run = time.perf_counter()

    controls = js(page, "controls()")
    latencies, failures = [], []
    for control in controls:
        lat, failure = operate(page, control)
        latencies.append(lat)
        if failure:
            failures.append(failure)
    t_controls = time.perf_counter()

    first_root = page.locator('[data-nbtest-root="0"]')
    if first_root.count():
        first_root.scroll_into_view_if_needed()
    page.screenshot(path=str(build_dir / f"{path.stem}.png"))
    for i in range(page.locator("[data-nbtest-root]").count()):
        page.locator(f'[data-nbtest-root="{i}"]').screenshot(
            path=str(build_dir / f"{path.stem}-widget{i + 1}.png"))

    widgets = widgets_report(controls, latencies)
    record({"notebook": path.stem, "open_s": page.load_s + t_open - t0,
            "run_s": t_run - t_open if shows_widgets(path) else None,
            "controls_s": t_controls - t_run, "total_s": page.load_s + time.perf_counter() - t0,
            "n_controls": len(controls), "widgets": widgets,
            "median_ms": statistics.median(sum(latencies, [])) if sum(latencies, []) else None})

    assert not failures, "controls whose output did not respond:\n" + "\n".join(failures)
    assert_no_rendered_errors(page, "errors shown after operating the controls")
