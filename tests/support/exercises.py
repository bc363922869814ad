"""Reading nbgrader's exercise cells and running code in a kernel (tests/test_wrong_answers.py,
tests/test_release.py, tests/test_kernel_forks.py)."""
import os
from contextlib import contextmanager
from pathlib import Path

from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager


def nbgrader_meta(cell):
    return cell.metadata.get("nbgrader", {})


def is_exercise(cell):
    meta = nbgrader_meta(cell)
    return bool(meta.get("solution") or meta.get("grade"))


@contextmanager
def kernel(share, name, cwd, **env):
    """A kernel of the spec ``name`` under ``share``/kernels (tools/grading_env.py's
    fork_kernel_spec), started in ``cwd`` with ``env`` added, and a *blocking* client for it
    (nbclient's asyncio client occasionally misses a reply and sits out its whole timeout
    before noticing it; the blocking client polls synchronously and does not)."""
    specs = KernelSpecManager(kernel_dirs=[str(Path(share) / "kernels")])
    km = KernelManager(kernel_name=name, kernel_spec_manager=specs)
    km.start_kernel(cwd=str(cwd), env={**os.environ, **env})
    kc = km.blocking_client()
    try:
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def run(kc, source):
    """Execute ``source``; return None, or ``(ename, evalue)`` if it raised."""
    content = kc.execute_interactive(source, timeout=600, output_hook=lambda msg: None)["content"]
    return None if content["status"] == "ok" else (content["ename"], content["evalue"])


def region_lines(source, begin, end):
    """Substantive lines between the markers (the text a release must not contain)."""
    out, inside = [], False
    for line in source.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside and len(line.strip()) > 12 and not line.strip().startswith("#"):
            out.append(line.strip())
    return out


def outside_regions(source, *markers):
    """The stripped lines outside every (begin, end) marker pair: what the student sees anyway."""
    out, inside = [], None
    for line in source.splitlines():
        if inside is None:
            inside = next((end for begin, end in markers if begin in line), None)
            if inside is None:
                out.append(line.strip())
        elif inside in line:
            inside = None
    return out
