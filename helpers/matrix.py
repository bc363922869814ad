"""The convolutional layer as a dense layer: its banded Toeplitz weight matrix T.

A 1-D cross-correlation is linear in x, so it is a matrix: ``T @ x == correlate1d(x, w)``.
Row i of T is output unit i; it holds the kernel w, shifted to start at column i*s - p_left
and spread by the dilation d; every other entry is zero. Every row holds the *same* K
numbers (weight sharing, the Toeplitz structure) in a band of width K_eff (sparse
interactions). Zero padding is absorbed: the columns that would multiply padded zeros are
simply not there, so T always acts on the unpadded input.
"""
import numpy as np

from helpers.conv import _geometry
from helpers.validation import as_float_array, check_int

__all__ = ["conv_matrix", "conv_matrix_naive"]


def _check(w, L, func):
    w = as_float_array(w, "w", (1, 3),
                       "a 1-D kernel (K,) or a 3-D filter bank (K, C_in, C_out)", func)
    return w, check_int(L, "L (the input length)", func, 1)


def conv_matrix(w, L, stride=1, padding="valid", dilation=1):
    """Banded Toeplitz matrix T of a 1-D correlation (single- or multi-channel).

    Parameters
    ----------
    w : array_like, shape (K,) or (K, C_in, C_out)
        One kernel, or a layer's filters (channels-last, as in ``conv1d``).
    L : int
        Input length.
    stride, padding, dilation
        As in ``correlate1d`` / ``conv1d``.

    Returns
    -------
    T : numpy.ndarray
        Shape (L_out, L) for w of shape (K,), with ``T[i, i*s + k*d - p_left] = w[k]``, so
        ``T @ x == correlate1d(x, w, ...)``.

        Shape (L_out * C_out, L * C_in) for w of shape (K, C_in, C_out): it acts on the
        row-major flattened input, ``T @ X.reshape(-1) == conv1d(X, w, ...).reshape(-1)``
        for X (L, C_in); entry ``[i*C_out + o, j*C_in + c]`` is ``w[k, c, o]`` where
        ``j = i*s + k*d - p_left``. Each (C_out, C_in) block is ``w[k].T``: block-Toeplitz.

        ``L_out = floor((L + p_left + p_right - K_eff) / s) + 1``, ``K_eff = d (K - 1) + 1``.

    Examples
    --------
    >>> conv_matrix([1.0, 2.0], 4)
    array([[1., 2., 0., 0.],
           [0., 1., 2., 0.],
           [0., 0., 1., 2.]])

    Introduced in notebook 04 (multi-channel: notebook 05).
    """
    w, L = _check(w, L, "conv_matrix")
    W = w.reshape(-1, 1, 1) if w.ndim == 1 else w                  # (K, C_in, C_out)
    K, C_in, C_out = W.shape
    pl, _, L_out = _geometry(L, K, stride, padding, dilation, "conv_matrix")
    i, k = np.meshgrid(np.arange(L_out), np.arange(K), indexing="ij")  # (L_out, K) each
    j = i * stride + k * dilation - pl                              # input read by tap k
    inside = (j >= 0) & (j < L)                                     # taps on padded zeros drop out
    T = np.zeros((L_out, C_out, L, C_in), dtype=W.dtype)
    T[i[inside], :, j[inside], :] = W[k[inside]].transpose(0, 2, 1)  # blocks (C_out, C_in)
    return T.reshape(L_out * C_out, L * C_in)                       # (L_out*C_out, L*C_in)


def conv_matrix_naive(w, L, stride=1, padding="valid", dilation=1):
    """Loop twin of ``conv_matrix`` (same arguments and result); the tests' reference."""
    w, L = _check(w, L, "conv_matrix_naive")
    W = w.reshape(-1, 1, 1) if w.ndim == 1 else w
    K, C_in, C_out = W.shape
    pl, _, L_out = _geometry(L, K, stride, padding, dilation, "conv_matrix_naive")
    T = np.zeros((L_out * C_out, L * C_in), dtype=W.dtype)
    for i in range(L_out):
        for k in range(K):
            j = i * stride + k * dilation - pl
            if 0 <= j < L:
                for o in range(C_out):
                    for c in range(C_in):
                        T[i * C_out + o, j * C_in + c] = W[k, c, o]
    return T
