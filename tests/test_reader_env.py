"""The reader's environment (.venv, `make lab`) has no instructor or developer tooling.

nbgrader lives in .venv-instructor and the test tools in .venv-dev, so the JupyterLab a reader
opens with `make lab` shows no nbgrader menu, sidebar or toolbar — even after `make test`,
`make student` or `make autograde` ran. Skipped without .venv (a failure under CI=true, where
`make test` creates it first).
"""
import json
import subprocess
from pathlib import Path

import pytest

from project_paths import READER_VENV
from support import venvs

# top-level import names that must not be importable in the reader's environment
NOT_FOR_READERS = ["nbgrader", "playwright", "hypothesis", "xdist", "ruff", "scipy"]


@pytest.fixture(scope="module")
def reader_bin():
    bin_dir = READER_VENV / "bin"
    if not (bin_dir / "jupyter").exists():
        venvs.missing("the reader's environment .venv is missing: make .venv/.reader-only "
                      "(make lab creates it)")
    return bin_dir


def test_reader_jupyterlab_lists_no_nbgrader_extension(reader_bin):
    done = subprocess.run([str(reader_bin / "jupyter"), "labextension", "list"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    listing = done.stdout + done.stderr
    assert "@jupyterlab/" in listing or "jupyterlab_pygments" in listing or "widgets" in listing, (
        f"`jupyter labextension list` listed nothing recognisable:\n{listing}")
    assert "nbgrader" not in listing.lower(), listing


def test_reader_share_folder_has_no_nbgrader_lab_or_server_extension(reader_bin):
    share = Path(reader_bin).parent / "share" / "jupyter"
    found = [str(p.relative_to(share)) for p in share.rglob("*") if "nbgrader" in p.name.lower()]
    assert not found, f"nbgrader files in the reader's {share}: {found}"
    etc = Path(reader_bin).parent / "etc" / "jupyter"
    for config in etc.rglob("*.json"):
        assert "nbgrader" not in config.read_text().lower(), f"{config} enables nbgrader"


def test_reader_environment_has_no_dev_or_instructor_packages(reader_bin):
    probe = ("import importlib.util, json, sys; "
             "print(json.dumps([n for n in sys.argv[1:] if importlib.util.find_spec(n)]))")
    done = subprocess.run([str(reader_bin / "python"), "-c", probe, *NOT_FOR_READERS],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [], "installed in the reader's .venv"
    for name in ["numpy", "matplotlib", "ipywidgets", "jupyterlab", "nbval", "pytest", "helpers"]:
        done = subprocess.run([str(reader_bin / "python"), "-c", f"import {name}"],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"the reader's .venv cannot import {name}: {done.stderr}"
