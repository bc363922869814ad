"""Pooling layers as forward/backward pairs: max and average pooling, global pooling.

A pooling layer slides a window of ``pool_size`` q along the length axis of X (L, C) or
(N, L, C) with step ``stride`` s (default q; s < q gives overlapping windows) and summarises
each window, channel by channel:

    max:     out[n, i, c] = max_k   X[n, i*s + k, c]        (k = 0 .. q-1)
    average: out[n, i, c] = (1/q) sum_k X[n, i*s + k, c]

with ``L_out = floor((L - q) / s) + 1`` (no padding: a padded zero would change a maximum).
Backward: max pooling *routes* each upstream gradient to the one input that won its window;
average pooling *spreads* it evenly, 1/q to each input of the window. Overlapping windows add
up, which is exactly ``col2im1d``. Global pooling summarises the whole length:
(N, L, C) -> (N, C). A forward returns ``(out, cache)``, its backward takes
``(dout, cache)`` and returns dX, X's shape. ``pool1d_naive``, the loop twin of both
forwards, is notebook 06's.
"""
import numpy as np

from helpers.conv_fast import window_view
from helpers.geometry import geometry
from helpers.im2col import col2im_batch
from helpers.validation import as_float_array, check_dout, check_int

__all__ = ["maxpool1d_forward", "maxpool1d_backward", "avgpool1d_forward", "avgpool1d_backward",
           "pool1d_naive", "global_avgpool_forward", "global_avgpool_backward",
           "global_maxpool_forward", "global_maxpool_backward"]

_BATCH = "a 3-D array of shape (N, L, C)"


def _windows(X, pool_size, stride, func):
    """Checked X as (N, L, C), its windows (N, L_out, q, C) (a view), geometry, batched?"""
    X = as_float_array(X, "X", (2, 3), "a 2-D array (L, C) or a 3-D array (N, L, C)", func)
    q = check_int(pool_size, "pool_size", func, 1)
    s = q if stride is None else check_int(stride, "stride", func, 1)
    g = geometry(X.shape[-2], q, s, "valid", 1, func)           # window longer than L -> error
    Xb = X if X.ndim == 3 else X[None]                          # (N, L, C)
    win = window_view(Xb, g.K, g.stride, 1, g.L_out)            # (N, L_out, q, C), no copy
    return Xb, win, g, X.ndim == 3


def maxpool1d_forward(X, pool_size, stride=None):
    """Max pooling: ``out[n, i, c] = max_k X[n, i*s + k, c]``, (N, L_out, C) or (L_out, C).

    The cache holds the winning position ``argmax`` (N, L_out, C) within each window.
    Introduced in notebook 06.
    """
    Xb, win, g, batched = _windows(X, pool_size, stride, "maxpool1d_forward")
    arg = win.argmax(axis=2)                                    # (N, L_out, C): first maximum
    out = np.take_along_axis(win, arg[:, :, None, :], axis=2)[:, :, 0, :]   # (N, L_out, C)
    cache = dict(argmax=arg, X_shape=Xb.shape, batched=batched, geometry=g)
    return (out if batched else out[0]), cache


def maxpool1d_backward(dout, cache):
    """Route each upstream gradient to the input that won its window.

    ``dX[n, j, c] = sum of dout[n, i, c] over the windows i whose maximum sat at j``.
    Introduced in notebook 06.
    """
    arg, q = cache["argmax"], cache["geometry"].K
    return _backward(dout, cache, "maxpool1d_backward",   # one-hot at the winner, (N, L_out, q, C)
                     lambda G: (np.arange(q)[:, None] == arg[:, :, None, :]) * G[:, :, None, :])


def _backward(dout, cache, func, spread):
    """dX = col2im of ``spread(dout)``, each window's (N, L_out, q, C) share of the gradient."""
    (N, _, C), g = cache["X_shape"], cache["geometry"]
    shape = (N, g.L_out, C) if cache["batched"] else (g.L_out, C)
    G = check_dout(dout, shape, func).reshape(N, g.L_out, C)
    dX = col2im_batch(spread(G).reshape(N, g.L_out, g.K * C), g)          # (N, L, C)
    return dX if cache["batched"] else dX[0]


def avgpool1d_forward(X, pool_size, stride=None):
    """Average pooling: ``out[n, i, c] = (1/q) sum_k X[n, i*s + k, c]``, shapes as for max.

    It is a correlation with the filter (1/q, ..., 1/q), applied to each channel on its own.
    Introduced in notebook 06.
    """
    Xb, win, g, batched = _windows(X, pool_size, stride, "avgpool1d_forward")
    out = win.mean(axis=2)                                      # (N, L_out, C)
    cache = dict(X_shape=Xb.shape, batched=batched, geometry=g)
    return (out if batched else out[0]), cache


def avgpool1d_backward(dout, cache):
    """Spread each upstream gradient evenly, 1/q to every input of its window.

    ``dX[n, j, c] = (1/q) sum of dout[n, i, c] over the windows i that contain j``.
    Introduced in notebook 06.
    """
    q = cache["geometry"].K
    return _backward(dout, cache, "avgpool1d_backward",
                     lambda G: np.broadcast_to(G[:, :, None, :] / q, (*G.shape[:2], q, G.shape[2])))


def pool1d_naive(X, pool_size, stride=None, mode="max"):
    """Loop twin of both pooling forwards (``mode`` "max" or "avg"); the tests' reference."""
    Xb, _, g, batched = _windows(X, pool_size, stride, "pool1d_naive")
    N, _, C = Xb.shape
    pos = g.positions()                                         # pos[i, k] = i*s + k, no padding
    out = np.zeros((N, g.L_out, C))
    for n in range(N):
        for i in range(g.L_out):
            for c in range(C):
                window = [Xb[n, j, c] for j in pos[i]]
                out[n, i, c] = max(window) if mode == "max" else sum(window) / g.K
    return out if batched else out[0]


def global_avgpool_forward(X):
    """Global average pooling: ``out[n, c] = (1/L) sum_j X[n, j, c]``, (N, L, C) -> (N, C).

    Introduced in notebook 06.
    """
    X = as_float_array(X, "X", (3,), _BATCH, "global_avgpool_forward")
    return X.mean(axis=1), X.shape


def global_avgpool_backward(dout, cache):
    """``dX[n, j, c] = dout[n, c] / L`` for every j: (N, C) -> (N, L, C).

    Introduced in notebook 06.
    """
    N, L, C = cache
    g = check_dout(dout, (N, C), "global_avgpool_backward")
    return np.repeat(g[:, None, :] / L, L, axis=1)              # (N, L, C)


def global_maxpool_forward(X):
    """Global max pooling: ``out[n, c] = max_j X[n, j, c]``, (N, L, C) -> (N, C).

    Introduced in notebook 06.
    """
    X = as_float_array(X, "X", (3,), _BATCH, "global_maxpool_forward")
    arg = X.argmax(axis=1)                                      # (N, C)
    return np.take_along_axis(X, arg[:, None, :], axis=1)[:, 0, :], (arg, X.shape)


def global_maxpool_backward(dout, cache):
    """``dX[n, j, c] = dout[n, c]`` where j is the position of the maximum, else 0.

    Introduced in notebook 06.
    """
    arg, (N, L, C) = cache
    g = check_dout(dout, (N, C), "global_maxpool_backward")
    return (np.arange(L)[None, :, None] == arg[:, None, :]) * g[:, None, :]   # (N, L, C)
