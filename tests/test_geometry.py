"""helpers.geometry: the one place that knows padding, K_eff, L_out and the tap positions."""
import doctest
import importlib

import numpy as np
import pytest
from hypothesis import given

from helpers.conv import correlate1d_naive
from helpers.geometry import (
    Geometry,
    GeometryError,
    conv_output_length,
    effective_kernel_size,
    geometry,
    padding_amounts,
)
from strategies import geometry as geometries


@given(geometries())
def test_fields_follow_the_formulas(geom):
    L, K, s, p, d = geom
    g = geometry(L, K, s, p, d)
    assert isinstance(g, Geometry) and (g.L, g.K, g.stride, g.dilation) == (L, K, s, d)
    assert g.K_eff == d * (K - 1) + 1 == effective_kernel_size(K, d)
    assert g.L_out == (L + g.p_left + g.p_right - g.K_eff) // s + 1 >= 1
    assert g.L_pad == L + g.p_left + g.p_right
    assert (g.p_left, g.p_right) == padding_amounts(L, K, s, p, d)
    assert g.L_out == conv_output_length(L, K, s, p, d)


@given(geometries())
def test_positions_are_the_inputs_each_output_reads(geom):
    L, K, s, p, d = geom
    g = geometry(L, K, s, p, d)
    pos = g.positions()
    assert pos.shape == (g.L_out, K)
    for i in range(g.L_out):
        for k in range(K):
            assert pos[i, k] == i * s + k * d - g.p_left
    np.testing.assert_array_equal(g.positions(padded=True), pos + g.p_left)
    pos2, inside = g.inside()
    np.testing.assert_array_equal(pos2, pos)
    for j in range(L):       # an impulse at j reaches output i exactly when i reads j
        reached = np.nonzero(correlate1d_naive(np.eye(L)[j], np.ones(K), s, p, d))[0]
        np.testing.assert_array_equal(reached, np.nonzero((pos == j) & inside)[0])


@pytest.mark.parametrize("L,s,K,d,expected", [
    (4, 1, 3, 1, (1, 1, 4)), (10, 1, 4, 1, (1, 2, 10)), (10, 3, 3, 1, (1, 1, 4)),
    (9, 2, 2, 3, (1, 2, 5)), (5, 4, 1, 1, (0, 0, 2)), (7, 2, 1, 1, (0, 0, 4))])
def test_same_is_tensorflows_rule(L, s, K, d, expected):
    g = geometry(L, K, s, "same", d)
    assert (g.p_left, g.p_right, g.L_out) == expected
    assert g.L_out == -(-L // s)                          # ceil(L / s)


def test_the_askers_numbers():
    assert geometry(4, 3).L_out == 2                      # w * x valid: (38, 56)
    assert geometry(4, 3, padding="full")[4:] == (2, 2, 3, 6)


def test_a_kernel_that_does_not_fit_carries_its_numbers():
    with pytest.raises(GeometryError) as info:
        geometry(5, 3, 1, (0, 1), 3, func="conv1d")
    err = info.value
    assert isinstance(err, ValueError)
    assert (err.func, err.L, err.K, err.stride, err.dilation) == ("conv1d", 5, 3, 1, 3)
    assert (err.p_left, err.p_right, err.K_eff, err.L_pad) == (0, 1, 7, 6)
    assert str(err) == f"conv1d: {err.reason}"
    assert "K_eff = d(K-1)+1 = 7" in err.reason and "L=5 + padding 0+1 = 6" in err.reason


@pytest.mark.parametrize("kw,exc,fragment", [
    (dict(stride=0), ValueError, "stride must be an integer >= 1"),
    (dict(padding="sam"), ValueError, "padding must be"),
    (dict(padding=None), TypeError, "padding must be"),
    (dict(padding=(1,)), ValueError, "(left, right) pair"),
    (dict(dilation=True), TypeError, "dilation must be an integer"),
])
def test_bad_arguments_are_not_geometry_errors(kw, exc, fragment):
    with pytest.raises(exc, match=None) as info:
        geometry(10, 3, **kw, func="f")
    assert not isinstance(info.value, GeometryError)
    assert str(info.value).startswith("f: ") and fragment in str(info.value)


def test_pad_adds_zeros_on_one_axis():
    g = geometry(3, 4, padding="same")
    np.testing.assert_array_equal(g.pad(np.arange(1.0, 4.0)), [0, 1, 2, 3, 0, 0])
    X = np.ones((2, 3, 5))
    assert g.pad(X, 1).shape == (2, 6, 5)
    assert geometry(3, 2).pad(X, 1) is X                  # nothing to add: no copy


@pytest.mark.parametrize("call,func", [
    (lambda: __import__("helpers.conv").conv.conv1d(np.ones((5, 1)), np.ones((6, 1, 1))), "conv1d"),
    (lambda: __import__("helpers.conv").conv.correlate1d(np.ones(3), np.ones(4)), "correlate1d"),
    (lambda: __import__("helpers.im2col").im2col.im2col1d(np.ones((3, 1)), 2, dilation=3),
     "im2col1d"),
    (lambda: __import__("helpers.matrix").matrix.conv_matrix(np.ones(4), 3), "conv_matrix"),
    (lambda: __import__("helpers.pooling").pooling.maxpool1d_forward(np.ones((3, 1)), 4),
     "maxpool1d_forward"),
])
def test_public_functions_raise_geometry_errors_naming_themselves(call, func):
    with pytest.raises(GeometryError) as info:
        call()
    assert info.value.func == func and str(info.value).startswith(f"{func}: ")


@pytest.mark.parametrize("module", ["geometry", "conv", "matrix", "receptive_field"])
def test_docstring_examples_hold(module):
    """The Examples in the numeric helpers' docstrings are doctests: they must stay true."""
    result = doctest.testmod(importlib.import_module(f"helpers.{module}"), extraglobs={"np": np})
    assert result.attempted > 0 and result.failed == 0
