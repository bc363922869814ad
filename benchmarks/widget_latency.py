#!/usr/bin/env python3
"""Time every explorer's ``update`` in helpers.widgets (target: median <= 40 ms, p90 <= 60 ms).

    python benchmarks/widget_latency.py            # 25 timed updates per explorer
    python benchmarks/widget_latency.py -n 40

Explorers are found, not listed: every subclass of ``helpers.widgets.base.Explorer`` in the
package (``helpers.widgets.explorer_classes()``, ones added later included) is built with its
``demo()`` classmethod, which returns the explorer and a
few argument sets for ``update``; the script cycles through them. The figure goes the way it
goes in JupyterLab: an IPython shell with the inline backend's formatters, so the PNG is
really drawn and encoded; only the sending to a browser is left out (the display publisher
keeps the last message instead of sending it). Two warm-up updates are not timed. The last
column counts the timed updates that drew the whole figure again (``CachedBackground``: its
ticks or fixed artists changed); the others restored the cached background.

Exit status 1 when an explorer has no ``demo()``, fails, or misses the target.
"""
import argparse
import os
import statistics
import sys
import time

import matplotlib

matplotlib.use("module://matplotlib_inline.backend_inline")
from IPython.core.displaypub import DisplayPublisher
from IPython.core.interactiveshell import InteractiveShell
from matplotlib_inline.backend_inline import configure_inline_support

from helpers.style import use_style
from helpers.widgets import explorer_classes

TARGET_MS = 40.0          # median of the updates, on a quiet machine
TARGET_P90_MS = 60.0      # 90th percentile


class _KeepLast(DisplayPublisher):
    """Formats as a kernel would (PNG included) but keeps the message instead of sending it."""

    def publish(self, data, metadata=None, **kwargs):
        self.last = data

    def clear_output(self, wait=False):
        pass


def _shell():
    shell = InteractiveShell.instance()
    shell.display_pub = _KeepLast(shell=shell)
    configure_inline_support(shell, "module://matplotlib_inline.backend_inline")
    return shell


def time_updates(cls, n):
    """Wall-clock median, 90th percentile and max, CPU median (ms) of n updates; full draws."""
    explorer, calls = cls.demo()
    for kwargs in calls[:2]:                                   # warm-up: fonts, caches
        explorer.update(**kwargs)
    redraws = explorer.background.redraws
    wall, cpu = [], []
    for k in range(n):
        kwargs = calls[k % len(calls)]
        start, start_cpu = time.perf_counter(), time.process_time()
        explorer.update(**kwargs)
        wall.append(1e3 * (time.perf_counter() - start))
        cpu.append(1e3 * (time.process_time() - start_cpu))
    wall.sort()
    return (statistics.median(wall), wall[int(0.9 * (n - 1))], wall[-1], statistics.median(cpu),
            explorer.background.redraws - redraws)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=25, help="timed updates per explorer (>= 20)")
    args = ap.parse_args(argv)
    n = max(args.n, 20)
    shell = _shell()
    use_style()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{n} timed updates per explorer; {os.cpu_count()} CPUs, load average {load:.1f} "
          f"(other work inflates wall-clock times; the CPU column is this process's own time)")
    print(f"{'explorer':<24} {'median ms':>10} {'p90 ms':>8} {'max ms':>8} {'CPU ms':>8} "
          f"{'full draws':>11}  target: median <= {TARGET_MS:.0f} ms, "
          f"p90 <= {TARGET_P90_MS:.0f} ms")
    failed = []
    for cls in explorer_classes():
        try:
            median, p90, worst, cpu, full = time_updates(cls, n)
        except NotImplementedError as err:
            print(f"{cls.__name__:<24} {'-':>10} {'-':>8} {'-':>8} {'-':>8} {'-':>11}  "
                  f"NO DEMO: {err}")
            failed.append(cls.__name__)
            continue
        except Exception as err:                                # report, keep timing the rest
            print(f"{cls.__name__:<24} {'-':>10} {'-':>8} {'-':>8} {'-':>8} {'-':>11}  "
                  f"ERROR: {type(err).__name__}: {err}")
            failed.append(cls.__name__)
            continue
        over = median > TARGET_MS or p90 > TARGET_P90_MS
        verdict = "OVER TARGET" if over else "ok"
        if over:
            failed.append(cls.__name__)
        print(f"{cls.__name__:<24} {median:>10.1f} {p90:>8.1f} {worst:>8.1f} {cpu:>8.1f} "
              f"{f'{full}/{n}':>11}  {verdict}")
    assert "image/png" in shell.display_pub.last, "the figure was not rendered as a PNG"
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
