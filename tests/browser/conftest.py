"""Fixtures of the real-browser tests: one throw-away JupyterLab and one headless Chromium
per session; a report of run times and slider latencies at the end.

Without Chromium (or playwright) the tests are skipped with a loud reason, unless CI=true or
REQUIRE_BROWSER=1, where that is a failure.
"""
import json
import statistics
import time

import pytest

from lab_driver import close_notebook, close_page, open_lab
from project_paths import BUILD, ROOT
from support.labserver import (
    LabServer,
    banner,
    browser_required,
    browser_unavailable,
    chromium_session,
    skip_or_fail,
)

BROWSER_BUILD = BUILD / "browser"      # screenshots and report.json (git-ignored)
RESULTS = []                           # one dict per notebook, filled by the tests
LATENCY_TARGET_MS = 300


def pytest_report_header(config):
    reason = browser_unavailable()
    if reason is None:
        return None
    verdict = "FAIL (CI=true or REQUIRE_BROWSER=1)" if browser_required() else "SKIPPED"
    return banner(f"BROWSER TESTS {verdict}: {reason}")


def _unavailable_or_fail():
    skip_or_fail(browser_unavailable(), "browser", "tests/browser (make test-browser)")


@pytest.fixture(scope="session")
def build_dir():
    BROWSER_BUILD.mkdir(parents=True, exist_ok=True)
    return BROWSER_BUILD


@pytest.fixture(scope="session")
def browser():
    _unavailable_or_fail()
    yield from chromium_session()


@pytest.fixture(scope="session")
def lab(browser, tmp_path_factory):
    server = LabServer(tmp_path_factory.mktemp("jupyterlab")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def lab_page(browser, lab):
    """Holds the one JupyterLab page every test shares; a notebook that cannot be closed
    cleanly takes the page with it, and the next test loads a new one."""
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


@pytest.fixture
def record():
    """Tests append their measurements here; the terminal summary prints them."""
    return RESULTS.append


def _median_ms(values):
    return f"{statistics.median(values):.0f}" if values else "-"


def _controls_line(widget):
    names = widget["controls"]
    return ", ".join(names) if len(names) <= 5 else f"{', '.join(names[:4])}, ... ({len(names)})"


def pytest_terminal_summary(terminalreporter):
    tr = terminalreporter
    reason = browser_unavailable()
    if reason is not None:
        verdict = "FAILED" if browser_required() else "SKIPPED"
        tr.write_line(banner(f"BROWSER TESTS {verdict}: {reason}"))
    if not RESULTS:
        return
    tr.section("notebooks in JupyterLab + Chromium: run time and slider latency")
    tr.write_line(f"{'seconds':40s} {'open':>6s} {'run all':>8s} {'controls':>9s} {'total':>7s}")
    for r in RESULTS:
        run = "stored" if r["run_s"] is None else f"{r['run_s']:.1f}"
        tr.write_line(f"{r['notebook']:40s} {r['open_s']:6.1f} {run:>8s} "
                      f"{r['controls_s']:9.1f} {r['total_s']:7.1f}")
    total = sum(r["total_s"] for r in RESULTS)
    tr.write_line(f"{'all notebooks':40s} {'':6s} {'':8s} {'':9s} {total:7.1f}")
    tr.write_line("(run all 'stored': no widget, not run again; its stored outputs rendered)")
    tr.write_line(f"\nslider step -> changed output, ms: median (max) per widget, "
                  f"then median per control; target: median <= {LATENCY_TARGET_MS}")
    for r in RESULTS:
        for w in r["widgets"]:
            lat = w["latencies_ms"]
            over = lat and statistics.median(lat) > LATENCY_TARGET_MS
            tr.write_line(f"  {r['notebook']} cell {w['cell']} [{_controls_line(w)}]: "
                          f"{_median_ms(lat)} ({max(lat, default=0):.0f}) over {len(lat)} steps"
                          + ("  OVER TARGET" if over else ""))
            tr.write_line("      " + ", ".join(f"{c['label']} {_median_ms(c['latencies_ms'])}"
                                               for c in w["per_control"]))
    BROWSER_BUILD.mkdir(parents=True, exist_ok=True)
    (BROWSER_BUILD / "report.json").write_text(json.dumps(RESULTS, indent=1))
    tr.write_line(f"screenshots and report.json in {BROWSER_BUILD.relative_to(ROOT)}/")
