#!/usr/bin/env python3
"""How fast is helpers.conv.conv1d? Prints a table; it is a measurement, not a test.

    python benchmarks/conv_speed.py [--repeats 7]

For each layer shape (N, L, C_in, C_out, K), float32, stride 1, "valid" padding:

* conv1d       best time of ``conv1d`` (blocked im2col + GEMM; one np.correlate for 1 channel)
* im2col+mm    ``helpers.im2col.conv1d_gemm``: the whole patch matrix copied out by
               ``im2col1d``, then one matmul (no blocking)
* GFLOP/s      2 N L_out C_out K C_in useful floating-point operations per second
* % matmul     conv1d's GFLOP/s over this machine's float32 matmul GFLOP/s, measured in the
               same run (the best square size of 512, 1024, 2048)
* loop twin    ``conv1d_naive``; timed on a crop of the output (est.) when the full loop
               would take minutes: its cost is exactly proportional to N * L_out.
* torch ms     ``torch.nn.functional.conv1d`` on the same layer in its (N, C, L) layout, when
               ``import torch`` works (an optional comparison; skipped with a note otherwise).

Timings on a shared machine are noisy: the calls are repeated in ``--repeats`` round-robin
rounds (matmul and every layer once per round) and the best time of each is kept; the load
average is printed so a reader can judge.
"""
import argparse
import os
import platform
import time

import numpy as np

from helpers.conv import conv1d, conv1d_naive
from helpers.im2col import conv1d_gemm

SHAPES = [(32, 1024, 16, 32, 7), (64, 512, 64, 64, 3), (8, 2048, 128, 128, 9),
          (1, 100000, 1, 1, 9)]
LOOP_BUDGET = 1_000_000          # inner loop iterations we are willing to run per shape
MATMUL_SIZES = (512, 1024, 2048)


def torch_conv1d(X, W):
    """``torch.nn.functional.conv1d`` on X (N, L, C_in), W (K, C_in, C_out), or None without torch.

    Returns a zero-argument function that runs the layer (inputs converted beforehand)."""
    try:
        import torch
    except ImportError:
        return None
    Xt = torch.from_numpy(np.ascontiguousarray(X.transpose(0, 2, 1)))   # (N, C_in, L)
    Wt = torch.from_numpy(np.ascontiguousarray(W.transpose(2, 1, 0)))   # (C_out, C_in, K)
    out = torch.nn.functional.conv1d(Xt, Wt).numpy().transpose(0, 2, 1)  # (N, L_out, C_out)
    assert np.allclose(out, conv1d(X, W), rtol=1e-3, atol=1e-3), "torch disagrees with conv1d"

    def run():
        with torch.no_grad():
            torch.nn.functional.conv1d(Xt, Wt)
    return run


def timed(f):
    """Seconds one call of f takes."""
    t0 = time.perf_counter()
    f()
    return time.perf_counter() - t0


def loop_twin_time(X, W):
    """Seconds conv1d_naive needs for the whole layer; (seconds, estimated?)."""
    N, L, C_in = X.shape
    K, _, C_out = W.shape
    L_out = L - K + 1
    positions = max(1, LOOP_BUDGET // (C_out * K * C_in))   # output positions to really run
    if positions >= N * L_out:
        return timed(lambda: conv1d_naive(X, W)), False
    crop = X[:1, :positions + K - 1]                          # (1, positions + K - 1, C_in)
    return timed(lambda: conv1d_naive(crop, W)) * N * L_out / positions, True


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=9)
    args = ap.parse_args(argv)
    rng = np.random.default_rng(0)
    print(f"numpy {np.__version__}, {platform.machine()}, {os.cpu_count()} CPUs, "
          f"load average before: {os.getloadavg()[0]:.2f}")
    # every timed call, as a name -> zero-argument function
    calls = {}
    for n in MATMUL_SIZES:
        A = rng.standard_normal((n, n), dtype=np.float32)
        B = rng.standard_normal((n, n), dtype=np.float32)
        calls[("matmul", n)] = (lambda A=A, B=B: A @ B)
    layers = []
    for shape in SHAPES:
        N, L, C_in, C_out, K = shape
        X = rng.standard_normal((N, L, C_in), dtype=np.float32)
        W = rng.standard_normal((K, C_in, C_out), dtype=np.float32)
        assert conv1d(X, W).dtype == np.float32                   # float32 preserved
        calls[("conv1d", shape)] = (lambda X=X, W=W: conv1d(X, W))
        calls[("im2col", shape)] = (lambda X=X, W=W: conv1d_gemm(X, W))
        run_torch = torch_conv1d(X, W)
        if run_torch is not None:
            calls[("torch", shape)] = run_torch
        layers.append((shape, X, W))
    loops = {shape: loop_twin_time(X, W) for shape, X, W in layers}
    # round-robin repeats: a burst of load from another process spoils one round of every
    # measurement, not all repeats of one of them; the best of the rounds is kept
    best = dict.fromkeys(calls, float("inf"))
    for f in calls.values():
        f()                                                        # warm-up
    for _ in range(args.repeats):
        for key, f in calls.items():
            best[key] = min(best[key], timed(f))
    mm = max(2 * n**3 / best[("matmul", n)] / 1e9 for n in MATMUL_SIZES)
    sizes = ", ".join(f"{n}: {2 * n**3 / best[('matmul', n)] / 1e9:.0f}" for n in MATMUL_SIZES)
    print(f"float32 matmul on this machine: {mm:.1f} GFLOP/s (best square size; n x n -> "
          f"GFLOP/s {sizes})")
    print(f"load average after: {os.getloadavg()[0]:.2f}; best of {args.repeats} rounds")
    has_torch = any(key[0] == "torch" for key in calls)
    if not has_torch:
        print("torch column skipped: `import torch` failed (torch is optional, not required)")
    print("\n| (N, L, C_in, C_out, K) | MFLOP | conv1d ms | GFLOP/s | % matmul "
          "| im2col+mm GFLOP/s | loop twin s | speed-up |" + (" torch ms |" if has_torch else ""))
    print("|---|---:|---:|---:|---:|---:|---:|---:|" + ("---:|" if has_torch else ""))
    pct, speedup = [], []
    for shape, _, _ in layers:
        N, L, C_in, C_out, K = shape
        flops = 2 * N * (L - K + 1) * C_out * K * C_in
        t_fast, t_plain = best[("conv1d", shape)], best[("im2col", shape)]
        t_loop, est = loops[shape]
        g = flops / t_fast / 1e9
        pct.append(100 * g / mm)
        speedup.append(t_loop / t_fast)
        print(f"| {shape} | {flops / 1e6:.1f} | {t_fast * 1e3:.2f} | {g:.1f} | {pct[-1]:.0f} % "
              f"| {flops / t_plain / 1e9:.1f} | {t_loop:.1f}{' (est.)' if est else ''} "
              f"| {speedup[-1]:,.0f}x |"
              + (f" {best[('torch', shape)] * 1e3:.2f} |" if has_torch else ""))
    print(f"\ntargets: largest shape >= 50 % of matmul: {pct[2]:.0f} %; other multi-channel "
          f">= 30 %: {pct[0]:.0f} %, {pct[1]:.0f} %; "
          f">= 50x the loop twin: min {min(speedup):,.0f}x")
    if has_torch:
        ratios = [best[("torch", shape)] / best[("conv1d", shape)] for shape, _, _ in layers]
        print("conv1d >= 0.75x torch's speed on every shape: "
              + ", ".join(f"{r:.2f}x" for r in ratios))


if __name__ == "__main__":
    main()
