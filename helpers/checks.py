"""Checks for the exercises that help without answering.

A failed check raises an ``AssertionError`` (nbgrader counts a failed test) that says *what*
is wrong — nothing returned, the type, the shape, the first wrong entry, a likely cause —
but never shows the expected answer: copying it from the message must not earn the points.
"""
import numbers

import numpy as np


def _fail(message, hint):
    raise AssertionError(message + (f"\n  hint: {hint}" if hint else ""))


def _kind(value):
    """A short description of ``value``'s type for a message (never its value)."""
    if isinstance(value, np.ndarray):
        return f"a numpy array of dtype {value.dtype}"
    module = type(value).__module__
    return f"a {'' if module == 'builtins' else module + '.'}{type(value).__qualname__}"


def _not_there(got, name):
    """A message if ``got`` cannot be an answer at all (None, a function, text), else None."""
    if got is None:
        return f"{name} is None: did you forget to return (or assign) it?"
    if callable(got) and not isinstance(got, (np.ndarray, np.generic)):
        return f"{name} is a function, not a value: did you forget to call it?"
    if isinstance(got, (str, bytes)):
        return f"{name} is text ({_kind(got)}), not a number or an array"
    return None


def _require_value(got, name, hint):
    if problem := _not_there(got, name):
        _fail(problem, hint)


def _is_integral(value):
    """True for Python and numpy integers (not bool, not floats that happen to be whole)."""
    return (isinstance(value, (numbers.Integral, np.integer))
            and not isinstance(value, (bool, np.bool_)))


def _tolerances(got, expected, atol, rtol):
    """The given ``(atol, rtol)``, else ones that follow the dtypes compared.

    float64 is held to rtol = 1e-6, atol = 1e-8; float32 to a few hundred of its machine
    epsilons, relative to the expected values (a float32 sum of 1000 terms is not exact).
    """
    kinds = [np.asarray(a).dtype for a in (got, expected)]
    floats = [k for k in kinds if np.issubdtype(k, np.inexact)]
    eps = max((float(np.finfo(k).eps) for k in floats), default=float(np.finfo(float).eps))
    scale = float(np.max(np.abs(expected))) if np.size(expected) else 1.0
    if rtol is None:
        rtol = max(1e-6, 256 * eps)
    if atol is None:
        atol = max(1e-8, 256 * eps * max(scale, 1.0))
    return atol, rtol


def _diagnose(got, expected, close):
    """A likely cause of a wrong array answer, told without the expected values (or "")."""
    if got.shape != expected.shape or got.size < 2:
        return ""
    if close(-got, expected).all():
        return "every entry has the wrong sign"
    if got.ndim >= 1 and close(got[::-1], expected).all():
        return "the entries are in reverse order (a flipped filter, or a reversed loop?)"
    if got.ndim == 1 and got.size >= 4:
        for shift in (1, -1):
            if close(np.roll(got, shift)[1:-1], expected[1:-1]).all():
                return "the entries are shifted by one position (an off-by-one index?)"
    diff = got - expected
    if close(diff, diff.flat[0]).all() and diff.flat[0] != 0:
        return "every entry is off by the same constant (a bias added twice, or missing?)"
    if not got.any():
        return "every entry is 0 (a sum that never accumulated, or a missing term?)"
    if np.all(expected != 0):
        ratio = got / expected
        if close(ratio, ratio.flat[0]).all():
            return "every entry is off by the same factor (a missing or extra scale?)"
    return ""


def _numbers(got, name, hint):
    """``got`` as an array of numbers, or a failed check saying what kind of thing it is."""
    try:
        arr = np.asarray(got)
    except (TypeError, ValueError):                 # e.g. rows of different lengths
        arr = None
    if arr is None or arr.dtype == object or not (np.issubdtype(arr.dtype, np.number)
                                                  or arr.dtype == bool):
        _fail(f"{name} is {_kind(got)}, which is not numbers (or an array of numbers of one "
              f"shape)", hint)
    return arr


def _wrong_shape(arr, expected):
    """How ``arr``'s shape differs from ``expected``'s, without stating the expected shape."""
    if arr.ndim != expected.ndim:
        return (f"has {arr.ndim} dimension{'s' if arr.ndim != 1 else ''} (shape {arr.shape}); "
                f"the answer has a different number of dimensions")
    axes = [i for i, (a, b) in enumerate(zip(arr.shape, expected.shape, strict=True)) if a != b]
    return f"has shape {arr.shape}: the length of axis {', '.join(map(str, axes))} is not right"


def check_shape(got, expected_shape, name, hint=""):
    """Fail unless ``np.shape(got) == expected_shape``.

    The message states the expected shape: use it where the prompt gives the shape, not
    where the shape (a length) is the answer.
    """
    _require_value(got, name, hint)
    if np.shape(got) != tuple(expected_shape):
        _fail(f"{name} should have shape {tuple(expected_shape)}; got shape {np.shape(got)}",
              hint)


def check_close(got, expected, name, hint="", atol=None, rtol=None):
    """Fail unless ``got`` has the expected shape and values, to a tolerance.

    The tolerance follows the dtypes unless ``atol``/``rtol`` are given. The message names
    the first wrong entry, its index and the value *got* — never the expected values or shape.
    """
    _require_value(got, name, hint)
    expected, arr = np.asarray(expected), _numbers(got, name, hint)
    if arr.shape != expected.shape:
        _fail(f"{name} {_wrong_shape(arr, expected)}", hint)
    atol, rtol = _tolerances(arr, expected, atol, rtol)
    kind = complex if np.iscomplexobj(arr) or np.iscomplexobj(expected) else float
    got_f, exp_f = arr.astype(kind), expected.astype(kind)

    def close(a, b):
        return np.isclose(a, b, atol=atol, rtol=rtol)

    bad = ~close(got_f, exp_f)
    if not bad.any():
        return
    if arr.ndim == 0:
        _fail(f"{name} is {arr.item()!r}, which is not right", hint)
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    value = got_f[first]
    shown = "nan" if np.isnan(value) else repr(np.round(value, 6).item())
    cause = _diagnose(got_f, exp_f, close)
    _fail(f"{name} is not right: {int(bad.sum())} of {bad.size} entries differ from the answer; "
          f"the first is entry {first[0] if len(first) == 1 else first}, which is {shown}"
          + (f"\n  likely cause: {cause}" if cause else ""), hint)


def check_equal(got, expected, name, hint=""):
    """Fail unless ``got == expected`` (ints, strings, tuples, types); never shows ``expected``.

    Integers of any integral type are equal when their values are (``np.int64(18) == 18``),
    and an integral *type* passes for ``int``.
    """
    if isinstance(expected, type) and isinstance(got, type):
        if expected is int and issubclass(got, (numbers.Integral, np.integer)) \
                and not issubclass(got, (bool, np.bool_)):
            return
        if got is not expected:
            _fail(f"{name} is {got.__qualname__}, which is not the type asked for", hint)
        return
    if expected is not None:
        _require_value(got, name, hint)
    if (_is_integral(expected) and not _is_integral(got)
            and isinstance(got, (numbers.Real, np.floating)) and float(got) == float(expected)):
        _fail(f"{name} is {got!r}, {_kind(got)}; an integer is asked for (use // or int(...))",
              hint)
    try:
        same = bool(got == expected)
    except (TypeError, ValueError):          # e.g. an array compared with a number
        same = False
    if not same:
        if isinstance(expected, (numbers.Number, np.generic)) and not isinstance(
                got, (numbers.Number, np.generic)):
            _fail(f"{name} is {_kind(got)}, not a single number", hint)
        shown = repr(got) if len(repr(got)) <= 80 else repr(got)[:77] + "..."
        _fail(f"{name} is {shown}, which is not right", hint)


def check_integer(got, expected, name, hint=""):
    """Fail unless ``got`` is an integer (any integral type, not a float) equal to ``expected``."""
    _require_value(got, name, hint)
    if not _is_integral(got):
        _fail(f"{name} is {got!r}, {_kind(got)}; an integer is asked for (use // or int(...))",
              hint)
    check_equal(int(got), int(expected), name, hint)
