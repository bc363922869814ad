"""Coursework: nbgrader's release strips the answers, the student version runs, the instructor
version earns full points, and every check fails helpfully on a typical wrong answer.

Covers every notebook in notebooks/ that has nbgrader exercises, including ones added later.
"""
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import coursework  # noqa: E402
from coursework_mistakes import MISTAKES  # noqa: E402

PATHS = coursework.assignments()
IDS = [p.stem for p in PATHS]


def nbgrader_meta(cell):
    return cell.metadata.get("nbgrader", {})


def is_exercise(cell):
    meta = nbgrader_meta(cell)
    return bool(meta.get("solution") or meta.get("grade"))


def client_for(nb):
    return NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                          record_timing=False, resources={"metadata": {"path": str(ROOT / "notebooks")}})


def errors(cell):
    return [o for o in cell.get("outputs", []) if o.output_type == "error"]


def region_lines(source, begin, end):
    """Substantive lines between the markers (the text a release must not contain)."""
    out, inside = [], False
    for line in source.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside and len(line.strip()) > 12 and not line.strip().startswith("#"):
            out.append(line.strip())
    return out


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    base = tmp_path_factory.mktemp("coursework")
    paths = coursework.release(out=base / "release", course=base / "course")
    return {p.name: p for p in paths}


def test_every_notebook_after_the_index_has_exercises():
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert [p.name for p in PATHS] == [p.name for p in notebooks if not p.name.startswith("00")]


def test_exercise_tables_in_index_and_readme_are_up_to_date():
    assert coursework.stale_tables() == [], "run `make nav` (tools/coursework.py table)"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_each_exercise_states_the_points_its_grade_cell_gives(path):
    found = coursework.exercises(path)
    assert 2 <= len({ex["number"] for ex in found}) <= 4, "2-4 exercises per notebook"
    for ex in found:
        assert ex["stated_points"] == ex["points"], (
            f"{path.name} exercise {ex['number']}: prompt says {ex['stated_points']} points, "
            f"its grade cell {ex['grade_id']} gives {ex['points']}")


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_release_has_no_solutions_or_hidden_tests(released, path):
    student = nbformat.read(released[path.name], as_version=4)
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
        public = "\n".join(line for line in cell.source.splitlines()      # e.g. a docstring
                           if line.strip() not in secret)                # that states the formula
        leaked = [line for line in secret
                  if line in released_cells[gid] and line not in public]
        assert not leaked, f"{path.name} {gid}: the release still contains {leaked}"
    grade_cells = [c for c in student.cells if nbgrader_meta(c).get("grade") and c.cell_type == "code"]
    assert grade_cells and all(nbgrader_meta(c).get("locked") for c in grade_cells)
    assert all(not c.get("outputs") for c in student.cells if c.cell_type == "code")


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_student_version_runs_with_only_the_exercises_failing(released, path):
    nb = nbformat.read(released[path.name], as_version=4)
    client_for(nb).execute()
    failed = {i for i, c in enumerate(nb.cells) if c.cell_type == "code" and errors(c)}
    for i in sorted(failed):
        error = errors(nb.cells[i])[0]
        assert is_exercise(nb.cells[i]), (
            f"{path.name} cell {i} fails without the answers: {error.ename}: {error.evalue}")
        assert error.ename in ("NotImplementedError", "NameError"), (error.ename, error.evalue)
    unanswered = {i for i, c in enumerate(nb.cells)
                  if nbgrader_meta(c).get("grade") and c.cell_type == "code"}
    assert unanswered <= failed, f"{path.name}: grade cells {sorted(unanswered - failed)} pass with no answer"


def test_instructor_version_earns_full_points(tmp_path):
    scores = coursework.autograde(submission=ROOT / "notebooks", course=tmp_path / "course")
    assert sorted(scores) == [p.name for p in PATHS]
    for name, (score, best, written) in scores.items():
        assert best > 0 and score == best, f"{name}: {score} of {best} automatic points"
        assert written > 0, f"{name}: no written (hand-graded) exercise"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_a_wrong_answer_fails_its_check_with_a_helpful_message(path):
    nb = nbformat.read(path, as_version=4)
    mistakes = MISTAKES.get(path.stem, {})
    solutions = [nbgrader_meta(c)["grade_id"] for c in nb.cells
                 if nbgrader_meta(c).get("solution") and c.cell_type == "code"]
    missing = sorted(set(solutions) - set(mistakes))
    assert not missing, f"add wrong answers for {path.stem} {missing} to tests/coursework_mistakes.py"
    client = client_for(nb)
    checked = []
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            gid = nbgrader_meta(cell).get("grade_id")
            if gid in mistakes and nbgrader_meta(cell).get("solution"):
                right, wrong, message = mistakes[gid]
                assert right in cell.source, f"{path.stem} {gid}: {right!r} is no longer in the solution"
                grade_index = next(j for j in range(index + 1, len(nb.cells))
                                   if nbgrader_meta(nb.cells[j]).get("grade")
                                   and nb.cells[j].cell_type == "code")
                trial = nbformat.v4.new_code_cell(cell.source.replace(right, wrong))
                check = nbformat.v4.new_code_cell(nb.cells[grade_index].source)
                client.execute_cell(trial, index)
                client.execute_cell(check, grade_index)
                failure = errors(check)
                assert failure, f"{path.stem} {gid}: the wrong answer passed its check"
                said = f"{failure[0].ename}: {failure[0].evalue}"
                assert message in said, f"{path.stem} {gid}: the check said {said!r}"
                checked.append(gid)
            client.execute_cell(cell, index)                  # the real cell, as in the notebook
            assert not errors(cell), f"{path.stem} cell {index} failed: {errors(cell)[0].evalue}"
    assert sorted(checked) == sorted(solutions)
