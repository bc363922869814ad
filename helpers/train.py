"""Tiny classifiers on ``helpers.layers``, a hand-written Adam and a full-batch fit loop.

``CNN1d`` (conv -> ReLU -> global pooling -> dense; its parameter count does not depend on
L) and ``MLP`` take a batch and labels y (N,), return logits (N, n_classes), and are seeded
and deterministic.
"""
import time

import ipywidgets as widgets
import numpy as np
from IPython import get_ipython
from IPython.display import display

from helpers.layers import (
    conv1d_backward,
    conv1d_forward,
    softmax_cross_entropy_backward,
    softmax_cross_entropy_forward,
)
from helpers.pooling import global_maxpool_forward
from helpers.validation import as_float_array

__all__ = ["CNN1d", "MLP", "Adam", "fit", "accuracy"]


def _init_params(seed, W1_shape, n_hidden, n_classes):
    """``W1`` He-initialised (std sqrt(2 / fan_in), fan_in = its size / n_hidden), ``W2``
    (n_hidden, n_classes) with std sqrt(1 / n_hidden), zero biases ``b1``, ``b2``."""
    rng = np.random.default_rng(seed)
    fan_in = int(np.prod(W1_shape)) // n_hidden
    return {"W1": rng.normal(0.0, np.sqrt(2.0 / fan_in), size=W1_shape), "b1": np.zeros(n_hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / n_hidden), size=(n_hidden, n_classes)),
            "b2": np.zeros(n_classes)}


class _Model:
    """Shared parts: parameters in a dict, a parameter count, the loss, predictions.

    A subclass fills in ``_forward(X) -> (logits, caches)`` and ``_backward(dlogits,
    caches) -> grads``; the dense read-out ``logits = h W2 + b2`` and its backward are here.
    """

    @property
    def n_params(self):
        return sum(p.size for p in self.params.values())

    def logits(self, X):
        """Logits, shape (N, n_classes)."""
        return self._forward(X)[0]

    def predict(self, X):
        """Class indices, shape (N,)."""
        return self.logits(X).argmax(axis=1)

    def loss_and_grads(self, X, y):
        """Mean softmax cross-entropy on (X, y), its gradient for every parameter (a dict)
        and the logits (N, n_classes) it was computed from."""
        logits, caches = self._forward(X)
        loss, cache = softmax_cross_entropy_forward(logits, y)
        return loss, self._backward(softmax_cross_entropy_backward(1.0, cache), caches), logits

    def _readout(self, h):
        return h @ self.params["W2"] + self.params["b2"]            # (N, n_classes)

    def _readout_backward(self, dlogits, h):
        """``dh = dlogits W2^T`` (N, n_hidden) and the read-out's gradients."""
        return dlogits @ self.params["W2"].T, {"W2": h.T @ dlogits, "b2": dlogits.sum(axis=0)}


class CNN1d(_Model):
    """conv1d -> ReLU -> global pooling -> dense, for single-channel series X (N, L).

    F = ``n_filters`` filters of K = ``kernel_size`` taps with the conv layer's ``padding``;
    ``pool`` ("avg" or "max") is the global pooling over the length axis, what makes the
    classifier (nearly) shift-invariant; ``seed`` seeds the He-initialised weights. The
    parameters are ``W1`` (K, 1, F), ``b1`` (F,), ``W2`` (F, n_classes), ``b2``
    (n_classes,): ``K F + F + F n_classes + n_classes`` numbers, whatever L is. The conv
    layer is ``helpers.layers``'; ReLU and pooling go backward in one step (``dZ = [Z > 0]
    dh / L_out``, or dh at each map's maximum if positive).

    Introduced in notebook 08.
    """

    def __init__(self, n_filters=16, kernel_size=15, n_classes=2, pool="avg", padding="valid",
                 seed=0):
        if pool not in ("avg", "max"):
            raise ValueError(f"CNN1d: pool must be 'avg' or 'max'; got {pool!r}")
        self.params = _init_params(seed, (kernel_size, 1, n_filters), n_filters, n_classes)
        self.pool, self.padding = pool, padding

    def feature_maps(self, X):
        """ReLU feature maps, shape (N, L_out, F): what the global pooling summarises."""
        return self._forward(X)[1][1]

    def _conv(self, X):                      # X (N, L) -> Z (N, L_out, F), its cache
        X = as_float_array(X, "X", (2,), "a 2-D array of shape (N, L)", "CNN1d")
        return conv1d_forward(X[..., None], self.params["W1"], self.params["b1"],
                              padding=self.padding)

    def _conv_backward(self, dZ, cache):     # -> dW1, db1 (no dX: X is the data)
        return conv1d_backward(dZ, cache, input_grad=False)[1:]

    def _forward(self, X):
        Z, c_conv = self._conv(X)
        A = np.maximum(Z, 0, out=Z)                                  # (N, L_out, F), ReLU
        if self.pool == "max":
            h, c_pool = global_maxpool_forward(A)                    # (N, F)
        else:                                # A.mean(axis=1), 3x faster as an einsum
            h, c_pool = np.einsum("nif->nf", A) / A.shape[1], None
        return self._readout(h), (c_conv, A, h, c_pool)

    def _backward(self, dlogits, caches):
        c_conv, A, h, c_pool = caches
        dh, grads = self._readout_backward(dlogits, h)              # (N, F)
        if self.pool == "max":               # to each map's maximum, where it is positive
            dZ = np.zeros_like(A)
            np.put_along_axis(dZ, c_pool[0][:, None, :], (dh * (h > 0))[:, None, :], axis=1)
        else:                                # to every position where the ReLU was active
            dZ = np.multiply(A > 0, (dh / A.shape[1])[:, None, :], out=A)   # A's memory
        grads["W1"], grads["b1"] = self._conv_backward(dZ, c_conv)
        return grads


class MLP(_Model):
    """dense (L -> H) -> ReLU -> dense (H -> n_classes) on series X (N, L).

    Parameters ``W1`` (L, H), ``b1`` (H,), ``W2`` (H, n_classes), ``b2``: every input sample
    has its own weights, so a shifted pattern meets different weights.

    Introduced in notebook 08.
    """

    def __init__(self, n_inputs, n_hidden=16, n_classes=2, seed=0):
        self.params = _init_params(seed, (n_inputs, n_hidden), n_hidden, n_classes)

    def _forward(self, X):
        X = as_float_array(X, "X", (2,), "a 2-D array of shape (N, L)", "MLP")
        A = np.maximum(X @ self.params["W1"] + self.params["b1"], 0)     # (N, H)
        return self._readout(A), (X, A)

    def _backward(self, dlogits, caches):
        X, A = caches
        dA, grads = self._readout_backward(dlogits, A)
        dZ = dA * (A > 0)                                                # (N, H)
        return {"W1": X.T @ dZ, "b1": dZ.sum(axis=0), **grads}


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
    """Train ``model`` (CNN1d or MLP, on series X (N, L)) on labels y (N,) with
    ``epochs`` full-batch Adam steps of learning rate ``lr``, a progress bar in a notebook.

    Returns the history: lists ``epoch``, ``loss``, ``train_acc`` (and ``test_acc`` on
    ``X_test``, ``y_test``), recorded before the first step (epoch 0), every
    ``record_every`` steps and after the last; and ``seconds``, the wall time.

    Introduced in notebook 08.
    """
    y = np.asarray(y)
    opt = Adam(model.params, lr=lr)
    history = {"epoch": [], "loss": [], "train_acc": [], "test_acc": []}
    bar = _progress_bar(epochs) if progress else None
    start = time.perf_counter()
    for epoch in range(epochs + 1):                    # epoch 0 records the initial state
        loss, grads, logits = model.loss_and_grads(X, y)
        if epoch % record_every == 0 or epoch == epochs:
            history["epoch"].append(epoch)
            history["loss"].append(loss)
            history["train_acc"].append(float(np.mean(logits.argmax(axis=1) == y)))
            if X_test is not None:
                history["test_acc"].append(accuracy(model, X_test, y_test))
            if bar is not None:
                bar.value = epoch
        if epoch < epochs:
            opt.step(grads)
    history["seconds"] = time.perf_counter() - start
    return history
