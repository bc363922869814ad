"""1-D cross-correlation, convolution and the convolutional layer, channels-last.

Symbols: N examples, length L, kernel size K, channels C_in -> C_out, stride s, dilation d,
padding (p_left, p_right). The effective kernel size is K_eff = d (K - 1) + 1 and

    L_out = floor((L + p_left + p_right - K_eff) / s) + 1.

What a CNN layer computes is a **cross-correlation** (the kernel is not flipped), as in every
framework; ``correlate1d`` never flips, ``convolve1d`` flips. Each vectorised function has a
plain-loop twin ``*_naive`` beside it, which the tests use as the reference.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from helpers.conv_fast import conv1d_blocked, conv1d_taps
from helpers.validation import as_float_array, check_int, describe

__all__ = [
    "conv_output_length", "padding_amounts", "pad1d", "sliding_windows",
    "correlate1d", "correlate1d_naive", "convolve1d", "convolve1d_naive",
    "conv1d", "conv1d_naive",
]

PADDING_HELP = ("'valid', 'same', 'full', an int >= 0, or a (left, right) pair of ints >= 0")


def _geometry(L, K, stride, padding, dilation, func):
    """Check the geometry arguments; return ``(p_left, p_right, L_out)``."""
    L = check_int(L, "L (the input length)", func, 1)
    K = check_int(K, "K (the kernel size)", func, 1)
    s = check_int(stride, "stride", func, 1)
    d = check_int(dilation, "dilation", func, 1)
    K_eff = d * (K - 1) + 1
    if isinstance(padding, str):
        if padding == "valid":
            pl = pr = 0
        elif padding == "full":
            pl = pr = K_eff - 1
        elif padding == "same":  # TensorFlow's rule: L_out = ceil(L / s), extra zero on the right
            total = max((-(-L // s) - 1) * s + K_eff - L, 0)
            pl, pr = total // 2, total - total // 2
        else:
            raise ValueError(f"{func}: padding must be {PADDING_HELP}; got {padding!r}")
    elif isinstance(padding, (tuple, list)):
        if len(padding) != 2:
            raise ValueError(f"{func}: padding as a sequence must be a (left, right) pair; "
                             f"got {len(padding)} values {tuple(padding)!r}")
        pl = check_int(padding[0], "padding[0] (left)", func, 0)
        pr = check_int(padding[1], "padding[1] (right)", func, 0)
    elif isinstance(padding, (int, np.integer)) and not isinstance(padding, bool):
        pl = pr = check_int(padding, "padding", func, 0)
    else:
        raise TypeError(f"{func}: padding must be {PADDING_HELP}; got {padding!r} "
                        f"({type(padding).__name__})")
    L_pad = L + pl + pr
    if K_eff > L_pad:
        dil = f", dilation d={d}, so K_eff = d(K-1)+1 = {K_eff}" if d > 1 else ""
        raise ValueError(
            f"{func}: the kernel (K={K}{dil}) is longer than the padded input "
            f"(L={L} + padding {pl}+{pr} = {L_pad}), so no window fits. "
            f"Use a shorter kernel, or padding='same' or 'full'.")
    return pl, pr, (L_pad - K_eff) // s + 1


def conv_output_length(L, K, stride=1, padding="valid", dilation=1):
    """Number of outputs of a 1-D correlation/convolution.

    Parameters
    ----------
    L : int
        Input length.
    K : int
        Kernel size (number of taps).
    stride : int, default 1
        Step s between consecutive windows.
    padding : {"valid", "same", "full"} or int or (int, int), default "valid"
        Zeros added at the ends; see ``padding_amounts``.
    dilation : int, default 1
        Gap d between taps (d = 1 is an ordinary kernel).

    Returns
    -------
    int
        ``L_out = floor((L + p_left + p_right - K_eff) / s) + 1`` with ``K_eff = d (K - 1) + 1``.

    Raises
    ------
    ValueError
        If the kernel is longer than the padded input, or an argument is out of range.

    Examples
    --------
    >>> conv_output_length(10, 3), conv_output_length(10, 3, padding="full")
    (8, 12)
    >>> conv_output_length(10, 3, stride=3)   # floor(7 / 3) + 1: the last input is never read
    3

    Introduced in notebook 03.
    """
    return _geometry(L, K, stride, padding, dilation, "conv_output_length")[2]


def padding_amounts(L, K, stride=1, padding="valid", dilation=1):
    """Zeros added on the left and on the right of a length-L input.

    ``"valid"`` adds none. ``"full"`` adds K_eff - 1 on each side, so every output that
    touches at least one input is kept. ``"same"`` follows TensorFlow: L_out = ceil(L / s),
    total padding max((L_out - 1) s + K_eff - L, 0), of which total // 2 goes on the left and
    the rest (one more when the total is odd) on the right. An int p means (p, p).

    Returns
    -------
    (int, int)
        ``(p_left, p_right)``.

    Examples
    --------
    >>> padding_amounts(10, 4, padding="same")
    (1, 2)

    Introduced in notebook 03.
    """
    pl, pr, _ = _geometry(L, K, stride, padding, dilation, "padding_amounts")
    return pl, pr


def pad1d(x, padding, kernel_size=None, stride=1, dilation=1):
    """Zero-pad a signal along its length axis.

    Parameters
    ----------
    x : array_like, shape (L,), (L, C) or (N, L, C)
        The signal; the length axis is axis 0 for (L,) and (L, C), axis 1 for (N, L, C).
    padding : {"valid", "same", "full"} or int or (int, int)
        See ``padding_amounts``. The string forms need ``kernel_size``.
    kernel_size : int, optional
        K, needed for the string forms of ``padding``.
    stride, dilation : int, default 1
        Used by ``"same"`` (stride) and by ``"same"``/``"full"`` (dilation).

    Returns
    -------
    numpy.ndarray, shape (L + p_left + p_right,), (L + p_left + p_right, C) or (N, ..., C)

    Examples
    --------
    >>> pad1d([1, 2, 3], "full", kernel_size=2)
    array([0., 1., 2., 3., 0.])

    Introduced in notebook 03.
    """
    x = as_float_array(x, "x", (1, 2, 3), "an array of shape (L,), (L, C) or (N, L, C)", "pad1d")
    axis = 1 if x.ndim == 3 else 0
    if isinstance(padding, str) and kernel_size is None:
        raise ValueError(f"pad1d: padding={padding!r} depends on the kernel size; "
                         "pass kernel_size=K")
    K = 1 if kernel_size is None else kernel_size
    pl, pr, _ = _geometry(x.shape[axis], K, stride, padding, dilation, "pad1d")
    widths = [(0, 0)] * x.ndim
    widths[axis] = (pl, pr)
    return np.pad(x, widths)


def sliding_windows(x, K, stride=1, padding="valid", dilation=1):
    """All windows a kernel of size K reads, as a read-only view of the padded signal.

    Window i holds the inputs at padded positions i s, i s + d, ..., i s + (K - 1) d.

    Parameters
    ----------
    x : array_like, shape (L,), (L, C) or (N, L, C)
    K : int
        Kernel size.
    stride, padding, dilation
        As in ``conv1d``.

    Returns
    -------
    numpy.ndarray, shape (L_out, K), (L_out, K, C) or (N, L_out, K, C)
        ``windows[..., i, k, :] == pad1d(x)[..., i * stride + k * dilation, :]``. No data is
        copied beyond the padding.

    Introduced in notebook 05.
    """
    x = as_float_array(x, "x", (1, 2, 3), "an array of shape (L,), (L, C) or (N, L, C)",
                       "sliding_windows")
    axis = 1 if x.ndim == 3 else 0
    pl, pr, L_out = _geometry(x.shape[axis], K, stride, padding, dilation, "sliding_windows")
    K_eff = dilation * (K - 1) + 1
    widths = [(0, 0)] * x.ndim
    widths[axis] = (pl, pr)
    xp = np.pad(x, widths)                                     # length L + pl + pr
    win = sliding_window_view(xp, K_eff, axis=axis)            # (..., L_pad - K_eff + 1, [C,] K_eff)
    idx = (slice(None),) * axis + (slice(0, (L_out - 1) * stride + 1, stride),)
    win = win[idx][..., ::dilation]                            # (..., L_out, [C,] K)
    return win if x.ndim == 1 else np.moveaxis(win, -1, axis + 1)  # (..., L_out, K, [C])


def _check_signal_and_kernel(x, w, func):
    x = as_float_array(x, "x", (1,), "a 1-D array of shape (L,)", func)
    w = as_float_array(w, "w", (1,), "a 1-D array of shape (K,)", func)
    return x, w


def _correlate(x, w, stride, padding, dilation, func):
    x, w = _check_signal_and_kernel(x, w, func)
    _geometry(len(x), len(w), stride, padding, dilation, func)   # messages name `func`
    return sliding_windows(x, len(w), stride, padding, dilation) @ w  # (L_out, K) @ (K,)


def correlate1d(x, w, stride=1, padding="valid", dilation=1):
    """Cross-correlation of a signal with a kernel (no flip): a sliding dot product.

    ``y[i] = sum_k w[k] * x_pad[i*s + k*d]`` for i = 0, ..., L_out - 1,
    where ``x_pad`` is x with p_left zeros before it and p_right after it.

    Parameters
    ----------
    x : array_like, shape (L,)
        Input signal.
    w : array_like, shape (K,)
        Kernel (filter weights).
    stride : int, default 1
    padding : {"valid", "same", "full"} or int or (int, int), default "valid"
    dilation : int, default 1

    Returns
    -------
    numpy.ndarray, shape (L_out,)
        ``L_out = floor((L + p_left + p_right - K_eff) / s) + 1``, ``K_eff = d (K - 1) + 1``.
        With the defaults this is ``np.correlate(x, w, "valid")``, L - K + 1 entries.

    Examples
    --------
    >>> correlate1d([1, 2, 3, 4], [1, 0, -1])
    array([-2., -2.])

    Introduced in notebook 02.
    """
    return _correlate(x, w, stride, padding, dilation, "correlate1d")


def convolve1d(x, w, stride=1, padding="valid", dilation=1):
    """Convolution in the mathematical sense: cross-correlation with the flipped kernel.

    ``y[i] = sum_k w[K-1-k] * x_pad[i*s + k*d]``; with stride 1 and ``"full"`` padding this is
    ``(x * w)[n] = sum_k w[k] x[n - k]``, i.e. ``np.convolve(x, w, "full")``.

    Parameters and shapes are those of ``correlate1d``: x (L,), w (K,) -> (L_out,).

    Examples
    --------
    >>> convolve1d([1, 2, 3, 4], [1, 0, -1])
    array([2., 2.])

    Introduced in notebook 03.
    """
    x, w = _check_signal_and_kernel(x, w, "convolve1d")
    return _correlate(x, w[::-1], stride, padding, dilation, "convolve1d")


def _naive_1d(x, w, stride, padding, dilation, func, flip):
    x, w = _check_signal_and_kernel(x, w, func)
    L, K = len(x), len(w)
    pl, _, L_out = _geometry(L, K, stride, padding, dilation, func)
    y = np.zeros(L_out, dtype=np.result_type(x, w))
    for i in range(L_out):
        for k in range(K):
            j = i * stride + k * dilation - pl      # input position read by tap k
            if 0 <= j < L:                          # outside: a padded zero
                y[i] += x[j] * (w[K - 1 - k] if flip else w[k])
    return y


def correlate1d_naive(x, w, stride=1, padding="valid", dilation=1):
    """Loop twin of ``correlate1d`` (same arguments and result); the tests' reference."""
    return _naive_1d(x, w, stride, padding, dilation, "correlate1d_naive", flip=False)


def convolve1d_naive(x, w, stride=1, padding="valid", dilation=1):
    """Loop twin of ``convolve1d`` (same arguments and result); the tests' reference."""
    return _naive_1d(x, w, stride, padding, dilation, "convolve1d_naive", flip=True)


def _check_layer_args(X, W, b, func):
    """Validate conv1d's arrays; return X as (N, L, C_in), W, b and whether X was batched."""
    X = as_float_array(X, "X", (2, 3), "a 2-D array (L, C_in) or a 3-D array (N, L, C_in)", func)
    W = as_float_array(W, "W", (3,), "a 3-D array of shape (K, C_in, C_out)", func)
    if X.shape[-1] != W.shape[1]:
        raise ValueError(
            f"{func}: X has C_in={X.shape[-1]} channels (last axis of shape {X.shape}) but W "
            f"expects C_in={W.shape[1]} (axis 1 of shape (K, C_in, C_out) = {W.shape})")
    if b is not None:
        b = as_float_array(b, "b", (1,), "None or a 1-D array of shape (C_out,)", func)
        if b.shape != (W.shape[2],):
            raise ValueError(f"{func}: b must have shape (C_out,) = ({W.shape[2]},) to match W "
                             f"of shape {W.shape}; got {describe(b)}")
    batched = X.ndim == 3
    return (X if batched else X[None]), W, b, batched


def conv1d(X, W, b=None, stride=1, padding="valid", dilation=1):
    """A 1-D convolutional layer (before its non-linearity), channels-last.

    Like every framework's "conv1d" this is a **cross-correlation** (no kernel flip):

    ``out[n, i, o] = b[o] + sum_k sum_c W[k, c, o] * X_pad[n, i*s + k*d, c]``.

    It is computed as a matrix product: the patch matrix (N * L_out, K * C_in) of all
    windows (see ``helpers.im2col``) times the filter matrix ``W.reshape(K * C_in, C_out)``,
    done block by block so the patches stay in cache (``helpers.conv_fast``); with one input
    and one output channel, tap by tap.

    Parameters
    ----------
    X : array_like, shape (L, C_in) or (N, L, C_in)
        Input: one example or a batch.
    W : array_like, shape (K, C_in, C_out)
        Filters: one (K, C_in) filter per output channel.
    b : array_like, shape (C_out,), optional
        Bias, one per output channel.
    stride : int, default 1
    padding : {"valid", "same", "full"} or int or (int, int), default "valid"
    dilation : int, default 1

    Returns
    -------
    numpy.ndarray, shape (L_out, C_out) or (N, L_out, C_out)
        ``L_out = floor((L + p_left + p_right - K_eff) / s) + 1``, ``K_eff = d (K - 1) + 1``.
        float32 in, float32 out.

    Examples
    --------
    >>> X = np.arange(5.0)[:, None]                 # (L=5, C_in=1)
    >>> W = np.array([1.0, -1.0]).reshape(2, 1, 1)  # (K=2, C_in=1, C_out=1)
    >>> conv1d(X, W)[:, 0]
    array([-1., -1., -1., -1.])

    Introduced in notebook 05.
    """
    X, W, b, batched = _check_layer_args(X, W, b, "conv1d")
    N, L, C_in = X.shape
    K, _, C_out = W.shape
    pl, pr, L_out = _geometry(L, K, stride, padding, dilation, "conv1d")  # messages name conv1d
    Xp = np.pad(X, ((0, 0), (pl, pr), (0, 0))) if pl or pr else X      # (N, L_pad, C_in)
    if C_in == 1 and C_out == 1:                                        # nothing for a GEMM to do
        out = conv1d_taps(Xp, W, L_out, stride, dilation)               # (N, L_out, 1)
    else:
        out = conv1d_blocked(Xp, W, L_out, stride, dilation)            # (N, L_out, C_out)
    if b is not None:
        out += b
    return out if batched else out[0]


def conv1d_naive(X, W, b=None, stride=1, padding="valid", dilation=1):
    """Loop twin of ``conv1d`` (same arguments and result); the tests' reference."""
    X, W, b, batched = _check_layer_args(X, W, b, "conv1d_naive")
    N, L, C_in = X.shape
    K, _, C_out = W.shape
    pl, _, L_out = _geometry(L, K, stride, padding, dilation, "conv1d_naive")
    out = np.zeros((N, L_out, C_out), dtype=np.result_type(X, W))
    for n in range(N):
        for i in range(L_out):
            for o in range(C_out):
                total = 0.0 if b is None else b[o]
                for k in range(K):
                    j = i * stride + k * dilation - pl   # input position read by tap k
                    if 0 <= j < L:
                        for c in range(C_in):
                            total += X[n, j, c] * W[k, c, o]
                out[n, i, o] = total
    return out if batched else out[0]
