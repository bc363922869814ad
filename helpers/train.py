"""Two tiny classifiers built from ``helpers.layers``, a hand-written Adam, and a fit loop.

* ``CNN1d``: conv1d (K taps, 1 -> F channels) -> ReLU -> global pooling -> dense (F -> classes).
  Its parameter count does not depend on the series length L.
* ``MLP``: dense (L -> H) -> ReLU -> dense (H -> classes), the same series flattened.
* ``SlopeCNN``: notebook 08's stretch model (the notebook prints its source); the conv layer
  is one product Z = P W_flat + b on patch matrices P computed once
  (``im2col1d(with_slope(X), K)``).

CNN1d and MLP take a batch X of shape (N, L) (one channel; the CNN adds the channel axis
itself), SlopeCNN patch matrices; all take labels y (N,), return logits (N, n_classes), and
are seeded and deterministic.
"""
import time

import ipywidgets as widgets
import numpy as np
from IPython import get_ipython
from IPython.display import display

from helpers.layers import (
    conv1d_backward,
    conv1d_forward,
    dense_backward,
    dense_forward,
    relu_backward,
    relu_forward,
    softmax_cross_entropy_backward,
    softmax_cross_entropy_forward,
)
from helpers.pooling import (
    global_avgpool_backward,
    global_avgpool_forward,
    global_maxpool_backward,
    global_maxpool_forward,
)
from helpers.validation import as_float_array

__all__ = ["CNN1d", "MLP", "SlopeCNN", "with_slope", "Adam", "fit", "accuracy"]

_POOLS = {"avg": (global_avgpool_forward, global_avgpool_backward),
          "max": (global_maxpool_forward, global_maxpool_backward)}


def _init_params(seed, W1_shape, fan_in, n_hidden, n_classes):
    """Weights of two layers: ``W1`` He-initialised (std sqrt(2 / fan_in)), ``W2`` (n_hidden,
    n_classes) with std sqrt(1 / n_hidden), biases ``b1`` (n_hidden,) and ``b2`` zero."""
    rng = np.random.default_rng(seed)
    return {"W1": rng.normal(0.0, np.sqrt(2.0 / fan_in), size=W1_shape), "b1": np.zeros(n_hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / n_hidden), size=(n_hidden, n_classes)),
            "b2": np.zeros(n_classes)}


class _Model:
    """Shared parts: parameters in a dict, a parameter count, predictions."""

    params: dict

    @property
    def n_params(self):
        return sum(p.size for p in self.params.values())

    def predict(self, X):
        """Class indices, shape (N,)."""
        return self.logits(X).argmax(axis=1)

    def loss_and_grads(self, X, y):
        """Mean softmax cross-entropy on (X, y) and its gradient for every parameter."""
        logits, caches = self._forward(X)
        loss, cache = softmax_cross_entropy_forward(logits, y)
        return loss, self._backward(softmax_cross_entropy_backward(1.0, cache), caches)

    def logits(self, X):
        """Logits, shape (N, n_classes)."""
        return self._forward(X)[0]


class CNN1d(_Model):
    """conv1d -> ReLU -> global pooling -> dense, for single-channel series X (N, L).

    F = ``n_filters`` filters of K = ``kernel_size`` taps with the conv layer's ``padding``;
    ``pool`` ("avg" or "max") is the global pooling over the length axis, what makes the
    classifier (nearly) shift-invariant; ``seed`` seeds the He-initialised weights. The
    parameters are ``W1`` (K, 1, F), ``b1`` (F,), ``W2`` (F, n_classes), ``b2``
    (n_classes,): ``K F + F + F n_classes + n_classes`` numbers, whatever L is.

    Introduced in notebook 08.
    """

    def __init__(self, n_filters=16, kernel_size=15, n_classes=2, pool="avg", padding="valid",
                 seed=0):
        if pool not in _POOLS:
            raise ValueError(f"CNN1d: pool must be 'avg' or 'max'; got {pool!r}")
        K, F = kernel_size, n_filters
        self.params = _init_params(seed, (K, 1, F), K, F, n_classes)
        self.pool, self.padding = pool, padding

    def feature_maps(self, X):
        """ReLU feature maps, shape (N, L_out, F): what the global pooling summarises."""
        return self._conv_relu(X)[0]

    def _conv_relu(self, X):
        X = as_float_array(X, "X", (2,), "a 2-D array of shape (N, L)", "CNN1d")
        p = self.params
        Z, c_conv = conv1d_forward(X[..., None], p["W1"], p["b1"], padding=self.padding)
        return (*relu_forward(Z), c_conv)                          # A (N, L_out, F), caches

    def _forward(self, X):
        p = self.params
        A, c_relu, c_conv = self._conv_relu(X)                     # (N, L_out, F)
        G, c_pool = _POOLS[self.pool][0](A)                        # (N, F)
        logits, c_dense = dense_forward(G, p["W2"], p["b2"])       # (N, n_classes)
        return logits, (c_conv, c_relu, c_pool, c_dense)

    def _backward(self, dlogits, caches):
        c_conv, c_relu, c_pool, c_dense = caches
        dG, dW2, db2 = dense_backward(dlogits, c_dense)
        dA = _POOLS[self.pool][1](dG, c_pool)
        dZ = relu_backward(dA, c_relu)
        _, dW1, db1 = conv1d_backward(dZ, c_conv)
        return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


class MLP(_Model):
    """dense (L -> H) -> ReLU -> dense (H -> n_classes) on series X (N, L).

    Parameters ``W1`` (L, H), ``b1`` (H,), ``W2`` (H, n_classes), ``b2``: every input sample
    has its own weights, so a shifted pattern meets different weights.

    Introduced in notebook 08.
    """

    def __init__(self, n_inputs, n_hidden=16, n_classes=2, seed=0):
        self.params = _init_params(seed, (n_inputs, n_hidden), n_inputs, n_hidden, n_classes)

    def _forward(self, X):
        p = self.params
        H, c1 = dense_forward(X, p["W1"], p["b1"])
        A, c_relu = relu_forward(H)
        logits, c2 = dense_forward(A, p["W2"], p["b2"])
        return logits, (c1, c_relu, c2)

    def _backward(self, dlogits, caches):
        c1, c_relu, c2 = caches
        dA, dW2, db2 = dense_backward(dlogits, c2)
        _, dW1, db1 = dense_backward(relu_backward(dA, c_relu), c1)
        return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


def with_slope(X):
    """Add the slope as a second channel: (N, L) series -> (N, L, 2).

    Channel 0 is x_i, channel 1 the slope x_i - x_(i-1) (0 at i = 0). Introduced in notebook 08.
    """
    X = as_float_array(X, "X", (2,), "(N, L)", "with_slope")
    return np.stack([X, np.diff(X, axis=1, prepend=X[:, :1])], axis=2)


class SlopeCNN(_Model):
    """conv as Z = P W_flat + b -> ReLU -> global average pooling -> dense, on patch matrices.

    It takes P = ``im2col1d(with_slope(X), K)``, shape (N, L_out, K*C_in), computed once
    before training, so each step is one product per example, Z_n = P_n W_flat + b; F =
    ``n_filters`` filters of K = ``kernel_size`` taps over C_in = ``n_channels`` channels.

    Introduced in notebook 08.
    """

    def __init__(self, n_filters=32, kernel_size=15, n_channels=2, seed=0):
        KC, F = kernel_size * n_channels, n_filters
        self.params = _init_params(seed, (KC, F), KC, F, 2)         # W1 is W_flat (K*C_in, F)

    def feature_maps(self, P):
        """ReLU feature maps a, shape (N, L_out, F)."""
        return self._forward(P)[1][1]

    def _forward(self, P):                   # P (N, L_out, K*C_in) -> logits (N, 2)
        p = self.params
        Z = P @ p["W1"] + p["b1"]            # (N, L_out, F): Z_n = P_n W_flat + b
        a = np.maximum(Z, 0)                 # (N, L_out, F) feature maps
        h = a.mean(axis=1)                   # (N, F) pooled features
        return h @ p["W2"] + p["b2"], (P, a, h)

    def _backward(self, dlogits, caches):    # dlogits (N, 2) -> gradients
        P, a, h = caches
        dh = dlogits @ self.params["W2"].T                 # (N, F)
        dZ = (a > 0) * dh[:, None, :] / a.shape[1]         # back through pooling, ReLU
        return {"W1": (P.transpose(0, 2, 1) @ dZ).sum(axis=0),   # sum_n P_n^T dZ_n
                "b1": dZ.sum(axis=(0, 1)), "W2": h.T @ dlogits,
                "b2": dlogits.sum(axis=0)}


class Adam:
    """Adam (Kingma & Ba, 2015) on a dict of parameter arrays, updated in place.

    ``m <- b1 m + (1 - b1) g``, ``v <- b2 v + (1 - b2) g^2``,
    ``p <- p - lr * m_hat / (sqrt(v_hat) + eps)`` with bias-corrected ``m_hat``, ``v_hat``.

    Introduced in notebook 08.
    """

    def __init__(self, params, lr=1e-2, beta1=0.9, beta2=0.999, eps=1e-8):
        self.params, self.lr, self.beta1, self.beta2, self.eps = params, lr, beta1, beta2, eps
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}
        self.t = 0

    def step(self, grads):
        self.t += 1
        for k, g in grads.items():
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            self.params[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


def accuracy(model, X, y):
    """Fraction of correctly classified series."""
    return float(np.mean(model.predict(X) == np.asarray(y)))


def _progress_bar(epochs):
    """An ipywidgets progress bar when running in a notebook kernel, else None."""
    if not hasattr(get_ipython(), "kernel"):                 # None outside IPython
        return None
    bar = widgets.IntProgress(value=0, min=0, max=epochs, description="epochs")
    display(bar)
    return bar


def fit(model, X, y, epochs=300, lr=1e-2, X_test=None, y_test=None, progress=True,
        record_every=10):
    """Train ``model`` (CNN1d, MLP: X (N, L); SlopeCNN: patches) on labels y (N,) with
    ``epochs`` full-batch Adam steps of learning rate ``lr``, a progress bar in a notebook.

    Returns the history, a dict: ``epoch``, ``loss``, ``train_acc`` (and, with held-out
    ``X_test``, ``y_test``, ``test_acc``) lists, recorded before the first step (epoch 0),
    every ``record_every`` steps and after the last one; and ``seconds``, the wall time.

    Introduced in notebook 08.
    """
    opt = Adam(model.params, lr=lr)
    history = {"epoch": [], "loss": [], "train_acc": [], "test_acc": []}
    bar = _progress_bar(epochs) if progress else None
    start = time.perf_counter()
    for epoch in range(epochs + 1):                    # epoch 0 records the initial state
        loss, grads = model.loss_and_grads(X, y)
        if epoch % record_every == 0 or epoch == epochs:
            history["epoch"].append(epoch)
            history["loss"].append(loss)
            history["train_acc"].append(accuracy(model, X, y))
            if X_test is not None:
                history["test_acc"].append(accuracy(model, X_test, y_test))
            if bar is not None:
                bar.value = epoch
        if epoch < epochs:
            opt.step(grads)
    history["seconds"] = time.perf_counter() - start
    return history
