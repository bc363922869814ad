"""Driving one notebook in JupyterLab from Playwright: open, Run All, check, operate controls.

All reading of JupyterLab's state goes through ``window.__nbtest`` (page_helpers.js).
"""
import contextlib
import os
import textwrap
from pathlib import Path

import pytest

from support.labserver import strip_ansi

HELPERS_JS = Path(__file__).with_name("page_helpers.js")
KEY_STEPS = int(os.environ.get("BROWSER_KEY_STEPS", "3"))    # arrow-key steps per slider
STEP_TIMEOUT_MS = 10_000       # a step whose output has not changed by then has failed
RUN_TIMEOUT_MS = 600_000       # Run All of one notebook
KERNEL_TIMEOUT_MS = 120_000
VIEWPORT = {"width": 1280, "height": 900}


def new_page(browser):
    """A page in a fresh context with the helpers injected; problems collects page errors
    and console errors as they happen."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(path=str(HELPERS_JS))
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.problems = []
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    page.on("console", lambda m: m.type == "error"
            and page.problems.append(f"console error: {m.text[:500]}"))
    return page


def open_lab(browser, lab):
    """A new page with JupyterLab loaded from an empty workspace, ready to open notebooks."""
    page = new_page(browser)
    page.goto(lab.app_url)
    wait(page, "() => !!window.jupyterapp", 60_000, "JupyterLab to load")
    page.evaluate("() => window.jupyterapp.restored.then(() => true)")
    return page


def close_page(page):
    with contextlib.suppress(Exception):    # the kernel may be gone; closing the page matters
        js(page, "shutdownKernel()")
    page.context.close()


def js(page, expr, arg=None):
    return page.evaluate(f"(a) => __nbtest.{expr}", arg)


def wait(page, expr, timeout, what):
    try:
        return page.wait_for_function(expr, timeout=timeout).json_value()
    except Exception as exc:  # playwright TimeoutError
        if "Timeout" not in type(exc).__name__:
            raise
        dialog = js(page, "dialogText()")
        pytest.fail(f"{what}: not within {timeout / 1000:.0f} s"
                    + (f"; a dialog is open: {dialog!r}" if dialog else ""), pytrace=False)


def settle(page):
    """Wait until the kernel has answered every request the page sent it (settled())."""
    wait(page, "() => __nbtest.settled()", KERNEL_TIMEOUT_MS, "kernel to become idle")


def open_notebook(page, path):
    """Open ``path`` inside the running JupyterLab and wait for its kernel. Page and console
    errors collected before (by an earlier notebook) are dropped: what follows is this one's."""
    page.problems.clear()
    js(page, "openNotebook(a)", f"notebooks/{path.name}")
    wait(page, f"""() => {{
        const p = window.__nbtest && __nbtest.panel();
        return !!(p && p.context && p.context.path === 'notebooks/{path.name}' && p.sessionContext);
    }}""", 60_000, f"JupyterLab to open {path.name}")
    state = wait(page, """() => {
        const d = __nbtest.dialogText();
        if (d) return {dialog: d};
        return __nbtest.kernelStatus() === 'idle' ? {idle: true} : null;
    }""", KERNEL_TIMEOUT_MS, "kernel to start")
    assert "dialog" not in state, f"a dialog blocks the notebook: {state['dialog']!r}"
    js(page, "listen()")


def close_notebook(page):
    """Shut the open notebooks' kernels down and close their panels; fail if anything is left
    open or if closing raised page or console errors."""
    before = len(page.problems)
    left = js(page, "closeNotebooks()")
    page.wait_for_timeout(200)        # errors logged as the kernel's websocket goes count too
    assert left == {"panels": 0, "sessions": [], "kernels": 0}, f"still open after close: {left}"
    assert_no_problems(page.problems[before:], "errors while closing the notebook")


def run_all(page):
    page.evaluate("""() => { window.__runAllResult = undefined;
        __nbtest.runAll().then((r) => { window.__runAllResult = String(r); },
                               (e) => { window.__runAllResult = 'rejected: ' + e; }); }""")
    result = wait(page, "() => window.__runAllResult", RUN_TIMEOUT_MS, "Run All to finish")
    settle(page)
    return result


def assert_clean_run(page, result):
    report = js(page, "modelReport()")
    assert report["windowingMode"] == "none", "the throw-away settings did not apply"
    problems = []
    for e in report["errors"]:
        tb = "\n".join(strip_ansi(e["traceback"]).splitlines()[-15:])
        problems.append(f"cell {e['cell']}: {e['ename']}: {e['evalue']}\n{tb}")
    for s in report["stderr"]:
        problems.append(f"cell {s['cell']} wrote to stderr:\n{strip_ansi(s['text'])[:2000]}")
    if report["unexecuted"]:
        problems.append(f"code cells never executed: {report['unexecuted']}")
    if result != "true" and not problems:
        problems.append(f"Run All returned {result!r}")
    assert not problems, "Run All in JupyterLab went wrong:\n" + "\n\n".join(problems)
    wait(page, f"() => __nbtest.widgetRoots().length >= {report['widgetViews']}", 30_000,
          f"{report['widgetViews']} widget views to render")
    return report


def assert_stored_outputs_render(page):
    """Every output stored in the open notebook is rendered, and no error is shown."""
    wait(page, "() => __nbtest.outputsShown() === __nbtest.modelReport().nOutputs", 30_000,
         "the stored outputs to render")
    assert_no_rendered_errors(page, "errors shown with the stored outputs")


def assert_no_problems(problems, when):
    assert not problems, f"{when}:\n" + "\n\n".join(problems)


def assert_no_rendered_errors(page, when):
    texts = [strip_ansi(t) for t in js(page, "renderedErrors()")]
    assert_no_problems(texts + page.problems, when)


# -- operating one control --------------------------------------------------------------

def _drag(page, handle, state):
    box = handle.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    dx = -40 if state["now"] > (state["min"] + state["max"]) / 2 else 40
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y, steps=2)
    page.mouse.up()


def _arrow(page, handle, state, orientation):
    vertical = orientation == "vertical"
    up, down = ("ArrowUp", "ArrowDown") if vertical else ("ArrowRight", "ArrowLeft")
    handle.focus()
    page.keyboard.press(down if state["now"] >= state["max"] else up)


def actions(page, control):
    """(how, callable) pairs: the steps to apply to one control, in order."""
    loc = page.locator(f'[data-nbtest-id="{control["id"]}"]')
    kind = control["kind"]
    if kind == "slider":
        state = lambda: js(page, "sliderState(a)", control["id"])  # noqa: E731
        steps = [("mouse", lambda: _drag(page, loc, state()))]
        steps += [("key", lambda: _arrow(page, loc, state(), control["orientation"]))] * KEY_STEPS
        return steps
    if kind == "select":
        def choose():
            n = loc.locator("option").count()
            current = loc.evaluate("s => s.selectedIndex")
            loc.select_option(index=(current + 1) % n)
        return [("choice", choose)] * 2
    if kind in ("radio", "toggle-buttons"):
        other = "input:not(:checked)" if kind == "radio" else "button:not(.mod-active)"
        return [("click", lambda: loc.locator(other).first.click())] * 2
    if kind in ("checkbox", "toggle", "button"):
        return [("click", lambda: loc.click())] * 2
    if kind == "number":
        def bump():
            loc.focus()
            page.keyboard.press("ArrowUp")
            page.keyboard.press("Enter")
        return [("key", bump)] * 2
    raise AssertionError(f"no way to operate a {kind!r} control")


def kernel_errors(errors):
    """The end of each of the first three stderr texts/tracebacks in ``errors``."""
    return "\n".join("\n".join(strip_ansi(e["text"]).rstrip().splitlines()[-12:])
                     for e in errors[:3])


def step(page, act, cell, timeout_ms):
    """Arm the probe on ``cell``, ``act()``, wait for the changed output and the settled kernel:
    ``{t0, t1, errors}`` (t1 None: no change within ``timeout_ms``)."""
    since = js(page, "armProbe(a)", cell)
    act()
    try:
        return page.wait_for_function(f"() => __nbtest.stepDone({since})", timeout=timeout_ms,
                                      polling="raf").json_value()
    except Exception as exc:  # playwright TimeoutError
        if "Timeout" not in type(exc).__name__:
            raise
    js(page, "disarmProbe()")
    settle(page)
    return {"t0": None, "t1": None, "errors": js(page, "kernelErrorsSince(a)", since)}


def operate(page, control, timeout_ms=STEP_TIMEOUT_MS):
    """Apply each step; return (latencies in ms of non-drag steps, failure or None)."""
    latencies = []
    name = f"cell {control['cell']}: {control['kind']} {control['label']!r}"
    page.locator(f'[data-nbtest-id="{control["id"]}"]').scroll_into_view_if_needed()
    for how, act in actions(page, control):
        result = step(page, act, control["cell"], timeout_ms)
        errors = kernel_errors(result["errors"])
        if errors or result["t1"] is None:
            what = (f"output did not change within {timeout_ms / 1000:.0f} s of a {how} step"
                    if result["t1"] is None
                    else f"the kernel reported an error after a {how} step")
            said = f"; it said:\n{textwrap.indent(errors, '    | ')}" if errors else ""
            return latencies, f"{name}: {what}{said}"
        if how != "mouse" and result["t0"] is not None:
            latencies.append(result["t1"] - result["t0"])
    return latencies, None


def widgets_report(controls, latencies):
    widgets = {}
    for c, lat in zip(controls, latencies, strict=True):
        w = widgets.setdefault(c["widget"], {"cell": c["cell"], "controls": [],
                                             "latencies_ms": [], "per_control": []})
        w["controls"].append(c["label"])
        w["latencies_ms"] += [round(x, 1) for x in lat]
        w["per_control"].append({"label": c["label"], "kind": c["kind"],
                                 "latencies_ms": [round(x, 1) for x in lat]})
    return [widgets[k] for k in sorted(widgets)]
