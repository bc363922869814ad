"""A plain (non-editable) install of the project ships GunPoint and finds it from anywhere.

The project is built into a wheel and installed with ``--no-deps`` into a fresh venv; its
dependencies (numpy, ...) are borrowed from this environment through a ``.pth`` line, which
comes after the fresh venv's own site-packages, so ``helpers`` must come from the fresh
install (this environment's editable ``helpers``, if any, stays inactive: the ``.pth`` files
of a folder named in a ``.pth`` line are not run). Offline: ``--no-index``, and the wheel is
built with this environment's setuptools (``--no-build-isolation``).
"""
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ["pyproject.toml", "README.md", "LICENSE", "helpers"]   # what the build reads

CHECK = """
import json, helpers
from helpers.data import DATA_DIR, load_gunpoint
X_tr, y_tr = load_gunpoint("train")
X_te, y_te = load_gunpoint("test")
print(json.dumps(dict(helpers=helpers.__file__, data=str(DATA_DIR), train=X_tr.shape,
                      test=X_te.shape, classes=sorted(set(y_tr.tolist())))))
"""


def run(*cmd, **kw):
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kw)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_a_non_editable_install_loads_gunpoint_from_another_folder(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in PROJECT:                            # a copy, so the build leaves no build/ here
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(ROOT / name, src / name)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
        "--quiet", "--wheel-dir", tmp_path / "dist", src, env=env)
    wheel, = (tmp_path / "dist").glob("*.whl")

    venv = tmp_path / "fresh-venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, env=env)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
        "--quiet", wheel, env=env)
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                    env=env).strip())
    here = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
            str(Path(numpy.__file__).parent.parent)}
    (site / "borrowed-dependencies.pth").write_text("\n".join(sorted(here)) + "\n")

    elsewhere = tmp_path / "elsewhere"                 # not the repository, not the venv
    elsewhere.mkdir()
    got = json.loads(run(python, "-c", CHECK, cwd=elsewhere, env=env))
    assert Path(got["helpers"]).is_relative_to(site), got
    assert Path(got["data"]) == site / "helpers" / "datasets", got
    assert got["train"] == [50, 150] and got["test"] == [150, 150] and got["classes"] == [0, 1]
