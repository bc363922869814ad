"""`make lab` as a newcomer runs it: the link it prints opens 00-index, only with its token,
in a JupyterLab that has loaded the project's plugins (tools/labextensions).

Runs the real target (its own throw-away Jupyter directories with the reader's settings, a
free port through JUPYTER_PORT, BROWSER=true so nothing pops up) and opens the printed
127.0.0.1 link in Chromium.
"""
import json
import re
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from project_paths import NOTEBOOKS, ROOT
from support.labserver import LABEXTENSIONS, READER_SETTINGS, free_port, stop, throwaway_env

pytestmark = pytest.mark.browser
LINK = re.compile(r"http://127\.0\.0\.1:\d+/\S+")


def _index_title():
    nb = json.loads((NOTEBOOKS / "00-index.ipynb").read_text())
    for cell in nb["cells"]:
        src = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and src.startswith("# "):
            return src.splitlines()[0][2:].strip()
    raise AssertionError("00-index.ipynb has no H1 title cell")


def _make_lab(tmp_path):
    if subprocess.run(["make", "-q", ".venv/.reader-only"], cwd=ROOT).returncode != 0:
        pytest.skip("the reader's .venv is not up to date; `make lab` would install first")
    env = throwaway_env(tmp_path, READER_SETTINGS)
    env["JUPYTER_PORT"] = str(free_port())
    proc = subprocess.Popen(["make", "--no-print-directory", "lab"], cwd=ROOT, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()       # keeps draining the pipe, so the server never blocks on it
    return proc, lines


def _wait_for_link(proc, lines, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in list(lines):
            m = LINK.search(line)
            if m:
                return m.group(0)
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    pytest.fail("`make lab` printed no http://127.0.0.1 link:\n" + "".join(lines[-30:]),
                pytrace=False)


def test_make_lab_link_opens_the_index_with_token(browser, tmp_path):
    proc, lines = _make_lab(tmp_path)
    try:
        link = _wait_for_link(proc, lines)
        url = urllib.parse.urlsplit(link)
        assert url.path == "/lab/tree/notebooks/00-index.ipynb", link
        assert re.fullmatch(r"token=[0-9a-f]{32,}", url.query), f"no token in {link}"

        # Token authentication is on: without the token the API refuses.
        base = f"{url.scheme}://{url.netloc}"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{base}/api/contents/notebooks", timeout=10)
        assert refused.value.code == 403

        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(link)
        tab = page.locator(".lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel",
                           has_text="00-index.ipynb")
        tab.first.wait_for(timeout=60_000)
        title = _index_title()
        heading = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown h1",
                               has_text=title)
        heading.first.wait_for(timeout=30_000)
        plugins = [json.loads(p.read_text())["name"] for p in LABEXTENSIONS.glob("*/package.json")]
        missing = page.evaluate("names => names.filter(n => !(window._JUPYTERLAB || {})[n])",
                                plugins)
        assert plugins, f"no plugin in {LABEXTENSIONS}"
        assert not missing, f"`make lab` did not load the plugins {missing}"
        context.close()
    finally:
        stop(proc)
