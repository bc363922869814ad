"""Where the project's files are: the one module that knows the repository's layout.

Scripts in tools/ import it as a sibling (``python tools/x.py`` puts tools/ first on
sys.path) and the tests through pytest's ``pythonpath`` (pyproject.toml); ``make book`` runs
tools/build_book.py. The package ``helpers`` does not use it: an installed wheel has no
repository around it.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TOOLS = ROOT / "tools"
DATA = ROOT / "data"                            # GunPoint; the wheel carries it as package data
BOOK = ROOT / "book"                            # the website's Sphinx configuration
BUILD = ROOT / "build"                          # everything generated (git-ignored)
SITE = BUILD / "book" / "html"                  # the website, written by tools/build_book.py
RELEASE = ROOT / "release"                      # the student release (make student)
# Two of the Makefile's environments: the reader's (make lab) and nbgrader's (make student).
READER_VENV = ROOT / ".venv"
INSTRUCTOR_VENV = ROOT / ".venv-instructor"


def notebook_paths(folder=NOTEBOOKS):
    """The series' notebooks ``NN-title.ipynb`` in ``folder``, in reading order."""
    return sorted(Path(folder).glob("[0-9][0-9]-*.ipynb"))
