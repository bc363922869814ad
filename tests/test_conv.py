"""correlate1d / convolve1d / conv1d against numpy and their loop twins."""
import itertools
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from helpers.conv import (
    conv1d,
    conv1d_naive,
    convolve1d,
    convolve1d_naive,
    correlate1d,
    correlate1d_naive,
    pad1d,
    sliding_windows,
)
from helpers.geometry import conv_output_length, padding_amounts
from strategies import arrays, geometry

MODES = ["valid", "same", "full"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("L,K", [(7, 1), (7, 3), (8, 5), (6, 6), (9, 2), (10, 4)])
def test_correlate_and_convolve_match_numpy(mode, L, K):
    x, w = arrays(L * 10 + K, L), arrays(K, K)
    if mode == "same" and K % 2 == 0:
        # numpy's "same" puts the odd zero on the LEFT; ours (TensorFlow's rule) on the right.
        padding = (K // 2, (K - 1) // 2)
        np.testing.assert_allclose(correlate1d(x, w, padding=padding), np.correlate(x, w, mode))
        np.testing.assert_allclose(convolve1d(x, w, padding=padding), np.convolve(x, w, mode))
        assert not np.allclose(correlate1d(x, w, padding="same"), np.correlate(x, w, mode))
    else:
        np.testing.assert_allclose(correlate1d(x, w, padding=mode), np.correlate(x, w, mode))
        np.testing.assert_allclose(convolve1d(x, w, padding=mode), np.convolve(x, w, mode))


def test_correlate_does_not_flip_and_convolve_does():
    x, w = [0.0, 0, 1, 0, 0], [1.0, 2.0, 3.0]
    np.testing.assert_array_equal(correlate1d(x, w), [3.0, 2.0, 1.0])   # kernel read backwards
    np.testing.assert_array_equal(convolve1d(x, w), [1.0, 2.0, 3.0])    # impulse response = w
    np.testing.assert_array_equal(convolve1d(x, w), correlate1d(x, w[::-1]))


@given(geometry(), st.integers(0, 2**32 - 1))
def test_fast_1d_equals_loop_twin(geom, seed):
    L, K, s, p, d = geom
    x, w = arrays(seed, L), arrays(seed + 1, K)
    y = correlate1d(x, w, s, p, d)
    assert y.shape == (conv_output_length(L, K, s, p, d),)
    np.testing.assert_allclose(y, correlate1d_naive(x, w, s, p, d), atol=1e-12)
    np.testing.assert_allclose(convolve1d(x, w, s, p, d), convolve1d_naive(x, w, s, p, d),
                               atol=1e-12)


def test_every_grid_combination_agrees_with_the_loop_twins_or_both_reject_it():
    """Notebook 03's former grid: L, K, s, d and five paddings, 900 combinations; the fast
    and loop versions agree with each other and the length formula, or both refuse a
    kernel longer than the padded input."""
    rng = np.random.default_rng(3)
    rejected = 0
    for L, K, s, d in itertools.product((5, 7, 8, 10), (1, 2, 3, 4, 5), (1, 2, 3), (1, 2, 3)):
        for p in ("valid", "same", "full", 1, (0, 2)):
            x, w = rng.normal(size=L), rng.normal(size=K)
            try:
                y = correlate1d(x, w, s, p, d)
            except ValueError:
                rejected += 1
                with pytest.raises(ValueError):
                    correlate1d_naive(x, w, s, p, d)
                continue
            pl, pr = padding_amounts(L, K, s, p, d)
            assert len(y) == (L + pl + pr - d * (K - 1) - 1) // s + 1
            np.testing.assert_allclose(y, correlate1d_naive(x, w, s, p, d), atol=1e-12)
            np.testing.assert_allclose(convolve1d(x, w, s, p, d),
                                       convolve1d_naive(x, w, s, p, d), atol=1e-12)
    assert 0 < rejected < 900 // 4


@given(geometry(), st.integers(1, 3), st.integers(1, 3), st.integers(1, 3),
       st.booleans(), st.integers(0, 2**32 - 1))
def test_conv1d_equals_loop_twin(geom, N, C_in, C_out, with_bias, seed):
    L, K, s, p, d = geom
    X, W = arrays(seed, N, L, C_in), arrays(seed + 1, K, C_in, C_out)
    b = arrays(seed + 2, C_out) if with_bias else None
    out = conv1d(X, W, b, stride=s, padding=p, dilation=d)
    assert out.shape == (N, conv_output_length(L, K, s, p, d), C_out)
    np.testing.assert_allclose(out, conv1d_naive(X, W, b, s, p, d), atol=1e-12)
    np.testing.assert_allclose(conv1d(X[0], W, b, s, p, d), out[0], atol=1e-12)  # unbatched


@pytest.mark.parametrize("L,K,s,p,d", [
    (10, 3, 3, "valid", 1),     # stride does not divide: floor((10-3)/3)+1 = 3
    (11, 4, 2, "same", 1),      # even K with "same"
    (12, 3, 1, "valid", 3),     # dilation: K_eff = 7
    (6, 6, 1, "valid", 1),      # K = L: one output
    (5, 5, 2, "full", 1),
    (7, 2, 4, "same", 2),
    (9, 3, 2, 0, 1),            # padding 0 given as an int
])
def test_conv1d_named_cases(L, K, s, p, d):
    X, W, b = arrays(1, 2, L, 3), arrays(2, K, 3, 2), arrays(3, 2)
    np.testing.assert_allclose(conv1d(X, W, b, s, p, d), conv1d_naive(X, W, b, s, p, d), atol=1e-12)


def test_single_channel_conv1d_is_correlate1d():
    x, w = arrays(5, 13), arrays(6, 4)
    for p in MODES:
        np.testing.assert_allclose(conv1d(x[:, None], w[:, None, None], padding=p)[:, 0],
                                   correlate1d(x, w, padding=p))


@pytest.mark.parametrize("L,K,s,p,d,expected", [
    (10, 3, 1, "valid", 1, 8), (10, 3, 1, "full", 1, 12), (10, 3, 1, "same", 1, 10),
    (10, 3, 3, "valid", 1, 3), (10, 3, 3, "same", 1, 4), (10, 3, 1, "valid", 2, 6),
    (10, 4, 2, (1, 0), 1, 4), (5, 5, 1, "valid", 1, 1), (7, 2, 2, 3, 1, 6),
])
def test_output_length_formula(L, K, s, p, d, expected):
    assert conv_output_length(L, K, s, p, d) == expected


@given(st.integers(1, 40), st.integers(1, 7), st.integers(1, 5), st.integers(1, 3))
def test_same_padding_follows_tensorflow(L, K, s, d):
    pl, pr = padding_amounts(L, K, s, "same", d)
    K_eff = d * (K - 1) + 1
    assert conv_output_length(L, K, s, "same", d) == math.ceil(L / s)
    assert pl + pr == max((math.ceil(L / s) - 1) * s + K_eff - L, 0)
    assert pr - pl in (0, 1)                     # the odd zero goes on the right


def test_pad1d_pads_the_length_axis_only():
    x = np.arange(6.0).reshape(3, 2)             # (L=3, C=2)
    np.testing.assert_array_equal(pad1d(x, (1, 2)),
                                  [[0, 0], [0, 1], [2, 3], [4, 5], [0, 0], [0, 0]])
    Xb = np.ones((2, 3, 4))                       # (N, L, C)
    assert pad1d(Xb, "full", kernel_size=3).shape == (2, 7, 4)
    np.testing.assert_array_equal(pad1d([1, 2, 3], "same", kernel_size=4), [0, 1, 2, 3, 0, 0])


def test_sliding_windows_is_a_view_of_windows():
    x = np.arange(10.0)
    win = sliding_windows(x, 3, stride=2, dilation=2)
    np.testing.assert_array_equal(win, [[0, 2, 4], [2, 4, 6], [4, 6, 8]])
    assert not win.flags.writeable


def test_float32_is_preserved():
    X, W = arrays(0, 2, 9, 3, dtype=np.float32), arrays(1, 3, 3, 4, dtype=np.float32)
    assert conv1d(X, W, np.zeros(4, np.float32)).dtype == np.float32
    assert correlate1d(X[0, :, 0], W[:, 0, 0]).dtype == np.float32
    assert conv1d(X.astype(int), W.astype(int)).dtype == np.float64
