#!/usr/bin/env python3
"""How fast is helpers.conv.conv1d? Prints a table; it is a measurement, not a test.

    python benchmarks/conv_speed.py [--repeats 21]
    OPENBLAS_NUM_THREADS=2 python benchmarks/conv_speed.py     # two threads for both

For each layer shape (N, L, C_in, C_out, K), float32, stride 1, "valid" padding:

* conv1d       best time of ``conv1d`` (blocked im2col + GEMM; one np.correlate for 1 channel)
* GFLOP/s      2 N L_out C_out K C_in useful floating-point operations per second
* % matmul     conv1d's GFLOP/s over this machine's float32 matmul GFLOP/s, measured in the
               same rounds (the best square size of 512, 1024, 2048)
* im2col+mm    ``helpers.im2col.conv1d_gemm``: the whole patch matrix copied out by
               ``im2col1d``, then one matmul (no blocking)
* loop twin    ``conv1d_naive``; timed on a crop of the output (est.) when the full loop
               would take minutes: its cost is exactly proportional to N * L_out.
* torch ms     ``torch.nn.functional.conv1d`` on the same layer in its (N, C, L) layout, when
               ``import torch`` works (an optional comparison; skipped with a note otherwise).
* x torch      conv1d's speed over torch's: torch's best time / conv1d's best time, and the
               median and middle half of the same ratio taken round by round; the target
               (0.75) passes only when the ratio of best times and the median both reach it.

Fair and stated: numpy's BLAS and torch run the same number of threads, THREADS below (1
unless OPENBLAS_NUM_THREADS is set; the machine may be shared). With one thread the clock is
the CPU time of this process, which on an idle core equals the wall time and does not count
the time other processes hold the core; with more threads it is the wall time. Every call
runs once per round, in a new random order each round, so a burst of load or a cache
warmed by the previous call spoils one round of each, not all repeats of one; the load
average is printed so a reader can judge.
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")      # set before numpy loads its BLAS
os.environ.setdefault("OMP_NUM_THREADS", os.environ["OPENBLAS_NUM_THREADS"])

import argparse
import platform
import time

import numpy as np

from helpers.conv import conv1d, conv1d_naive
from helpers.im2col import conv1d_gemm

THREADS = int(os.environ["OPENBLAS_NUM_THREADS"])   # numpy's BLAS threads; torch gets as many
SHAPES = [(32, 1024, 16, 32, 7), (64, 512, 64, 64, 3), (8, 2048, 128, 128, 9),
          (1, 100000, 1, 1, 9)]
LOOP_BUDGET = 1_000_000          # inner loop iterations we are willing to run per shape
MATMUL_SIZES = (512, 1024, 2048)
TORCH_TARGET = 0.75              # conv1d's speed over torch's, on every shape
CLOCK = time.process_time if THREADS == 1 else time.perf_counter


def torch_conv1d(X, W):
    """``torch.nn.functional.conv1d`` on X (N, L, C_in), W (K, C_in, C_out), or None without torch.

    Returns a zero-argument function that runs the layer (inputs converted beforehand) on
    THREADS threads."""
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(THREADS)
    Xt = torch.from_numpy(np.ascontiguousarray(X.transpose(0, 2, 1)))   # (N, C_in, L)
    Wt = torch.from_numpy(np.ascontiguousarray(W.transpose(2, 1, 0)))   # (C_out, C_in, K)
    out = torch.nn.functional.conv1d(Xt, Wt).numpy().transpose(0, 2, 1)  # (N, L_out, C_out)
    assert np.allclose(out, conv1d(X, W), rtol=1e-3, atol=1e-3), "torch disagrees with conv1d"

    def run():
        with torch.no_grad():
            torch.nn.functional.conv1d(Xt, Wt)
    return run


def timed(f):
    """Seconds one call of f takes, on CLOCK."""
    t0 = CLOCK()
    f()
    return CLOCK() - t0


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


def the_calls(rng):
    """Every timed call, as a key -> zero-argument function, and the layers (shape, X, W)."""
    calls, layers = {}, []
    for n in MATMUL_SIZES:
        A, B = rng.standard_normal((2, n, n), dtype=np.float32)
        calls[("matmul", n)] = (lambda A=A, B=B: A @ B)
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
    return calls, layers


def rounds(calls, repeats, rng):
    """key -> array of ``repeats`` times (s), one per round; each round runs every call once,
    in a new random order."""
    times = {key: [] for key in calls}
    for f in calls.values():
        f()                                                        # warm-up
    keys = list(calls)
    for _ in range(repeats):
        for j in rng.permutation(len(keys)):
            times[keys[j]].append(timed(calls[keys[j]]))
    return {key: np.array(t) for key, t in times.items()}


def verdict(ok):
    """The target column's word."""
    return "pass" if ok else "FAIL"


def torch_columns(times, shape):
    """The torch ms and x torch cells of one row, and whether the target is met."""
    t_torch, t_conv = times[("torch", shape)], times[("conv1d", shape)]
    best = t_torch.min() / t_conv.min()
    q25, median, q75 = np.percentile(t_torch / t_conv, [25, 50, 75])   # round by round
    ok = min(best, median) >= TORCH_TARGET
    return (f" {t_torch.min() * 1e3:.2f} | {best:.2f}x | {median:.2f}x ({q25:.2f}-{q75:.2f}) "
            f"| {verdict(ok)} |"), ok


def report(times, layers, loops, mm):
    """Print the table and the targets."""
    has_torch = any(key[0] == "torch" for key in times)
    print("\n| (N, L, C_in, C_out, K) | MFLOP | conv1d ms | GFLOP/s | % matmul "
          "| im2col+mm GFLOP/s | loop twin s | speed-up |"
          + (f" torch ms | x torch (best) | x torch (per round: median, middle half) "
             f"| >= {TORCH_TARGET}x |" if has_torch else ""))
    print("|---|---:|---:|---:|---:|---:|---:|---:|" + ("---:|---:|---:|:---:|" * has_torch))
    pct, speedup, torch_ok = [], [], []
    for shape, _, _ in layers:
        N, L, C_in, C_out, K = shape
        flops = 2 * N * (L - K + 1) * C_out * K * C_in
        t_fast, t_plain = times[("conv1d", shape)].min(), times[("im2col", shape)].min()
        t_loop, est = loops[shape]
        g = flops / t_fast / 1e9
        pct.append(100 * g / mm)
        speedup.append(t_loop / t_fast)
        row = (f"| {shape} | {flops / 1e6:.1f} | {t_fast * 1e3:.2f} | {g:.1f} | {pct[-1]:.0f} % "
               f"| {flops / t_plain / 1e9:.1f} | {t_loop:.1f}{' (est.)' if est else ''} "
               f"| {speedup[-1]:,.0f}x |")
        if has_torch:
            cells, ok = torch_columns(times, shape)
            row, torch_ok = row + cells, torch_ok + [ok]
        print(row)
    print(f"\ntargets: largest shape >= 50 % of matmul: {pct[2]:.0f} % {verdict(pct[2] >= 50)}; "
          f"other multi-channel >= 30 %: {pct[0]:.0f} %, {pct[1]:.0f} % "
          f"{verdict(min(pct[:2]) >= 30)}; >= 50x the loop twin: min {min(speedup):,.0f}x "
          f"{verdict(min(speedup) >= 50)}")
    if has_torch:
        print(f"conv1d >= {TORCH_TARGET}x torch's speed on every shape: "
              f"{verdict(all(torch_ok))}")
    else:
        print("torch columns skipped: `import torch` failed (torch is optional, not required)")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=21)
    args = ap.parse_args(argv)
    rng = np.random.default_rng(0)
    clock = "CPU time of this process" if THREADS == 1 else "wall time"
    print(f"numpy {np.__version__}, {platform.machine()}, {os.cpu_count()} CPUs; threads: "
          f"{THREADS} for numpy's BLAS and for torch; clock: {clock}; "
          f"load average before: {os.getloadavg()[0]:.2f}")
    calls, layers = the_calls(rng)
    loops = {shape: loop_twin_time(X, W) for shape, X, W in layers}
    times = rounds(calls, args.repeats, rng)
    gflops = {n: 2 * n**3 / times[("matmul", n)].min() / 1e9 for n in MATMUL_SIZES}
    mm = max(gflops.values())
    print(f"float32 matmul on this machine: {mm:.1f} GFLOP/s (best square size; n x n -> "
          f"GFLOP/s {', '.join(f'{n}: {g:.0f}' for n, g in gflops.items())})")
    print(f"load average after: {os.getloadavg()[0]:.2f}; best of {args.repeats} rounds")
    report(times, layers, loops, mm)


if __name__ == "__main__":
    main()
