"""tools/: the marker-block helper, coursework's _shorten, its PATH set-up and its hints."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import coursework
import navigation
import requirements
from marker_blocks import block, has_block, markers, replace_block
from project_paths import ROOT, TOOLS

# --- marker_blocks -------------------------------------------------------------------------

def test_markers_and_block():
    assert markers("contents") == ("<!-- contents:start -->", "<!-- contents:end -->")
    assert block("x", "a\nb") == "<!-- x:start -->\na\nb\n<!-- x:end -->"
    assert block("x", "") == "<!-- x:start -->\n<!-- x:end -->"


def test_replace_block_keeps_the_markers_and_the_text_around_them():
    text = "intro\n<!-- t:start -->\nold\nrows\n<!-- t:end -->\noutro"
    new = replace_block(text, "t", "new")
    assert new == "intro\n<!-- t:start -->\nnew\n<!-- t:end -->\noutro"
    assert replace_block(new, "t", "new") == new                       # idempotent
    assert replace_block(new, "t", "old\nrows") == text                # and reversible


def test_replace_block_fills_every_block_of_that_name_and_no_other():
    text = ("<!-- a:start -->1<!-- a:end --> <!-- b:start -->2<!-- b:end --> "
            "<!-- a:start --><!-- a:end -->")
    assert replace_block(text, "a", "X") == (
        "<!-- a:start -->\nX\n<!-- a:end --> <!-- b:start -->2<!-- b:end --> "
        "<!-- a:start -->\nX\n<!-- a:end -->")


def test_replace_block_inserts_the_body_literally():
    body = r"$\mathrm{relu}(XW + b)$ | \1 \g<0> .*"                   # regex syntax stays text
    assert body in replace_block("<!-- t:start --><!-- t:end -->", "t", body)


@pytest.mark.parametrize("text", ["no markers", "<!-- t:start --> only a start",
                                  "<!-- t:end --> end first <!-- t:start -->"])
def test_replace_block_without_a_block_names_the_file_and_the_markers(text):
    assert not has_block(text, "t")
    with pytest.raises(ValueError, match=r"README\.md: no <!-- t:start --> \.\.\. <!-- t:end -->"):
        replace_block(text, "t", "body", where="README.md")


def test_navigation_and_coursework_use_the_shared_helper():
    for module in (navigation, coursework):
        source = Path(module.__file__).read_text()
        assert "from marker_blocks import" in source and "re.escape" not in source, module


# --- coursework._shorten (run in a subprocess: a regression must fail, not hang) -----------

def shorten_in_a_subprocess(cases, timeout=60):
    """``[_shorten(text, limit) for text, limit in cases]``, computed in a child process."""
    code = ("import json, sys\nfrom coursework import _shorten\n"
            "print(json.dumps([_shorten(t, n) for t, n in json.load(sys.stdin)]))")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(TOOLS),
                                                       os.environ.get("PYTHONPATH", "")]))
    try:
        done = subprocess.run([sys.executable, "-c", code], input=json.dumps(cases), env=env,
                              capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail(f"_shorten did not return within {timeout} s on one of {cases!r}")
    return json.loads(done.stdout)


def test_shorten_returns_on_texts_it_cannot_cut_safely():
    cases = [("$" + "a" * 200, 110),                   # odd $, no space: the hang of issue 13
             ("`" + "a" * 200, 110),                   # the same with a backtick
             ("$" + "a " * 100, 110),                  # odd $ before every space
             ("x $" + "a" * 200, 110)]                 # the only safe cut leaves "x"
    got = shorten_in_a_subprocess(cases)
    assert got[0] == cases[0][0] and got[1] == cases[1][0] and got[2] == cases[2][0]
    assert got[3] == "x …"


def test_shorten_cuts_at_a_word_boundary_outside_maths_and_code():
    words = "one two three four five six seven eight nine ten"
    maths = "Compute $A = \\mathrm{relu}(XW + b)$ of a dense layer for a batch of inputs"
    code = "Use `np.convolve(x, w, 'full')` and nothing else here at all"
    got = shorten_in_a_subprocess([(words, 100), (words, 20), (maths, 30), (code, 25),
                                   ("a" * 30, 10)])
    assert got[0] == words                                           # short enough: unchanged
    assert got[1] == "one two three four …"
    assert got[2] == "Compute …"                                     # not inside $...$
    assert got[3] == "Use …"                                         # not inside `...`
    assert got[4] == "a" * 10 + " …"                                 # one long word: cut in it


def test_shorten_keeps_the_exercise_table_rows_whole_in_maths():
    for path in coursework.assignments():
        for ex in coursework.exercises(path):
            summary = ex["summary"]
            assert summary.count("$") % 2 == 0 and summary.count("`") % 2 == 0, summary


# --- coursework's PATH set-up and hints ----------------------------------------------------

def test_scripts_folder_is_put_on_path_once(monkeypatch):
    scripts = os.path.dirname(sys.executable)
    monkeypatch.setenv("PATH", os.pathsep.join(["/usr/bin", "/bin"]))
    coursework._scripts_on_path()
    coursework._scripts_on_path()
    parts = os.environ["PATH"].split(os.pathsep)
    assert parts == [scripts, "/usr/bin", "/bin"]
    monkeypatch.setenv("PATH", os.pathsep.join(["/bin", scripts]))
    coursework._scripts_on_path()
    assert os.environ["PATH"].split(os.pathsep) == ["/bin", scripts]


def make_targets():
    """``{target: recipe text}`` of the Makefile's plain targets."""
    text = (ROOT / "Makefile").read_text()
    targets = {}
    for match in re.finditer(r"^([\w.-]+):[^=\n]*\n((?:\t.*\n?)*)", text, re.M):
        targets[match.group(1)] = match.group(2)
    return targets


@pytest.mark.parametrize("module,stale,args,script", [
    (coursework, "stale_tables", ["table", "--check"], "tools/coursework.py table"),
    (navigation, "stale", ["--check"], "tools/navigation.py"),
    (requirements, "stale", ["--check"], "tools/requirements.py"),
], ids=["exercise-table", "navigation", "requirements"])
def test_a_stale_hint_names_a_make_target_that_rewrites_it(monkeypatch, capsys, module, stale,
                                                           args, script):
    monkeypatch.setattr(module, stale, lambda write=False: ["README.md"])
    assert module.main(args) == 1
    hint = capsys.readouterr().err
    target = re.search(r"make (\w+)", hint).group(1)
    assert script in make_targets()[target], hint
