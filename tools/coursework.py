#!/usr/bin/env python3
"""Release the notebooks as nbgrader assignments, grade a class, keep the exercise table.

The notebooks in notebooks/ are the instructor version (answers in). nbgrader does the work:

    python tools/coursework.py release [--out release]    # make student: the student release
    python tools/coursework.py autograde SUBMISSIONS      # make autograde: grade a class
    python tools/coursework.py grades                     # make grades: grades.csv again
    python tools/coursework.py table [--check]            # exercise table in the README

``release``, ``autograde`` and ``grades`` need nbgrader: run them with the instructor's
environment (the make targets use .venv-instructor); ``table`` needs only nbformat.

Each notebook is its own assignment, named after the file (e.g. ``01-dot-product-neuron``).
``release`` runs ``nbgrader generate_assignment`` in a throw-away course folder: solutions
become ``raise NotImplementedError()`` / "YOUR ANSWER HERE", hidden tests disappear, grade
cells are locked; the assignments go into the class's gradebook in the grading folder
(build/grading, tools/grading.py). The release folder is self-contained: the student
notebooks (and those without exercises: 00-index, conventions), a wheel of ``helpers`` with
the GunPoint data and no notebooks, and a README.md for the instructor and the students.
``autograde`` is tools/grading.py: a class graded into that one gradebook.
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
from grading import GRADING, cell_grades, prepare as grading_prepare, report_class, write_grades
from marker_blocks import replace_block
from project_paths import NOTEBOOKS, RELEASE, ROOT, notebook_paths
from sliced_poll import poll_in_slices
from student_release import RELEASE_TITLE, release_readme

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


def nbgrader_config(course):
    """nbgrader's configuration for a course folder; its gradebook is ``course``/gradebook.db."""
    from traitlets.config import Config
    _scripts_on_path()
    config = Config()
    config.CourseDirectory.root = str(course)
    config.CourseDirectory.db_url = f"sqlite:///{Path(course).resolve() / 'gradebook.db'}"
    config.Exchange.root = str(Path(course) / "exchange")
    poll_in_slices()             # nbclient under nbgrader: no stall of a whole timeout
    config.Execute.timeout = 120     # seconds per cell
    return config


def make_assignments(paths, grading, release_to=None):
    """``nbgrader generate_assignment`` of each notebook, into the gradebook of ``grading``.

    Runs in a throw-away course folder (the instructor notebooks never enter ``grading``);
    the student versions are copied to ``release_to`` if given. Returns them.
    """
    from nbgrader.apps import NbGraderAPI
    written = []
    Path(grading).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp)
        for path in paths:
            (course / "source" / path.stem).mkdir(parents=True)
            shutil.copy(path, course / "source" / path.stem / path.name)
        config = nbgrader_config(course)
        config.CourseDirectory.db_url = nbgrader_config(grading).CourseDirectory.db_url
        api = NbGraderAPI(config=config)
        for path in paths:
            _check(api.generate_assignment(path.stem, force=True),
                   f"generate_assignment {path.stem}")
            if release_to is not None:
                shutil.copy(course / "release" / path.stem / path.name, Path(release_to))
                written.append(Path(release_to) / path.name)
    return written


def _check(result, what):
    if not result["success"]:
        raise SystemExit(f"nbgrader {what} failed:\n{result.get('log')}\n{result.get('error')}")


PROJECT = ["pyproject.toml", "README.md", "LICENSE", "helpers", "data"]   # what the build reads


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


def release(out=RELEASE, grading=GRADING, folder=NOTEBOOKS):
    """Write the student release to ``out`` and the class's gradebook to ``grading``.

    ``out`` is emptied first (it must be empty or an earlier release). It receives the
    student version of every notebook with exercises, the notebooks without exercises
    (``00-index.ipynb``, ``conventions.ipynb``: no answers), the ``helpers`` wheel and a
    README.md. Returns the paths of its notebooks.
    """
    paths = assignments(folder)
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        readme = out / "README.md"
        if not (readme.exists() and readme.read_text().startswith(RELEASE_TITLE)):
            raise SystemExit(f"{out} is not empty and not an earlier release: not touching it")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for plain in sorted(Path(folder).glob("*.ipynb")):
        if plain not in paths:
            shutil.copy(plain, out / plain.name)
            written.append(out / plain.name)
    written += make_assignments(paths, grading, release_to=out)
    wheel = build_wheel(out)
    (out / "README.md").write_text(release_readme(written, wheel))
    grading_prepare(grading, paths, out, fresh=True)
    return written


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
    g = sub.add_parser("autograde", help="grade a class's submissions (tools/grading.py)")
    g.add_argument("submissions", help="a folder with one folder per student")
    g.add_argument("--release", default=str(RELEASE), help="make student's output (the wheel)")
    g.add_argument("--jobs", type=int, default=2, help="notebooks graded at a time")
    c = sub.add_parser("grades", help="rewrite grades.csv from the gradebook (after formgrader)")
    c.add_argument("--json", action="store_true", help="print every grade cell's score too")
    for p in (r, g, c):
        p.add_argument("--grading", default=str(GRADING), help="the class's grading folder")
    t = sub.add_parser("table", help="write the exercise table into the README")
    t.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    if args.command == "release":
        out = Path(args.out).resolve()
        release(out, grading=Path(args.grading).resolve())
        for path in sorted(out.iterdir()):
            print(f"released {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    elif args.command == "autograde":
        return report_class(args, assignments())
    elif args.command == "grades":
        names = [p.stem for p in assignments()]
        write_grades(Path(args.grading).resolve(), names)
        if args.json:
            print(json.dumps(cell_grades(Path(args.grading).resolve(), names)))
    else:
        try:
            stale = stale_tables(write=not args.check)
        except ValueError as err:                    # README.md lost its markers
            raise SystemExit(str(err)) from None
        return generated.report(stale, args.check, "exercise tables", "nav")
    return 0


if __name__ == "__main__":
    sys.exit(main())
