"""Notebook 04's matrix helpers: conv_matrix(padded=True), tap_index_matrix, shift_matrix —
against pad1d/correlate1d, np.roll and the loop twins."""
import numpy as np
import pytest
from hypothesis import given, strategies as st

from helpers.conv import correlate1d, pad1d
from helpers.geometry import geometry as layer_geometry
from helpers.matrix import conv_matrix, shift_matrix, tap_index_matrix
from oracles import conv_matrix_naive, shift_matrix_naive
from strategies import arrays, geometry


@given(geometry(), st.integers(0, 2**32 - 1))
def test_padded_matrix_acts_on_the_padded_input(geom, seed):
    L, K, s, p, d = geom
    x, w = arrays(seed, L), arrays(seed + 1, K)
    _, _, _, _, pl, pr, _, L_out = layer_geometry(L, K, s, p, d)
    Tp = conv_matrix(w, L, s, p, d, padded=True)
    assert Tp.shape == (L_out, L + pl + pr)
    np.testing.assert_allclose(Tp @ pad1d(x, p, K, s, d), correlate1d(x, w, s, p, d), atol=1e-12)
    np.testing.assert_array_equal(Tp[:, pl:pl + L], conv_matrix(w, L, s, p, d))  # drop pad columns
    np.testing.assert_array_equal(Tp, conv_matrix_naive(w, L, s, p, d, padded=True))


def test_padded_same_matrix_by_hand():
    # L=3, K=3, "same": one zero each side; the padded matrix is the valid matrix of length 5
    np.testing.assert_array_equal(conv_matrix([1.0, 2.0, 3.0], 3, padding="same", padded=True),
                                  conv_matrix([1.0, 2.0, 3.0], 5))
    np.testing.assert_array_equal(conv_matrix([1.0, 2.0, 3.0], 3, padding="same"),
                                  [[2, 3, 0], [1, 2, 3], [0, 1, 2]])


def test_padded_multichannel_matrix():
    W, X = arrays(3, 2, 2, 3), arrays(4, 5, 2)                    # (K, C_in, C_out), (L, C_in)
    Tp = conv_matrix(W, 5, padding="full", padded=True)
    assert Tp.shape == (6 * 3, 7 * 2)
    np.testing.assert_allclose(Tp @ pad1d(X, "full", 2).reshape(-1),
                               conv_matrix(W, 5, padding="full") @ X.reshape(-1), atol=1e-12)


@given(geometry(max_L=12, max_K=5))
def test_tap_index_matrix_marks_where_each_weight_sits(geom):
    L, K, s, p, d = geom
    taps = tap_index_matrix(K, L, s, p, d)
    w = np.arange(10.0, 10.0 + K)                                 # distinct, non-zero taps
    T = conv_matrix(w, L, s, p, d)
    assert taps.dtype.kind == "i" and taps.shape == T.shape
    np.testing.assert_array_equal(taps >= 0, T != 0)
    np.testing.assert_array_equal(T[taps >= 0], w[taps[taps >= 0]])


def test_tap_index_matrix_example():
    np.testing.assert_array_equal(tap_index_matrix(2, 5, stride=2),
                                  [[0, 1, -1, -1, -1], [-1, -1, 0, 1, -1]])


@pytest.mark.parametrize("L,shift", [(1, 0), (5, 1), (5, -2), (4, 4), (6, 3), (3, -3)])
def test_shift_matrix_is_a_zero_filled_roll(L, shift):
    x = arrays(L, L)
    expected = np.roll(x, shift)
    if shift > 0:
        expected[:shift] = 0
    elif shift < 0:
        expected[shift:] = 0
    S = shift_matrix(L, shift)
    np.testing.assert_array_equal(S @ x, expected)
    np.testing.assert_array_equal(S, shift_matrix_naive(L, shift))


def test_shift_matrices_compose_and_invert_in_the_interior():
    S = shift_matrix(6)
    np.testing.assert_array_equal(S @ S, shift_matrix(6, 2))
    x = np.r_[0.0, 1.0, 2.0, 3.0, 0.0, 0.0]
    np.testing.assert_array_equal(shift_matrix(6, -1) @ (S @ x), x)


@pytest.mark.parametrize("call,match", [
    (lambda: shift_matrix(0), r"L \(the signal length\) must be an integer >= 1"),
    (lambda: shift_matrix(4, 1.5), r"shift must be an integer"),
    (lambda: tap_index_matrix(0, 4), r"K \(the kernel size\) must be an integer >= 1"),
    (lambda: conv_matrix([1.0, 2.0, 3.0], 2, padded=True), r"longer than the padded input"),
])
def test_bad_input_is_named(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()
