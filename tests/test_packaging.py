"""A plain (non-editable) install of the project ships GunPoint and finds it from anywhere.

The wheel is built as ``make student`` builds it (tools/coursework.py, offline with this
environment's setuptools) and installed into a fresh venv (tests/support/wheel_venv.py).
"""
import json
from pathlib import Path

import coursework
from support.wheel_venv import install_in_fresh_venv, run

CHECK = """
import json, helpers
from helpers.data import DATA_DIR, load_gunpoint
X_tr, y_tr = load_gunpoint("train")
X_te, y_te = load_gunpoint("test")
print(json.dumps(dict(helpers=helpers.__file__, data=str(DATA_DIR), train=X_tr.shape,
                      test=X_te.shape, classes=sorted(set(y_tr.tolist())))))
"""


def test_a_non_editable_install_loads_gunpoint_from_another_folder(tmp_path):
    wheel = coursework.build_wheel(tmp_path / "dist")
    python, site = install_in_fresh_venv(wheel, tmp_path / "fresh-venv")
    elsewhere = tmp_path / "elsewhere"                 # not the repository, not the venv
    elsewhere.mkdir()
    got = json.loads(run(python, "-c", CHECK, cwd=elsewhere))
    assert Path(got["helpers"]).is_relative_to(site), got
    assert Path(got["data"]) == site / "helpers" / "datasets", got
    assert got["train"] == [50, 150] and got["test"] == [150, 150] and got["classes"] == [0, 1]
