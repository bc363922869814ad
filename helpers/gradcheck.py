"""Numerical gradients by central differences, and the relative error used to compare them.

A backward pass is trusted only after it agrees with

    df/dx_i ~ (f(x + h e_i) - f(x - h e_i)) / (2 h)

entry by entry. The central difference has error O(h^2); with h = 1e-5 in float64 a correct
gradient agrees to a relative error of about 1e-8 or better, a wrong one to about 1e-1.
"""
import numpy as np

__all__ = ["numerical_gradient", "rel_error"]


def numerical_gradient(f, x, dout=None, h=1e-5):
    """Central-difference gradient, shape of x, of a scalar function or of ``sum(f(x) * dout)``.

    Parameters
    ----------
    f : callable
        ``f(x)`` returns a float, or an array of ``dout``'s shape: then the gradient is that of
        ``sum(f(x) * dout)``, what a layer's backward computes from its upstream gradient.
    x : numpy.ndarray, float64
        The point, changed in place one entry at a time and restored, so ``f`` may close over
        it (as in ``lambda _: loss(W)`` with ``x = W``).
    dout : array_like, optional
    h : float, default 1e-5

    Introduced in notebook 07.
    """
    if not isinstance(x, np.ndarray) or x.dtype != np.float64:
        raise TypeError(f"numerical_gradient: x must be a float64 numpy array (it is changed in "
                        f"place and restored); got {type(x).__name__} "
                        f"{getattr(x, 'dtype', '')}".rstrip())
    if dout is None:
        g = lambda: float(f(x))                                  # noqa: E731
    else:
        dout = np.asarray(dout, dtype=float)
        g = lambda: float(np.sum(np.asarray(f(x)) * dout))      # noqa: E731
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):                                # one entry at a time
        old = x[i]
        x[i] = old + h
        plus = g()
        x[i] = old - h
        minus = g()
        x[i] = old
        grad[i] = (plus - minus) / (2 * h)
    return grad


def rel_error(a, b):
    """Largest element-wise relative error ``|a - b| / max(|a| + |b|, 1e-8)``, as a float.

    Both zero gives 0; the 1e-8 floor keeps entries that are both (nearly) zero from
    dividing by zero. Round-off in the numerical gradient is about 1e-11 in absolute terms,
    so a correct entry of size 1e-6 can show a relative error near 1e-5: judge tiny
    gradients by their absolute error.

    Introduced in notebook 07.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"rel_error: a and b must have the same shape; got {a.shape} and "
                         f"{b.shape}")
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-8)))
