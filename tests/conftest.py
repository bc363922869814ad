"""pytest set-up shared by the tests: matplotlib's backend, the hypothesis profile, xdist groups.

The Agg backend (draws to memory, needs no display) is chosen here, once, before any test
module imports matplotlib.pyplot; strategies for hypothesis are in tests/strategies.py.
"""
import matplotlib
import pytest
from hypothesis import settings

matplotlib.use("Agg")

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci")


# The Makefile runs the tests on 2 cores with pytest-xdist's --dist loadgroup: a test runs
# wherever a core is free, except the items of one group, which run in order on one worker.
# A notebook's cells are one group (nbval runs them in one kernel, in order), and so are the
# tests of a module whose module-scoped fixture is expensive (built once, not once per core).
GROUPED_MODULES = {"test_release.py", "test_packaging.py", "test_reader_env.py"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = item.path
        if path.suffix == ".ipynb" or path.name in GROUPED_MODULES:
            item.add_marker(pytest.mark.xdist_group(path.stem))
