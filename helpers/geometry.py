"""The geometry of a 1-D convolution, in one place: padding, output length, tap positions.

The conventions every helper follows (notebook 03 derives them). A kernel of K taps with
dilation d spans K_eff = d (K - 1) + 1 inputs. ``padding`` is ``"valid"`` (none), ``"full"``
(K_eff - 1 zeros on each side), ``"same"`` (TensorFlow's rule: L_out = ceil(L / s), total
padding max((L_out - 1) s + K_eff - L, 0), total // 2 on the left and the rest on the right),
an int p (p on each side) or a (p_left, p_right) pair. With stride s a length-L input gives

    L_out = floor((L + p_left + p_right - K_eff) / s) + 1

outputs, and output i reads, with tap k, the input position

    pos[i, k] = i s + k d - p_left        (i = 0..L_out-1, k = 0..K-1),

where a position < 0 or >= L is a padded zero. ``geometry(...)`` checks the arguments once
and returns all of these numbers as a ``Geometry``; every other helper takes them from there.
"""
import numbers
from typing import NamedTuple

import numpy as np

from helpers.validation import check_int

__all__ = ["Geometry", "GeometryError", "geometry", "effective_kernel_size",
           "conv_output_length", "padding_amounts"]

_PADDING_HELP = "'valid', 'same', 'full', an int >= 0, or a (left, right) pair of ints >= 0"


class GeometryError(ValueError):
    """The kernel is longer than the padded input: a ``ValueError`` whose numbers are attributes
    (func, L, K, stride, dilation, p_left, p_right, K_eff > L_pad, L_pad) and whose ``reason`` is
    the message without ``"func: "``, for a caller that shows it elsewhere."""

    def __init__(self, func, L, K, stride, dilation, p_left, p_right):
        self.func, self.L, self.K, self.stride, self.dilation = func, L, K, stride, dilation
        self.p_left, self.p_right = p_left, p_right
        self.K_eff = effective_kernel_size(K, dilation)
        self.L_pad = L + p_left + p_right
        dil = f", dilation d={dilation}, so K_eff = d(K-1)+1 = {self.K_eff}" if dilation > 1 else ""
        self.reason = (f"the kernel (K={K}{dil}) is longer than the padded input "
                       f"(L={L} + padding {p_left}+{p_right} = {self.L_pad}), so no window "
                       f"fits. Use a shorter kernel, or padding='same' or 'full'.")
        super().__init__(f"{func}: {self.reason}")


class Geometry(NamedTuple):
    """The numbers of one 1-D convolution (or pooling) layer, made by ``geometry(...)``:
    L, K, stride s, dilation d, p_left, p_right, K_eff and L_out as in the module docstring."""

    L: int
    K: int
    stride: int
    dilation: int
    p_left: int
    p_right: int
    K_eff: int
    L_out: int

    @property
    def L_pad(self):
        """``L + p_left + p_right``, the length of the padded input."""
        return self.L + self.p_left + self.p_right

    def positions(self, padded=False):
        """``pos[i, k] = i s + k d - p_left``, (L_out, K); ``padded=True`` adds p_left (counts
        in the padded input, so all lie in 0 .. L_pad - 1)."""
        shift = 0 if padded else self.p_left
        return (np.arange(self.L_out)[:, None] * self.stride
                + np.arange(self.K)[None, :] * self.dilation - shift)      # (L_out, K)

    def pad(self, x, axis=0):
        """x with p_left zeros before and p_right after it along ``axis`` (x if there are none)."""
        if not (self.p_left or self.p_right):
            return x
        widths = [(0, 0)] * x.ndim
        widths[axis] = (self.p_left, self.p_right)
        return np.pad(x, widths)

    def inside(self, padded=False):
        """``(pos, mask)``, both (L_out, K): ``positions(padded)`` and False where it reads a
        padded zero. The one bounds check of the tap rule: the loop twins, T and the receptive
        field take their positions from here."""
        pos = self.positions(padded)
        return pos, (pos >= 0) & (pos < (self.L_pad if padded else self.L))


def effective_kernel_size(K, dilation=1):
    """``K_eff = d (K - 1) + 1``, the inputs a kernel of K taps spans. Introduced in notebook 03."""
    return dilation * (K - 1) + 1


def _padding(L, K_eff, s, padding, func):
    """``(p_left, p_right)`` for a checked L, K_eff and s; checks ``padding`` itself."""
    if isinstance(padding, str):
        if padding == "valid":
            return 0, 0
        if padding == "full":
            return K_eff - 1, K_eff - 1
        if padding == "same":    # TensorFlow's rule: L_out = ceil(L / s), extra zero on the right
            total = max((-(-L // s) - 1) * s + K_eff - L, 0)
            return total // 2, total - total // 2
        raise ValueError(f"{func}: padding must be {_PADDING_HELP}; got {padding!r}")
    if isinstance(padding, (tuple, list)):
        if len(padding) != 2:
            raise ValueError(f"{func}: padding as a sequence must be a (left, right) pair; "
                             f"got {len(padding)} values {tuple(padding)!r}")
        return (check_int(padding[0], "padding[0] (left)", func, 0),
                check_int(padding[1], "padding[1] (right)", func, 0))
    if isinstance(padding, numbers.Integral) and not isinstance(padding, bool):
        p = check_int(padding, "padding", func, 0)
        return p, p
    raise TypeError(f"{func}: padding must be {_PADDING_HELP}; got {padding!r} "
                    f"({type(padding).__name__})")


def geometry(L, K, stride=1, padding="valid", dilation=1, func="geometry"):
    """Check a layer's geometry once and return all its numbers, as a ``Geometry``.

    Parameters
    ----------
    L, K, stride, dilation : int
        Input length, kernel size, s and d, each >= 1.
    padding : {"valid", "same", "full"} or int or (int, int), default "valid"
        As in the module docstring.
    func : str
        The public function's name, the prefix of every error message.

    Raises
    ------
    TypeError, ValueError
        If an argument has the wrong type or range (the message names it).
    GeometryError
        If the kernel is longer than the padded input (K_eff > L + p_left + p_right).

    Examples
    --------
    >>> g = geometry(5, 4, padding="same")  # 3 zeros in all: the odd one goes on the right
    >>> g.p_left, g.p_right, g.L_out
    (1, 2, 5)
    >>> g.positions()[0]                    # output 0 reads a padded zero, then x_0, x_1, x_2
    array([-1,  0,  1,  2])

    Introduced in notebook 03.
    """
    L = check_int(L, "L (the input length)", func, 1)
    K = check_int(K, "K (the kernel size)", func, 1)
    s = check_int(stride, "stride", func, 1)
    d = check_int(dilation, "dilation", func, 1)
    K_eff = effective_kernel_size(K, d)
    pl, pr = _padding(L, K_eff, s, padding, func)
    if K_eff > L + pl + pr:
        raise GeometryError(func, L, K, s, d, pl, pr)
    return Geometry(L, K, s, d, pl, pr, K_eff, (L + pl + pr - K_eff) // s + 1)


def conv_output_length(L, K, stride=1, padding="valid", dilation=1):
    """L_out, the number of outputs: ``geometry(...).L_out`` (same arguments).

    Examples
    --------
    >>> conv_output_length(10, 3), conv_output_length(10, 3, padding="full")
    (8, 12)
    >>> conv_output_length(10, 3, stride=3)   # floor(7 / 3) + 1: the last input is never read
    3

    Introduced in notebook 03.
    """
    return geometry(L, K, stride, padding, dilation, "conv_output_length").L_out


def padding_amounts(L, K, stride=1, padding="valid", dilation=1):
    """``(p_left, p_right)``, the zeros added before and after the input (as in ``geometry``).

    Introduced in notebook 03.
    """
    g = geometry(L, K, stride, padding, dilation, "padding_amounts")
    return g.p_left, g.p_right
