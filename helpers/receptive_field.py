"""Receptive fields of stacked 1-D convolution (or pooling) layers.

A stack is described by a list of layers, each a tuple ``(K, s, d)``: kernel (or pool) size,
stride and dilation. The receptive field of one unit of the top layer is the set of input
positions that can change it. Its size is

    r = 1 + sum_l (K_l - 1) d_l prod_{j<l} s_j,

because layer l widens the field by K_l - 1 gaps of d_l of its own input units, and one unit of
layer l-1 is prod_{j<l} s_j input positions apart from the next (the "jump"). With zero
padding, a field near the edge is cut off: only the positions that exist are traced.
``padding`` (any form of ``helpers.geometry``) is used by every layer of a stack.
"""
import numpy as np

from helpers.geometry import geometry
from helpers.validation import check_int

__all__ = ["receptive_field_size", "layer_lengths", "trace_receptive_field", "unit_centres"]


def _check_layers(layers, func):
    """The layers as a list of checked ``(K, s, d)`` int tuples."""
    if len(layers) == 0:
        raise ValueError(f"{func}: layers must be a non-empty list of (K, stride, dilation) "
                         f"tuples; got {layers!r}")
    for n, layer in enumerate(layers):
        if len(layer) != 3:
            raise ValueError(f"{func}: layers[{n}] must be a (K, stride, dilation) tuple; "
                             f"got {layer!r}")
    return [tuple(check_int(layer[m], f"layers[{n}][{m}] ({name})", func, 1)
                  for m, name in enumerate(("K", "stride", "dilation")))
            for n, layer in enumerate(layers)]


def _geometries(L, layers, padding, func):
    """One checked ``Geometry`` per layer of the stack, from the input upwards."""
    out = []
    for K, s, d in _check_layers(layers, func):
        out.append(geometry(out[-1].L_out if out else L, K, s, padding, d, func))
    return out


def receptive_field_size(layers):
    """``r = 1 + sum_l (K_l - 1) d_l prod_{j<l} s_j`` for layers (K, s, d) from the input up.

    Examples
    --------
    >>> receptive_field_size([(3, 1, 1), (3, 1, 1)])        # two 3-tap layers see 5 inputs
    5
    >>> receptive_field_size([(3, 2, 1), (3, 1, 1)])        # a stride of 2 doubles the step
    7

    Introduced in notebook 06.
    """
    r, jump = 1, 1
    for K, s, d in _check_layers(layers, "receptive_field_size"):
        r += (K - 1) * d * jump
        jump *= s
    return r


def layer_lengths(L, layers, padding="valid"):
    """Lengths ``[L, L_1, ..., L_n]`` of the input and of every layer's output.

    Introduced in notebook 06.
    """
    geoms = _geometries(L, layers, padding, "layer_lengths")
    return [geoms[0].L] + [g.L_out for g in geoms]


def trace_receptive_field(L, layers, index=None, padding="valid"):
    """Back-trace which units of every level can change one unit of the top layer.

    Unit i of a layer reads the units ``i*s + k*d - p_left`` (k = 0 .. K-1) of the level
    below, those that exist; repeating this down to the input gives the receptive field.

    ``index`` is the top-layer unit (default the middle one, ``L_n // 2``). Returns a list of
    sorted int arrays: ``levels[0]`` the input positions in the receptive field, ``levels[l]``
    the units of layer l on the way, ``levels[-1] == [index]``.

    Introduced in notebook 06.
    """
    func = "trace_receptive_field"
    geoms = _geometries(L, layers, padding, func)
    top = geoms[-1].L_out
    index = top // 2 if index is None else check_int(index, "index", func, 0)
    if index >= top:
        raise ValueError(f"{func}: index must be below the top layer's length {top}; "
                         f"got {index}")
    levels = [np.array([index])]
    for g in geoms[::-1]:
        pos, inside = g.inside()                                    # (L_out, K) read below
        levels.insert(0, np.unique(pos[levels[0]][inside[levels[0]]]))
    return levels


def unit_centres(L, layers, padding="valid"):
    """Where each unit of each level sits over the input: the centre of its receptive field.

    Unit i of layer l reads input positions from ``i * J_l + o_l`` to that plus r_l - 1,
    where J_l = prod_{j<=l} s_j (the jump), o_l = o_{l-1} - p_left,l J_{l-1} and r_l is the
    receptive field size of the first l layers; its centre is the start plus (r_l - 1)/2.
    Returns ``centres``, one float per unit of level l in ``centres[l]`` (``centres[0]``:
    0 .. L-1).

    Introduced in notebook 06.
    """
    geoms = _geometries(L, layers, padding, "unit_centres")
    centres, jump, offset, r = [np.arange(geoms[0].L, dtype=float)], 1, 0, 1
    for g in geoms:
        offset -= g.p_left * jump
        r += (g.K_eff - 1) * jump
        jump *= g.stride
        centres.append(np.arange(g.L_out) * jump + offset + (r - 1) / 2)
    return centres
