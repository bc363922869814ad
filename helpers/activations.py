"""Element-wise non-linearities sigma applied after a layer's linear map: a = sigma(z)."""
import numpy as np

__all__ = ["relu", "sigmoid", "get_activation"]


def relu(z):
    """Rectified linear unit, ``max(z, 0)`` element-wise; any shape in, same shape out.

    Introduced in notebook 01.
    """
    return np.maximum(np.asarray(z, dtype=float), 0.0)


def sigmoid(z):
    """Logistic function ``1 / (1 + exp(-z))`` element-wise, computed without overflow.

    Introduced in notebook 01.
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))                       # never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


_ACTIVATIONS = {"relu": relu, "sigmoid": sigmoid}


def get_activation(name, func="get_activation"):
    """``(function, name)`` for an activation name, or a ValueError naming ``func`` and the choices.

    Introduced in notebook 01.
    """
    if name not in _ACTIVATIONS:
        raise ValueError(f"{func}: activation must be one of {sorted(_ACTIVATIONS)}; got {name!r}")
    return _ACTIVATIONS[name], name
