"""The project installed into a fresh venv, fast and offline (tests/test_packaging.py,
tests/test_release.py): the grader's own code (tools/grading_env.py), which installs a wheel,
or an editable install of a copy of the source, with ``--no-deps``, borrowing the dependencies
from this environment."""
from grading_env import CLEAN_ENV, install_in_fresh_venv, run

__all__ = ["CLEAN_ENV", "install_in_fresh_venv", "run"]
