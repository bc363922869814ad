"""im2col: convolution as ONE matrix product of patches and filters.

Copy every window the kernel reads into a row of the *patch matrix* P (L_out, K * C_in);
flatten the filters into a matrix (K * C_in, C_out), one column per output channel. Then

    conv1d(X, W, b) == P @ W.reshape(K * C_in, C_out) + b,

a single matrix product (GEMM), which is how fast libraries compute convolution.
``col2im1d`` is the adjoint (transpose) of ``im2col1d``: it adds each patch entry back onto
the input position it came from, which is what backpropagation to the input needs. Shapes,
stride, padding, dilation and L_out as in ``helpers.conv`` and ``helpers.geometry``.
"""
import numpy as np

from helpers.conv_fast import window_view
from helpers.geometry import geometry
from helpers.validation import as_float_array, check_conv_args

__all__ = ["im2col1d", "col2im1d", "conv1d_gemm", "im2col_batch", "col2im_batch"]


def im2col1d(X, K, stride=1, padding="valid", dilation=1):
    """Patch matrix: one row per output position, holding the window that output reads.

    X (L, C_in) or (N, L, C_in) and kernel size K -> P (L_out, K * C_in) or
    (N, L_out, K * C_in). Row i is ``X_pad[i*s + k*d, c]`` for k = 0..K-1 (outer),
    c = 0..C_in-1 (inner): the window flattened row-major, matching
    ``W.reshape(K * C_in, C_out)``.

    Introduced in notebook 05.
    """
    X = as_float_array(X, "X", (2, 3), "a 2-D array (L, C_in) or a 3-D array (N, L, C_in)",
                       "im2col1d")
    Xb = X if X.ndim == 3 else X[None]                          # (N, L, C_in)
    P = im2col_batch(Xb, geometry(Xb.shape[1], K, stride, padding, dilation, "im2col1d"))
    return P if X.ndim == 3 else P[0]


def im2col_batch(Xb, g):
    """``im2col1d`` of a checked batch Xb (N, L, C_in) and its ``Geometry``: P, C-contiguous."""
    win = window_view(g.pad(Xb, 1), g.K, g.stride, g.dilation, g.L_out)  # (N, L_out, K, C_in) view
    P = np.ascontiguousarray(win)                               # the copy: (N, L_out, K, C_in)
    return P.reshape(*P.shape[:2], g.K * Xb.shape[-1])          # (N, L_out, K*C_in), a view of it


def col2im1d(cols, L, K, stride=1, padding="valid", dilation=1):
    """Adjoint of ``im2col1d``: add every patch entry back onto the input position it read.

    ``cols`` (L_out, K * C_in) or (N, L_out, K * C_in), patch-shaped (say the gradient with
    respect to P), and the geometry L, K, stride, padding, dilation that produced it ->
    (L, C_in) or (N, L, C_in), with ``out[j, c] = sum of cols[i, k*C_in + c] over all (i, k)
    with i*s + k*d - p_left == j``; entries that fell on padding are dropped. For any Y,
    ``sum(im2col1d(X) * Y) == sum(X * col2im1d(Y))``.

    Introduced in notebook 07.
    """
    func = "col2im1d"
    cols = as_float_array(cols, "cols", (2, 3),
                          "a patch matrix of shape (L_out, K*C_in) or (N, L_out, K*C_in)", func)
    g = geometry(L, K, stride, padding, dilation, func)
    if cols.shape[-1] % g.K:
        raise ValueError(f"{func}: the last axis of cols ({cols.shape[-1]}) must be K*C_in, "
                         f"a multiple of K={g.K}; got cols of shape {cols.shape}")
    if cols.shape[-2] != g.L_out:
        raise ValueError(f"{func}: cols has {cols.shape[-2]} rows but this geometry gives "
                         f"L_out={g.L_out}; got cols of shape {cols.shape}")
    out = col2im_batch(cols if cols.ndim == 3 else cols[None], g)   # (N, L, C_in)
    return out if cols.ndim == 3 else out[0]


def col2im_batch(cb, g):
    """``col2im1d`` of a checked batch cb (N, L_out, K * C_in) and its ``Geometry``."""
    N, C_in = cb.shape[0], cb.shape[-1] // g.K
    cb = cb.reshape(N, g.L_out, g.K, C_in)                      # (N, L_out, K, C_in)
    Xp = np.zeros((N, g.L_pad, C_in), dtype=cb.dtype)           # (N, L_pad, C_in)
    last = (g.L_out - 1) * g.stride + 1
    for k in range(g.K):                                        # a loop over taps, not positions
        start = k * g.dilation
        Xp[:, start:start + last:g.stride, :] += cb[:, :, k, :]
    return Xp[:, g.p_left:g.p_left + g.L, :]                    # (N, L, C_in)


def conv1d_gemm(X, W, b=None, stride=1, padding="valid", dilation=1):
    """``conv1d`` written out as im2col followed by ONE matrix product, for the whole batch.

    ``Z = P @ W.reshape(K * C_in, C_out) + b`` with the patch matrix P (N * L_out, K * C_in):
    the route notebook 05 derives and notebook 09 times against ``conv1d``'s blocked one
    (``benchmarks/conv_speed.py`` calls it "im2col+mm"). Same arguments and result as
    ``helpers.conv.conv1d``: X (L, C_in) or (N, L, C_in), W (K, C_in, C_out), b (C_out,) ->
    (L_out, C_out) or (N, L_out, C_out).

    Introduced in notebook 05.
    """
    X, W, b, batched = check_conv_args(X, W, b, "conv1d_gemm")
    K, C_in, C_out = W.shape
    g = geometry(X.shape[1], K, stride, padding, dilation, "conv1d_gemm")
    P = im2col_batch(X, g).reshape(-1, K * C_in)               # (N*L_out, K*C_in), all of it
    Z = (P @ W.reshape(K * C_in, C_out)).reshape(len(X), g.L_out, C_out)   # one GEMM
    if b is not None:
        Z += b                                                 # broadcast over N, L_out
    return Z if batched else Z[0]
