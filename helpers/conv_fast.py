"""The engine behind ``helpers.conv.conv1d``: its two routes, and the one window view.

Both routes take an input that is already zero-padded and a geometry that is already checked,
so they know nothing about padding rules and check nothing; ``conv1d`` validates the
arguments once and pads, then calls one of them.

*Blocked im2col + GEMM* (``conv1d_blocked``), for every layer with more than one channel.
The patch matrix P (N * L_out, K * C_in) is never built whole. Rows are copied, a block at a
time, into one small reusable buffer (a few MB, so it stays in the CPU cache), and each block
is multiplied by the filter matrix ``W.reshape(K * C_in, C_out)`` straight into its rows of
the output. The GEMM's inner dimension stays K * C_in, the copies are cheap cache-to-cache
moves, and no array the size of P is ever allocated. This is how fast libraries compute
convolution on a CPU. Measured on a quiet machine (``benchmarks/conv_speed.py``), it runs at
roughly 50-85 % of the machine's float32 matmul speed and beats one big im2col + matmul
(``helpers.im2col.conv1d_gemm``) by 1.2-1.5x. When other processes keep the cores busy,
each of its several GEMM calls waits for the BLAS threads to be scheduled, so it can then
lose to one large call: time it when quiet.

*One np.correlate over the batch* (``conv1d_correlate``), for one input and one output
channel. Then a GEMM has nothing to multiply (P @ w is a matrix-vector product, and copying
P costs K times the input); numpy's compiled ``np.correlate`` runs over the examples laid end
to end, and the outputs whose window crosses from one example into the next are skipped.
Measured (float32, K = 9, best of 200): L = 100000, N = 1: 0.15 ms, against 0.54 ms for
summing tap by tap and 0.85 ms for the blocked GEMM; N = 64, L = 150: 0.02 ms against 0.04
and 0.07 ms.

Introduced in notebook 09.
"""
import numpy as np
from numpy.lib.stride_tricks import as_strided

__all__ = ["window_view", "conv1d_blocked", "conv1d_correlate", "choose_block_rows",
           "BLOCK_BYTES"]

BLOCK_BYTES = 4 * 1024 * 1024   # patch-matrix block: fits in L3 cache, big enough for BLAS threads
_MIN_BLOCK_ROWS = 64


def window_view(Xp, K, stride, dilation, L_out):
    """Every window of a padded batch, as a read-only view (no copy).

    The one window view of the helpers: ``helpers.conv.sliding_windows``, ``im2col1d`` and
    ``conv1d_blocked`` all read their windows through it.

    Parameters
    ----------
    Xp : numpy.ndarray, shape (N, L_pad, C_in)
        The zero-padded input.
    K, stride, dilation, L_out : int
        Kernel size K, stride s, dilation d and the number of outputs L_out (trusted:
        ``(L_out - 1) s + d (K - 1) < L_pad``).

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


def conv1d_correlate(Xp, W, L_out, stride=1, dilation=1):
    """Cross-correlation of a padded one-channel batch with ``np.correlate`` over the whole batch.

    The examples are laid end to end (``Xp.reshape(-1)``, length N * L_pad) and correlated
    with the kernel in one call; output i of example n is entry ``n * L_pad + i * s`` of the
    result. Entries whose window crosses into the next example, and with stride s the s - 1
    between two kept ones, are computed and skipped. With dilation d the taps are d apart, so
    they are neighbours in each phase ``x[r::d]`` (r = 0 .. d-1): one call per phase, no
    multiplications by inserted zeros.

    Parameters
    ----------
    Xp : numpy.ndarray, shape (N, L_pad, 1)
        The zero-padded input, one channel.
    W : numpy.ndarray, shape (K, 1, 1)
        One filter, one input and one output channel.
    L_out, stride, dilation : int
        As in ``conv1d_blocked``.

    Returns
    -------
    numpy.ndarray, shape (N, L_out, 1)
        Same result as ``conv1d_blocked``, in the combined dtype (float32 stays float32).
    """
    N, L_pad, _ = Xp.shape
    K, d = W.shape[0], dilation
    dtype = np.result_type(Xp, W)
    w = W[:, 0, 0].astype(dtype, copy=False)                            # (K,)
    flat = Xp.astype(dtype, copy=False).reshape(-1)                     # (N * L_pad,)
    if d == 1:
        r = np.correlate(flat, w, "valid")                              # (N * L_pad - K + 1,)
    else:
        M = -(-flat.size // d)                                          # longest phase
        r = np.empty((M - K + 1, d), dtype=dtype)                       # r[m, ph]: output m*d + ph
        for ph in range(d):                                             # taps d apart: neighbours
            phase = flat[ph::d]                                         # in the phase flat[ph::d]
            if len(phase) >= K:                                         # (a shorter phase leaves
                r[:len(phase) - K + 1, ph] = np.correlate(phase, w, "valid")  # entries unread)
        r = r.reshape(-1)                                               # r[q]: output at q
    if N == 1 and stride == 1:
        return r[:L_out].reshape(1, L_out, 1)                           # no copy
    it = r.itemsize
    view = as_strided(r, (N, L_out, 1), (L_pad * it, stride * it, it), writeable=False)
    return view.copy()                                                  # (N, L_out, 1)
