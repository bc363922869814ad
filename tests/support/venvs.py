"""Where the tests find the project's other environments (the Makefile creates them).

- ``.venv``            the reader's: the package + the ``reader`` extra (make lab)
- ``.venv-dev``        reader + ``dev`` extras: the tests run here (make test)
- ``.venv-instructor`` the package + the ``instructor`` extra, i.e. nbgrader (make student),
                       and the ``site`` extra, the website's builder (make book)

A test that needs one it cannot find is skipped with the make command that creates it — a
failure instead under CI=true, where ``make test`` creates all three first.
"""
import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from project_paths import INSTRUCTOR_VENV, ROOT, TOOLS


def missing(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: make test creates it)", pytrace=False)
    pytest.skip(reason)


def _has_nbgrader(python):
    return subprocess.run([str(python), "-c", "import nbgrader"],
                          capture_output=True).returncode == 0


def instructor_python():
    """nbgrader's interpreter: $INSTRUCTOR_PYTHON, .venv-instructor's, or this one if it has
    nbgrader (an older all-in-one environment); skip (fail in CI) without any."""
    for python in (os.environ.get("INSTRUCTOR_PYTHON"), INSTRUCTOR_VENV / "bin" / "python"):
        if python and Path(python).exists():
            return str(python)
    if _has_nbgrader(sys.executable):
        return sys.executable
    missing("nbgrader's environment is missing: make .venv-instructor/.installed "
            "(make student creates it too)")


@functools.lru_cache(maxsize=None)
def site_python():
    """The website builder's interpreter (it needs nbgrader too, for the student version):
    $SITE_PYTHON, .venv-instructor's, or this one."""
    for python in (os.environ.get("SITE_PYTHON"), INSTRUCTOR_VENV / "bin" / "python"):
        if python and Path(python).exists():
            return str(python)
    return sys.executable


def coursework(*args, timeout=1800):
    """Run ``tools/coursework.py *args`` with nbgrader's interpreter; return its stdout."""
    done = subprocess.run([instructor_python(), str(TOOLS / "coursework.py"),
                           *map(str, args)], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout)
    assert done.returncode == 0, (f"tools/coursework.py {' '.join(map(str, args))} failed:\n"
                                  f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done.stdout
