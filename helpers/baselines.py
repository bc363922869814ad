"""Baselines and the shift experiment of notebook 08: 1-nearest-neighbour and shifted crops."""
import numpy as np

from helpers.validation import as_float_array, check_int

__all__ = ["one_nn_predict", "shifted_crop"]


def one_nn_predict(X_train, y_train, X):
    """1-nearest-neighbour classification with the Euclidean distance.

    X_train (N_train, L), y_train (N_train,), X (N, L) -> the label (N,) of each series'
    nearest training series (the first one on ties).

    Introduced in notebook 08.
    """
    A = as_float_array(X_train, "X_train", (2,), "a 2-D array (N_train, L)", "one_nn_predict")
    B = as_float_array(X, "X", (2,), "a 2-D array (N, L)", "one_nn_predict")
    if A.shape[1] != B.shape[1]:
        raise ValueError(f"one_nn_predict: X_train and X must have the same length L; got "
                         f"shapes {A.shape} and {B.shape}")
    d2 = (B * B).sum(1)[:, None] - 2 * B @ A.T + (A * A).sum(1)[None, :]   # (N, N_train)
    return np.asarray(y_train)[d2.argmin(axis=1)]


def shifted_crop(X, margin, shift=0):
    """The window of length L - 2 margin starting at ``margin + shift``: a shifted view.

    Training on ``shifted_crop(X, m, 0)`` (the centre) and testing on ``shifted_crop(X, m, s)``
    shows each model the same kind of series with its content moved by s samples — real
    samples at both ends, no constant padding (which would skew average pooling).

    X (N, L), ``margin`` m and ``shift`` s with |s| <= m -> (N, L - 2 m).

    Introduced in notebook 08.
    """
    X = as_float_array(X, "X", (2,), "a 2-D array (N, L)", "shifted_crop")
    m = check_int(margin, "margin", "shifted_crop", 0)
    if 2 * m >= X.shape[1]:
        raise ValueError(f"shifted_crop: margin={m} leaves nothing of series of length "
                         f"L={X.shape[1]}; need 2 * margin < L")
    if not isinstance(shift, (int, np.integer)) or abs(shift) > m:
        raise ValueError(f"shifted_crop: shift must be an integer in [-{m}, {m}]; got {shift!r}")
    start = m + int(shift)
    return X[:, start:start + X.shape[1] - 2 * m]
