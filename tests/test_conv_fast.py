"""The engine (helpers.conv_fast): blocked im2col + GEMM and one np.correlate, against the loop
twin, and every caller computing through it."""
import numpy as np
import pytest
from hypothesis import given, strategies as st

from helpers.conv import conv1d, conv1d_naive
from helpers.conv_fast import (
    MIN_BLOCK_ROWS,
    choose_block_rows,
    conv1d_blocked,
    conv1d_correlate,
    window_view,
)
from helpers.geometry import geometry as layer_geometry
from helpers.im2col import conv1d_gemm
from strategies import arrays, geometry


def _padded(X, K, s, p, d):
    """X (N, L, C_in) zero-padded as conv1d pads it, and its geometry."""
    g = layer_geometry(X.shape[1], K, s, p, d)
    return g.pad(X, 1), g


def test_window_view_reads_the_right_inputs():
    Xp = np.arange(20.0).reshape(1, 10, 2)                 # (N=1, L_pad=10, C_in=2)
    v = window_view(Xp, K=3, stride=2, dilation=2, L_out=3)
    assert v.shape == (1, 3, 3, 2) and not v.flags.writeable
    for i in range(3):
        for k in range(3):
            np.testing.assert_array_equal(v[0, i, k], Xp[0, 2 * i + 2 * k])


@pytest.mark.parametrize("block_rows", [1, 2, 3, 5, 7, 16, 1000])
@pytest.mark.parametrize("L,K,s,p,d", [
    (23, 3, 1, "valid", 1),    # L_out = 21: no block size above divides it
    (23, 4, 2, "same", 1),     # stride with an even kernel: L_out = 12
    (19, 3, 3, "full", 2),     # dilation and stride together
    (9, 9, 1, "valid", 1),     # K = L: one output row per example
])
def test_blocked_equals_loop_twin_for_any_block_size(block_rows, L, K, s, p, d):
    # N = 3 examples: blocks of whole examples (L_out <= block_rows, 3 not a multiple of the
    # examples per block) and blocks inside one example (L_out > block_rows, a ragged last one)
    X, W = arrays(10, 3, L, 4), arrays(11, K, 4, 5)
    Xp, g = _padded(X, K, s, p, d)
    out = conv1d_blocked(Xp, W, g, block_rows=block_rows)
    np.testing.assert_allclose(out, conv1d_naive(X, W, None, s, p, d), atol=1e-12)


@given(geometry(max_L=14, max_K=4), st.integers(1, 3), st.integers(1, 3), st.integers(1, 3),
       st.integers(1, 9), st.integers(0, 2**32 - 1))
def test_both_routes_equal_loop_twin(geom, N, C_in, C_out, block_rows, seed):
    L, K, s, p, d = geom
    X, W = arrays(seed, N, L, C_in), arrays(seed + 1, K, C_in, C_out)
    Xp, g = _padded(X, K, s, p, d)
    ref = conv1d_naive(X, W, None, s, p, d)
    np.testing.assert_allclose(conv1d_blocked(Xp, W, g, block_rows), ref, atol=1e-12)
    X1, W1 = X[:, :, :1], W[:1, :1, :1] if K == 1 else W[:, :1, :1]          # one channel
    Xp1, _ = _padded(X1, K, s, p, d)
    np.testing.assert_allclose(conv1d_correlate(Xp1, W1, g),
                               conv1d_naive(X1, W1, None, s, p, d), atol=1e-12)


@pytest.mark.parametrize("N,L,C_in,C_out,K,s,p,d", [
    (3, 3000, 32, 8, 5, 1, "valid", 1),     # several whole examples per default block
    (2, 20000, 64, 4, 3, 2, "same", 1),     # several default blocks inside one example
    (1, 5000, 1, 1, 9, 3, "full", 2),       # one channel in and out: np.correlate
])
def test_conv1d_on_shapes_larger_than_a_block(N, L, C_in, C_out, K, s, p, d):
    X = arrays(0, N, L, C_in, dtype=np.float32)
    W, b = arrays(1, K, C_in, C_out, dtype=np.float32), arrays(2, C_out, dtype=np.float32)
    rows = N * (L // s)
    assert C_in * C_out == 1 or rows > choose_block_rows(K, C_in, C_out)   # several blocks
    out = conv1d(X, W, b, s, p, d)
    assert out.dtype == np.float32 and out.flags.c_contiguous
    ref = conv1d_gemm(X.astype(float), W.astype(float), b.astype(float), s, p, d)  # im2col route
    np.testing.assert_allclose(out, ref, rtol=1e-4, atol=1e-4)


def test_float32_stays_float32_through_both_routes():
    X, W = arrays(3, 2, 40, 3, dtype=np.float32), arrays(4, 5, 3, 2, dtype=np.float32)
    Xp, g = _padded(X, 5, 1, "valid", 1)
    assert conv1d_blocked(Xp, W, g, block_rows=7).dtype == np.float32
    Xp1 = np.ascontiguousarray(Xp[:, :, :1])
    assert conv1d_correlate(Xp1, W[:, :1, :1], g).dtype == np.float32
    assert conv1d(X[:, :, :1], W[:, :1, :1]).dtype == np.float32           # np.correlate route
    assert conv1d(X, W.astype(np.float64)).dtype == np.float64             # mixed: float64


def test_choose_block_rows():
    assert choose_block_rows(7, 16, 32) == 10**6 // (7 * 16 * 32) == 279   # about 10^6 MACs
    assert choose_block_rows(5, 2, 2) == 50_000                            # few channels: long
    assert choose_block_rows(5, 2, 2, block_macs=20 * 300) == 300
    assert choose_block_rows(9, 128, 128) == MIN_BLOCK_ROWS                # never fewer rows


@pytest.mark.parametrize("s,p,d", [(1, "valid", 1), (2, "same", 1), (1, "valid", 3)])
def test_conv1d_reads_non_contiguous_inputs(s, p, d):
    base = arrays(5, 2, 4, 31)                                # PyTorch layout (N, C_in, L)
    X = base.transpose(0, 2, 1)[:, ::2]                       # (N, L=16, C_in) strided view
    W = arrays(6, 3, 4, 2)[::-1]                              # negative strides too
    assert not X.flags.c_contiguous and not W.flags.c_contiguous
    np.testing.assert_allclose(conv1d(X, W, None, s, p, d),
                               conv1d_naive(np.ascontiguousarray(X), W.copy(), None, s, p, d),
                               atol=1e-12)


@pytest.mark.parametrize("N", [1, 3])
@pytest.mark.parametrize("L,K,s,p,d", [
    (30, 4, 1, "valid", 1), (31, 3, 2, "same", 1), (17, 5, 3, "full", 1), (30, 3, 1, 2, 2),
    (41, 4, 2, "same", 3), (13, 3, 1, "valid", 6)])   # dilation: phases of unequal length
def test_single_channel_np_correlate_route_equals_loop_twin(N, L, K, s, p, d):
    X, W = arrays(7, N, L, 1), arrays(8, K, 1, 1)
    Xp, g = _padded(X, K, s, p, d)
    out = conv1d_correlate(Xp, W, g)
    assert out.shape == (N, g.L_out, 1)
    np.testing.assert_allclose(out, conv1d_naive(X, W, None, s, p, d), atol=1e-12)
    np.testing.assert_allclose(conv1d(X, W, None, s, p, d), out, atol=1e-12)


def test_long_single_channel_signal_float32():
    x, w = arrays(9, 5000, dtype=np.float32), arrays(10, 9, dtype=np.float32)
    out = conv1d(x[:, None], w[:, None, None], stride=2, padding="same")
    assert out.dtype == np.float32 and out.shape == (2500, 1)
    ref = conv1d_naive(x[:, None].astype(float), w[:, None, None].astype(float), None, 2, "same")
    np.testing.assert_allclose(out, ref, rtol=1e-5, atol=1e-5)


def test_every_forward_computes_through_the_engine(monkeypatch):
    """One engine: conv1d, correlate1d, convolve1d, the layer and the CNN all reach its routes."""
    from helpers import conv_fast
    from helpers.conv import convolve1d, correlate1d
    from helpers.layers import conv1d_forward
    from helpers.train import CNN1d
    calls = []
    for name in ("conv1d_blocked", "conv1d_correlate"):
        route = getattr(conv_fast, name)
        monkeypatch.setattr(conv_fast, name, lambda *a, route=route, name=name, **k:
                            calls.append(name) or route(*a, **k))
    x, X, W = arrays(0, 12), arrays(1, 2, 12, 3), arrays(2, 3, 3, 4)
    forwards = {"conv1d": lambda: conv1d(X, W), "correlate1d": lambda: correlate1d(x, x[:3]),
                "convolve1d": lambda: convolve1d(x, x[:3]),
                "conv1d_forward": lambda: conv1d_forward(X, W, padding="same"),
                "CNN1d": lambda: CNN1d(4, 3).logits(X[:, :, 0])}
    for name, forward in forwards.items():
        calls.clear()
        forward()
        assert len(calls) == 1, f"{name} did not compute through the engine once: {calls}"
