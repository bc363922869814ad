"""The student release (`make student`) and a class graded end to end (`make autograde`).

One release is made into a temporary folder, with the class's grading folder beside it: the
assignments in a gradebook, the student notebooks as skeletons and a kernel whose ``helpers``
is the release's wheel (no instructor notebook there). Then a class is graded, in one call of
``tools/coursework.py autograde`` as ``make autograde`` runs it:

- ``honest``: the instructor notebooks (every automatic point; the written answers left to
  formgrader), with two right answers the old grader refused (a warning printed, a helper of
  the student's own named like a forbidden one);
- ``wrong``: 02 with the first typical mistake of each code exercise
  (tests/coursework_mistakes/) and a lesson cell edited and a cell added, both disarming the
  checks; 08 handed in under a misnamed file, the others missing;
- ``cheat``: the first kept bypass (tests/coursework_bypasses/) of each exercise of the cheap
  notebooks CHEAP (every kind the issue lists has one there; the others are judged in-process
  in tests/test_coursework.py), every other cell the release's; ``cheat2``: the further
  bypasses of each of those exercises, one after the other in one answer cell.

The call must fail (misnamed and missing notebooks) and name them; the grades, the feedback
and the notebooks run from the wheel are checked by the tests below. (This one grading is the
coursework suite's whole cost: the release notebooks run from the wheel, and the instructor
version earns full points, are checked on it too.)
"""
import csv
import html
import json
import subprocess
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import coursework
from coursework_bypasses import BYPASSES
from coursework_mistakes import MISTAKES
from project_paths import ROOT, TOOLS
from support import venvs
from support.exercises import is_exercise, nbgrader_meta, outside_regions, region_lines

PATHS = coursework.assignments()
IDS = [p.stem for p in PATHS]
SECRETS = ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS")
WRONG = [PATHS[1]]                          # 02 (and a misnamed 08); the rest missing
CHEAP = [p for p in PATHS if p.stem[:2] in ("01", "02", "06", "07")]   # the cheats hand in
CHEATS = {"cheat": slice(0, 1), "cheat2": slice(1, None)}
# right answers the wrong student gives: (notebook, answer grade_id, text, replacement)
FAIR = [("01-dot-product-neuron", "ex1-solution", "return relu(X @ W + b)",     # ComplexWarning
         "return relu((X @ W + b).astype(complex).astype(float))"),
        ("04-convolution-as-matrix-multiplication", "ex2-solution", "L_out = (L - K) // s + 1",
         "L_out = conv_output_length(L, K, s)")]
OWN_HELPER = "def conv_output_length(L, K, s):\n    return (L - K) // s + 1\n\n\n"


def answer_cells(nb):
    return {nbgrader_meta(c)["grade_id"]: c for c in nb.cells
            if nbgrader_meta(c).get("solution") and c.cell_type == "code"}


def honest_notebook(path):
    """The instructor notebook, with the FAIR right answers."""
    nb = nbformat.read(path, as_version=4)
    for gid, cell in answer_cells(nb).items():
        for stem, fair_gid, old, new in FAIR:
            if (stem, fair_gid) == (path.stem, gid):
                assert old in cell.source, f"{path.stem} {gid}: {old!r} not in the answer"
                cell.source = cell.source.replace(old, new)
                if "conv_output_length" in new:
                    cell.source = OWN_HELPER + cell.source
    return nb


def wrong_notebook(path):
    """The instructor notebook with the first typical mistake of each code exercise, and the
    checks disarmed outside the answer cells (which must not run)."""
    nb = nbformat.read(path, as_version=4)
    for gid, cell in answer_cells(nb).items():
        right, wrong, _ = MISTAKES[path.stem][gid][0]
        assert right in cell.source, f"{path.stem} {gid}: {right!r} not in the answer"
        cell.source = cell.source.replace(right, wrong)
    nb.cells.insert(1, nbformat.v4.new_code_cell("check_close = lambda *a, **k: None"))
    setup = next(c for c in nb.cells if c.cell_type == "code" and "import" in c.source)
    setup.source += "\ncheck_integer = check_equal = lambda *a, **k: None\n"
    return nb


def cheat_notebook(release, stem, entries):
    """The release notebook with the bypasses ``entries`` (a slice) of each exercise, one
    after the other in its answer cell."""
    nb = nbformat.read(release / f"{stem}.ipynb", as_version=4)
    for gid, cell in answer_cells(nb).items():
        cell.source = "\n\n".join(cell for _, cell, _ in BYPASSES[stem][gid][entries])
    return nb


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    base = tmp_path_factory.mktemp("course")
    release, grading, folder = base / "release", base / "grading", base / "class"
    venvs.coursework("release", "--out", release, "--grading", grading)
    for path in PATHS:
        (folder / "honest").mkdir(parents=True, exist_ok=True)
        nbformat.write(honest_notebook(path), folder / "honest" / path.name)
    for path in WRONG:
        (folder / "wrong").mkdir(exist_ok=True)
        nbformat.write(wrong_notebook(path), folder / "wrong" / path.name)
    (folder / "wrong" / ("O" + PATHS[7].name[1:])).write_bytes((release / PATHS[7].name)
                                                               .read_bytes())
    for student, entries in CHEATS.items():
        for path in CHEAP:                    # (in nbgrader's collected layout)
            (folder / student / path.stem).mkdir(parents=True, exist_ok=True)
            nbformat.write(cheat_notebook(release, path.stem, entries),
                           folder / student / path.stem / path.name)
    done = subprocess.run([venvs.instructor_python(), str(TOOLS / "coursework.py"), "autograde",
                           str(folder), "--release", str(release), "--grading", str(grading)],
                          capture_output=True, text=True, cwd=ROOT, timeout=1800)
    grades = json.loads(venvs.coursework("grades", "--json", "--grading", grading))
    return dict(release=release, grading=grading, done=done, grades=grades)


def the_wheel(release):
    wheels = sorted(release.glob("*.whl"))
    assert len(wheels) == 1, [w.name for w in wheels]
    return wheels[0]


# ------------------------------------------------------------------ the release folder

def test_release_folder_holds_the_notebooks_the_wheel_and_a_readme(course):
    release = course["release"]
    names = sorted(p.name for p in release.iterdir())
    plain = [p.name for p in sorted((ROOT / "notebooks").glob("*.ipynb")) if p not in PATHS]
    assert "00-index.ipynb" in plain and "conventions.ipynb" in plain
    assert names == sorted(plain + ["README.md", the_wheel(release).name]
                           + [p.name for p in PATHS])
    assert all(p.is_file() for p in release.iterdir()), "no folders (no notebooks/ copy)"
    readme = (release / "README.md").read_text()
    for words in ("pip install", the_wheel(release).name, "jupyter lab", "submit", "nbgrader"):
        assert words.lower() in readme.lower(), f"the release README does not say {words!r}"


def test_nothing_in_the_release_or_the_grading_folder_holds_a_solution(course):
    paths = list(course["release"].iterdir()) + list((course["grading"] / "release").iterdir())
    for path in paths:
        if path.suffix == ".whl":
            continue
        text = path.read_text()
        for secret in SECRETS:
            assert secret not in text, f"{path.name} contains {secret!r}"
        if path.suffix == ".ipynb":
            nb = nbformat.read(path, as_version=4)
            assert nb.cells and not any(c.get("outputs") for c in nb.cells
                                        if c.cell_type == "code" and is_exercise(c))


def test_the_wheel_has_helpers_and_gunpoint_but_no_notebooks(course):
    wheel_path = the_wheel(course["release"])
    with zipfile.ZipFile(wheel_path) as wheel:
        names = wheel.namelist()
        assert {n.split("/")[0] for n in names} <= {
            "helpers", wheel_path.name.split("-py")[0] + ".dist-info"}, names
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
def test_release_has_no_solutions_or_hidden_tests(course, path):
    student = nbformat.read(course["release"] / path.name, as_version=4)
    released_cells = {nbgrader_meta(c).get("grade_id"):                # its stripped lines
                      {line.strip() for line in c.source.splitlines()}
                      for c in student.cells if is_exercise(c)}
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


# ------------------------------------------------------------------ the class, graded

def test_the_grading_kernel_takes_helpers_from_the_wheel_not_the_repository(course):
    spec = json.loads((course["grading"] / "share" / "kernels" / "conv-grading" /
                       "kernel.json").read_text())
    where = subprocess.run([spec["argv"][0], "-c", "import helpers; print(helpers.__file__)"],
                           capture_output=True, text=True, cwd="/", env={}).stdout.strip()
    assert "site-packages" in where and not Path(where).is_relative_to(ROOT), where
    rules = (course["grading"] / "rules.json").read_text()
    assert not any(line in rules for p in PATHS for c in nbformat.read(p, as_version=4).cells
                   for line in region_lines(c.source, "### BEGIN SOLUTION", "### END SOLUTION"))


@pytest.mark.parametrize("name", ["00-index.ipynb", "conventions.ipynb"])
def test_the_notebooks_without_exercises_run_from_the_wheel(course, name, monkeypatch):
    monkeypatch.delenv("PYTHONPATH", raising=False)       # a clone's helpers/ stays out
    monkeypatch.setenv("JUPYTER_PATH", str(course["grading"] / "share"))
    nb = nbformat.read(course["release"] / name, as_version=4)
    NotebookClient(nb, kernel_name="conv-grading", timeout=120,
                   resources={"metadata": {"path": str(course["release"])}}).execute()


def test_misnamed_and_missing_notebooks_are_named_and_fail_the_command(course):
    done = course["done"]
    assert done.returncode == 1, done.stdout + done.stderr
    misnamed = "O" + PATHS[7].name[1:]
    assert f"wrong: {misnamed} is not one of the notebooks" in done.stderr
    for path in set(PATHS) - set(WRONG):
        assert f"wrong: {path.name} is missing" in done.stderr


def test_the_honest_student_gets_every_automatic_point_and_written_answers_wait(course):
    """(Two of its answers print a warning or define a helper named like a forbidden one.)"""
    honest = course["grades"]["honest"]
    assert sorted(honest) == IDS
    for name, cells in honest.items():
        for gid, (score, best, kind, manual) in cells.items():
            if kind == "code":
                assert score == best > 0 and not manual, f"honest {name} {gid}: {score}/{best}"
            else:
                assert manual, f"honest {name} {gid}: a written answer is not left to formgrader"


def test_wrong_answers_get_nothing_even_with_the_checks_disarmed_elsewhere(course):
    wrong = course["grades"]["wrong"]
    assert sorted(wrong) == [p.stem for p in WRONG]
    for name, cells in wrong.items():
        for gid, (score, best, kind, _) in cells.items():
            assert kind != "code" or score == 0 < best, f"wrong {name} {gid}: {score} of {best}"


def test_every_bypass_gets_nothing_and_its_feedback_names_the_rule(course):
    kinds = set()
    for student, entries in CHEATS.items():
        for stem in (p.stem for p in CHEAP):
            feedback = html.unescape((course["grading"] / "feedback" / student / stem /
                                      f"{stem}.html").read_text())
            for gid, per in BYPASSES[stem].items():
                score, best, _, _ = course["grades"][student][stem][gid.replace("solution",
                                                                                "tests")]
                assert score == 0 < best, f"{student} {stem} {gid}: {score} points"
                for kind, _, rule in per[entries]:
                    assert rule in feedback, f"{student} {stem} {gid} ({kind}): {rule!r}"
                    kinds.add(kind.split(" (")[0])
    elsewhere = {k.split(" (")[0] for stem, per in BYPASSES.items() for e in per.values()
                 for k, _, _ in e if stem not in {p.stem for p in CHEAP}}
    assert elsewhere - kinds <= {"writing the test labels so any model scores as the checks "
                                 "expect", "a forbidden helper of helpers.im2col",
                                 "the notebook's own routine that is missing from a list",
                                 "the forbidden helper", "redefining the function the visible "
                                 "checks call", "redefining a reference function the hidden "
                                 "tests call"}, elsewhere - kinds


def test_written_answers_never_count_as_automatic_points_and_the_csv_has_everyone(course):
    with open(course["grading"] / "grades.csv") as f:
        rows = {row["student"]: row for row in csv.DictReader(f)}
    assert sorted(rows) == sorted(["honest", "wrong", *CHEATS])
    maxima = {int(float(row["auto_max"])) for row in rows.values()}
    assert len(maxima) == 1 and float(rows["honest"]["auto"]) == maxima.pop()
    assert float(rows["cheat"]["auto"]) == 0 == float(rows["cheat"]["written"])
    assert rows["wrong"][PATHS[8].stem] == ""                 # not handed in


def test_every_graded_notebook_ran_from_the_wheel_with_errors_only_in_exercises(course):
    for folder in sorted((course["grading"] / "autograded").glob("*/*")):
        nb = nbformat.read(folder / f"{folder.name}.ipynb", as_version=4)
        for cell in nb.cells:
            errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
            stderr = [o for o in cell.get("outputs", []) if o.get("name") == "stderr"]
            assert not stderr, f"{folder}: stderr output {stderr[0]['text'][:200]}"
            if errors and not is_exercise(cell):
                raise AssertionError(f"{folder.parent.name} {folder.name}: a lesson cell failed "
                                     f"{errors[0]['ename']}: {errors[0]['evalue'][:300]}")
