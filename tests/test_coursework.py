"""Coursework: the exercises state their points, and the instructor version earns full points
(nbgrader autograde, in nbgrader's own environment). Wrong and right answers are tried in
tests/test_wrong_answers.py, the student release in tests/test_release.py (three files, so the
slow ones run on both cores).

Covers every notebook in notebooks/ that has nbgrader exercises, including ones added later.
"""
import json

import pytest

import coursework
from project_paths import NOTEBOOKS, notebook_paths
from support import venvs

PATHS = coursework.assignments()
IDS = [p.stem for p in PATHS]


def test_every_notebook_after_the_index_has_exercises():
    assert [p.name for p in PATHS] == [p.name for p in notebook_paths()
                                       if not p.name.startswith("00")]


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


def test_instructor_version_earns_full_points(tmp_path):
    scores = json.loads(venvs.coursework("autograde", NOTEBOOKS, "--json",
                                         "--course", tmp_path / "course"))
    assert sorted(scores) == [p.name for p in PATHS]
    for name, (score, best, written) in scores.items():
        assert best > 0 and score == best, f"{name}: {score} of {best} automatic points"
        assert written > 0, f"{name}: no written (hand-graded) exercise"
