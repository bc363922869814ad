"""Dependencies are declared once, in pyproject.toml; requirements.txt, requirements-dev.txt and
environment.yml (conda/Binder) must repeat exactly those packages and bounds."""
import re
from pathlib import Path

import yaml
from packaging.requirements import Requirement

try:
    import tomllib
except ModuleNotFoundError:                                   # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
READER = {"numpy", "matplotlib", "jupyterlab", "ipywidgets", "nbval", "pytest"}


def as_dict(requirements):
    """``{name: "specifier; marker"}`` of requirement strings (names lower-cased)."""
    out = {}
    for text in requirements:
        r = Requirement(text)
        assert r.name.lower() not in out, f"{r.name} listed twice"
        out[r.name.lower()] = str(r.specifier) + (f"; {r.marker}" if r.marker else "")
    return out


def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def pyproject_requirements(*extras):
    """The package's dependencies (if ``extras`` is empty or names "") plus the given extras."""
    project = pyproject()
    found = list(project["dependencies"]) if not extras or "" in extras else []
    for extra in filter(None, extras):
        found += project["optional-dependencies"][extra]
    return as_dict(found)


def requirements_file(name):
    """Requirement lines of a pip requirements file (comments dropped) and its ``-r`` includes."""
    reqs, includes = [], []
    for line in (ROOT / name).read_text().splitlines():
        line = re.sub(r"(^|\s)#.*", "", line).strip()
        if line.startswith("-r"):
            includes.append(line[2:].strip())
        elif line:
            reqs.append(line)
    return as_dict(reqs), includes


def conda_requirements():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = [d for d in env["dependencies"] if isinstance(d, str)]
    out = []
    for dep in deps:
        dep = dep.replace(" ", "")
        if re.fullmatch(r"[\w.-]+=[\w.*]+", dep):       # conda's pin name=version
            dep = dep.replace("=", "==")
        out.append(dep)
    return as_dict(out), env


def test_requirements_txt_is_the_dependencies_plus_the_reader_extra():
    reqs, includes = requirements_file("requirements.txt")
    assert not includes
    assert reqs == pyproject_requirements("", "reader"), (
        "requirements.txt must list pyproject.toml's dependencies + [reader] extra, same bounds")


def test_requirements_dev_txt_is_the_dev_extra():
    reqs, includes = requirements_file("requirements-dev.txt")
    assert includes == ["requirements.txt"]
    assert reqs == pyproject_requirements("dev"), (
        "requirements-dev.txt must list pyproject.toml's [dev] extra, same bounds")


def test_requirements_instructor_txt_is_the_dependencies_plus_the_instructor_extra():
    reqs, includes = requirements_file("requirements-instructor.txt")
    assert not includes
    assert reqs == pyproject_requirements("", "instructor"), (
        "requirements-instructor.txt must list pyproject.toml's dependencies + [instructor] "
        "extra, same bounds")


def test_environment_yml_matches_requirements_txt():
    pip, _ = requirements_file("requirements.txt")
    conda, env = conda_requirements()
    conda_only = {"python", "pip"}
    assert {k: v for k, v in conda.items() if k not in conda_only} == pip, (
        "environment.yml and requirements.txt disagree: keep the same packages and bounds")
    assert env["channels"] == ["conda-forge"]
    assert conda["python"].startswith("=="), "pin python in environment.yml (python=3.x)"
    pip_section = [d for d in env["dependencies"] if isinstance(d, dict)][0]["pip"]
    assert "-e ." in pip_section, "environment.yml must install helpers (pip: -e .)"


def test_every_extra_is_disjoint_from_the_others():
    project = pyproject()
    lists = {"dependencies": project["dependencies"], **project["optional-dependencies"]}
    seen = {}
    for where, reqs in lists.items():
        for name in as_dict(reqs):
            assert name not in seen, f"{name} is in both {seen[name]} and {where}: declare it once"
            seen[name] = where


def test_reader_environment_is_the_chosen_one():
    # Instructor and CI extras belong in the dev/instructor extras, not in the readers' one.
    assert set(pyproject_requirements("", "reader")) == READER
    assert set(pyproject()["optional-dependencies"]) == {"reader", "dev", "instructor", "site"}


def test_every_package_has_a_lower_bound_and_jupyterlab_an_upper_one():
    for name, spec in pyproject_requirements("", "reader", "dev", "instructor", "site").items():
        assert ">=" in spec, f"{name}: give a lower bound (make test-min installs it)"
    # A JupyterLab 5 release must not break tests/browser without a change here.
    assert pyproject_requirements("reader")["jupyterlab"] == "<5,>=4.0"


def test_make_installs_from_the_pyproject_extras_into_three_venvs():
    makefile = (ROOT / "Makefile").read_text()
    assert '$(BIN)/python -m pip install --quiet -e ".[reader]"' in makefile          # .venv
    assert '$(DEV_BIN)/python -m pip install --quiet -e ".[reader,dev]"' in makefile  # .venv-dev
    assert '$(INSTRUCTOR_BIN)/python -m pip install --quiet -e ".[instructor]"' in makefile
    assert "instructor" not in "".join(line for line in makefile.splitlines()
                                       if "$(BIN)/python -m pip install" in line)
