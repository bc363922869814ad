"""Wrong and right answers to every code exercise, one module per notebook (``NN.py``).

Each module names its notebook and holds two dicts keyed by the solution cell's grade_id::

    NOTEBOOK = "01-dot-product-neuron"
    WRONG = {"ex1-solution": [(right, wrong, message), ...]}
    RIGHT = {"ex1-solution": [(right, variant), ...]}

For each WRONG entry, ``right`` (text of the instructor's solution cell) is replaced by
``wrong`` (a typical student mistake: a flipped kernel, an off-by-one length, a forbidden
shortcut ...); the exercise's grade cell must then fail with an error whose text contains
``message`` — the hint that sends the student the right way. For each RIGHT entry, the
solution with ``right`` replaced by ``variant`` (a correct answer written differently from
the key) must pass. tests/test_wrong_answers.py runs them through the same grade cells
nbgrader runs, and fails when a code exercise has fewer than its minimum of wrong answers.

One module per notebook, so that several people can each own one notebook's answers.
"""
import importlib
from pathlib import Path

MISTAKES = {}   # notebook stem -> {solution grade_id: [(right, wrong, message), ...]}
VARIANTS = {}   # notebook stem -> {solution grade_id: [(right, variant), ...]}

for _path in sorted(Path(__file__).parent.glob("[0-9][0-9].py")):
    _module = importlib.import_module(f"{__name__}.{_path.stem}")
    MISTAKES[_module.NOTEBOOK] = {gid: list(entries) for gid, entries in _module.WRONG.items()}
    VARIANTS[_module.NOTEBOOK] = {gid: list(entries)
                                  for gid, entries in getattr(_module, "RIGHT", {}).items()}
