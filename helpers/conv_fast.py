"""The engine: the one forward implementation of a multi-channel 1-D cross-correlation.

``correlate_batch`` is what ``conv1d``, ``correlate1d``/``convolve1d``, the layer
``conv1d_forward`` (so the training of notebook 08) and the explorers compute through. It
pads once and takes one of two routes (notebook 09 prints and times both;
``benchmarks/conv_speed.py`` measures them against the machine's matmul and PyTorch):

* ``conv1d_blocked``, blocked im2col + GEMM, whenever C_in * C_out > 1: the patch matrix P
  (N * L_out, K * C_in) is never built whole; a block of its rows at a time is copied into one
  reused buffer and multiplied by ``W.reshape(K * C_in, C_out)`` straight into its rows of the
  output, one GEMM per block. A block's GEMM does about ``BLOCK_MACS`` multiply-adds: small
  enough that its numbers stay in the cache, and that OpenBLAS on an AVX-512 CPU reads its
  operands where they lie instead of first copying ("packing") them again; but a block has at
  least ``MIN_BLOCK_ROWS`` rows, so that each GEMM has enough work to run at full speed.
* ``conv1d_correlate``, for one input and one output channel, where a GEMM has nothing to
  multiply: one compiled ``np.correlate`` over the examples laid end to end.
"""
import numpy as np
from numpy.lib.stride_tricks import as_strided

__all__ = ["correlate_batch", "conv1d_blocked", "conv1d_correlate", "window_view",
           "choose_block_rows", "BLOCK_MACS", "MIN_BLOCK_ROWS"]

BLOCK_MACS = 10**6      # OpenBLAS's limit for unpacked "small" GEMMs (benchmarks/conv_speed.py)
MIN_BLOCK_ROWS = 256    # fewer rows make each GEMM too small to run at full speed


def correlate_batch(X, W, g, patches=None):
    """The engine: cross-correlation of a checked batch with a filter bank, without bias.

    X (N, L, C_in), float and trusted (the public functions check it), W (K, C_in, C_out) and
    their ``Geometry`` g -> out (N, L_out, C_out) in the combined dtype (float32 stays
    float32), ``out[n, i, o] = sum_{k, c} X_pad[n, i*s + k*d, c] W[k, c, o]``. Given
    ``patches`` (N, L_out, K * C_in), C-contiguous in that dtype, the blocked route uses it as
    its one block, so it holds the whole patch matrix P afterwards, for a backward pass
    (``helpers.layers.conv1d_forward``).
    """
    Xp = g.pad(X, 1)                                                    # (N, L_pad, C_in)
    if patches is not None:
        return conv1d_blocked(Xp, W, g, block_rows=len(X) * g.L_out, buf=patches)
    route = conv1d_correlate if W.shape[1] == W.shape[2] == 1 else conv1d_blocked
    return route(Xp, W, g)


def window_view(Xp, K, stride, dilation, L_out):
    """Every window of a padded batch Xp (N, L_pad, C_in), as a read-only view (no copy).

    Returns (N, L_out, K, C_in) with ``view[n, i, k, c] == Xp[n, i*s + k*d, c]``; the numbers
    are trusted (``(L_out - 1) s + d (K - 1) < L_pad``). The one window view of the helpers:
    ``sliding_windows``, ``im2col1d``, pooling and ``conv1d_blocked`` read through it.
    """
    sN, sL, sC = Xp.strides
    N, _, C_in = Xp.shape
    return as_strided(Xp, (N, L_out, K, C_in), (sN, stride * sL, dilation * sL, sC),
                      writeable=False)


def choose_block_rows(K, C_in, C_out, block_macs=BLOCK_MACS):
    """Rows B of the patch matrix per block: the block's GEMM, (B, K * C_in) @ (K * C_in,
    C_out), does about ``block_macs`` multiply-adds; B is at least ``MIN_BLOCK_ROWS``."""
    return max(MIN_BLOCK_ROWS, block_macs // (K * C_in * C_out))


def conv1d_blocked(Xp, W, g, block_rows=None, buf=None):
    """Blocked im2col + GEMM: ``P_block @ W_flat`` for consecutive blocks of rows of P.

    Xp (N, L_pad, C_in) is the padded input, W (K, C_in, C_out), g its ``Geometry``; B =
    ``block_rows`` (default ``choose_block_rows(K, C_in, C_out)``) rows of P per block: several
    whole examples when L_out <= B, else B rows of one example; ``buf`` may give the block's
    memory (at least B * K * C_in numbers). Returns Z (N, L_out, C_out),
    ``Z[n, i, o] = sum_{k, c} Xp[n, i*s + k*d, c] W[k, c, o]``, in the combined dtype.
    """
    (N, _, C_in), (K, _, C_out) = Xp.shape, W.shape
    dtype = np.result_type(Xp, W)
    W_flat = np.ascontiguousarray(W.reshape(K * C_in, C_out), dtype=dtype)  # (K*C_in, C_out)
    view = window_view(Xp.astype(dtype, copy=False), K, g.stride, g.dilation, g.L_out)
    B = block_rows or choose_block_rows(K, C_in, C_out)
    Z = np.empty((N, g.L_out, C_out), dtype=dtype)
    Z_rows = Z.reshape(N * g.L_out, C_out)                         # row n * L_out + i: Z[n, i]
    if buf is None:                                                # the one reused block of P
        buf = np.empty(min(B, N * g.L_out) * K * C_in, dtype=dtype)
    buf = buf.reshape(-1)
    per, rows = max(1, B // g.L_out), min(B, g.L_out)              # examples, rows per block
    for n in range(0, N, per):
        for i in range(0, g.L_out, rows):
            win = view[n:n + per, i:i + rows]                      # (n_b, r_b, K, C_in) view
            P = buf[:win.size].reshape(-1, K * C_in)               # (n_b * r_b, K * C_in)
            np.copyto(P.reshape(win.shape), win)                   # im2col of this block only
            first = n * g.L_out + i                                # its rows of Z are consecutive:
            np.matmul(P, W_flat, out=Z_rows[first:first + len(P)])     # one GEMM per block
    return Z


def conv1d_correlate(Xp, W, g):
    """One input and one output channel: one ``np.correlate`` over the batch laid end to end.

    Output i of example n is entry ``n * L_pad + i * s`` of the correlation of
    ``Xp.reshape(-1)`` with the kernel; the entries whose window crosses into the next
    example, and with stride s the s - 1 between two kept ones, are computed and skipped.
    With dilation d the taps are d apart, so they are neighbours in each phase ``x[r::d]``
    (r = 0 .. d-1): one call per phase, no multiplications by inserted zeros.

    Xp (N, L_pad, 1), W (K, 1, 1) and g as in ``conv1d_blocked``, and the same result
    Z (N, L_out, 1).
    """
    (N, L_pad, _), K, d = Xp.shape, W.shape[0], g.dilation
    dtype = np.result_type(Xp, W)
    w = W[:, 0, 0].astype(dtype, copy=False)                            # (K,)
    flat = Xp.astype(dtype, copy=False).reshape(-1)                     # (N * L_pad,)
    r = np.empty((-(-flat.size // d) - K + 1, d), dtype=dtype)          # r[m, ph]: output m*d + ph
    for ph in range(d):                                                 # taps d apart: neighbours
        phase = flat[ph::d]                                             # in the phase flat[ph::d]
        if len(phase) >= K:                                             # (a shorter phase leaves
            r[:len(phase) - K + 1, ph] = np.correlate(phase, w, "valid")    # entries unread)
    if N == 1 and g.stride == 1:
        return r.reshape(-1)[:g.L_out].reshape(1, g.L_out, 1)           # no copy
    it = r.itemsize                                                     # r.reshape(-1)[q]: output q
    view = as_strided(r, (N, g.L_out, 1), (L_pad * it, g.stride * it, it), writeable=False)
    return view.copy()                                                  # (N, L_out, 1)
