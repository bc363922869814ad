"""1-D cross-correlation, convolution and the convolutional layer, channels-last.

Shapes: a signal x (L,) and a kernel w (K,); a layer's input X (L, C_in) or a batch
(N, L, C_in), filters W (K, C_in, C_out), bias b (C_out,), output (L_out, C_out) or
(N, L_out, C_out). ``stride`` s, ``padding`` and ``dilation`` d, and L_out, follow
``helpers.geometry`` (its module docstring states the rules once). What a CNN layer computes
is a **cross-correlation** (the kernel is not flipped), as in every framework; ``correlate1d``
never flips, ``convolve1d`` flips. All three compute through the one engine,
``helpers.conv_fast.correlate_batch``; the plain-loop twins ``*_naive`` beside them are the
definitions that notebooks 02, 03 and 05 read and the tests use as the reference.
"""
import numpy as np

from helpers.conv_fast import correlate_batch, window_view
from helpers.geometry import geometry
from helpers.validation import as_float_array, check_conv_args

__all__ = ["pad1d", "sliding_windows", "correlate1d", "correlate1d_naive", "convolve1d",
           "convolve1d_naive", "conv1d", "conv1d_naive"]

_SIGNAL = "an array of shape (L,), (L, C) or (N, L, C)"


def pad1d(x, padding, kernel_size=None, stride=1, dilation=1):
    """Zero-pad a signal x (L,), (L, C) or (N, L, C) along its length axis (L -> L_pad).

    The string forms of ``padding`` need ``kernel_size`` (K); ``"same"`` also uses the stride,
    ``"same"`` and ``"full"`` the dilation.

    Examples
    --------
    >>> pad1d([1, 2, 3], "full", kernel_size=2)
    array([0., 1., 2., 3., 0.])

    Introduced in notebook 03.
    """
    x = as_float_array(x, "x", (1, 2, 3), _SIGNAL, "pad1d")
    axis = 1 if x.ndim == 3 else 0
    if isinstance(padding, str) and kernel_size is None:
        raise ValueError(f"pad1d: padding={padding!r} depends on the kernel size; "
                         "pass kernel_size=K")
    K = 1 if kernel_size is None else kernel_size
    g = geometry(x.shape[axis], K, stride, padding, dilation, "pad1d")
    return g.pad(x, axis) if g.p_left or g.p_right else x.copy()


def sliding_windows(x, K, stride=1, padding="valid", dilation=1):
    """All windows a kernel of size K reads, as a read-only view of the padded signal.

    x (L,), (L, C) or (N, L, C) -> (L_out, K), (L_out, K, C) or (N, L_out, K, C), with
    ``windows[..., i, k, :] == pad1d(x)[..., i*s + k*d, :]``; nothing is copied but the padding.

    Introduced in notebook 05.
    """
    x = as_float_array(x, "x", (1, 2, 3), _SIGNAL, "sliding_windows")
    xb = x[None, :, None] if x.ndim == 1 else x[None] if x.ndim == 2 else x  # (N, L, C)
    g = geometry(xb.shape[1], K, stride, padding, dilation, "sliding_windows")
    win = window_view(g.pad(xb, 1), g.K, g.stride, g.dilation, g.L_out)     # (N, L_out, K, C)
    return win[0, :, :, 0] if x.ndim == 1 else win[0] if x.ndim == 2 else win


def _signal_and_kernel(x, w, func, flip):
    """Checked x (L,) and w (K,), w reversed if ``flip`` (convolution)."""
    x = as_float_array(x, "x", (1,), "a 1-D array of shape (L,)", func)
    w = as_float_array(w, "w", (1,), "a 1-D array of shape (K,)", func)
    return x, (w[::-1] if flip else w)


def _correlate(x, w, stride, padding, dilation, func, flip=False):
    """``correlate1d`` (or, with ``flip``, ``convolve1d``): the engine's one-channel case."""
    x, w = _signal_and_kernel(x, w, func, flip)
    g = geometry(len(x), len(w), stride, padding, dilation, func)   # messages name `func`
    return correlate_batch(x[None, :, None], w[:, None, None], g)[0, :, 0]   # (L_out,)


def correlate1d(x, w, stride=1, padding="valid", dilation=1):
    """Cross-correlation of a signal with a kernel (no flip): a sliding dot product.

    ``y[i] = sum_k w[k] * x_pad[i*s + k*d]`` for i = 0, ..., L_out - 1, where ``x_pad`` is x
    with p_left zeros before it and p_right after it.

    Parameters
    ----------
    x : array_like, shape (L,)
    w : array_like, shape (K,)
    stride, padding, dilation
        As in ``helpers.geometry``.

    Returns
    -------
    numpy.ndarray, shape (L_out,)
        With the defaults, ``np.correlate(x, w, "valid")``: L - K + 1 entries.

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

    Arguments and shapes as in ``correlate1d``: x (L,), w (K,) -> (L_out,).

    Examples
    --------
    >>> convolve1d([1, 2, 3, 4], [1, 0, -1])
    array([2., 2.])

    Introduced in notebook 03.
    """
    return _correlate(x, w, stride, padding, dilation, "convolve1d", flip=True)


def _naive_1d(x, w, stride, padding, dilation, func, flip):
    x, w = _signal_and_kernel(x, w, func, flip)
    g = geometry(len(x), len(w), stride, padding, dilation, func)
    pos, inside = g.inside()                    # pos[i, k] = i*s + k*d - p_left: tap k's input
    y = np.zeros(g.L_out, dtype=np.result_type(x, w))
    for i in range(g.L_out):
        for k in range(g.K):
            if inside[i, k]:                    # outside: a padded zero
                y[i] += x[pos[i, k]] * w[k]
    return y


def correlate1d_naive(x, w, stride=1, padding="valid", dilation=1):
    """Loop twin of ``correlate1d`` (same arguments and result); the tests' reference."""
    return _naive_1d(x, w, stride, padding, dilation, "correlate1d_naive", flip=False)


def convolve1d_naive(x, w, stride=1, padding="valid", dilation=1):
    """Loop twin of ``convolve1d`` (same arguments and result); the tests' reference."""
    return _naive_1d(x, w, stride, padding, dilation, "convolve1d_naive", flip=True)


def conv1d(X, W, b=None, stride=1, padding="valid", dilation=1):
    """A 1-D convolutional layer (before its non-linearity), channels-last.

    Like every framework's "conv1d" this is a **cross-correlation** (no kernel flip):
    ``out[n, i, o] = b[o] + sum_k sum_c W[k, c, o] * X_pad[n, i*s + k*d, c]``, computed by the
    engine ``helpers.conv_fast.correlate_batch`` (notebook 09 shows its two routes).

    Parameters
    ----------
    X : array_like, shape (L, C_in) or (N, L, C_in)
    W : array_like, shape (K, C_in, C_out)
    b : array_like, shape (C_out,), optional
    stride, padding, dilation
        As in ``helpers.geometry``.

    Returns
    -------
    numpy.ndarray, shape (L_out, C_out) or (N, L_out, C_out)
        float32 in, float32 out.

    Examples
    --------
    >>> X = np.arange(5.0)[:, None]                 # (L=5, C_in=1)
    >>> W = np.array([1.0, -1.0]).reshape(2, 1, 1)  # (K=2, C_in=1, C_out=1)
    >>> conv1d(X, W)[:, 0]
    array([-1., -1., -1., -1.])

    Introduced in notebook 05.
    """
    X, W, b, batched = check_conv_args(X, W, b, "conv1d")
    g = geometry(X.shape[1], W.shape[0], stride, padding, dilation, "conv1d")   # checked once
    out = correlate_batch(X, W, g)                                      # (N, L_out, C_out)
    if b is not None:
        out += b
    return out if batched else out[0]


def conv1d_naive(X, W, b=None, stride=1, padding="valid", dilation=1):
    """Loop twin of ``conv1d`` (same arguments and result); the tests' reference."""
    X, W, b, batched = check_conv_args(X, W, b, "conv1d_naive")
    (N, L, C_in), (K, _, C_out) = X.shape, W.shape
    g = geometry(L, K, stride, padding, dilation, "conv1d_naive")
    pos, inside = g.inside()                    # pos[i, k] = i*s + k*d - p_left: tap k's input
    out = np.zeros((N, g.L_out, C_out), dtype=np.result_type(X, W))
    for n in range(N):
        for i in range(g.L_out):
            for o in range(C_out):
                total = 0.0 if b is None else b[o]
                for k in range(K):
                    if inside[i, k]:            # outside: a padded zero
                        for c in range(C_in):
                            total += X[n, pos[i, k], c] * W[k, c, o]
                out[n, i, o] = total
    return out if batched else out[0]
