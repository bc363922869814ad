"""Layers as forward/backward pairs: dense, conv1d, ReLU and softmax cross-entropy.

Every layer has ``*_forward(...) -> (out, cache)`` and ``*_backward(dout, cache) -> grads``,
where ``dout`` is dL/d(out) for some scalar loss L and the grads have the shapes of the
forward's inputs (CS231n's pattern, with keyword arguments instead of parameter dicts).
Arrays are batch-first and channels-last: X (N, L, C_in), W (K, C_in, C_out). Pooling lives
in ``helpers.pooling``. Their loop twins, the tests' references, live in tests/oracles.py.

The convolution's forward is the engine of ``helpers.conv.conv1d``
(``helpers.conv_fast.correlate_batch``), which leaves the patch matrix P = im2col(X) it
multiplied in the cache; the backward is two more correlations, computed with P:

    dW = P^T dout          (a correlation of the input with the upstream gradient)
    dX = col2im(dout W^T)  (= T^T dout, a full convolution of dout with the filter)
"""
import numpy as np

from helpers.conv_fast import correlate_batch
from helpers.geometry import geometry
from helpers.im2col import col2im_batch
from helpers.validation import as_float_array, check_conv_args, check_dout, describe

__all__ = [
    "dense_forward", "dense_backward", "conv1d_forward", "conv1d_backward",
    "relu_forward", "relu_backward",
    "softmax_cross_entropy_forward", "softmax_cross_entropy_backward",
]


# ---------------------------------------------------------------- dense (row form)

def dense_forward(X, W, b):
    """Dense layer in row form: ``out = X W + b``.

    Parameters
    ----------
    X : array_like, shape (N, n_in)
        A batch, one example per row.
    W : array_like, shape (n_in, n_out)
        Column j holds unit j's weights.
    b : array_like, shape (n_out,)

    Returns
    -------
    out : numpy.ndarray, shape (N, n_out)
    cache : tuple
        ``(X, W)``, what ``dense_backward`` needs.

    Introduced in notebook 07.
    """
    func = "dense_forward"
    X = as_float_array(X, "X", (2,), "a 2-D array of shape (N, n_in)", func)
    W = as_float_array(W, "W", (2,), "a 2-D array of shape (n_in, n_out)", func)
    b = as_float_array(b, "b", (1,), "a 1-D array of shape (n_out,)", func)
    if X.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
        raise ValueError(f"{func}: X (N, n_in), W (n_in, n_out) and b (n_out,) do not match; "
                         f"got X {X.shape}, W {W.shape}, b {b.shape}")
    return X @ W + b, (X, W)


def dense_backward(dout, cache):
    """Gradients of ``out = X W + b``: ``dX = dout W^T``, ``dW = X^T dout``, ``db = sum_n dout``.

    Parameters
    ----------
    dout : array_like, shape (N, n_out)
    cache : tuple from ``dense_forward``

    Returns
    -------
    dX (N, n_in), dW (n_in, n_out), db (n_out,)

    Introduced in notebook 07.
    """
    X, W = cache
    dout = check_dout(dout, (X.shape[0], W.shape[1]), "dense_backward")
    return dout @ W.T, X.T @ dout, dout.sum(axis=0)


# ---------------------------------------------------------------- conv1d

def conv1d_forward(X, W, b=None, stride=1, padding="valid", dilation=1):
    """Convolutional layer (a cross-correlation, as in every framework), keeping a cache.

    ``out[n, i, o] = b[o] + sum_k sum_c W[k, c, o] * X_pad[n, i*s + k*d, c]``: arguments,
    shapes and result exactly those of ``helpers.conv.conv1d`` (X (N, L, C_in) or (L, C_in),
    W (K, C_in, C_out), b (C_out,) -> (N, L_out, C_out) or (L_out, C_out)), computed by the
    same engine. Returns ``(out, cache)``; the cache holds the patch matrix P
    (N, L_out, K*C_in) the engine built, W and the ``Geometry`` (``cache["geometry"]``) for
    ``conv1d_backward``.

    Introduced in notebook 07.
    """
    X, W, b, batched = check_conv_args(X, W, b, "conv1d_forward")
    (N, _, C_in), K = X.shape, W.shape[0]
    g = geometry(X.shape[1], K, stride, padding, dilation, "conv1d_forward")
    P = np.empty((N, g.L_out, K * C_in), dtype=np.result_type(X, W))   # filled by the engine
    out = correlate_batch(X, W, g, patches=P)                   # (N, L_out, C_out)
    if b is not None:
        out += b
    cache = dict(P=P, W=W, X_shape=X.shape, has_bias=b is not None, batched=batched, geometry=g)
    return (out if batched else out[0]), cache


def conv1d_backward(dout, cache):
    """Gradients of ``conv1d_forward`` with respect to X, W and b.

    With P the patch matrix and W_f = W.reshape(K*C_in, C_out):

    * ``dW = P^T dout`` summed over the batch, i.e.
      ``dW[k, c, o] = sum_n sum_i X_pad[n, i*s + k*d, c] * dout[n, i, o]``: the input
      cross-correlated with the upstream gradient;
    * ``db = sum_{n, i} dout[n, i, :]``;
    * ``dX = col2im(dout W_f^T)``, i.e. ``dX[n, j, c] = sum_{i, k: i*s + k*d - p_left = j}
      W[k, c, o] dout[n, i, o]``: per example, ``T^T @ dout.reshape(-1)`` with T the layer's
      Toeplitz matrix, which for stride 1 is a full convolution of dout with the filter.

    Parameters
    ----------
    dout : array_like, shape of the forward output, (N, L_out, C_out) or (L_out, C_out)
    cache : dict from ``conv1d_forward``

    Returns
    -------
    dX : numpy.ndarray, shape of X
    dW : numpy.ndarray, shape (K, C_in, C_out)
    db : numpy.ndarray, shape (C_out,), or None when the forward had no bias

    Introduced in notebook 07.
    """
    P, W, g, (N, _, C_in) = cache["P"], cache["W"], cache["geometry"], cache["X_shape"]
    K, _, C_out = W.shape
    shape = (N, g.L_out, C_out) if cache["batched"] else (g.L_out, C_out)
    dout = check_dout(dout, shape, "conv1d_backward").reshape(N, g.L_out, C_out)
    dW = P.reshape(-1, K * C_in).T @ dout.reshape(-1, C_out)                # (K*C_in, C_out)
    dP = dout @ W.reshape(K * C_in, C_out).T                                # (N, L_out, K*C_in)
    dX = col2im_batch(dP, g)                                                # (N, L, C_in)
    db = dout.sum(axis=(0, 1)) if cache["has_bias"] else None
    return (dX if cache["batched"] else dX[0]), dW.reshape(K, C_in, C_out), db


# ---------------------------------------------------------------- ReLU

def relu_forward(Z):
    """``A = max(Z, 0)`` element-wise; any shape. Returns ``(A, cache)``.

    Introduced in notebook 07.
    """
    Z = as_float_array(Z, "Z", (1, 2, 3, 4), "an array with 1 to 4 dimensions", "relu_forward")
    return np.maximum(Z, 0), Z > 0


def relu_backward(dout, cache):
    """``dZ = dout * [Z > 0]``: the gradient passes where the unit was active.

    At Z = 0 exactly the derivative is taken to be 0 (the usual subgradient).

    Introduced in notebook 07.
    """
    active = cache
    return check_dout(dout, active.shape, "relu_backward") * active


# ---------------------------------------------------------------- softmax cross-entropy

def softmax_cross_entropy_forward(logits, y):
    """Mean cross-entropy of the softmax of ``logits`` against integer labels ``y``.

    ``loss = -(1/N) sum_n log p[n, y_n]`` with the softmax
    ``p[n, j] = exp(z[n, j]) / sum_m exp(z[n, m])``, computed from ``z - max_j z[n, j]`` so
    that large logits do not overflow.

    Parameters
    ----------
    logits : array_like, shape (N, n_classes)
    y : array_like of int, shape (N,), values in 0 .. n_classes - 1

    Returns
    -------
    loss : float
    cache : tuple
        ``(p, y)``, p of shape (N, n_classes).

    Introduced in notebook 07.
    """
    func = "softmax_cross_entropy_forward"
    z = as_float_array(logits, "logits", (2,), "a 2-D array of shape (N, n_classes)", func)
    y = np.asarray(y)
    if y.shape != (z.shape[0],) or y.dtype.kind not in "iu":
        raise ValueError(f"{func}: y must hold N={z.shape[0]} integer labels, shape (N,); got "
                         f"{describe(y)} of dtype {y.dtype}")
    if y.min() < 0 or y.max() >= z.shape[1]:
        raise ValueError(f"{func}: labels must lie in 0 .. {z.shape[1] - 1} (n_classes = "
                         f"{z.shape[1]}); got values from {y.min()} to {y.max()}")
    shifted = z - z.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))   # (N, n_classes)
    loss = -log_p[np.arange(len(y)), y].mean()
    return float(loss), (np.exp(log_p), y)


def softmax_cross_entropy_backward(dloss, cache):
    """``dlogits = dloss * (p - onehot(y)) / N``, shape (N, n_classes).

    ``dloss`` is dL/d(loss); pass 1.0 when the loss is the final objective.

    Introduced in notebook 07.
    """
    p, y = cache
    d = p.copy()
    d[np.arange(len(y)), y] -= 1.0
    return float(dloss) * d / len(y)
