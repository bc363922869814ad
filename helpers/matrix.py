"""The convolutional layer as a dense layer: its banded Toeplitz weight matrix T.

A 1-D cross-correlation is linear in x, so it is a matrix: ``T @ x == correlate1d(x, w)``.
Row i of T is output unit i; it holds the kernel w, shifted to start at column i*s - p_left
and spread by the dilation d; every other entry is zero. Every row holds the *same* K
numbers (weight sharing, the Toeplitz structure) in a band of width K_eff (sparse
interactions). Zero padding is absorbed: the columns that would multiply padded zeros are
simply not there, so T always acts on the unpadded input (``padded=True`` keeps them).

Also here: ``tap_index_matrix`` (which weight sits where) and ``shift_matrix`` (the delay S of
translation equivariance).
"""
import numpy as np

from helpers.geometry import geometry
from helpers.validation import as_float_array, check_int

__all__ = ["conv_matrix", "tap_index_matrix", "shift_matrix"]


def conv_matrix(w, L, stride=1, padding="valid", dilation=1, padded=False):
    """Banded Toeplitz matrix T of a 1-D correlation (single- or multi-channel).

    Parameters
    ----------
    w : array_like, shape (K,) or (K, C_in, C_out)
    L : int
    stride, padding, dilation
        As in ``helpers.geometry``.
    padded : bool, default False
        If True, T acts on the padded input ``pad1d(x, ...)``: one more column per padded zero
        (L_pad columns) and ``T[i, i*s + k*d] = w[k]``.

    Returns
    -------
    T : numpy.ndarray
        (L_out, L) for w (K,), with ``T[i, i*s + k*d - p_left] = w[k]``, so
        ``T @ x == correlate1d(x, w, ...)``. (L_out * C_out, L * C_in) for w (K, C_in, C_out):
        ``T @ X.reshape(-1) == conv1d(X, w, ...).reshape(-1)`` for X (L, C_in); entry
        ``[i*C_out + o, j*C_in + c]`` is ``w[k, c, o]`` with ``j = i*s + k*d - p_left``, so each
        (C_out, C_in) block is ``w[k].T``: block-Toeplitz.

    Examples
    --------
    >>> conv_matrix([1.0, 2.0], 4)
    array([[1., 2., 0., 0.],
           [0., 1., 2., 0.],
           [0., 0., 1., 2.]])

    Introduced in notebook 04 (multi-channel: notebook 05).
    """
    w = as_float_array(w, "w", (1, 3), "a 1-D kernel (K,) or a 3-D filter bank (K, C_in, C_out)",
                       "conv_matrix")
    L = check_int(L, "L (the input length)", "conv_matrix", 1)
    W = w.reshape(-1, 1, 1) if w.ndim == 1 else w                  # (K, C_in, C_out)
    K, C_in, C_out = W.shape
    g = geometry(L, K, stride, padding, dilation, "conv_matrix")
    j, inside = g.inside(padded)                    # (L_out, K): input read by tap k, and if real
    i, k = np.indices(j.shape)                                      # (L_out, K) each
    L_cols = g.L_pad if padded else L                               # act on pad1d(x) instead
    T = np.zeros((g.L_out, C_out, L_cols, C_in), dtype=W.dtype)
    T[i[inside], :, j[inside], :] = W[k[inside]].transpose(0, 2, 1)  # blocks (C_out, C_in)
    return T.reshape(g.L_out * C_out, L_cols * C_in)                # (L_out*C_out, L*C_in)


def tap_index_matrix(K, L, stride=1, padding="valid", dilation=1, padded=False):
    """Which tap of the kernel sits in each entry of T: ``k`` where ``T[i, j] = w[k]``, else -1.

    Arguments as in ``conv_matrix`` with K for w; an int array (L_out, L) (L_pad columns if
    ``padded``). It colours the heatmap and the network diagram by shared weight.

    Examples
    --------
    >>> tap_index_matrix(2, 4)
    array([[ 0,  1, -1, -1],
           [-1,  0,  1, -1],
           [-1, -1,  0,  1]])

    Introduced in notebook 04.
    """
    K = check_int(K, "K (the kernel size)", "tap_index_matrix", 1)
    taps = conv_matrix(np.arange(1.0, K + 1.0), L, stride, padding, dilation, padded)  # (L_out, L)
    return taps.astype(int) - 1


def shift_matrix(L, shift=1):
    """The L x L matrix S that delays a signal by ``shift`` samples, zeros entering.

    ``(S x)[j] = x[j - shift]`` when ``0 <= j - shift < L``, else 0 (a negative shift moves the
    signal left): one off-diagonal of ones, ``S[j, j - shift] = 1``.

    Examples
    --------
    >>> shift_matrix(3) @ np.array([1.0, 2.0, 3.0])
    array([0., 1., 2.])

    Introduced in notebook 04.
    """
    L = check_int(L, "L (the signal length)", "shift_matrix", 1)
    shift = check_int(shift, "shift", "shift_matrix", -L)
    return np.eye(L, k=-shift)                                      # ones at (j, j - shift)
