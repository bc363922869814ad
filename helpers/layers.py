"""Layers as forward/backward pairs: dense, conv1d, ReLU and softmax cross-entropy.

``*_forward(...) -> (out, cache)`` and ``*_backward(dout, cache) -> grads``, with ``dout`` =
dL/d(out) for a scalar loss L and grads shaped like the forward's inputs (CS231n's pattern,
keyword arguments instead of parameter dicts). Batch-first, channels-last: X (N, L, C_in),
W (K, C_in, C_out). Pooling is in ``helpers.pooling``; loop twins in tests/oracles.py.
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
    """Dense layer in row form: ``out = X W + b``, X (N, n_in), W (n_in, n_out) (column j
    is unit j's weights), b (n_out,) -> out (N, n_out) and the cache ``(X, W)``.

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
    """Gradients of ``out = X W + b`` for dout (N, n_out): ``dX = dout W^T`` (N, n_in),
    ``dW = X^T dout`` (n_in, n_out), ``db = sum_n dout`` (n_out,).

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
    (N, L_out, K*C_in) the engine built, W and the ``Geometry`` (``cache["geometry"]``).

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


def conv1d_backward(dout, cache, input_grad=True):
    """Gradients of ``conv1d_forward``, from its patch matrix P and W_f = W.reshape(K*C_in, C_out).

    * ``dW = sum_n P_n^T dout_n``, i.e. ``dW[k, c, o] = sum_n sum_i X_pad[n, i*s + k*d, c]
      dout[n, i, o]``: the input cross-correlated with the upstream gradient;
    * ``db = sum_{n, i} dout[n, i, :]``;
    * ``dX = col2im(dout W_f^T)``, ``dX[n, j, c] = sum_{i, k: i*s + k*d - p_left = j}
      W[k, c, o] dout[n, i, o]``: per example ``T^T dout`` (T the layer's Toeplitz matrix),
      for stride 1 a full convolution of dout with the filter.

    Parameters
    ----------
    dout : array_like, shape of the forward output, (N, L_out, C_out) or (L_out, C_out)
    cache : dict from ``conv1d_forward``
    input_grad : bool, default True
        False skips dX (returned as None): a first layer's input, the data, needs none.

    Returns
    -------
    dX : numpy.ndarray, shape of X, or None
    dW : numpy.ndarray, shape (K, C_in, C_out)
    db : numpy.ndarray, shape (C_out,), or None when the forward had no bias

    Introduced in notebook 07.
    """
    P, W, g, (N, _, C_in) = cache["P"], cache["W"], cache["geometry"], cache["X_shape"]
    K, _, C_out = W.shape
    shape = (N, g.L_out, C_out) if cache["batched"] else (g.L_out, C_out)
    dout = check_dout(dout, shape, "conv1d_backward").reshape(N, g.L_out, C_out)
    # per example, (K*C_in, L_out) @ (L_out, C_out), then summed: products this small keep
    # BLAS on one thread (one big product over N*L_out rows wakes a second, slower when busy)
    dW = (P.transpose(0, 2, 1) @ dout).sum(axis=0)                         # (K*C_in, C_out)
    db = np.einsum("nio->o", dout) if cache["has_bias"] else None      # dout.sum((0, 1)), faster
    dX = None
    if input_grad:
        dP = dout @ W.reshape(K * C_in, C_out).T                            # (N, L_out, K*C_in)
        dX = col2im_batch(dP, g)                                            # (N, L, C_in)
        dX = dX if cache["batched"] else dX[0]
    return dX, dW.reshape(K, C_in, C_out), db


# ---------------------------------------------------------------- ReLU

def relu_forward(Z):
    """``A = max(Z, 0)`` element-wise, Z of any shape; returns ``(A, cache)``.

    Introduced in notebook 07.
    """
    Z = as_float_array(Z, "Z", (1, 2, 3, 4), "an array with 1 to 4 dimensions", "relu_forward")
    return np.maximum(Z, 0), Z > 0


def relu_backward(dout, cache):
    """``dZ = dout * [Z > 0]``: the gradient passes where the unit was active (at Z = 0
    exactly the derivative is taken to be 0, the usual subgradient).

    Introduced in notebook 07.
    """
    active = cache
    return check_dout(dout, active.shape, "relu_backward") * active


# ---------------------------------------------------------------- softmax cross-entropy

def softmax_cross_entropy_forward(logits, y):
    """Mean cross-entropy of the softmax of logits z (N, n_classes) against integer labels
    y (N,) in 0 .. n_classes - 1: ``loss = -(1/N) sum_n log p[n, y_n]`` with ``p[n, j] =
    exp(z[n, j]) / sum_m exp(z[n, m])``, computed from ``z - max_j z[n, j]`` so that large
    logits do not overflow. Returns ``(loss, cache)``, cache ``(p, y)`` with p (N, n_classes).

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
    """``dlogits = dloss * (p - onehot(y)) / N``, shape (N, n_classes); ``dloss`` is
    dL/d(loss), 1.0 when the loss is the final objective.

    Introduced in notebook 07.
    """
    p, y = cache
    d = p.copy()
    d[np.arange(len(y)), y] -= 1.0
    return float(dloss) * d / len(y)
