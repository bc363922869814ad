"""Friendly checks for the exercises: an ``AssertionError`` that tells the student what is
wrong (shape, values, a likely cause) instead of a bare ``assert`` failure."""
import numpy as np

__all__ = ["check_shape", "check_close", "check_equal"]


def check_shape(got, expected_shape, name, hint=""):
    """Fail unless ``np.shape(got) == expected_shape``."""
    shape = np.shape(got)
    if shape != tuple(expected_shape):
        raise AssertionError(f"{name} should have shape {tuple(expected_shape)}; "
                             f"got shape {shape}" + (f"\n  hint: {hint}" if hint else ""))


def check_close(got, expected, name, hint="", atol=1e-8):
    """Fail unless ``got`` has the expected shape and values (to ``atol``).

    The message shows both arrays, where they differ first, and ``hint``.
    """
    if got is None:
        raise AssertionError(f"{name} is None: did you forget to return (or assign) it?")
    expected = np.asarray(expected, dtype=float)
    check_shape(got, expected.shape, name, hint)
    got = np.asarray(got, dtype=float)
    bad = ~np.isclose(got, expected, atol=atol, rtol=1e-6)
    if bad.any():
        first = tuple(int(i) for i in np.argwhere(bad)[0])
        where = f" (first difference at index {first})" if expected.ndim else ""
        raise AssertionError(f"{name} is not right{where}.\n  expected: {np.round(expected, 4)}"
                             f"\n  got:      {np.round(got, 4)}" + (f"\n  hint: {hint}" if hint else ""))


def check_equal(got, expected, name, hint=""):
    """Fail unless ``got == expected`` (for ints, strings, tuples)."""
    if got != expected:
        raise AssertionError(f"{name} should be {expected!r}; got {got!r}"
                             + (f"\n  hint: {hint}" if hint else ""))
