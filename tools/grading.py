"""Grade a class with nbgrader, in a folder that holds no instructor notebook.

    python tools/coursework.py autograde SUBMISSIONS [--grading build/grading]

SUBMISSIONS holds one folder per student, with the notebooks either directly in it
(``alice/01-dot-product-neuron.ipynb``) or in nbgrader's collected layout, one folder per
assignment (``alice/01-dot-product-neuron/01-dot-product-neuron.ipynb``, what ``nbgrader
collect`` and ``zip_collect`` write under submitted/). The grading folder keeps, between calls:

- ``gradebook.db``: nbgrader's gradebook, one for the class (the assignments are made by
  ``make student``, or here when they are missing or the notebooks changed);
- ``release/``: the student notebooks, the skeleton each submission is graded in (every cell
  but the answer cells is the release's: a student's edits elsewhere and added cells do not
  run); ``rules.json``: each exercise's forbidden names and the names its checks read;
- ``env/``, ``share/``: the kernel, with ``helpers`` from the release wheel (grading_env.py);
- ``received/<student>/``: the notebooks as handed in; nbgrader's ``submitted/``,
  ``autograded/`` and ``feedback/<student>/<assignment>/*.html``; ``grades.csv``: automatic
  points per notebook; written answers are left to ``nbgrader formgrader`` and listed apart,
  never as automatic points.

Each answer cell is judged by tools/answer_rules.py before anything runs; one that breaks a
rule is replaced by a cell that fails with the rule's name (its grade cell then scores 0).
Two notebooks are graded at a time. A missing or misnamed notebook is reported by name and the
command fails (the rest is still graded).
"""
import csv
import hashlib
import json
import os
import shutil
import sys
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

import answer_rules
import grade_cells
from grading_env import KERNEL, grading_kernel, kernel_server
from project_paths import BUILD, ROOT

GRADING = BUILD / "grading"
SLOW_FIRST = ("08", "09", "03", "05", "04", "02", "01", "06", "07")  # measured, longest first


def exercise_rules(path):
    """What tools/answer_rules.py needs, read from an instructor notebook (never a submission):
    ``{"protected": names its grade cells read, solution grade_id: {"shortcuts": the
    exercise's forbidden names, "own": names its key binds, "waived": names the key uses}}``.
    No answer is kept (the grading folder holds no solution)."""
    nb = nbformat.read(path, as_version=4)
    cells = [(c, c.metadata.get("nbgrader", {})) for c in nb.cells]
    checks = [c.source for c, m in cells if m.get("grade") and c.cell_type == "code"]
    out = {"protected": sorted(set().union(set(), *map(grade_cells.free_names, checks)))}
    for i, (cell, meta) in enumerate(cells):
        if meta.get("solution") and cell.cell_type == "code":
            grade = next((c.source for c, m in cells[i + 1:]
                          if m.get("grade") and c.cell_type == "code"), "")
            out[meta["grade_id"]] = dict(
                shortcuts=list(grade_cells.shortcuts_of(grade)),
                own=sorted(grade_cells.top_level_bindings(cell.source)),
                waived=sorted(grade_cells.uses_names(cell.source) & answer_rules.WAIVED_BY_KEY))
    return out


def judge(source, rules, grade_id):
    """The rules an answer cell breaks (strings), from ``rules`` (:func:`exercise_rules`)."""
    ex = rules[grade_id]
    return [str(v) for v in answer_rules.violations(source, ex["shortcuts"], rules["protected"],
                                                     ex["own"], ex["waived"])]


def refusal(broken):
    """The cell that runs instead of an answer that broke a rule: it fails, naming the rule."""
    text = ("This answer was not run: it breaks the coursework's rules, so its checks score 0.\n"
            + "\n".join(f"  {b}" for b in broken))
    return f"raise AssertionError({text!r})\n"


def compose(release_path, submitted_path, rules):
    """The notebook to grade: the release's cells with the submission's answer cells in them.

    Returns ``(notebook, {grade_id: [broken rules]}, missing grade_ids)``.
    """
    nb = nbformat.read(release_path, as_version=4)
    try:
        sub = nbformat.read(submitted_path, as_version=4)
        answers = {c.metadata["nbgrader"]["grade_id"]: c for c in sub.cells
                   if c.metadata.get("nbgrader", {}).get("solution")}
    except Exception:                  # not a notebook at all: every answer is missing
        answers = {}
    broken, missing = {}, []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("solution"):
            continue
        gid = meta["grade_id"]
        answer = answers.get(gid)
        if answer is None or answer.cell_type != cell.cell_type:
            missing.append(gid)
            continue
        cell.source = answer.source
        if cell.cell_type == "code" and gid in rules:
            broken[gid] = judge(answer.source, rules, gid)
            if broken[gid]:
                cell.source = refusal(broken[gid])
    return nb, {g: b for g, b in broken.items() if b}, missing


def find_submissions(folder, assignments):
    """``({student: {assignment: path}}, [problems])`` for a class folder (module docstring)."""
    found, problems = {}, []
    students = sorted(p for p in Path(folder).iterdir() if p.is_dir())
    if not students:
        problems.append(f"{folder}: no student folders")
    for student in students:
        files = {}
        for path in sorted(student.rglob("*.ipynb")):
            if ".ipynb_checkpoints" in path.parts:
                continue
            stem = path.stem
            if stem in assignments and path.parent in (student, student / stem):
                files[stem] = path
            else:
                problems.append(f"{student.name}: {path.relative_to(student)} is not one of the "
                                f"notebooks (expected names like {assignments[0]}.ipynb)")
        problems += [f"{student.name}: {a}.ipynb is missing" for a in assignments
                     if a not in files]
        found[student.name] = files
    return found, problems


def _digest(paths):
    return hashlib.sha256(b"".join(Path(p).read_bytes() for p in paths)).hexdigest()


def prepare(grading, instructor_paths, release_dir, fresh=False):
    """Make the grading folder current: gradebook assignments, release skeletons, rules, kernel.

    ``release_dir`` holds the wheel (``make student``'s output); ``fresh``: its student
    notebooks were just made into this gradebook. When the instructor notebooks changed since
    the last call, the assignments are made again.
    """
    import coursework
    grading = Path(grading)
    (grading / "release").mkdir(parents=True, exist_ok=True)
    stamp = grading / "notebooks.sha256"
    digest = _digest(instructor_paths)
    if not (stamp.exists() and stamp.read_text() == digest):
        if fresh:
            for path in instructor_paths:
                shutil.copy(Path(release_dir) / path.name, grading / "release" / path.name)
        else:
            coursework.make_assignments(instructor_paths, grading, grading / "release")
        stamp.write_text(digest)
    rules = {p.stem: exercise_rules(p) for p in instructor_paths}       # (cheap: every time)
    (grading / "rules.json").write_text(json.dumps(rules, indent=1))
    wheels = sorted(Path(release_dir).glob("*.whl"))
    return grading_kernel(wheels[-1], grading)


def api(grading):
    """An NbGraderAPI on the grading folder, its kernel the release wheel's; the feedback's
    HTML templates are compiled once, not once a notebook (0.85 s each, measured), and kept
    in ``grading``/templates.cache."""
    from jinja2 import FileSystemBytecodeCache
    from nbconvert.exporters import HTMLExporter
    from nbgrader.apps import NbGraderAPI

    import coursework

    cache = Path(grading) / "templates.cache"
    cache.mkdir(parents=True, exist_ok=True)

    class FeedbackExporter(HTMLExporter):
        def _create_environment(self):
            environment = super()._create_environment()
            environment.bytecode_cache = FileSystemBytecodeCache(str(cache))
            return environment

    config = coursework.nbgrader_config(grading)
    config.Execute.kernel_name = KERNEL
    config.GenerateFeedback.exporter_class = FeedbackExporter
    return NbGraderAPI(config=config)


def _grade_one(job):
    """Worker: nbgrader autograde and generate_feedback of one (student, assignment)."""
    grading, student, assignment, share = job
    os.environ.pop("PYTHONPATH", None)        # a clone's helpers/ must not reach the kernel
    os.environ["JUPYTER_PATH"] = str(share)
    nbgrader = api(Path(grading))
    result = nbgrader.autograde(assignment, student, force=True, create=False)
    if result["success"]:
        result = nbgrader.generate_feedback(assignment, student, force=True)
    return student, assignment, result["success"], result.get("error") or ""


def receive(grading, found, names, share):
    """Copy each student's notebooks in (as handed in, and composed for grading: compose);
    return the grading jobs and the problems found (missing answer cells, broken rules)."""
    rules = json.loads((grading / "rules.json").read_text())
    jobs_list, problems = [], []
    for student, files in found.items():
        for name in (n for n in names if n in files):
            target, kept = grading / "submitted" / student / name, grading / "received" / student
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            kept.mkdir(parents=True, exist_ok=True)
            shutil.copy(files[name], kept / f"{name}.ipynb")        # as handed in
            nb, broken, missing = compose(grading / "release" / f"{name}.ipynb",
                                          files[name], rules[name])
            nbformat.write(nb, target / f"{name}.ipynb")
            problems += [f"{student}: {name} {gid} not graded, it breaks a rule: {'; '.join(b)}"
                         for gid, b in broken.items()]
            problems += [f"{student}: {name} has no answer cell {gid}" for gid in missing]
            jobs_list.append((str(grading), student, name, str(share)))
    jobs_list.sort(key=lambda j: SLOW_FIRST.index(j[2][:2]) if j[2][:2] in SLOW_FIRST else 99)
    return jobs_list, problems


def grade_class(submissions, instructor_paths, release_dir, grading=GRADING, jobs=2):
    """Grade every student of ``submissions``; return ``(scores, problems)``.

    ``scores`` is {student: {assignment: (auto, auto_max, written, written_max)}} for the
    students graded now; ``problems`` lists missing or misnamed notebooks and refused answers.
    """
    from nbgrader.api import Gradebook
    grading = Path(grading)
    share = prepare(grading, instructor_paths, release_dir)
    names = [p.stem for p in instructor_paths]
    found, problems = find_submissions(submissions, names)
    with kernel_server(share):         # (its imports overlap with the set-up below)
        with Gradebook(api(grading).coursedir.db_url) as gb:
            for student in found:
                gb.update_or_create_student(student)
        jobs_list, more = receive(grading, found, names, share)
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for student, name, ok, error in pool.map(_grade_one, jobs_list):
                if not ok:
                    raise SystemExit(f"nbgrader failed on {student}/{name}:\n{error}")
    scores = write_grades(grading, names)
    return {s: scores[s] for s in found}, problems + more


def write_grades(grading, names):
    """grades.csv from the gradebook, for every student in it; returns the scores written.

    Columns: student, then per notebook its automatic points (empty: not handed in), then the
    totals: automatic points and their maximum (every notebook's), written points graded by
    hand so far and their maximum. Scores are {student: {assignment: (auto, auto_max,
    written, written_max)}} for the notebooks handed in.
    """
    from nbgrader.api import Gradebook, MissingEntry
    scores, best = {}, {}
    with Gradebook(api(grading).coursedir.db_url) as gb:
        for name in names:
            nb = gb.find_notebook(name, name)
            best[name] = (nb.max_code_score, nb.max_written_score)
        for student in sorted(s.id for s in gb.students):
            scores[student] = {}
            for name in names:
                try:
                    nb = gb.find_submission_notebook(name, name, student)
                except MissingEntry:
                    continue
                scores[student][name] = (nb.code_score, nb.max_code_score, nb.written_score,
                                         nb.max_written_score)
    with open(Path(grading) / "grades.csv", "w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["student"] + names + ["auto", "auto_max", "written", "written_max"])
        for student, per in scores.items():
            writer.writerow([student] + [per[n][0] if n in per else "" for n in names] + [
                sum(v[0] for v in per.values()), sum(b[0] for b in best.values()),
                sum(v[2] for v in per.values()), sum(b[1] for b in best.values())])
    return scores


def cell_grades(grading, names):
    """{student: {assignment: {grade_id: [score, max_score, cell_type, needs_manual_grade]}}}
    from the gradebook (``coursework.py grades --json``)."""
    from nbgrader.api import Gradebook
    out = {}
    with Gradebook(api(grading).coursedir.db_url) as gb:
        for student in gb.students:
            for sub in student.submissions:
                for nb in sub.notebooks:
                    out.setdefault(student.id, {})[nb.name] = {
                        g.name: [g.score, g.max_score, g.cell.cell_type, g.needs_manual_grade]
                        for g in nb.grades}
    return {s: {n: per[n] for n in names if n in per} for s, per in out.items()}


def stale_modules(wheel, root=ROOT):
    """The modules of helpers/ that differ between ``wheel`` and the folder ``root``, or are
    in only one of them: the grading skeletons come from the notebooks here, and they must
    run with the helpers they were written for."""
    with zipfile.ZipFile(wheel) as archive:
        inside = {n: archive.read(n) for n in archive.namelist()
                  if n.startswith("helpers/") and n.endswith(".py")}
    here = {p.relative_to(root).as_posix(): p.read_bytes()
            for p in (Path(root) / "helpers").rglob("*.py")}
    return sorted(n for n in inside.keys() | here.keys() if inside.get(n) != here.get(n))


def report_class(args, instructor_paths):
    """``coursework.py autograde``: grade the class, print its table and problems (stderr);
    return 1 if a notebook was missing or misnamed."""
    grading, release_dir = Path(args.grading).resolve(), Path(args.release).resolve()
    wheels = sorted(release_dir.glob("*.whl"))
    if not wheels:
        raise SystemExit(f"{release_dir} holds no helpers wheel: run `make student` first")
    stale = stale_modules(wheels[-1])
    if stale:
        raise SystemExit(f"{wheels[-1].name} was built from another helpers/ than this one "
                         f"({', '.join(stale[:4])}{', ...' if len(stale) > 4 else ''}): run "
                         f"`make student` again, so the notebooks graded and the helpers they "
                         f"run with agree")
    scores, problems = grade_class(Path(args.submissions), instructor_paths, release_dir,
                                   grading=grading, jobs=args.jobs)
    print(f"{'student':24} {'auto points':>12} {'written (by hand)':>18}")
    for student, per in scores.items():
        auto, best, _, written = (sum(v[i] for v in per.values()) for i in range(4))
        print(f"{student:24} {auto:>5g} / {best:<5g} {written:>12g}")
    print(f"grades: {grading / 'grades.csv'}; feedback: {grading / 'feedback'}; written "
          f"answers: `make formgrader`, then `make grades`")
    for problem in problems:
        print(f"PROBLEM {problem}", file=sys.stderr)
    missing = [p for p in problems if "breaks a rule" not in p]
    return 1 if missing else 0
