"""The project installed into a fresh venv, fast and offline (tests/test_packaging.py,
tests/test_release.py): a wheel, or an editable install of a copy of the source.

It goes in with ``--no-deps``; its dependencies (numpy, ipykernel, ...) are borrowed from
this environment through a ``.pth`` line, which comes after the fresh venv's own site-packages,
so ``helpers`` must come from the fresh install (this environment's editable ``helpers``, if any,
stays inactive: the ``.pth`` files of a folder named in a ``.pth`` line are not run).
"""
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import numpy

# PYTHONPATH would put a clone's helpers/ in front of the installed one
CLEAN_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def run(*cmd, **kw):
    """Run ``cmd`` (in CLEAN_ENV unless told); its stdout, or a failed assertion with its output."""
    kw.setdefault("env", CLEAN_ENV)
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600,
                          **kw)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def install_in_fresh_venv(target, venv, editable=False):
    """Create the venv ``venv`` and install ``target`` (a wheel; with ``editable``, a source
    folder, built offline with this environment's setuptools) into it without dependencies.

    Returns (its python, its site-packages).
    """
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = Path(venv) / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
                .strip())
    here = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
            str(Path(numpy.__file__).parent.parent)}
    (site / "borrowed-dependencies.pth").write_text("\n".join(sorted(here)) + "\n")
    how = ["--no-build-isolation", "-e"] if editable else []
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
        "--quiet", *how, target)
    return python, site
