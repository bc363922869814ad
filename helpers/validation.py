"""Argument checks shared by the helpers.

Every public helper validates its input here, so a student who passes the wrong thing gets a
``TypeError`` or ``ValueError`` that names the argument (prefixed by the public function,
``func``), says what was expected and shows what came (with its shape), instead of a silent
wrong answer or an error from deep inside numpy.
"""
import numbers

import numpy as np

__all__ = ["as_float_array", "check_conv_args", "check_dout", "check_int", "describe"]


def describe(a):
    """Short description of an array for error messages: ``'a 2-D array of shape (5, 1)'``."""
    return f"a {a.ndim}-D array of shape {a.shape}"


def as_float_array(value, name, ndims, expected, func):
    """``value`` as a float array (float32 stays float32, anything else becomes float64).

    ``name`` is the argument as the user sees it (``"X"``), ``ndims`` the accepted numbers of
    dimensions, ``expected`` what was expected in words, ``func`` the message's prefix. A
    TypeError for what is not real numbers (strings, objects, booleans, complex), a ValueError
    for the wrong number of dimensions, a ragged sequence or an empty array.
    """
    try:
        a = np.asarray(value)
    except ValueError as err:  # ragged nested lists
        raise ValueError(f"{func}: {name} must be {expected}; "
                         f"got a ragged sequence ({err})") from None
    if a.dtype.kind not in "iuf":
        what = "booleans" if a.dtype.kind == "b" else f"values of dtype {a.dtype}"
        raise TypeError(f"{func}: {name} must hold real numbers (int or float); got {what}")
    if a.ndim not in ndims:
        raise ValueError(f"{func}: {name} must be {expected}; got {describe(a)}")
    if a.size == 0:
        raise ValueError(f"{func}: {name} must not be empty; got {describe(a)}")
    dtype = np.float32 if a.dtype in (np.float16, np.float32) else np.float64
    return a.astype(dtype, copy=False)


def check_int(value, name, func, minimum):
    """``value`` as an int if it is an integer >= ``minimum``; ``True`` or ``2.0`` is an error."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{func}: {name} must be an integer >= {minimum}; got {value!r} "
                        f"({type(value).__name__})")
    if value < minimum:
        raise ValueError(f"{func}: {name} must be an integer >= {minimum}; got {value}")
    return int(value)


def check_dout(dout, shape, func):
    """``dout`` checked as a float array of exactly the forward output's ``shape``."""
    dout = as_float_array(dout, "dout", (len(shape),), f"an array of shape {tuple(shape)}", func)
    if dout.shape != tuple(shape):
        raise ValueError(f"{func}: dout must have the forward output's shape {tuple(shape)}; "
                         f"got {describe(dout)}")
    return dout


def check_conv_args(X, W, b, func):
    """X (L, C_in) or (N, L, C_in), W (K, C_in, C_out), b None or (C_out,), checked together:
    ``(X as (N, L, C_in), W, b, whether X was batched)``."""
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
