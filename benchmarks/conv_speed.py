#!/usr/bin/env python3
"""How fast is helpers.conv.conv1d? Prints a table; it is a measurement, not a test.

    python benchmarks/conv_speed.py [--repeats 7]

For each layer shape (N, L, C_in, C_out, K), float32, stride 1, "valid" padding:

* conv1d       best time of ``conv1d`` (blocked im2col + GEMM; tap loop for 1 channel)
* im2col+mm    the whole patch matrix copied out, then one matmul (no blocking)
* GFLOP/s      2 N L_out C_out K C_in useful floating-point operations per second
* % matmul     conv1d's GFLOP/s over this machine's float32 matmul GFLOP/s, measured in the
               same run (best over square sizes 512, 1024, 2048, before and after the layers)
* loop twin    ``conv1d_naive``; timed on a crop of the output (est.) when the full loop
               would take minutes: its cost is exactly proportional to N * L_out.

Timings on a shared machine are noisy: every figure is the best of ``--repeats`` runs, and
the load average is printed so a reader can judge.
"""
import argparse
import os
import platform
import time

import numpy as np

from helpers.conv import conv1d, conv1d_naive
from helpers.im2col import im2col1d

SHAPES = [(32, 1024, 16, 32, 7), (64, 512, 64, 64, 3), (8, 2048, 128, 128, 9),
          (1, 100000, 1, 1, 9)]
LOOP_BUDGET = 1_000_000          # inner loop iterations we are willing to run per shape


def im2col_matmul(X, W):
    """Plain im2col: copy the whole patch matrix, then ONE matmul (N*L_out, K*C_in) @ W2."""
    K, C_in, C_out = W.shape
    P = np.ascontiguousarray(im2col1d(X, K)).reshape(-1, K * C_in)   # (N*L_out, K*C_in)
    return (P @ W.reshape(K * C_in, C_out)).reshape(len(X), -1, C_out)


def best_time(f, repeats):
    """Smallest wall-clock time of ``repeats`` calls of f (after one warm-up call)."""
    f()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


def matmul_gflops(repeats, sizes=(512, 1024, 2048)):
    """This machine's float32 matmul speed: best GFLOP/s over square n x n products."""
    rng = np.random.default_rng(0)
    rates = []
    for n in sizes:
        A = rng.standard_normal((n, n), dtype=np.float32)
        B = rng.standard_normal((n, n), dtype=np.float32)
        rates.append(2 * n**3 / best_time(lambda: A @ B, repeats) / 1e9)
    return max(rates)


def loop_twin_time(X, W):
    """Seconds conv1d_naive needs for the whole layer; (seconds, estimated?)."""
    N, L, C_in = X.shape
    K, _, C_out = W.shape
    L_out = L - K + 1
    positions = max(1, LOOP_BUDGET // (C_out * K * C_in))   # output positions to really run
    if positions >= N * L_out:
        t0 = time.perf_counter()
        conv1d_naive(X, W)
        return time.perf_counter() - t0, False
    crop = X[:1, :positions + K - 1]                          # (1, positions + K - 1, C_in)
    t0 = time.perf_counter()
    conv1d_naive(crop, W)
    return (time.perf_counter() - t0) * N * L_out / positions, True


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=7)
    args = ap.parse_args(argv)
    rng = np.random.default_rng(0)
    print(f"numpy {np.__version__}, {platform.machine()}, {os.cpu_count()} CPUs, "
          f"load average before: {os.getloadavg()[0]:.2f}")
    mm_before = matmul_gflops(args.repeats)
    rows = []
    for N, L, C_in, C_out, K in SHAPES:
        X = rng.standard_normal((N, L, C_in), dtype=np.float32)
        W = rng.standard_normal((K, C_in, C_out), dtype=np.float32)
        assert conv1d(X, W).dtype == np.float32
        flops = 2 * N * (L - K + 1) * C_out * K * C_in
        t_fast = best_time(lambda: conv1d(X, W), args.repeats)
        t_plain = best_time(lambda: im2col_matmul(X, W), args.repeats)
        t_loop, estimated = loop_twin_time(X, W)
        rows.append((N, L, C_in, C_out, K, flops, t_fast, t_plain, t_loop, estimated))
    mm = max(mm_before, matmul_gflops(args.repeats))
    print(f"float32 matmul on this machine: {mm:.1f} GFLOP/s (best of n = 512, 1024, 2048; "
          f"before the layers {mm_before:.1f})")
    print(f"load average after: {os.getloadavg()[0]:.2f}\n")
    print("| (N, L, C_in, C_out, K) | MFLOP | conv1d ms | GFLOP/s | % matmul "
          "| im2col+mm GFLOP/s | loop twin s | speed-up |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for N, L, C_in, C_out, K, flops, t_fast, t_plain, t_loop, est in rows:
        g = flops / t_fast / 1e9
        print(f"| ({N}, {L}, {C_in}, {C_out}, {K}) | {flops / 1e6:.1f} | {t_fast * 1e3:.2f} "
              f"| {g:.1f} | {100 * g / mm:.0f} % | {flops / t_plain / 1e9:.1f} "
              f"| {t_loop:.1f}{' (est.)' if est else ''} | {t_loop / t_fast:,.0f}x |")
    pct = [100 * r[5] / r[6] / 1e9 / mm for r in rows]
    print(f"\ntargets: largest shape >= 50 % of matmul: {pct[2]:.0f} %; other multi-channel "
          f">= 30 %: {pct[0]:.0f} %, {pct[1]:.0f} %; >= 50x the loop twin: "
          f"min {min(r[8] / r[6] for r in rows):,.0f}x")


if __name__ == "__main__":
    main()
