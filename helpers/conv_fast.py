"""The engine behind ``helpers.conv.conv1d``: blocked im2col + GEMM, and a tap loop.

Both routes take an input that is already zero-padded, so they know nothing about padding
rules; ``conv1d`` validates the arguments and pads, then calls one of them.

*Blocked GEMM.* The patch matrix P (N * L_out, K * C_in) is never built whole. Rows are
copied, a block at a time, into one small reusable buffer (a few hundred KB, so it stays in
the CPU cache), and each block is multiplied by the filter matrix
``W.reshape(K * C_in, C_out)`` straight into its rows of the output. The GEMM's inner
dimension stays K * C_in (large), the copies are cheap cache-to-cache moves, and no array the
size of P is ever allocated. This is how fast libraries compute convolution on a CPU.

Measured on a quiet machine (``benchmarks/conv_speed.py``), the blocked route runs at
roughly 50-85 % of the machine's float32 matmul speed and beats one big im2col + matmul by
1.3-1.4x. When other processes keep the cores busy, each of its several GEMM calls waits for
the BLAS threads to be scheduled, so it can then lose to one large call: time it when quiet.

*Tap loop.* With very few channels a GEMM has almost nothing to multiply; then
``out = sum_k X_pad[i s + k d] W[k]`` is summed tap by tap as K * C_in array updates.

Introduced in notebook 09.
"""
import numpy as np
from numpy.lib.stride_tricks import as_strided

__all__ = ["window_view", "conv1d_blocked", "conv1d_taps", "choose_block_rows",
           "BLOCK_BYTES", "LONG_SIGNAL"]

LONG_SIGNAL = 2048                # one channel, L_out >= this: np.correlate per example
BLOCK_BYTES = 4 * 1024 * 1024   # patch-matrix block: fits in L3 cache, large enough for BLAS threads
_MIN_BLOCK_ROWS = 64


def window_view(Xp, K, stride, dilation, L_out):
    """Every window of a padded batch, as a read-only view (no copy).

    Parameters
    ----------
    Xp : numpy.ndarray, shape (N, L_pad, C_in)
        The zero-padded input.
    K, stride, dilation, L_out : int
        Kernel size K, stride s, dilation d and the number of outputs L_out.

    Returns
    -------
    numpy.ndarray, shape (N, L_out, K, C_in)
        ``view[n, i, k, c] == Xp[n, i*s + k*d, c]``.
    """
    sN, sL, sC = Xp.strides
    N, _, C_in = Xp.shape
    return as_strided(Xp, (N, L_out, K, C_in), (sN, stride * sL, dilation * sL, sC),
                      writeable=False)


def choose_block_rows(K, C_in, itemsize=4, block_bytes=BLOCK_BYTES):
    """Rows of the patch matrix per block: about ``block_bytes`` of patches, at least 64."""
    return max(_MIN_BLOCK_ROWS, block_bytes // (K * C_in * itemsize))


def conv1d_blocked(Xp, W, L_out, stride=1, dilation=1, block_rows=None):
    """Cross-correlation of a padded batch as blocked im2col + GEMM (no bias).

    ``out[n, i, o] = sum_{k, c} Xp[n, i*s + k*d, c] W[k, c, o]``, computed as
    ``P_block @ W.reshape(K * C_in, C_out)`` for consecutive blocks of ``block_rows`` rows of
    the patch matrix P (a block may hold several whole examples, or part of one).

    Parameters
    ----------
    Xp : numpy.ndarray, shape (N, L_pad, C_in)
        The zero-padded input.
    W : numpy.ndarray, shape (K, C_in, C_out)
    L_out : int
        ``floor((L_pad - K_eff) / s) + 1`` with ``K_eff = d (K - 1) + 1``.
    stride, dilation : int
    block_rows : int, optional
        Patch rows per GEMM; default ``choose_block_rows(K, C_in)``.

    Returns
    -------
    numpy.ndarray, shape (N, L_out, C_out)
        In the dtype of ``Xp`` and ``W`` combined (float32 stays float32).
    """
    N, _, C_in = Xp.shape
    K, _, C_out = W.shape
    dtype = np.result_type(Xp, W)
    Xp = Xp.astype(dtype, copy=False)
    W2 = np.ascontiguousarray(W.reshape(K * C_in, C_out), dtype=dtype)    # (K*C_in, C_out)
    B = block_rows or choose_block_rows(K, C_in, np.dtype(dtype).itemsize)
    view = window_view(Xp, K, stride, dilation, L_out)                   # (N, L_out, K, C_in)
    out = np.empty((N, L_out, C_out), dtype=dtype)
    buf = np.empty(min(B, N * L_out) * K * C_in, dtype=dtype)            # the reused block
    if L_out <= B:                                  # a block = several whole examples
        per = B // L_out
        for n0 in range(0, N, per):
            n1 = min(N, n0 + per)
            rows = (n1 - n0) * L_out
            P = buf[:rows * K * C_in].reshape(n1 - n0, L_out, K, C_in)
            np.copyto(P, view[n0:n1])                                    # im2col of the block
            np.matmul(P.reshape(rows, K * C_in), W2,                     # (rows, K*C_in) @ W2
                      out=out[n0:n1].reshape(rows, C_out))
    else:                                           # a block = part of one example
        for n in range(N):
            for i0 in range(0, L_out, B):
                i1 = min(L_out, i0 + B)
                P = buf[:(i1 - i0) * K * C_in].reshape(i1 - i0, K, C_in)
                np.copyto(P, view[n, i0:i1])                             # im2col of the block
                np.matmul(P.reshape(i1 - i0, K * C_in), W2, out=out[n, i0:i1])
    return out


def _correlate_each(Xp, w, L_out, stride):
    """One channel in and out, no dilation: ``np.correlate`` per example (compiled loop).

    With stride s every window is correlated and every s-th result kept."""
    last = (L_out - 1) * stride + 1                      # span of window starts
    maps = [np.correlate(Xp[n, :last + len(w) - 1, 0], w, "valid")[::stride]   # (L_out,) each
            for n in range(Xp.shape[0])]
    if len(maps) == 1 and stride == 1:
        return maps[0].reshape(1, L_out, 1)              # no copy
    return np.stack(maps)[:, :, None]                    # (N, L_out, 1)


def conv1d_taps(Xp, W, L_out, stride=1, dilation=1):
    """Cross-correlation of a padded batch summed tap by tap (for very few channels).

    ``out = sum_k sum_c Xp[:, k*d : k*d + (L_out-1)*s + 1 : s, c, None] * W[k, c, :]``:
    K * C_in multiply-adds of arrays of shape (N, L_out, C_out). Same arguments and result
    as ``conv1d_blocked``. One channel in and out, no dilation and long signals
    (L_out >= LONG_SIGNAL) go to ``np.correlate``, example by example, which is faster still.
    """
    K, C_in, C_out = W.shape
    dtype = np.result_type(Xp, W)
    W = W.astype(dtype, copy=False)
    if C_in == C_out == 1 and dilation == 1 and L_out >= LONG_SIGNAL:
        return _correlate_each(Xp.astype(dtype, copy=False), W[:, 0, 0], L_out, stride)
    out = np.zeros((Xp.shape[0], L_out, C_out), dtype=dtype)
    tmp = np.empty_like(out)
    last = (L_out - 1) * stride + 1
    for k in range(K):
        for c in range(C_in):
            xs = Xp[:, k * dilation:k * dilation + last:stride, c, None]   # (N, L_out, 1)
            np.multiply(xs, W[k, c], out=tmp)                              # (N, L_out, C_out)
            out += tmp
    return out
