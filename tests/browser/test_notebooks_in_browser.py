"""Every notebook, in JupyterLab, in a real browser: it runs, and every control responds.

nbval proves the notebooks run in a kernel; only a browser with the widget manager proves
that their widgets render and that moving a slider changes the figure. For each notebook
in notebooks/ (found when the tests are collected): open it in the one JupyterLab page
that all of them share, Run All, wait for the kernel to be idle, require no error output,
no stderr, no page or console errors; then operate every control of every widget (mouse
drag and arrow keys on sliders, a click or a new choice on other controls) and require the
widget's output (image or text) to change after each step, with no exception reported by
the kernel. The time from each step to the changed output is measured in the page and
printed, with each notebook's run time, at the end.
After each notebook its kernel is shut down and its panel closed; nothing may stay open.
"""
import statistics
import time

import pytest

from lab_driver import (
    assert_clean_run,
    assert_no_rendered_errors,
    close_notebook,
    close_page,
    js,
    open_lab,
    open_notebook,
    operate,
    run_all,
    widgets_report,
)
from project_paths import notebook_paths

NOTEBOOKS = notebook_paths()

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def lab_page(browser, lab):
    """Holds the JupyterLab page the notebooks share; a notebook that cannot be closed cleanly
    takes the page with it, and the next test loads a new one."""
    held = {}
    yield held
    if held:
        close_page(held.pop("page"))


@pytest.fixture
def page(browser, lab, lab_page):
    """The shared JupyterLab page; load_s is the time spent loading it for this test (0 after
    the first)."""
    t0 = time.perf_counter()
    if not lab_page:
        lab_page["page"] = open_lab(browser, lab)
    page = lab_page["page"]
    page.load_s = time.perf_counter() - t0
    yield page
    try:
        close_notebook(page)
    except BaseException:
        close_page(lab_page.pop("page"))
        raise


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_every_control_responds(path, page, build_dir, record):
    t0 = time.perf_counter()
    open_notebook(page, path)
    t_open = time.perf_counter()
    result = run_all(page)
    assert_clean_run(page, result)
    assert_no_rendered_errors(page, "errors shown after Run All")
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
    record({"notebook": path.stem, "open_s": page.load_s + t_open - t0, "run_s": t_run - t_open,
            "controls_s": t_controls - t_run, "total_s": page.load_s + time.perf_counter() - t0,
            "n_controls": len(controls), "widgets": widgets,
            "median_ms": statistics.median(sum(latencies, [])) if sum(latencies, []) else None})

    assert not failures, "controls whose output did not respond:\n" + "\n".join(failures)
    assert_no_rendered_errors(page, "errors shown after operating the controls")
