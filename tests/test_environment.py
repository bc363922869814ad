"""environment.yml (conda/Binder) must list the same packages and bounds as requirements.txt."""
import re
from pathlib import Path

import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent


def pip_requirements():
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    reqs = [Requirement(line.split("#")[0]) for line in lines if line.split("#")[0].strip()]
    return {r.name.lower(): str(r.specifier) for r in reqs}


def conda_requirements():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = [d for d in env["dependencies"] if isinstance(d, str)]
    out = {}
    for dep in deps:
        dep = dep.replace(" ", "")
        if re.fullmatch(r"[\w.-]+=[\w.*]+", dep):       # conda's pin name=version
            dep = dep.replace("=", "==")
        r = Requirement(dep)
        out[r.name.lower()] = str(r.specifier)
    return out, env


def test_environment_yml_matches_requirements_txt():
    pip = pip_requirements()
    conda, env = conda_requirements()
    conda_only = {"python", "pip"}
    assert {k: v for k, v in conda.items() if k not in conda_only} == pip, (
        "environment.yml and requirements.txt disagree: keep the same packages and bounds")
    assert env["channels"] == ["conda-forge"]
    assert conda["python"].startswith("=="), "pin python in environment.yml (python=3.x)"
    pip_section = [d for d in env["dependencies"] if isinstance(d, dict)][0]["pip"]
    assert "-e ." in pip_section, "environment.yml must install helpers (pip: -e .)"


def test_pyproject_runtime_bounds_agree_with_requirements():
    import tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip = pip_requirements()
    for dep in project["dependencies"]:
        r = Requirement(dep)
        assert pip.get(r.name.lower()) == str(r.specifier), f"{dep} differs from requirements.txt"


def test_reader_environment_is_the_chosen_one():
    # Instructor and CI extras belong in requirements-dev.txt, not in the readers' environment.
    assert set(pip_requirements()) == {"numpy", "matplotlib", "jupyterlab", "ipywidgets",
                                       "nbval", "pytest"}
