"""Dependencies are declared once, in pyproject.toml; requirements.txt and environment.yml are
generated from it by tools/requirements.py and must be up to date (run: make requirements)."""
import shutil

import requirements
from project_paths import ROOT


def test_requirements_txt_and_environment_yml_are_up_to_date():
    assert requirements.stale() == [], "run `make requirements` (tools/requirements.py)"


def test_a_changed_bound_makes_both_stale(tmp_path):
    for name in ["pyproject.toml", *requirements.GENERATED]:
        shutil.copy(ROOT / name, tmp_path / name)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('"nbval>=0.11"', '"nbval>=0.12"'))
    assert requirements.stale(tmp_path) == ["requirements.txt", "environment.yml"]
    requirements.stale(tmp_path, write=True)
    assert "nbval>=0.12" in (tmp_path / "requirements.txt").read_text()
    assert requirements.stale(tmp_path) == []


def test_every_dependency_has_a_lower_bound_and_jupyterlab_an_upper_one():
    # make test-min installs exactly the lower bounds; JupyterLab 5 is taken on purpose, after
    # tests/browser passes with it
    reader = requirements.reader_requirements()
    assert all(">=" in r for r in reader), reader
    assert "jupyterlab>=4.0,<5" in reader
