"""Answers that try to get the points without doing the work, one module per notebook
(``NN.py``), each a whole answer cell as a student would hand it in::

    NOTEBOOK = "02-sliding-window-feature-maps"
    BYPASS = {"ex1-solution": [(kind, cell, rule), ...]}

``kind`` names the trick (issue 22's list: a default argument, a closure, ``__wrapped__``,
numpy internals, ``eval``/``exec``, the traceback of ``ForbiddenShortcut``, stride tricks,
``np.fft``, a forbidden helper, rebinding or rewriting a check, an IPython hook, the answers on
disk, a string-built lookup, ``sys.modules``, ...); ``cell`` replaces the whole answer cell;
``rule`` is text the rule it breaks must contain (tools/answer_rules.py). Each must score 0:
tests/test_coursework.py judges every one in-process, and tests/test_release.py grades them
through ``make autograde``'s path (students ``cheat`` and ``cheat2``: entry 0 and 1 of each
exercise), where the feedback names the rule.
"""
import importlib
from pathlib import Path

BYPASSES = {}   # notebook stem -> {solution grade_id: [(kind, cell, rule), ...]}

for _path in sorted(Path(__file__).parent.glob("[0-9][0-9].py")):
    _module = importlib.import_module(f"{__name__}.{_path.stem}")
    BYPASSES[_module.NOTEBOOK] = {gid: list(entries) for gid, entries in _module.BYPASS.items()}
