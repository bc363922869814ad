"""im2col / col2im: the patch matrix, its adjoint, and conv1d as one matrix product."""
import numpy as np
from hypothesis import given, strategies as st

from helpers.conv import conv1d_naive
from helpers.im2col import col2im1d, conv1d_gemm, im2col1d
from oracles import col2im1d_naive, im2col1d_naive
from strategies import arrays, geometry


def test_patch_matrix_by_hand():
    X = np.arange(1.0, 6.0)[:, None]                      # (L=5, C_in=1)
    np.testing.assert_array_equal(im2col1d(X, 3), [[1, 2, 3], [2, 3, 4], [3, 4, 5]])
    X2 = np.arange(8.0).reshape(4, 2)                     # (L=4, C_in=2)
    np.testing.assert_array_equal(im2col1d(X2, 2, stride=2), [[0, 1, 2, 3], [4, 5, 6, 7]])


@given(geometry(max_L=12, max_K=4), st.integers(1, 2), st.integers(1, 3), st.integers(1, 3),
       st.integers(0, 2**32 - 1))
def test_gemm_route_equals_loops(geom, N, C_in, C_out, seed):
    L, K, s, p, d = geom
    X, W, b = arrays(seed, N, L, C_in), arrays(seed + 1, K, C_in, C_out), arrays(seed + 2, C_out)
    P = im2col1d(X, K, s, p, d)
    np.testing.assert_array_equal(P, im2col1d_naive(X, K, s, p, d))
    np.testing.assert_allclose(conv1d_gemm(X, W, b, s, p, d), conv1d_naive(X, W, b, s, p, d),
                               atol=1e-12)
    np.testing.assert_allclose(conv1d_gemm(X[0], W, b, s, p, d), conv1d_naive(X[0], W, b, s, p, d),
                               atol=1e-12)


@given(geometry(max_L=12, max_K=4), st.integers(1, 2), st.integers(1, 3),
       st.integers(0, 2**32 - 1))
def test_col2im_is_the_adjoint_of_im2col(geom, N, C_in, seed):
    L, K, s, p, d = geom
    X = arrays(seed, N, L, C_in)
    P = im2col1d(X, K, s, p, d)
    Y = arrays(seed + 1, *P.shape)
    back = col2im1d(Y, L, K, s, p, d)
    np.testing.assert_allclose(np.sum(P * Y), np.sum(X * back), rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(back, col2im1d_naive(Y, L, K, s, p, d), atol=1e-12)
    np.testing.assert_allclose(col2im1d(Y[0], L, K, s, p, d), back[0], atol=1e-12)


def test_patch_matrix_is_a_writeable_copy():
    X = np.arange(6.0)[:, None]                           # stride 1, d 1: a view would be possible
    P = im2col1d(X, 3)
    assert P.flags.writeable and P.flags.c_contiguous and not np.shares_memory(P, X)
    P[0, 0] = 99.0                                         # writing into P leaves X alone
    assert X[0, 0] == 0.0


def test_col2im_counts_how_often_each_input_is_read():
    # ones in, ones back: each input position receives the number of windows covering it
    P = im2col1d(np.ones((6, 1)), 3)
    np.testing.assert_array_equal(col2im1d(P, 6, 3)[:, 0], [1, 2, 3, 3, 2, 1])
