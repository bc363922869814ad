"""The student release (`make student`): a self-contained folder with no answers in it.

It is written by tools/coursework.py in nbgrader's environment (nbgrader's own
``generate_assignment``), into a temporary folder. Then the ``helpers`` wheel it holds is
installed into a fresh venv outside the repository (tests/support/wheel_venv.py: ``--no-deps``,
the dependencies borrowed from this environment) and every notebook of the release runs there,
from a copy of the folder, with only exercise cells failing.
"""
import json
import shutil
import zipfile
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

import coursework
from project_paths import ROOT
from support import venvs
from support.exercises import is_exercise, nbgrader_meta, outside_regions, region_lines, run
from support.wheel_venv import CLEAN_ENV, install_in_fresh_venv

PATHS = coursework.assignments()
IDS = [p.stem for p in PATHS]
SECRETS = ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS")


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    base = tmp_path_factory.mktemp("release")
    venvs.coursework("release", "--out", base / "release", "--course", base / "course")
    return base / "release"


def the_wheel(release):
    wheels = sorted(release.glob("*.whl"))
    assert len(wheels) == 1, [w.name for w in wheels]
    return wheels[0]


def test_release_folder_holds_the_notebooks_the_wheel_and_a_readme(release):
    names = sorted(p.name for p in release.iterdir())
    expected = sorted(["00-index.ipynb", "README.md", the_wheel(release).name]
                      + [p.name for p in PATHS])
    assert names == expected
    assert all(p.is_file() for p in release.iterdir()), "no folders (no notebooks/ copy)"
    readme = (release / "README.md").read_text()
    for words in ("pip install", the_wheel(release).name, "jupyter lab", "submit", "nbgrader"):
        assert words.lower() in readme.lower(), f"the release README does not say {words!r}"


def test_nothing_in_the_release_holds_a_solution(release):
    for path in release.iterdir():
        if path.suffix == ".whl":
            continue
        text = path.read_text()
        for secret in SECRETS:
            assert secret not in text, f"{path.name} contains {secret!r}"
        if path.suffix == ".ipynb":
            nb = nbformat.read(path, as_version=4)
            assert nb.cells and not any(c.get("outputs") for c in nb.cells
                                        if c.cell_type == "code" and is_exercise(c))


def test_the_wheel_has_helpers_and_gunpoint_but_no_notebooks(release):
    with zipfile.ZipFile(the_wheel(release)) as wheel:
        names = wheel.namelist()
        assert {n.split("/")[0] for n in names} <= {
            "helpers", the_wheel(release).name.split("-py")[0] + ".dist-info"}, names
        assert "helpers/checks.py" in names and "helpers/datasets/GunPoint_TRAIN.ts" in names
        assert "helpers/datasets/GunPoint_TEST.ts" in names
        assert not [n for n in names if n.endswith(".ipynb") or "notebooks/" in n]
        for name in names:            # (its METADATA is the README, which names the markup)
            if ".dist-info/" in name:
                continue
            text = wheel.read(name).decode("utf-8", errors="replace")
            for secret in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS"):
                assert secret not in text, f"{name} in the wheel contains {secret!r}"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_release_has_no_solutions_or_hidden_tests(release, path):
    student = nbformat.read(release / path.name, as_version=4)
    text = "\n".join(c.source for c in student.cells)
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    released_cells = {nbgrader_meta(c).get("grade_id"): c.source for c in student.cells
                      if is_exercise(c)}
    for cell in nbformat.read(path, as_version=4).cells:
        if not is_exercise(cell):
            continue
        secret = (region_lines(cell.source, "### BEGIN SOLUTION", "### END SOLUTION")
                  + region_lines(cell.source, "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"))
        gid = nbgrader_meta(cell)["grade_id"]
        # a secret line that also stands outside the regions (say a hint repeated in the hidden
        # tests) is no leak; one that only the regions hold (a docstring stating the formula) is
        public = outside_regions(cell.source, ("### BEGIN SOLUTION", "### END SOLUTION"),
                                 ("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"))
        leaked = [line for line in secret
                  if line in released_cells[gid] and line not in public]
        assert not leaked, f"{path.name} {gid}: the release still contains {leaked}"
    grade_cells = [c for c in student.cells
                   if nbgrader_meta(c).get("grade") and c.cell_type == "code"]
    assert grade_cells and all(nbgrader_meta(c).get("locked") for c in grade_cells)
    assert all(not c.get("outputs") for c in student.cells if c.cell_type == "code")


# ------------------------------------------------------------------ the wheel, elsewhere

@pytest.fixture(scope="module")
def student_setup(release, tmp_path_factory):
    """A copy of the release folder and a venv with its wheel, both outside the repository;
    a kernelspec that starts that venv's python. Returns (folder, kernel spec manager, site)."""
    base = tmp_path_factory.mktemp("student")
    assert not base.resolve().is_relative_to(ROOT)
    folder = base / "course"
    shutil.copytree(release, folder)
    python, site = install_in_fresh_venv(the_wheel(folder), base / "venv")
    kernels = base / "kernels"
    (kernels / "student").mkdir(parents=True)
    (kernels / "student" / "kernel.json").write_text(json.dumps(dict(
        argv=[str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        display_name="student release", language="python")))
    return folder, KernelSpecManager(kernel_dirs=[str(kernels)]), site


@contextmanager
def student_kernel(setup):
    folder, specs, _ = setup
    km = KernelManager(kernel_name="student", kernel_spec_manager=specs)
    km.start_kernel(cwd=str(folder), env=CLEAN_ENV)
    kc = km.blocking_client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        yield kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def _value(kc, expression):
    """The repr of ``expression`` evaluated in the kernel."""
    reply = kc.execute_interactive("", user_expressions={"v": expression}, timeout=120,
                                   output_hook=lambda msg: None)
    result = reply["content"]["user_expressions"]["v"]
    assert result["status"] == "ok", result
    return result["data"]["text/plain"]


@pytest.mark.parametrize("name", ["00-index.ipynb"] + [p.name for p in PATHS],
                         ids=["00-index"] + IDS)
def test_student_notebook_runs_from_the_wheel_with_only_the_exercises_failing(student_setup,
                                                                              name):
    folder, _, site = student_setup
    nb = nbformat.read(folder / name, as_version=4)
    failed = {}
    with student_kernel(student_setup) as kc:
        assert run(kc, "import helpers, helpers.data") is None
        where = Path(json.loads(_value(kc, "helpers.__file__").replace("'", '"')))
        assert where.is_relative_to(site), f"helpers came from {where}, not the wheel"
        assert not Path(_value(kc, "str(helpers.data.DATA_DIR)").strip("'")).is_relative_to(ROOT)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and (error := run(kc, cell.source)):
                failed[i] = error
    for i, (ename, evalue) in sorted(failed.items()):
        assert is_exercise(nb.cells[i]), (
            f"{name} cell {i} fails without the answers: {ename}: {evalue}")
        assert ename in ("NotImplementedError", "NameError"), (ename, evalue)
    unanswered = {i for i, c in enumerate(nb.cells)
                  if nbgrader_meta(c).get("grade") and c.cell_type == "code"}
    assert unanswered <= set(failed), (
        f"{name}: grade cells {sorted(unanswered - set(failed))} pass with no answer")
