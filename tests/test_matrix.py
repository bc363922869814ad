"""conv_matrix: T @ x == correlate1d(x, w), checked against scipy.linalg.toeplitz and the loops."""
import numpy as np
import pytest
import scipy.linalg
from hypothesis import given, strategies as st

from helpers.conv import conv1d, correlate1d
from helpers.matrix import conv_matrix
from oracles import conv_matrix_naive
from strategies import arrays, geometry


@pytest.mark.parametrize("L,K", [(6, 1), (6, 3), (8, 4), (5, 5)])
def test_valid_matrix_is_the_scipy_toeplitz_band(L, K):
    w = arrays(K, K)
    first_col = np.r_[w[0], np.zeros(L - K)]            # T[i, 0]: w[0] on the diagonal only
    first_row = np.r_[w, np.zeros(L - K)]               # T[0, :]: the kernel, then zeros
    expected = scipy.linalg.toeplitz(first_col, first_row)
    np.testing.assert_array_equal(conv_matrix(w, L), expected)


def test_small_example_by_hand():
    np.testing.assert_array_equal(conv_matrix([1.0, 2.0], 4),
                                  [[1, 2, 0, 0], [0, 1, 2, 0], [0, 0, 1, 2]])
    # "full" padding: the columns of the padded zeros are dropped, so T stays (L_out, L)
    np.testing.assert_array_equal(conv_matrix([1.0, 2.0], 3, padding="full"),
                                  [[2, 0, 0], [1, 2, 0], [0, 1, 2], [0, 0, 1]])
    # stride 2 keeps every 2nd row; dilation 2 spreads the band
    np.testing.assert_array_equal(conv_matrix([1.0, 2.0], 5, stride=2),
                                  [[1, 2, 0, 0, 0], [0, 0, 1, 2, 0]])
    np.testing.assert_array_equal(conv_matrix([1.0, 2.0], 4, dilation=2),
                                  [[1, 0, 2, 0], [0, 1, 0, 2]])


@given(geometry(), st.integers(0, 2**32 - 1))
def test_T_times_x_is_correlate1d(geom, seed):
    L, K, s, p, d = geom
    x, w = arrays(seed, L), arrays(seed + 1, K)
    T = conv_matrix(w, L, s, p, d)
    np.testing.assert_allclose(T @ x, correlate1d(x, w, s, p, d), atol=1e-12)
    np.testing.assert_array_equal(T, conv_matrix_naive(w, L, s, p, d))


@given(geometry(max_L=10, max_K=4), st.integers(1, 3), st.integers(1, 3),
       st.integers(0, 2**32 - 1))
def test_multichannel_T_acts_on_flattened_X(geom, C_in, C_out, seed):
    L, K, s, p, d = geom
    X, W = arrays(seed, L, C_in), arrays(seed + 1, K, C_in, C_out)
    T = conv_matrix(W, L, s, p, d)
    out = conv1d(X, W, stride=s, padding=p, dilation=d)            # (L_out, C_out)
    assert T.shape == (out.size, L * C_in)
    np.testing.assert_allclose(T @ X.reshape(-1), out.reshape(-1), atol=1e-12)
    np.testing.assert_array_equal(T, conv_matrix_naive(W, L, s, p, d))


def test_every_row_holds_the_same_weights():
    w = np.array([3.0, -1.0, 2.0])
    T = conv_matrix(w, 9)
    for row in T:
        np.testing.assert_array_equal(row[row != 0], w)
    assert np.count_nonzero(T) == 3 * T.shape[0]                  # banded: K per row
