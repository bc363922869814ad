"""Pooling (helpers.pooling) and receptive fields (helpers.receptive_field)."""
import numpy as np
import pytest
from hypothesis import given, strategies as st

from helpers.gradcheck import numerical_gradient, rel_error
from helpers.layers import conv1d_backward, conv1d_forward
from helpers.pooling import (
    avgpool1d_backward,
    avgpool1d_forward,
    global_avgpool_backward,
    global_avgpool_forward,
    global_maxpool_backward,
    global_maxpool_forward,
    maxpool1d_backward,
    maxpool1d_forward,
    pool1d_naive,
)
from helpers.receptive_field import (
    layer_lengths,
    receptive_field_size,
    trace_receptive_field,
    unit_centres,
)
from oracles import avgpool1d_backward_naive, maxpool1d_backward_naive, trace_receptive_field_naive
from strategies import arrays, assert_clear_error

TOL = 1e-7


@st.composite
def pool_case(draw):
    """(N, L, C, P, s) with s independent of P: s < P overlaps, s > P skips inputs."""
    P = draw(st.integers(1, 5))
    s = draw(st.integers(1, 6))
    L = draw(st.integers(P, 16))
    return draw(st.integers(1, 2)), L, draw(st.integers(1, 3)), P, s


@given(pool_case(), st.sampled_from(["max", "avg"]), st.integers(0, 2**32 - 1))
def test_pooling_forward_and_backward(case, mode, seed):
    N, L, C, P, s = case
    X = arrays(seed, N, L, C)                  # continuous random values: no ties in a window
    fwd, bwd, naive = ((maxpool1d_forward, maxpool1d_backward, maxpool1d_backward_naive)
                       if mode == "max" else
                       (avgpool1d_forward, avgpool1d_backward, avgpool1d_backward_naive))
    out, cache = fwd(X, P, stride=s)
    assert out.shape == (N, (L - P) // s + 1, C)
    np.testing.assert_allclose(out, pool1d_naive(X, P, s, mode), atol=1e-12)
    dout = arrays(seed + 1, *out.shape)
    dX = bwd(dout, cache)
    np.testing.assert_allclose(dX, naive(dout, cache), atol=1e-12)
    num = numerical_gradient(lambda _: fwd(X, P, stride=s)[0], X, dout)
    assert rel_error(dX, num) < TOL
    out1, cache1 = fwd(X[0], P, stride=s)      # one example (L, C)
    np.testing.assert_allclose(bwd(dout[0], cache1), dX[0], atol=1e-12)


def test_overlapping_max_pool_routes_to_the_winner_of_each_window():
    x = np.array([0.0, 5.0, 1.0, 2.0, 0.0, 3.0])[:, None]   # (L=6, C=1)
    out, cache = maxpool1d_forward(x, 3, stride=1)             # windows overlap by 2
    assert out[:, 0].tolist() == [5.0, 5.0, 2.0, 3.0]
    dX = maxpool1d_backward(np.ones_like(out), cache)
    assert dX[:, 0].tolist() == [0, 2, 0, 1, 0, 1]            # x[1] won two windows
    out, cache = avgpool1d_forward(x, 3, stride=2)
    dX = avgpool1d_backward(np.ones_like(out), cache)
    np.testing.assert_allclose(3 * dX[:, 0], [1, 1, 2, 1, 1, 0])   # x[2] in both; x[5] in none


@given(st.integers(1, 3), st.integers(1, 9), st.integers(1, 3), st.integers(0, 2**32 - 1))
def test_global_pooling(N, L, C, seed):
    X = arrays(seed, N, L, C)
    dout = arrays(seed + 1, N, C)
    for fwd, bwd, ref in ((global_avgpool_forward, global_avgpool_backward, np.mean),
                          (global_maxpool_forward, global_maxpool_backward, np.max)):
        out, cache = fwd(X)
        np.testing.assert_allclose(out, ref(X, axis=1), atol=1e-12)
        num = numerical_gradient(lambda _, fwd=fwd: fwd(X)[0], X, dout)
        assert rel_error(bwd(dout, cache), num) < TOL
    # global average pooling == average pooling with one window of size L
    np.testing.assert_allclose(global_avgpool_forward(X)[0], avgpool1d_forward(X, L)[0][:, 0])


@st.composite
def stack(draw):
    n = draw(st.integers(1, 4))
    return [(draw(st.integers(1, 4)), draw(st.integers(1, 3)), draw(st.integers(1, 3)))
            for _ in range(n)]


@given(stack(), st.sampled_from(["valid", "same", "full", 1]), st.data())
def test_receptive_field_trace(layers, padding, data):
    r = receptive_field_size(layers)
    L = data.draw(st.integers(r, r + 20))        # long enough for every "valid" layer
    lengths = layer_lengths(L, layers, padding)
    index = data.draw(st.integers(0, lengths[-1] - 1))
    levels = trace_receptive_field(L, layers, index, padding)
    naive = trace_receptive_field_naive(L, layers, index, padding)
    assert all(np.array_equal(a, b) for a, b in zip(levels, naive, strict=True))
    centres = unit_centres(L, layers, padding)
    assert [len(c) for c in centres] == lengths
    if padding == "valid":                       # nothing cut off: span = r exactly
        assert levels[0][-1] - levels[0][0] + 1 == r
        assert np.isclose(centres[-1][index], (levels[0][0] + levels[0][-1]) / 2)
    elif len(levels[0]):                         # a unit may read padding only: empty field
        assert levels[0][-1] - levels[0][0] + 1 <= r


@given(stack(), st.integers(0, 2**32 - 1))
def test_receptive_field_equals_where_the_gradient_is_non_zero(layers, seed):
    """Independent reference: backpropagate a one-hot from the top unit through conv layers
    with positive weights; the inputs with a non-zero gradient are the receptive field."""
    L = receptive_field_size(layers) + 7
    rng = np.random.default_rng(seed)
    X, caches = rng.normal(size=(1, L, 1)), []
    for K, s, d in layers:
        X, cache = conv1d_forward(X, rng.uniform(0.5, 1.0, (K, 1, 1)), stride=s, dilation=d)
        caches.append(cache)
    index = X.shape[1] // 2
    g = np.zeros_like(X)
    g[0, index, 0] = 1.0
    for cache in caches[::-1]:
        g = conv1d_backward(g, cache)[0]
    assert np.array_equal(np.flatnonzero(g[0, :, 0]),
                          trace_receptive_field(L, layers, index)[0])


def test_receptive_field_formula_by_hand():
    assert receptive_field_size([(3, 1, 1)] * 3) == 7
    assert receptive_field_size([(3, 2, 1)] * 3) == 15            # 1 + 2 (1 + 2 + 4)
    assert receptive_field_size([(3, 1, 1), (3, 1, 2), (3, 1, 4)]) == 15   # WaveNet-style


BAD = [
    (lambda: maxpool1d_forward(np.ones((2, 4, 1)), 5), ValueError,
     ["maxpool1d_forward", "K=5", "L=4"]),
    (lambda: avgpool1d_forward(np.ones((2, 4, 1)), 2, stride=0), ValueError,
     ["avgpool1d_forward", "stride must be an integer >= 1"]),
    (lambda: maxpool1d_forward(np.ones(4), 2), ValueError, ["X must be", "(4,)"]),
    (lambda: global_avgpool_forward(np.ones((4, 1))), ValueError,
     ["global_avgpool_forward", "(N, L, C)", "(4, 1)"]),
    (lambda: maxpool1d_backward(np.ones((1, 3, 1)), maxpool1d_forward(np.ones((1, 4, 1)), 2)[1]),
     ValueError, ["dout must have the forward output's shape (1, 2, 1)", "(1, 3, 1)"]),
    (lambda: receptive_field_size([(3, 0, 1)]), ValueError, ["layers[0][1] (stride)"]),
    (lambda: receptive_field_size([(3, 1)]), ValueError, ["(K, stride, dilation)", "(3, 1)"]),
    (lambda: trace_receptive_field(10, [(3, 1, 1)], index=8), ValueError,
     ["index must be below the top layer's length 8", "8"]),
]


@pytest.mark.parametrize("call,exc,fragments", BAD, ids=[f"bad{i}" for i in range(len(BAD))])
def test_bad_input_gets_a_clear_error(call, exc, fragments):
    assert_clear_error(call, exc, fragments)
