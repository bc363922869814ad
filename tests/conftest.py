"""pytest set-up shared by the tests: matplotlib's backend, the hypothesis profile.

The Agg backend (draws to memory, needs no display) is chosen here, once, before any test
module imports matplotlib.pyplot; strategies for hypothesis are in tests/strategies.py.
"""
import matplotlib
from hypothesis import settings

matplotlib.use("Agg")

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci")

