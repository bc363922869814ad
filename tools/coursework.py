#!/usr/bin/env python3
"""Release the notebooks as nbgrader assignments, and autograde filled-in copies.

The notebooks in notebooks/ are the instructor version (answers in). Everything here is done
by nbgrader itself, in a throw-away course directory under build/course:

    python tools/coursework.py release [--out release]  # the student release -> release/
    python tools/coursework.py autograde [FOLDER]       # grade FOLDER/NN-*.ipynb (notebooks/)
    python tools/coursework.py table [--check]          # exercise table in the README

``release`` and ``autograde`` need nbgrader: run them with the instructor's environment
(``make student`` / ``make autograde`` use .venv-instructor); ``table`` needs only nbformat.

Each notebook is its own assignment, named after the file (e.g. ``01-dot-product-neuron``).
``release`` runs ``nbgrader generate_assignment``: solutions become ``raise
NotImplementedError()`` / "YOUR ANSWER HERE", hidden tests disappear, grade cells are locked.
The release folder is self-contained: those student notebooks (and 00-index, which has no
exercises), a wheel of ``helpers`` with the GunPoint data and no notebooks, and a README.md
for the instructor and the students.
``autograde`` runs ``nbgrader autograde`` and prints the automatic points per notebook;
written answers are graded by hand (``nbgrader formgrader``) and are listed separately.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

import generated
from marker_blocks import replace_block
from project_paths import BUILD, NOTEBOOKS, RELEASE, ROOT, notebook_paths
from sliced_poll import poll_in_slices

COURSE = BUILD / "course"
TABLE = "exercises"            # the block <!-- exercises:start --> ... <!-- exercises:end -->


def assignments(folder=NOTEBOOKS):
    """Notebooks that hold exercises (nbgrader cells), as paths."""
    return [p for p in notebook_paths(folder) if exercises(p)]


PROMPT = re.compile(r"\*\*Exercise (\d+) \((\d+) points?(, written)?\)\.\*\*\s*(.*)", re.S)


def exercises(path):
    """The graded exercises of a notebook, in order.

    Returns ``[dict(number, grade_id, points, kind, summary, stated_points), ...]``, one per
    grade cell; ``kind`` is "auto" (a code cell of checks) or "written" (a markdown answer);
    ``summary`` is the first sentence of the exercise's prompt (the markdown cell starting
    ``**Exercise N (P points).**`` before it) and ``stated_points`` the P it announces.
    """
    nb = nbformat.read(path, as_version=4)
    out, prompt = [], None
    for cell in nb.cells:
        match = PROMPT.match(cell.source.strip()) if cell.cell_type == "markdown" else None
        if match:
            prompt = match
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            first = re.split(r"(?<=[.:?])\s", " ".join(prompt.group(4).split()), maxsplit=1)[0] \
                if prompt else ""
            out.append(dict(number=int(prompt.group(1)) if prompt else None,
                            grade_id=meta["grade_id"], points=meta.get("points", 0),
                            kind="auto" if cell.cell_type == "code" else "written",
                            summary=_shorten(first.rstrip(":")),
                            stated_points=int(prompt.group(2)) if prompt else None))
    return out


def _shorten(text, limit=110):
    """Cut ``text`` at a word boundary before ``limit`` characters, never inside $math$ or `code`.

    The cut is at the last space in the first ``limit`` characters that leaves an even number
    of ``$`` and of backticks before it (a text with no space at all may be cut at ``limit``);
    a text with no such place is returned whole: a long row beats broken maths.
    """
    if len(text) <= limit:
        return text
    head = text[:limit]
    places = [i for i, char in enumerate(head) if char == " " and head[:i].strip()]
    for i in reversed(places or [limit]):
        cut = head[:i]
        if cut.count("$") % 2 == 0 and cut.count("`") % 2 == 0:
            return cut + " …"
    return text


def _scripts_on_path():
    """Put this interpreter's scripts folder (e.g. .venv-instructor/bin) on PATH if missing.

    nbgrader runs the ``alembic`` command for its gradebook, found through PATH; without this,
    ``.venv-instructor/bin/python tools/coursework.py`` fails when the venv is not activated.
    """
    scripts = os.path.dirname(sys.executable)
    path = os.environ.get("PATH", "")
    if scripts not in path.split(os.pathsep):
        os.environ["PATH"] = os.pathsep.join([scripts, path]) if path else scripts


def _api(course=COURSE):
    """An NbGraderAPI on the course directory (its gradebook lives there too)."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config import Config
    _scripts_on_path()
    config = Config()
    config.CourseDirectory.root = str(course)
    config.Exchange.root = str(course / "exchange")
    poll_in_slices()             # nbclient under nbgrader: no stall of a whole timeout
    config.ExecutePreprocessor.timeout = 120     # seconds per cell
    config.Execute.timeout = 120
    return NbGraderAPI(config=config)


def _fresh_course(course, paths):
    """A course directory whose source/ holds one assignment folder per notebook."""
    shutil.rmtree(course, ignore_errors=True)
    for path in paths:
        folder = course / "source" / path.stem
        folder.mkdir(parents=True)
        shutil.copy(path, folder / path.name)


def _check(result, what):
    if not result["success"]:
        raise SystemExit(f"nbgrader {what} failed:\n{result.get('error') or result.get('log')}")


PROJECT = ["pyproject.toml", "README.md", "LICENSE", "helpers", "data"]   # what the build reads
RELEASE_TITLE = "# Student release: 1-D convolution as matrix multiplication"


def copy_project(src):
    """Copy the files a build of the package reads into the new folder ``src``; return it."""
    src = Path(src)
    src.mkdir(parents=True)
    for name in PROJECT:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(ROOT / name, src / name)
    return src


def build_wheel(out):
    """Build the ``helpers`` wheel (package data: GunPoint; no notebooks) into ``out``.

    Built from a copy of the files the build reads, so nothing is written into the repository
    (no build/ or egg-info). With setuptools >= 77 in this environment the build is offline;
    otherwise pip fetches the build backend pyproject.toml asks for, as any pip build does.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = copy_project(Path(tmp) / "src")
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
               "--wheel-dir", str(out), str(src)]
        if _has_setuptools(77):
            cmd[5:5] = ["--no-build-isolation", "--no-index"]
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        done = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if done.returncode:
            raise SystemExit(f"building the helpers wheel failed:\n{done.stdout}{done.stderr}")
    wheels = sorted(out.glob("*.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"expected one wheel in {out}, found {[w.name for w in wheels]}")
    return wheels[0]


def _has_setuptools(major):
    try:
        import setuptools
    except ImportError:
        return False
    return int(setuptools.__version__.split(".")[0]) >= major


def release_readme(notebooks, wheel):
    """The release folder's README.md: how to install, open, answer and submit."""
    listing = "\n".join(f"- `{p.name}`" for p in notebooks)
    return f"""{RELEASE_TITLE}

This folder is the **student version** of the notebook series "How a CNN uses convolution in
place of matrix multiplication" (1-D): the notebooks with the answers and hidden tests taken
out by nbgrader, and the `helpers` package the notebooks import, as a wheel (with the GunPoint
data set it loads). Nothing here contains a solution.

{listing}
- `{wheel.name}`
- `README.md` (this file)

## Students: install once, in a fresh environment

Python 3.10 or newer. In this folder:

```bash
python3 -m venv .venv
# helpers, with numpy, matplotlib, ipywidgets, JupyterLab, nbval and pytest:
.venv/bin/python -m pip install "./{wheel.name}[reader]"
.venv/bin/jupyter lab 00-index.ipynb
```

(On Windows: `.venv\\Scripts\\python` and `.venv\\Scripts\\jupyter`. With conda: create an
environment with python, then `pip install "./{wheel.name}[reader]"` in it.)

## Students: answer and submit

Each notebook after the index ends in **Exercises**. Replace `raise NotImplementedError()` (or
"YOUR ANSWER HERE") in the answer cells with your answer and run the check cell below it: a
failure tells you what is wrong (a type, a shape, the first wrong entry, a hint) without
giving the answer away. Some checks are hidden and run only when your notebook is graded;
where an exercise asks you to write something *without* a given function, calling it fails.
Do not edit or delete the check cells. Save the notebook under its own name and hand it in
the way your course says (e.g. nbgrader's Assignments tab or upload).

## Instructors

Generated by `make student` in the course repository (nbgrader's `generate_assignment`, one
assignment per notebook, named after the file: `01-dot-product-neuron`, ...). Give students
this folder (or release the notebooks with `nbgrader release_assignment` and hand out the
wheel with them). Grade submissions with `make autograde SUBMISSION=folder` in the
repository, or with nbgrader's `collect`, `autograde` and `formgrader` (written answers are
graded by hand); nbgrader needs only to be installed where you grade, never in the students'
environment.
"""


def release(out=RELEASE, course=COURSE, folder=NOTEBOOKS):
    """Write the student release to ``out``; return the paths of its notebooks.

    ``out`` is emptied first (it must be empty or an earlier release). It receives the
    student version of every notebook with exercises, ``00-index.ipynb`` (no exercises, no
    answers), the ``helpers`` wheel and a README.md.
    """
    paths = assignments(folder)
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        readme = out / "README.md"
        if not (readme.exists() and readme.read_text().startswith(RELEASE_TITLE)):
            raise SystemExit(f"{out} is not empty and not an earlier release: not touching it")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    _fresh_course(course, paths)
    api = _api(course)
    written = []
    index = Path(folder) / "00-index.ipynb"
    if index.exists():
        shutil.copy(index, out / index.name)
        written.append(out / index.name)
    for path in paths:
        _check(api.generate_assignment(path.stem, force=True), f"generate_assignment {path.stem}")
        shutil.copy(course / "release" / path.stem / path.name, out / path.name)
        written.append(out / path.name)
    wheel = build_wheel(out)
    (out / "README.md").write_text(release_readme(written, wheel))
    return written


def autograde(submission=NOTEBOOKS, student="submission", course=COURSE, folder=NOTEBOOKS):
    """Autograde ``submission/NN-*.ipynb`` against the instructor notebooks in ``folder``.

    Returns ``{notebook: (auto_score, auto_max, written_max)}``.
    """
    paths = assignments(folder)
    _fresh_course(course, paths)
    api = _api(course)
    scores = {}
    for path in paths:
        _check(api.generate_assignment(path.stem, force=True), f"generate_assignment {path.stem}")
        filled = Path(submission) / path.name
        if not filled.exists():
            continue
        target = course / "submitted" / student / path.stem
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(filled, target / path.name)
        _check(api.autograde(path.stem, student, force=True, create=True), f"autograde {path.stem}")
        scores[path.name] = _scores(api, path, student)
    return scores


def _scores(api, path, student):
    from nbgrader.api import Gradebook
    with Gradebook(api.coursedir.db_url) as gb:
        nb = gb.find_submission_notebook(path.stem, path.stem, student)
        auto = [g for g in nb.grades if not g.needs_manual_grade]
        written = [g for g in nb.grades if g.needs_manual_grade]
        return (sum(g.score for g in auto), sum(g.max_score for g in auto),
                sum(g.max_score for g in written))


def exercise_table(folder=NOTEBOOKS):
    """Markdown table: one row per exercise, with its notebook, summary, kind and points.

    Without the markers: :func:`stale_tables` puts it between them.
    """
    rows = ["| Notebook | Exercise | Graded | Points |", "|---|---|---|---|"]
    totals = {"auto": 0, "written": 0}
    for path in assignments(folder):
        for ex in exercises(path):
            totals[ex["kind"]] += ex["points"]
            kind = "automatically" if ex["kind"] == "auto" else "by hand (written)"
            rows.append(f"| {path.stem[:2]} | {ex['number']}. {ex['summary']} | {kind} | "
                        f"{ex['points']} |")
    rows.append(f"| | **total** | **{totals['auto']}** automatic + **{totals['written']}** "
                f"by hand | **{sum(totals.values())}** |")
    return "\n".join(rows)


def stale_tables(write=False):
    """README.md when its exercise table is out of date (rewritten when ``write``)."""
    table = exercise_table()
    stale = []
    readme = ROOT / "README.md"
    new = replace_block(readme.read_text(), TABLE, table, where="README.md")
    if new != readme.read_text():
        stale.append("README.md")
        if write:
            readme.write_text(new)
    return stale


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("release", help="write the student version of every notebook")
    r.add_argument("--out", default=str(RELEASE))
    r.add_argument("--course", default=str(COURSE), help="nbgrader's throw-away course folder")
    g = sub.add_parser("autograde", help="grade filled-in notebooks")
    g.add_argument("folder", nargs="?", default=str(NOTEBOOKS))
    g.add_argument("--course", default=str(COURSE), help="nbgrader's throw-away course folder")
    g.add_argument("--json", action="store_true",
                   help="print {notebook: [auto score, auto max, written max]} as JSON")
    t = sub.add_parser("table", help="write the exercise table into the README")
    t.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    if args.command == "release":
        out = Path(args.out).resolve()
        release(out, course=Path(args.course).resolve())
        for path in sorted(out.iterdir()):
            print(f"released {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    elif args.command == "autograde" and args.json:
        scores = autograde(Path(args.folder).resolve(), course=Path(args.course).resolve())
        print(json.dumps(scores))
    elif args.command == "autograde":
        total = [0, 0, 0]
        print(f"{'notebook':45} {'auto points':>12} {'written (by hand)':>18}")
        for name, (score, best, written) in autograde(
                args.folder, course=Path(args.course).resolve()).items():
            total = [total[0] + score, total[1] + best, total[2] + written]
            print(f"{name:45} {score:>5g} / {best:<5g} {written:>12g}")
        print(f"{'total':45} {total[0]:>5g} / {total[1]:<5g} {total[2]:>12g}")
    else:
        try:
            stale = stale_tables(write=not args.check)
        except ValueError as err:                    # README.md lost its markers
            raise SystemExit(str(err)) from None
        return generated.report(stale, args.check, "exercise tables", "nav")
    return 0


if __name__ == "__main__":
    sys.exit(main())
