"""The wheel carries every module of helpers/ and GunPoint (from data/, as package data); a plain
install of it and an editable install of the source both find the data from anywhere.

The wheel is built as ``make student`` builds it (tools/coursework.py, offline with this
environment's setuptools) and installed into a fresh venv (tests/support/wheel_venv.py).
"""
import json
import zipfile
from pathlib import Path

import pytest

import coursework
from project_paths import DATA, ROOT
from support.wheel_venv import install_in_fresh_venv, run

CHECK = """
import json, helpers
from helpers.data import DATA_DIR, load_gunpoint
X_tr, y_tr = load_gunpoint("train")
X_te, y_te = load_gunpoint("test")
print(json.dumps(dict(helpers=helpers.__file__, data=str(DATA_DIR), train=X_tr.shape,
                      test=X_te.shape, classes=sorted(set(y_tr.tolist())))))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    return coursework.build_wheel(tmp_path_factory.mktemp("dist"))


def test_the_wheel_holds_every_module_of_helpers_and_the_data(wheel):
    # pyproject.toml lists the packages by hand (data/ is mapped into one): none may be missed
    with zipfile.ZipFile(wheel) as zf:
        names = {n for n in zf.namelist() if not n.split("/")[0].endswith(".dist-info")}
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "helpers").rglob("*.py")}
    data = {f"helpers/datasets/{p.name}" for p in DATA.iterdir() if p.is_file()}
    expected = modules | data
    assert names == expected, (f"missing from the wheel: {sorted(expected - names)}; "
                               f"not expected in it: {sorted(names - expected)}")


def load_elsewhere(python, tmp_path):
    """What CHECK prints when run by ``python`` in a folder outside the repository and venv."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    got = json.loads(run(python, "-c", CHECK, cwd=elsewhere))
    assert got["train"] == [50, 150] and got["test"] == [150, 150] and got["classes"] == [0, 1]
    return Path(got["helpers"]), Path(got["data"])


def test_a_non_editable_install_loads_gunpoint_from_another_folder(wheel, tmp_path):
    python, site = install_in_fresh_venv(wheel, tmp_path / "fresh-venv")
    helpers, data = load_elsewhere(python, tmp_path)
    assert helpers.is_relative_to(site) and data == site / "helpers" / "datasets"


def test_an_editable_install_loads_gunpoint_from_data(tmp_path):
    src = coursework.copy_project(tmp_path / "src")   # (an editable build writes egg-info)
    python, _ = install_in_fresh_venv(src, tmp_path / "fresh-venv", editable=True)
    helpers, data = load_elsewhere(python, tmp_path)
    assert helpers == src / "helpers" / "__init__.py" and data == src / "data"
