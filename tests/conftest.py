"""pytest set-up shared by the unit tests: the hypothesis profile (strategies: tests/strategies.py)."""
from hypothesis import settings

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci")
