"""Loop twins that only the tests use: plain-loop references for the vectorised helpers.

They are not in the wheel (a student release must not ship answers, and no notebook reads
them); the loop twins a notebook shows (correlate1d_naive, convolve1d_naive, conv1d_naive,
pool1d_naive) stay beside their fast functions in helpers/. Each takes the same arguments
as the function it checks and trusts them (the tests pass valid input). Every tap position
comes from ``Geometry.inside()``, the one place of the rule ``j = i s + k d - p_left``.
"""
import numpy as np

from helpers.geometry import geometry


def _batch(A):
    """A (L, C) or (N, L, C) as (N, L, C), and whether it was batched."""
    A = np.asarray(A, dtype=float)
    return (A, True) if A.ndim == 3 else (A[None], False)


def im2col1d_naive(X, K, stride=1, padding="valid", dilation=1):
    """Loop twin of ``helpers.im2col.im2col1d``."""
    Xb, batched = _batch(X)
    N, L, C_in = Xb.shape
    g = geometry(L, K, stride, padding, dilation)
    pos, inside = g.inside()
    P = np.zeros((N, g.L_out, K * C_in))
    for n in range(N):
        for i in range(g.L_out):
            for k in range(K):
                if inside[i, k]:
                    for c in range(C_in):
                        P[n, i, k * C_in + c] = Xb[n, pos[i, k], c]
    return P if batched else P[0]


def col2im1d_naive(cols, L, K, stride=1, padding="valid", dilation=1):
    """Loop twin of ``helpers.im2col.col2im1d``."""
    cb, batched = _batch(cols)
    N, C_in = cb.shape[0], cb.shape[-1] // K
    g = geometry(L, K, stride, padding, dilation)
    pos, inside = g.inside()
    out = np.zeros((N, L, C_in))
    for n in range(N):
        for i in range(g.L_out):
            for k in range(K):
                if inside[i, k]:
                    for c in range(C_in):
                        out[n, pos[i, k], c] += cb[n, i, k * C_in + c]
    return out if batched else out[0]


def conv_matrix_naive(w, L, stride=1, padding="valid", dilation=1, padded=False):
    """Loop twin of ``helpers.matrix.conv_matrix``."""
    w = np.asarray(w, dtype=float)
    W = w.reshape(-1, 1, 1) if w.ndim == 1 else w                  # (K, C_in, C_out)
    K, C_in, C_out = W.shape
    g = geometry(L, K, stride, padding, dilation)
    pos, inside = g.inside(padded)
    T = np.zeros((g.L_out * C_out, (g.L_pad if padded else L) * C_in))
    for i in range(g.L_out):
        for k in range(K):
            if inside[i, k]:
                for o in range(C_out):
                    for c in range(C_in):
                        T[i * C_out + o, pos[i, k] * C_in + c] = W[k, c, o]
    return T


def shift_matrix_naive(L, shift=1):
    """Loop twin of ``helpers.matrix.shift_matrix``."""
    S = np.zeros((L, L))
    for j in range(L):
        if 0 <= j - shift < L:
            S[j, j - shift] = 1.0
    return S


def conv1d_backward_naive(dout, cache):
    """Loop twin of ``helpers.layers.conv1d_backward``: every (n, i, k, c, o) term of the
    forward sum sends dout back along it; the input is read from the patch matrix."""
    P, W, g, (N, L, C_in) = cache["P"], cache["W"], cache["geometry"], cache["X_shape"]
    K, _, C_out = W.shape
    pos, inside = g.inside()
    G = np.asarray(dout, dtype=float).reshape(N, g.L_out, C_out)
    dX, dW, db = np.zeros((N, L, C_in)), np.zeros(W.shape), np.zeros(C_out)
    for n in range(N):
        for i in range(g.L_out):
            for o in range(C_out):
                db[o] += G[n, i, o]
                for k in range(K):
                    for c in range(C_in):
                        dW[k, c, o] += P[n, i, k * C_in + c] * G[n, i, o]
                        if inside[i, k]:                 # a padded zero sends nothing back
                            dX[n, pos[i, k], c] += W[k, c, o] * G[n, i, o]
    return (dX if cache["batched"] else dX[0]), dW, (db if cache["has_bias"] else None)


def softmax_cross_entropy_backward_naive(dloss, cache):
    """Loop twin of ``helpers.layers.softmax_cross_entropy_backward``."""
    p, y = cache
    N, C = p.shape
    d = np.zeros((N, C))
    for n in range(N):
        for j in range(C):
            d[n, j] = dloss * (p[n, j] - (1.0 if j == y[n] else 0.0)) / N
    return d


def maxpool1d_backward_naive(dout, cache):
    """Loop twin of ``helpers.pooling.maxpool1d_backward``."""
    arg, (N, L, C), s = cache["argmax"], cache["X_shape"], cache["geometry"].stride
    G = np.asarray(dout, dtype=float).reshape(N, arg.shape[1], C)
    dX = np.zeros((N, L, C))
    for n in range(N):
        for i in range(arg.shape[1]):
            for c in range(C):
                dX[n, i * s + arg[n, i, c], c] += G[n, i, c]
    return dX if cache["batched"] else dX[0]


def avgpool1d_backward_naive(dout, cache):
    """Loop twin of ``helpers.pooling.avgpool1d_backward``."""
    (N, L, C), g = cache["X_shape"], cache["geometry"]
    G = np.asarray(dout, dtype=float).reshape(N, g.L_out, C)
    pos = g.positions()
    dX = np.zeros((N, L, C))
    for n in range(N):
        for i in range(g.L_out):
            for k in range(g.K):
                for c in range(C):
                    dX[n, pos[i, k], c] += G[n, i, c] / g.K
    return dX if cache["batched"] else dX[0]


def trace_receptive_field_naive(L, layers, index=None, padding="valid"):
    """Loop twin of ``helpers.receptive_field.trace_receptive_field``, with Python sets."""
    geoms = []
    for K, s, d in layers:
        geoms.append(geometry(geoms[-1].L_out if geoms else L, K, s, padding, d))
    levels = [{geoms[-1].L_out // 2 if index is None else index}]
    for g in geoms[::-1]:
        pos, inside = g.inside()
        levels.insert(0, {int(pos[i, k]) for i in levels[0] for k in range(g.K) if inside[i, k]})
    return [np.array(sorted(level), dtype=int) for level in levels]


def one_nn_predict_naive(X_train, y_train, X):
    """Loop twin of ``helpers.baselines.one_nn_predict``."""
    out = []
    for x in np.asarray(X, float):
        dists = [np.sum((x - a) ** 2) for a in np.asarray(X_train, float)]
        out.append(np.asarray(y_train)[int(np.argmin(dists))])
    return np.array(out)
