#!/usr/bin/env python3
"""Re-execute notebooks in place, so that their stored outputs are what the code produces.

    python tools/execute_notebooks.py                 # every notebooks/NN-*.ipynb
    python tools/execute_notebooks.py notebooks/01-dot-product-neuron.ipynb

Each notebook runs top to bottom in a fresh kernel with the notebooks folder as working
directory (what nbval does too). Timing metadata and widget state are not stored, so a
re-run of unchanged code changes nothing but widget model ids. Runs two notebooks at a time.
"""
import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from project_paths import notebook_paths
from sliced_poll import poll_in_slices


def execute(path):
    path = Path(path).resolve()
    start = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    poll_in_slices()                       # no stall of a whole timeout (tools/sliced_poll.py)
    client = NotebookClient(nb, timeout=180, kernel_name="python3", record_timing=False,
                            store_widget_state=True,  # False breaks Output widgets (nbclient 0.10)
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)
    return path.name, time.perf_counter() - start


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="notebooks to run (default: all)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    paths = args.paths or notebook_paths()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for name, seconds in pool.map(execute, paths):
            print(f"executed {name} in {seconds:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
