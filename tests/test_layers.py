"""Forward/backward pairs of helpers.layers against numerical gradients, loop twins and the
matrix statements of notebook 07 (dX = T^T dout, a full convolution with the flipped filter)."""
import numpy as np
import pytest
from hypothesis import given, strategies as st

from helpers.conv import conv1d_naive, convolve1d
from helpers.geometry import padding_amounts
from helpers.gradcheck import numerical_gradient, rel_error
from helpers.layers import (
    conv1d_backward,
    conv1d_forward,
    dense_backward,
    dense_forward,
    relu_backward,
    relu_forward,
    softmax_cross_entropy_backward,
    softmax_cross_entropy_forward,
)
from helpers.matrix import conv_matrix
from oracles import conv1d_backward_naive, softmax_cross_entropy_backward_naive
from strategies import arrays, assert_clear_error, geometry

TOL = 1e-7     # float64, central differences with h = 1e-5: correct gradients give ~1e-9


def _conv_case(geom, N, C_in, C_out, seed, bias=True):
    L, K, s, p, d = geom
    X, W = arrays(seed, N, L, C_in), arrays(seed + 1, K, C_in, C_out)
    b = arrays(seed + 2, C_out) if bias else None
    kw = dict(stride=s, padding=p, dilation=d)
    out, cache = conv1d_forward(X, W, b, **kw)
    dout = arrays(seed + 3, *out.shape)
    return X, W, b, kw, out, cache, dout


@given(geometry(max_L=10, max_K=4), st.integers(1, 2), st.integers(1, 2), st.integers(1, 3),
       st.booleans(), st.integers(0, 2**32 - 1))
def test_conv1d_backward_matches_numerical_gradients(geom, N, C_in, C_out, bias, seed):
    X, W, b, kw, out, cache, dout = _conv_case(geom, N, C_in, C_out, seed, bias)
    np.testing.assert_allclose(out, conv1d_naive(X, W, b, **kw), atol=1e-12)
    dX, dW, db = conv1d_backward(dout, cache)
    f = lambda _: conv1d_forward(X, W, b, **kw)[0]               # noqa: E731
    assert rel_error(dX, numerical_gradient(f, X, dout)) < TOL
    assert rel_error(dW, numerical_gradient(f, W, dout)) < TOL
    if bias:
        assert rel_error(db, numerical_gradient(f, b, dout)) < TOL
    else:
        assert db is None
    nX, nW, nb = conv1d_backward_naive(dout, cache)
    np.testing.assert_allclose(dX, nX, atol=1e-12)
    np.testing.assert_allclose(dW, nW, atol=1e-12)
    assert (nb is None) if db is None else np.allclose(db, nb, atol=1e-12)


@pytest.mark.parametrize("kw", [dict(padding=0), dict(padding="full"), dict(stride=3),
                                dict(stride=2, padding="full", dilation=2),
                                dict(dilation=3, padding=(2, 1)), dict(stride=4, padding="same")])
def test_conv1d_backward_named_geometries(kw):
    # padding 0 and "full", stride that does not divide (L=11), dilation > 1
    X, W, b = arrays(1, 2, 11, 3), arrays(2, 3, 3, 2), arrays(3, 2)
    out, cache = conv1d_forward(X, W, b, **kw)
    dout = arrays(4, *out.shape)
    dX, dW, db = conv1d_backward(dout, cache)
    f = lambda _: conv1d_forward(X, W, b, **kw)[0]               # noqa: E731
    for got, x in ((dX, X), (dW, W), (db, b)):
        assert rel_error(got, numerical_gradient(f, x, dout)) < TOL
    no_dX = conv1d_backward(dout, cache, input_grad=False)        # a first layer's: no dX
    assert no_dX[0] is None and np.array_equal(no_dX[1], dW) and np.array_equal(no_dX[2], db)


@given(geometry(max_L=12, max_K=4), st.integers(1, 3), st.integers(1, 3),
       st.integers(0, 2**32 - 1))
def test_dX_is_T_transpose_times_dout(geom, C_in, C_out, seed):
    X, W, b, kw, out, cache, dout = _conv_case(geom, 2, C_in, C_out, seed)
    dX = conv1d_backward(dout, cache)[0]
    T = conv_matrix(W, X.shape[1], **kw)                        # (L_out*C_out, L*C_in)
    for n in range(2):
        np.testing.assert_allclose(dX[n].reshape(-1), T.T @ dout[n].reshape(-1), atol=1e-12)


@given(geometry(max_L=12, max_K=4), st.integers(1, 2), st.integers(1, 2),
       st.integers(0, 2**32 - 1))
def test_dX_is_a_full_convolution_with_the_filter(geom, C_in, C_out, seed):
    """dX[:, c] = sum_o (upsampled dout[:, o]) * W[:, c, o], full convolution (the filter
    flipped relative to the forward correlation), cropped by p_left; stride s inserts s - 1
    zeros between the upstream gradients first (the transposed convolution)."""
    L, K, s, p, d = geom
    X, W, b, kw, out, cache, dout = _conv_case(geom, 1, C_in, C_out, seed)
    dX = conv1d_backward(dout[0], conv1d_forward(X[0], W, b, **kw)[1])[0]   # unbatched (L, C_in)
    pl, _ = padding_amounts(L, K, s, p, d)
    L_out = out.shape[1]
    expected = np.zeros((L + K * d * s + L_out * s, C_in))     # room for the full result
    for c in range(C_in):
        for o in range(C_out):
            g_up = np.zeros((L_out - 1) * s + 1)
            g_up[::s] = dout[0, :, o]                            # s - 1 zeros between entries
            full = convolve1d(g_up, W[:, c, o], padding="full", dilation=d)
            expected[:len(full), c] += full
    np.testing.assert_allclose(dX, expected[pl:pl + L], atol=1e-12)


def test_dW_is_a_correlation_of_the_input_with_dout():
    x, w = arrays(5, 12), arrays(6, 4)
    out, cache = conv1d_forward(x[:, None], w[:, None, None])
    g = arrays(7, len(out))
    dW = conv1d_backward(g[:, None], cache)[1][:, 0, 0]
    np.testing.assert_allclose(dW, np.correlate(x, g, mode="valid"), atol=1e-12)


def test_float32_stays_float32():
    X, W = arrays(1, 2, 9, 2, dtype=np.float32), arrays(2, 3, 2, 4, dtype=np.float32)
    out, cache = conv1d_forward(X, W, np.zeros(4, np.float32))
    dX, dW, db = conv1d_backward(np.ones_like(out), cache)
    assert out.dtype == dX.dtype == dW.dtype == np.float32


@given(st.integers(1, 5), st.integers(1, 5), st.integers(1, 4), st.integers(0, 2**32 - 1))
def test_dense_backward(N, n_in, n_out, seed):
    X, W, b = arrays(seed, N, n_in), arrays(seed + 1, n_in, n_out), arrays(seed + 2, n_out)
    out, cache = dense_forward(X, W, b)
    np.testing.assert_allclose(out, np.einsum("ni,io->no", X, W) + b, atol=1e-12)
    dout = arrays(seed + 3, N, n_out)
    f = lambda _: dense_forward(X, W, b)[0]                      # noqa: E731
    for got, x in zip(dense_backward(dout, cache), (X, W, b), strict=True):
        assert rel_error(got, numerical_gradient(f, x, dout)) < TOL


@given(st.integers(0, 2**32 - 1))
def test_relu_backward(seed):
    Z = arrays(seed, 2, 7, 3)
    Z[np.abs(Z) < 1e-3] = 0.5                                    # keep away from the kink
    A, cache = relu_forward(Z)
    dout = arrays(seed + 1, *Z.shape)
    assert np.array_equal(A, np.where(Z > 0, Z, 0))
    got = relu_backward(dout, cache)
    assert rel_error(got, numerical_gradient(lambda _: relu_forward(Z)[0], Z, dout)) < TOL


@given(st.integers(1, 6), st.integers(2, 5), st.integers(0, 2**32 - 1))
def test_softmax_cross_entropy(N, C, seed):
    z = arrays(seed, N, C)          # moderate logits: no probability near 1e-6 (see rel_error)
    y = np.random.default_rng(seed).integers(0, C, N)
    loss, cache = softmax_cross_entropy_forward(z, y)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    assert np.isclose(loss, -np.mean(np.log(p[np.arange(N), y])))
    np.testing.assert_allclose(cache[0], p, atol=1e-12)                # the softmax
    d = softmax_cross_entropy_backward(1.0, cache)
    np.testing.assert_allclose(d, softmax_cross_entropy_backward_naive(1.0, cache), atol=1e-14)
    num = numerical_gradient(lambda _: softmax_cross_entropy_forward(z, y)[0], z)
    assert rel_error(d, num) < TOL


def test_softmax_cross_entropy_does_not_overflow():
    loss, cache = softmax_cross_entropy_forward([[1000.0, 0.0], [0.0, 1000.0]], [0, 0])
    assert np.isclose(loss, 500.0) and np.all(np.isfinite(softmax_cross_entropy_backward(1, cache)))


def test_whole_small_network_gradient():
    """conv -> ReLU -> global average pool -> dense -> softmax cross-entropy, every parameter."""
    from helpers.pooling import global_avgpool_backward, global_avgpool_forward
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(3, 20, 1)), np.array([0, 1, 1])
    params = dict(W1=rng.normal(size=(5, 1, 4)), b1=rng.normal(size=4),
                  W2=rng.normal(size=(4, 2)), b2=rng.normal(size=2))

    def loss_and_grads():
        z1, c1 = conv1d_forward(X, params["W1"], params["b1"], stride=2, dilation=2)
        a1, c2 = relu_forward(z1)
        g, c3 = global_avgpool_forward(a1)
        z2, c4 = dense_forward(g, params["W2"], params["b2"])
        loss, c5 = softmax_cross_entropy_forward(z2, y)
        dg, dW2, db2 = dense_backward(softmax_cross_entropy_backward(1.0, c5), c4)
        _, dW1, db1 = conv1d_backward(relu_backward(global_avgpool_backward(dg, c3), c2), c1)
        return loss, dict(W1=dW1, b1=db1, W2=dW2, b2=db2)

    grads = loss_and_grads()[1]
    for name, value in params.items():
        num = numerical_gradient(lambda _: loss_and_grads()[0], value)
        assert rel_error(grads[name], num) < TOL, name


BAD = [
    (lambda: dense_forward(np.ones((2, 3)), np.ones((4, 2)), np.ones(2)), ValueError,
     ["dense_forward", "(2, 3)", "(4, 2)"]),
    (lambda: conv1d_forward(np.ones((2, 5, 1)), np.ones((6, 1, 1))), ValueError,
     ["conv1d_forward", "longer than the padded input"]),
    (lambda: conv1d_backward(np.ones((2, 4, 1)), conv1d_forward(np.ones((2, 5, 1)),
                                                                np.ones((3, 1, 1)))[1]),
     ValueError, ["conv1d_backward", "dout must have the forward output's shape (2, 3, 1)",
                  "(2, 4, 1)"]),
    (lambda: softmax_cross_entropy_forward(np.ones((2, 3)), [0, 3]), ValueError,
     ["labels must lie in 0 .. 2", "3"]),
    (lambda: softmax_cross_entropy_forward(np.ones((2, 3)), [0.0, 1.0]), ValueError,
     ["y must hold N=2 integer labels", "float64"]),
    (lambda: numerical_gradient(lambda x: 0.0, [1.0, 2.0]), TypeError, ["float64 numpy array"]),
    (lambda: rel_error(np.ones(2), np.ones(3)), ValueError, ["same shape", "(2,)", "(3,)"]),
]


@pytest.mark.parametrize("call,exc,fragments", BAD, ids=[f"bad{i}" for i in range(len(BAD))])
def test_bad_input_gets_a_clear_error(call, exc, fragments):
    assert_clear_error(call, exc, fragments)
