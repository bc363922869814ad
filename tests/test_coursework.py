"""Coursework, in-process and fast: the exercises' declarations, the answer checker
(tools/answer_rules.py) on every instructor answer, right variant, wrong answer and bypass,
and the grader's handling of a class folder (tools/grading.py). The class graded end to end
through nbgrader is tests/test_release.py; wrong answers run in a kernel in
tests/test_wrong_answers.py (three files, so the slow ones run on both cores).

Covers every notebook in notebooks/ that has nbgrader exercises, including ones added later.
"""
import re
import zipfile

import nbformat
import numpy as np
import pytest

import coursework
import grading
from answer_rules import violations
from coursework_bypasses import BYPASSES
from coursework_mistakes import MISTAKES, VARIANTS
from grade_cells import free_names, shortcuts_of
from helpers.shortcuts import without
from project_paths import notebook_paths

PATHS = coursework.assignments()
IDS = [p.stem for p in PATHS]
RULES = {p.stem: grading.exercise_rules(p) for p in PATHS}
KEYS = {(p.stem, gid): c.source for p in PATHS
        for c in nbformat.read(p, as_version=4).cells
        if (gid := c.metadata.get("nbgrader", {}).get("grade_id")) in RULES[p.stem]}


def test_every_notebook_after_the_index_has_exercises():
    assert [p.name for p in PATHS] == [p.name for p in notebook_paths()
                                       if not p.name.startswith("00")]


def test_exercise_tables_in_index_and_readme_are_up_to_date():
    assert coursework.stale_tables() == [], "run `make nav` (tools/coursework.py table)"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_each_exercise_states_its_points_and_names_its_shortcuts(path):
    found = coursework.exercises(path)
    assert 2 <= len({ex["number"] for ex in found}) <= 4, "2-4 exercises per notebook"
    for ex in found:
        assert ex["stated_points"] == ex["points"], (
            f"{path.name} exercise {ex['number']}: prompt says {ex['stated_points']} points, "
            f"its grade cell {ex['grade_id']} gives {ex['points']}")
    cells = nbformat.read(path, as_version=4).cells
    for i, cell in enumerate(cells):
        first = cell.source.lstrip()
        if cell.metadata.get("nbgrader", {}).get("grade") and first.startswith("shortcuts"):
            prompt = next(c.source for c in reversed(cells[:i]) if c.cell_type == "markdown")
            named = set(re.findall(r"`([^`]+)`", prompt))
            missing = [n for n in shortcuts_of(cell.source)
                       if n not in named and n.split(".")[-1] not in named]
            assert not missing, (f"{path.name} {cell.metadata['nbgrader']['grade_id']}: the "
                                 f"prompt does not name the shortcuts {missing} in backticks")


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_instructor_answers_and_right_variants_break_no_rule(path):
    rules = RULES[path.stem]
    for gid in rules:
        if gid == "protected":
            continue
        key = KEYS[path.stem, gid]
        assert grading.judge(key, rules, gid) == [], f"{path.stem} {gid}: the key"
        for right, variant in VARIANTS.get(path.stem, {}).get(gid, []):
            assert grading.judge(key.replace(right, variant), rules, gid) == [], (
                f"{path.stem} {gid}: the right variant {variant!r} is refused")


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_every_bypass_is_refused_with_its_rule(path):
    rules = RULES[path.stem]
    bypasses = BYPASSES.get(path.stem, {})
    solutions = sorted(gid for gid in rules if gid != "protected")
    assert sorted(bypasses) == solutions, (
        f"tests/coursework_bypasses/{path.stem[:2]}.py: a bypass for every code exercise")
    for gid, entries in bypasses.items():
        for kind, cell, rule in entries:
            broken = grading.judge(cell, rules, gid)
            assert any(rule in b for b in broken), f"{path.stem} {gid} {kind}: {broken}"


def test_forbidden_shortcut_mistakes_are_refused_before_they_run():
    refused = [(stem, gid, message) for stem, per in MISTAKES.items()
               for gid, entries in per.items() for right, wrong, message in entries
               if grading.judge(KEYS[stem, gid].replace(right, wrong), RULES[stem], gid)]
    assert len(refused) >= 5, refused


# ------------------------------------------------------------------ the rules, one by one

SHORTCUTS = ("conv_matrix", "np.correlate", "helpers.im2col.im2col_batch")
PROTECTED = {"check_close", "np", "answer", "reference"}
ALLOWED = {
    "a loop": "def answer(x, w):\n    return [sum(x[i + k] * w[k] for k in range(len(w)))\n"
              "            for i in range(len(x) - len(w) + 1)]\n",
    "own function named like a forbidden helper":
        "def conv_matrix(w, L):\n    return np.eye(L)\n\n\n"
        "def answer(w, L):\n    return conv_matrix(w, L)\n",
    "own local named like a forbidden helper":
        "def answer(x, correlate):\n    return correlate\n",
    "rebinding the exercise's own name": "def answer(x):\n    return x\n",
    "an argument rebound to a copy, then written":
        "def answer(x):\n    x = np.array(x)\n    x[0] = 1\n    return x\n",
    "numpy and math imports": "import math\nfrom numpy import zeros\nanswer = math.pi\n",
    "str.format": "answer = '{:.3f}'.format(1.0)\n",
    "sliding_window_view (read-only)":
        "answer = np.lib.stride_tricks.sliding_window_view(np.arange(4), 2)\n",
}
REFUSED = {
    "np.correlate, however reached": ("from numpy import correlate\n", "without np.correlate"),
    "a forbidden helper in a default": ("def answer(x, c=conv_matrix):\n    return c(x, 3)\n",
                                        "without conv_matrix"),
    "a forbidden helper imported": ("from helpers.im2col import im2col_batch as f\n",
                                    "without helpers.im2col.im2col_batch"),
    "own def that comes too late": ("y = conv_matrix(1, 2)\n\n\ndef conv_matrix(w, L):\n"
                                    "    return 0\n", "without conv_matrix"),
    "own def only in a branch": ("if False:\n    def conv_matrix(w, L):\n        return 0\n"
                                 "answer = lambda w, L: conv_matrix(w, L)\n",
                                 "without conv_matrix"),
    "getattr": ("f = getattr(np, 'corr' + 'elate')\n", "a lookup built from a string"),
    "vars": ("f = vars(np)['convolve']\n", "a lookup built from a string"),
    "exec": ("exec('x = 1')\n", "code run from text"),
    "compile": ("c = compile('1', 'f', 'eval')\n", "code run from text"),
    "dunder attribute": ("f = check_close.__globals__\n", "dunder"),
    "dunder in a string": ("f = 'x.__class__'\n", "dunder"),
    "private numpy": ("f = np._core.numeric\n", "private attributes"),
    "np.core": ("f = np.core.multiarray.correlate2\n", "numpy's internals"),
    "as_strided": ("from numpy.lib.stride_tricks import as_strided\n", "numpy's internals"),
    "np.fft": ("f = np.fft.rfft\n", "np.fft"),
    "get_ipython": ("get_ipython().events.register('pre_run_cell', print)\n", "IPython"),
    "IPython history": ("source = In[-1]\n", "IPython"),
    "open": ("text = open('gradebook.db').read()\n", "file, process or database"),
    "np.load": ("a = np.load('x.npy')\n", "file, process or database"),
    "os": ("import os\n", "imports of numpy"),
    "sys.modules": ("import sys\nm = sys.modules\n", "module table"),
    "a magic": ("%run other.py\n", "plain Python only"),
    "rebinding a check": ("check_close = print\n", "rebinding a name the checks use"),
    "rebinding via global": ("def f():\n    global check_close\n    check_close = 1\n",
                             "rebinding a name the checks use"),
    "patching numpy": ("np.isclose = lambda *a, **k: True\n", "changing an object"),
    "writing into an argument": ("def answer(x):\n    x[:] = 0\n", "changing an object"),
    "in place on a notebook array": ("reference.fill(0)\n", "changing an object"),
    "out= into a notebook array": ("np.add(1, 2, out=reference)\n", "changing an object"),
    "a dunder method": ("class A:\n    def __eq__(self, other):\n        return True\n",
                        "dunder"),
    "frames": ("f = (lambda: 0).gi_frame\n", "frames"),
}


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_an_honest_answer_breaks_no_rule(name):
    assert violations(ALLOWED[name], SHORTCUTS, PROTECTED - {"answer"}) == []


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_each_rule_refuses_its_trick_and_says_which_rule(name):
    source, rule = REFUSED[name]
    found = [str(v) for v in violations(source, SHORTCUTS, PROTECTED)]
    assert any(rule in f for f in found), found
    assert all(f.startswith("line ") for f in found)


def test_the_grade_cells_names_and_the_declared_shortcuts_are_read_from_source():
    cell = ('shortcuts = ("conv_matrix", "np.correlate")\nx_t = np.ones(3)\n'
            'check_close(without(*shortcuts)(answer)(x_t), ref(x_t), "answer")\n')
    assert shortcuts_of(cell) == ("conv_matrix", "np.correlate")
    assert free_names(cell) == {"np", "check_close", "without", "answer", "ref"}
    older = "no = (np.convolve, 'helpers.conv.correlate1d')\nwith forbid(*no, conv_matrix):\n"
    assert shortcuts_of(older + "    pass\n") == ("np.convolve", "helpers.conv.correlate1d",
                                                 "conv_matrix")
    assert shortcuts_of("check_close(1, 1, 'x')\n") == ()


# ------------------------------------------------------------------ the runtime guard

def test_the_runtime_guard_copies_the_arguments_it_passes_to_the_student():
    x = np.ones(3)

    def spoil(a):
        a[:] = 0
        return a

    assert without()(spoil)(x).tolist() == [0, 0, 0] and x.tolist() == [1, 1, 1]


# ------------------------------------------------------------------ a class folder

def test_a_class_folder_is_read_in_both_layouts_and_problems_are_named(tmp_path):
    names = ["01-a", "02-b"]
    for path in ["ann/01-a.ipynb", "ann/02-b.ipynb", "bob/01-a/01-a.ipynb",
                 "bob/2-b.ipynb", "bob/.ipynb_checkpoints/01-a-checkpoint.ipynb"]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("{}")
    found, problems = grading.find_submissions(tmp_path, names)
    assert sorted(found["ann"]) == names and sorted(found["bob"]) == ["01-a"]
    assert problems == ["bob: 2-b.ipynb is not one of the notebooks (expected names like "
                        "01-a.ipynb)", "bob: 02-b.ipynb is missing"]


def test_only_the_answer_cells_of_a_submission_are_graded(tmp_path):
    path = PATHS[0]
    rules = RULES[path.stem]
    sub = nbformat.read(path, as_version=4)
    gids = [c.metadata["nbgrader"]["grade_id"] for c in sub.cells
            if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"]
    for cell in sub.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta:
            cell.source = "check_close = print  # an edited lesson cell"
        elif meta.get("grade_id") == gids[0]:
            cell.source = "exec('cheat')"
    sub.cells.insert(1, nbformat.v4.new_code_cell("check_close = print  # an added cell"))
    nbformat.write(sub, tmp_path / path.name)
    nb, broken, missing = grading.compose(path, tmp_path / path.name, rules)
    assert missing == [] and list(broken) == [gids[0]]
    assert "check_close = print" not in "".join(c.source for c in nb.cells)
    refused = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id")
                   == gids[0])
    assert "code run from text" in refused.source and "exec('cheat')" not in refused.source
    assert len(nb.cells) == len(nbformat.read(path, as_version=4).cells)


def test_the_runtime_guard_leaves_a_students_own_namesake_alone():
    ns = {"__name__": "__main__"}
    exec("import numpy as np\nfrom helpers.shortcuts import without\n"
         "def correlate1d(x, w):\n    return 'mine'\n"
         "def answer(x, w):\n    return correlate1d(x, w)\n", ns)
    ns["answer"].__module__ = ns["correlate1d"].__module__ = "__main__"
    exec("got = without('correlate1d')(answer)(1, 2)", ns)
    assert ns["got"] == "mine"


def test_a_wheel_built_from_another_helpers_is_named_before_grading(tmp_path):
    """make autograde refuses a release wheel whose helpers/ differ from the repository's (its
    skeletons come from the notebooks here and would run with other code)."""
    root = tmp_path / "repo"
    (root / "helpers").mkdir(parents=True)
    (root / "helpers" / "__init__.py").write_text("")
    (root / "helpers" / "conv.py").write_text("def f():\n    return 1\n")
    wheel = tmp_path / "h-0.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("helpers/__init__.py", "")
        archive.writestr("helpers/conv.py", "def f():\n    return 1\n")
        archive.writestr("h-0.1.dist-info/METADATA", "Name: h\n")
    assert grading.stale_modules(wheel, root) == []
    (root / "helpers" / "conv.py").write_text("def f():\n    return 2\n")
    (root / "helpers" / "new.py").write_text("")
    assert grading.stale_modules(wheel, root) == ["helpers/conv.py", "helpers/new.py"]
