#!/usr/bin/env python3
"""Time the layers' forward and backward passes at notebook 08's size, and the loop twins.

    python benchmarks/layers_speed.py

Size: a full GunPoint training batch, N = 50 series of L = 150 samples, one channel, through
conv1d (K = 15, 16 filters, "same") -> ReLU -> global average pooling -> dense (16 -> 2) ->
softmax cross-entropy; plus max pooling (P = 3, s = 2) on the feature maps, and the gradients
of one training step of notebook 08's CNN1d (valid padding; it skips dX and fuses the ReLU and
pooling backward). Prints the median of a few repeats in milliseconds. Keeps to a second or
two of CPU. (The loop twins' speed is measured by benchmarks/conv_speed.py.)
"""
import statistics
import time

import numpy as np

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
from helpers.pooling import (
    global_avgpool_backward,
    global_avgpool_forward,
    maxpool1d_backward,
    maxpool1d_forward,
)
from helpers.train import CNN1d


def median_ms(fn, repeats=7):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times)


def main():
    rng = np.random.default_rng(0)
    N, L, K, F = 50, 150, 15, 16
    X = rng.normal(size=(N, L, 1))
    W, b = rng.normal(size=(K, 1, F)), np.zeros(F)
    Wd, bd = rng.normal(size=(F, 2)), np.zeros(2)
    y = rng.integers(0, 2, N)
    Z, c_conv = conv1d_forward(X, W, b, padding="same")
    A, c_relu = relu_forward(Z)
    G, c_gap = global_avgpool_forward(A)
    logits, c_dense = dense_forward(G, Wd, bd)
    _, c_loss = softmax_cross_entropy_forward(logits, y)
    M, c_max = maxpool1d_forward(A, 3, stride=2)
    dZ = rng.normal(size=Z.shape)
    dM = rng.normal(size=M.shape)
    cnn = CNN1d(F, K)
    rows = [
        ("conv1d_forward", lambda: conv1d_forward(X, W, b, padding="same")),
        ("conv1d_backward", lambda: conv1d_backward(dZ, c_conv)),
        ("conv1d_backward, no dX", lambda: conv1d_backward(dZ, c_conv, input_grad=False)),
        ("relu forward + backward", lambda: relu_backward(dZ, relu_forward(Z)[1])),
        ("global avg pool fwd + bwd", lambda: global_avgpool_backward(
            global_avgpool_forward(A)[0], c_gap)),
        ("dense + softmax CE fwd + bwd", lambda: dense_backward(softmax_cross_entropy_backward(
            1.0, softmax_cross_entropy_forward(dense_forward(G, Wd, bd)[0], y)[1]), c_dense)),
        ("maxpool1d_forward (P=3, s=2)", lambda: maxpool1d_forward(A, 3, stride=2)),
        ("maxpool1d_backward", lambda: maxpool1d_backward(dM, c_max)),
        ("CNN1d(16, 15).loss_and_grads", lambda: cnn.loss_and_grads(X[:, :, 0], y)),
    ]
    print(f"N={N}, L={L}, K={K}, C_out={F} (float64)")
    print(f"{'step':<32}{'median ms':>10}")
    for name, fn in rows:
        print(f"{name:<32}{median_ms(fn):>10.2f}")


if __name__ == "__main__":
    main()
