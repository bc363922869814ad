"""helpers.shortcuts and helpers.checks: forbidden shortcuts fail (and nothing stays swapped),
and failure messages name what is wrong without printing the expected answer.

A notebook is imitated by a namespace dict: the "student's" cell and the grade cell are
``exec``-uted in it, as the kernel runs cells in its user namespace.
"""
import re

import numpy as np
import pytest

import helpers.conv
import helpers.matrix
from helpers.checks import check_close, check_equal, check_integer, check_shape
from helpers.shortcuts import ForbiddenShortcut, forbid

ORIGINALS = {"np.correlate": np.correlate, "np.convolve": np.convolve,
             "conv_matrix": helpers.matrix.conv_matrix, "correlate1d": helpers.conv.correlate1d}


def notebook(*cells):
    """A fresh user namespace with ``cells`` run in it, in order."""
    ns = {"__name__": "__main__"}
    for cell in cells:
        exec(cell, ns)
    return ns


def nothing_swapped():
    assert np.correlate is ORIGINALS["np.correlate"]
    assert np.convolve is ORIGINALS["np.convolve"]
    assert helpers.matrix.conv_matrix is ORIGINALS["conv_matrix"]
    assert helpers.conv.correlate1d is ORIGINALS["correlate1d"]
    assert np._core.numeric.correlate is ORIGINALS["np.correlate"] if hasattr(np, "_core") else True


# ------------------------------------------------------------------ forbid

STUDENT = {
    "alias": ("import numpy as np\n"
              "def answer(x, w):\n    return np.correlate(x, w, 'valid')\n"),
    "from-import": ("from numpy import correlate\n"
                    "def answer(x, w):\n    return correlate(x, w, 'valid')\n"),
    "from-import-as": ("from numpy import correlate as c\n"
                       "def answer(x, w):\n    return c(x, w, 'valid')\n"),
    "module-path": ("import numpy\n"
                    "def answer(x, w):\n    return numpy.correlate(x, w, 'valid')\n"),
}


@pytest.mark.parametrize("how", sorted(STUDENT))
@pytest.mark.parametrize("target", ["np.correlate", "numpy.correlate", "object"])
def test_a_forbidden_numpy_call_fails_however_it_was_imported(how, target):
    ns = notebook(STUDENT[how], "import numpy as np\nfrom helpers.shortcuts import forbid\n")
    ns["target"] = np.correlate if target == "object" else target
    with pytest.raises(ForbiddenShortcut) as err:
        exec("with forbid(target):\n    answer([1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0])\n", ns)
    assert "this exercise asks you to write it without" in str(err.value)
    assert "np.correlate" in str(err.value) or "numpy.correlate" in str(err.value)
    assert isinstance(err.value, AssertionError)          # nbgrader: a failed test
    nothing_swapped()
    assert ns["answer"]([1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0]).tolist() == [38.0, 56.0]


@pytest.mark.parametrize("cell", [
    "from helpers.matrix import conv_matrix\ndef answer(w, L):\n    return conv_matrix(w, L)\n",
    "import helpers.matrix as hm\ndef answer(w, L):\n    return hm.conv_matrix(w, L)\n",
    "from helpers import matrix\ndef answer(w, L):\n    return matrix.conv_matrix(w, L)\n",
])
def test_a_forbidden_helper_fails_through_any_binding(cell):
    ns = notebook(cell, "from helpers.shortcuts import forbid\n")
    with pytest.raises(ForbiddenShortcut, match="without helpers.matrix.conv_matrix"):
        exec("with forbid('helpers.matrix.conv_matrix'):\n    answer([1.0, 2.0], 4)\n", ns)
    nothing_swapped()
    assert ns["answer"]([1.0, 2.0], 4).shape == (3, 4)


def test_each_of_several_targets_fails_with_its_own_name():
    ns = notebook("import numpy as np\nfrom helpers.conv import correlate1d\n"
                  "from helpers.shortcuts import forbid\n")
    calls = {"np.correlate": "np.correlate([1.0, 2.0], [1.0])",
             "np.convolve": "np.convolve([1.0, 2.0], [1.0])",
             "correlate1d": "correlate1d([1.0, 2.0], [1.0])"}
    for label, call in calls.items():
        with pytest.raises(ForbiddenShortcut) as err:
            exec(f"def student():\n    return {call}\n"
                 f"with forbid(np.correlate, np.convolve, correlate1d):\n    student()\n", ns)
        assert f"without {label}" in str(err.value).replace("helpers.conv.correlate1d",
                                                            "correlate1d")
    nothing_swapped()


def test_nothing_stays_swapped_after_an_exception_in_the_block():
    ns = notebook("import numpy as np\nfrom numpy import convolve\n"
                  "from helpers.shortcuts import forbid\n")
    with pytest.raises(ZeroDivisionError):
        exec("with forbid(np.convolve, 'helpers.matrix.conv_matrix'):\n    1 / 0\n", ns)
    nothing_swapped()
    assert ns["convolve"] is np.convolve and ns["np"].convolve is ORIGINALS["np.convolve"]
    with pytest.raises(ForbiddenShortcut):
        exec("def student():\n    return convolve([1.0], [1.0])\n"
             "with forbid(np.convolve):\n    student()\n", ns)
    assert ns["convolve"] is ORIGINALS["np.convolve"]
    nothing_swapped()


def test_allowed_functions_and_library_internals_still_work():
    ns = notebook("import numpy as np\nfrom helpers.conv import correlate1d\n"
                  "from helpers.shortcuts import forbid\n"
                  "def answer(x, w):\n"
                  "    return np.array([np.dot(x[i:i + len(w)], w)\n"
                  "                     for i in range(len(x) - len(w) + 1)])\n")
    exec("with forbid(np.correlate, np.convolve):\n"
         "    got = answer(np.array([1.0, 2.0, 3.0, 4.0]), np.array([5.0, 6.0, 7.0]))\n", ns)
    assert ns["got"].tolist() == [38.0, 56.0]
    # a helper the exercise allows may use a forbidden one inside: only the student's own
    # call of a forbidden function fails
    exec("with forbid('helpers.conv.sliding_windows', np.pad):\n"
         "    z = correlate1d([1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0], padding='full')\n", ns)
    assert ns["z"].tolist() == [7.0, 20.0, 38.0, 56.0, 39.0, 20.0]
    nothing_swapped()


def test_the_grade_cell_itself_may_compute_its_reference_inside_the_block():
    ns = notebook(STUDENT["alias"].replace("def answer", "def cheat"),
                  "import numpy as np\nfrom helpers.checks import check_close\n"
                  "from helpers.shortcuts import forbid\n"
                  "def honest(x, w):\n"
                  "    return np.array([x[i:i + len(w)] @ w for i in range(len(x) - len(w) + 1)])\n"
                  "x, w = np.arange(6.0), np.array([1.0, -1.0])\n")
    exec("with forbid(np.correlate):\n"
         "    check_close(honest(x, w), np.correlate(x, w), 'honest')\n", ns)
    with pytest.raises(ForbiddenShortcut):
        exec("with forbid(np.correlate):\n"
             "    check_close(cheat(x, w), np.correlate(x, w), 'cheat')\n", ns)
    with pytest.raises(ForbiddenShortcut):                   # a lambda is the student's code
        exec("with forbid(np.correlate):\n"
             "    (lambda: np.correlate(x, w))()\n", ns)
    nothing_swapped()


def test_without_is_a_one_line_guard_around_the_student_call():
    ns = notebook(STUDENT["alias"].replace("def answer", "def cheat"),
                  "import numpy as np\n"
                  "from helpers.checks import check_close\nfrom helpers.shortcuts import without\n"
                  "def honest(x, w):\n"
                  "    return np.array([x[i:i + len(w)] @ w for i in range(len(x) - len(w) + 1)])\n"
                  "x, w = np.arange(6.0), np.array([1.0, -1.0])\n")
    exec("check_close(without(np.correlate)(honest)(x, w), np.correlate(x, w), 'honest')", ns)
    with pytest.raises(ForbiddenShortcut, match="without np.correlate"):
        exec("check_close(without(np.correlate)(cheat)(x, w), np.correlate(x, w), 'cheat')", ns)
    nothing_swapped()


def test_forbid_works_from_a_plain_module_namespace_too():
    def student(x, w):                      # defined here: this module's globals are "user"
        return np.correlate(x, w)
    with pytest.raises(ForbiddenShortcut), forbid(np.correlate):
        student([1.0, 2.0], [1.0])
    with forbid("np.convolve"):
        assert student([1.0, 2.0], [1.0]).tolist() == [1.0, 2.0]
    nothing_swapped()


def test_forbid_names_bad_targets():
    with pytest.raises(NameError, match="no_such_function"):
        forbid("np.no_such_function")
    with pytest.raises(NameError, match="nowhere"):
        forbid("nowhere.at_all")
    with pytest.raises(TypeError, match="callable"):
        forbid(3)
    with pytest.raises(TypeError, match="at least one"):
        forbid()


# ------------------------------------------------------------------ messages

def message(check, *args, **kwargs):
    with pytest.raises(AssertionError) as err:
        check(*args, **kwargs)
    return str(err.value)


def numbers_in(text):
    return {float(t) for t in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)}


SMALL_ANSWERS = [                     # (expected, a wrong answer)
    ([38.5, 56.25], [38.5, 57.0]),
    ([7.5, 20.25, 38.5, 56.75, 39.5, 20.75], [7.5, 20.25, 39.0, 56.75, 39.5, 20.75]),
    ([[5.5, 0.0, 0.0], [6.5, 5.5, 0.0]], [[5.5, 0.0, 0.0], [6.5, 5.5, 1.0]]),
    ([-17.75], [17.75]),
    (np.array([[1.25, -2.5], [3.75, 4.125]], dtype=np.float32), [[1.25, -2.5], [3.75, 4.0]]),
]


@pytest.mark.parametrize("expected, wrong", SMALL_ANSWERS)
def test_check_close_names_the_first_wrong_entry_but_not_the_answer(expected, wrong):
    said = message(check_close, wrong, expected, "z", hint="look at the last window")
    exp = np.asarray(expected, dtype=float)
    assert repr(exp) not in said and str(exp) not in said
    leaked = ({float(v) for v in exp.ravel() if v != 0} & numbers_in(said)) \
        - {float(v) for v in np.ravel(wrong)}
    assert not leaked, f"the message shows expected entries {leaked}: {said!r}"
    first = tuple(int(i) for i in np.argwhere(~np.isclose(np.asarray(wrong, float), exp))[0])
    index = str(first[0]) if len(first) == 1 else str(first)
    assert f"entry {index}" in said and "hint: look at the last window" in said


def test_check_close_does_not_give_away_a_length_or_a_scalar():
    said = message(check_close, np.zeros(135), np.ones(136), "z")
    assert "136" not in said and "135" in said and "axis 0" in said
    said = message(check_close, 17.5, 18.25, "r")
    assert "18.25" not in said and "17.5" in said
    said = message(check_close, np.zeros((3, 4)), np.ones((4, 3)), "T")
    assert "(4, 3)" not in said


@pytest.mark.parametrize("got, words", [
    (None, "forget to return"), (len, "did you forget to call it"),
    ("38, 56", "text"), ([[1.0, 2.0], [3.0]], "not numbers"),
])
def test_check_close_says_what_kind_of_thing_came(got, words):
    assert words in message(check_close, got, [38.0, 56.0], "z")


def test_check_close_diagnoses_common_mistakes_without_values():
    expected = np.array([5.0, 16.0, 34.0, 52.0, 45.0, 28.0])
    assert "reverse order" in message(check_close, expected[::-1], expected, "z")
    assert "wrong sign" in message(check_close, -expected, expected, "z")
    assert "same constant" in message(check_close, expected + 0.5, expected, "z")
    assert "same factor" in message(check_close, 2 * expected, expected, "z")
    zeros = message(check_close, np.zeros(6), expected, "z")       # not "off by a factor" 0
    assert "every entry is 0" in zeros and "factor" not in zeros


def test_tolerance_follows_the_dtype():
    rng = np.random.default_rng(0)
    x, w = rng.normal(size=2000), rng.normal(size=50)
    reference = np.correlate(x, w, "valid")
    single = np.correlate(x.astype(np.float32), w.astype(np.float32), "valid")
    check_close(single, reference, "float32 answer")          # a float32 answer is fine
    with pytest.raises(AssertionError):                       # but float64 is held tight
        check_close(reference + 1e-4, reference, "float64 answer")
    check_close(reference + 1e-12, reference, "float64 answer")
    check_close(np.arange(4), [0.0, 1.0, 2.0, 3.0], "integer array")


@pytest.mark.parametrize("got", [18, np.int64(18), np.int32(18), np.uint8(18), np.array(18)])
def test_integers_of_any_integral_type_are_accepted(got):
    check_equal(got, 18, "r")
    check_equal(18, got, "r")
    if not isinstance(got, np.ndarray):
        check_integer(got, 18, "r")
        check_equal(type(got), int, "type(r)")


def test_integer_checks_reject_floats_and_wrong_values_without_the_answer():
    assert "integer is asked for" in message(check_integer, 18.0, 18, "r")
    assert "integer is asked for" in message(check_equal, 18.0, 18, "r")
    said = message(check_equal, 17, 18, "r", hint="count the layers")
    assert "18" not in said and "17" in said and "count the layers" in said
    said = message(check_equal, np.int64(135), 136, "n_outputs")
    assert "136" not in said and "135" in said
    assert "type asked for" in message(check_equal, float, int, "type(r)")
    assert "not a single number" in message(check_equal, np.array([1, 2]), 3, "n")
    assert "forget to return" in message(check_integer, None, 3, "n")


def test_check_shape_keeps_its_message():
    assert "should have shape (4, 2); got shape (2, 4)" in message(
        check_shape, np.zeros((2, 4)), (4, 2), "W_row")
    check_shape(np.zeros((4, 2)), [4, 2], "W_row")
