"""A throw-away JupyterLab server and headless Chromium for the browser tests.

The server listens on 127.0.0.1 on a free port, without a token, and keeps its config,
data, runtime, user settings, workspaces and IPython profile in a temporary directory, so
nothing of the user's set-up is read or written. Token-less is safe only because of that;
``make lab`` keeps token authentication on.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from project_paths import NOTEBOOKS, ROOT, TOOLS

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# What headless Chromium needs in a container (root, no GPU, small /dev/shm, no network).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
# The reader's JupyterLab settings, except that nothing is saved behind the test's back and no
# news/update toasts cover the page.
READER_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false", "checkForUpdates": False, "doNotDisturbMode": True},
}
# The throw-away JupyterLab's: also every cell stays in the page (no windowing).
LAB_SETTINGS = {**READER_SETTINGS,
                "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"}}
# The project's JupyterLab plugins (a link to a heading opens the notebook there), which
# `make lab` loads with the same option.
LABEXTENSIONS = TOOLS / "labextensions"


def browser_required():
    """CI=true or REQUIRE_BROWSER=1: a missing browser is a failure, not a skip."""
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("REQUIRE_BROWSER") == "1"


def banner(text):
    """A line of text no one can miss in a pytest report."""
    line = "!" * 78
    return f"{line}\n!! {text}\n{line}"


def skip_or_fail(reason, suite, folder):
    """Stop a real-browser test: skipped under pytest-xdist (these suites run serially, on their
    own) or when ``reason`` says what is missing, a failure instead when the browser is required.
    """
    if os.environ.get("PYTEST_XDIST_WORKER"):
        pytest.skip(f"the {suite} tests run serially, on their own: pytest {folder}; "
                    "skipped under pytest-xdist")
    if reason is not None:
        if browser_required():
            pytest.fail(f"browser required (CI=true or REQUIRE_BROWSER=1) but {reason}",
                        pytrace=False)
        pytest.skip(f"{suite.upper()} TESTS SKIPPED: {reason}")


def browser_unavailable():
    """Why the browser tests cannot run here, or None when they can."""
    if not os.access(CHROMIUM, os.X_OK):
        return (f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium); "
                f"the real-browser notebook tests did NOT run")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return ("the Python package playwright is missing (make .venv-dev/.installed); "
                "the real-browser notebook tests did NOT run")
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def throwaway_env(home, settings=LAB_SETTINGS):
    """os.environ with every Jupyter/IPython per-user directory moved under ``home``, and
    ``settings`` ({plugin id: values}) as JupyterLab's user settings."""
    home = Path(home)
    dirs = {"JUPYTER_CONFIG_DIR": "config", "JUPYTER_DATA_DIR": "data",
            "JUPYTER_RUNTIME_DIR": "runtime", "JUPYTERLAB_SETTINGS_DIR": "settings",
            "JUPYTERLAB_WORKSPACES_DIR": "workspaces", "IPYTHONDIR": "ipython"}
    env = dict(os.environ)
    env.pop("JUPYTER_PATH", None)
    env.pop("JUPYTER_CONFIG_PATH", None)
    for var, name in dirs.items():
        (home / name).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / name)
    for plugin, values in settings.items():
        path = home / "settings" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2))
    env["BROWSER"] = "true"       # should anything try to open a browser: run `true` instead
    return env


def _as_root():
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


def _group_alive(pgid):
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False


def stop(proc, timeout=20):
    """Stop a process started with start_new_session=True, with its children (its process
    group, whose id is its pid): SIGTERM, so JupyterLab shuts its kernels down; SIGKILL for
    whatever is left after ``timeout`` seconds."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if not _group_alive(proc.pid):
            break
        os.killpg(proc.pid, sig)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _group_alive(proc.pid):
            proc.poll()                       # reap the leader, so it does not linger as a zombie
            time.sleep(0.2)
    proc.poll()


class LabServer:
    """``jupyter lab --no-browser`` serving a snapshot of notebooks/ from ``home``/root, with
    the project's plugins (as ``make lab``) and ``settings`` as the user settings.

    The notebooks are copied (so running them in the browser can never touch the
    repository's files, even while others edit them); helpers/ is linked
    beside them, so a notebook sees the same layout as under ``make lab``.
    """

    def __init__(self, home, ipython_startup=None, settings=LAB_SETTINGS):
        self.home = Path(home)
        self.ipython_startup = ipython_startup     # code every kernel runs first (self-test)
        self.settings = settings
        self.root = self.home / "root"
        self.log_path = self.home / "server.log"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def start(self, timeout=90):
        self.root.mkdir(parents=True)
        shutil.copytree(NOTEBOOKS, self.root / "notebooks",
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        (self.root / "helpers").symlink_to(ROOT / "helpers")
        cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", *_as_root(),
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
               "--ServerApp.port_retries=0", f"--ServerApp.root_dir={self.root}",
               "--IdentityProvider.token=", "--LabApp.expose_app_in_browser=True",
               "--LabApp.extension_manager=readonly",      # never asks PyPI for extensions
               f"--LabApp.extra_labextensions_path={LABEXTENSIONS}"]
        env = throwaway_env(self.home, self.settings)
        if self.ipython_startup:
            startup = Path(env["IPYTHONDIR"]) / "profile_default" / "startup" / "00-self-test.py"
            startup.parent.mkdir(parents=True)
            startup.write_text(self.ipython_startup)
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(cmd, env=env, cwd=self.root,
                                         stdout=log, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited ({self.proc.returncode}):\n"
                                   f"{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"jupyter lab did not answer within {timeout} s:\n{self.log_tail()}")

    def stop(self):
        if self.proc is not None:
            stop(self.proc)

    def log_tail(self, n=40):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no server log)"

    @property
    def app_url(self):
        # ?reset: start from an empty workspace, so only the notebooks the tests open open.
        return f"{self.url}/lab?reset"


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def chromium_session():
    """A generator for a session fixture: yields one headless Chromium, closes it after."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = launch_chromium(p)
        yield chromium
        chromium.close()


ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def strip_ansi(text):
    return ANSI.sub("", text)
