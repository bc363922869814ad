"""Where submissions run: a venv holding the release's ``helpers`` wheel, and a kernel for it.

The grading kernel never sees the repository: ``helpers`` comes from the wheel (installed, not
editable, ``--no-deps``), its dependencies (numpy, matplotlib, ipykernel, ipywidgets) are
borrowed from the running environment through a ``.pth`` line that comes after the fresh
venv's own site-packages (the ``.pth`` files of a folder named in a ``.pth`` line are not run,
so an editable ``helpers`` there stays inactive), and PYTHONPATH is dropped. The kernel writes
what would go to stderr to stdout: nbgrader scores a grade cell with any stderr output 0, and a
correct answer that triggers a warning keeps its points (issue 22). It draws no figures. Its
kernels are forked from a process that has imported their modules (kernel_forks.py), which
saves about 3.5 s of a notebook's 4.5 s start. Also used by the tests
(tests/support/wheel_venv.py, tests/test_wrong_answers.py).
"""
import contextlib
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

import numpy

KERNEL = "conv-grading"
# Run first in the grading kernel, leaving no name in the notebook: stderr goes to stdout (a
# warning is not a failure), and no figure is drawn into an image (grades come from the grade
# cells' checks; drawing is most of a notebook's time). With MPLBACKEND=agg pyplot shows
# nothing either; figure objects, artists and widgets still work as in the notebook.
KERNEL_START = ("__import__('sys').stderr = __import__('sys').stdout; "
                "[setattr(f, 'enabled', False) for k, f in "
                "get_ipython().display_formatter.formatters.items() if k.startswith('image/') "
                "or k == 'application/pdf']")
CLEAN_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
FORKS = Path(__file__).with_name("kernel_forks.py")     # copied beside each forking kernel spec


def run(*cmd, **kw):
    """Run ``cmd`` (in CLEAN_ENV unless told); its stdout, or a failed assertion with its output."""
    kw.setdefault("env", CLEAN_ENV)
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600,
                          **kw)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def install_in_fresh_venv(target, venv, editable=False):
    """Create the venv ``venv`` and install ``target`` (a wheel; with ``editable``, a source
    folder, built offline with this environment's setuptools) into it without dependencies.

    Returns (its python, its site-packages).
    """
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = Path(venv) / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
                .strip())
    here = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
            str(Path(numpy.__file__).parent.parent)}
    (site / "borrowed-dependencies.pth").write_text("\n".join(sorted(here)) + "\n")
    how = ["--no-build-isolation", "-e"] if editable else []
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
        "--quiet", *how, target)
    return python, site


def grading_kernel(wheel, where):
    """A kernel spec ``conv-grading`` under ``where``/share whose python has ``wheel`` installed.

    Made once per wheel (its sha256 is kept beside the venv). Returns the folder to put on
    JUPYTER_PATH.
    """
    where = Path(where)
    digest = hashlib.sha256(Path(wheel).read_bytes()).hexdigest()
    stamp = where / "env" / "wheel.sha256"
    if not (stamp.exists() and stamp.read_text() == digest):
        subprocess.run(["rm", "-rf", str(where / "env")], check=True)
        install_in_fresh_venv(wheel, where / "env")
        stamp.write_text(digest)
    return fork_kernel_spec(where / "share", KERNEL, where / "env" / "bin" / "python",
                            "Python 3 (grading: helpers from the release wheel)")



def fork_kernel_spec(share, name, python, display_name, grading=True):
    """Write the kernel spec ``name`` under ``share``/kernels: a kernel of ``python``, forked
    by kernel_forks.py's server while :func:`kernel_server` runs (a copy of kernel_forks.py
    sits beside the spec). With ``grading``, started as grading starts it (KERNEL_START,
    MPLBACKEND=agg, one BLAS thread); else as JupyterLab starts one (figures inline).
    Returns ``share``, the folder to put on JUPYTER_PATH."""
    spec = Path(share) / "kernels" / name
    spec.mkdir(parents=True, exist_ok=True)
    shutil.copy(FORKS, spec / FORKS.name)
    argv = [str(python), str(spec / FORKS.name), "kernel", str(fork_socket(spec)),
            "-f", "{connection_file}"]
    # Graded notebooks run side by side: one BLAS thread each (idle OpenBLAS threads spin).
    env = {"MPLBACKEND": "agg", "OPENBLAS_NUM_THREADS": "1"} if grading else {
        "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    if grading:
        argv.append(f"--IPKernelApp.exec_lines={KERNEL_START}")
    (spec / "kernel.json").write_text(json.dumps(dict(
        argv=argv, env=env, display_name=display_name, language="python")))
    return Path(share)


def fork_socket(spec):
    """The unix socket of the kernel server of the kernel spec folder ``spec`` (short: a
    socket's path has at most 107 bytes)."""
    digest = hashlib.sha256(str(Path(spec).resolve()).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"conv-kernels-{digest}.sock"


@contextlib.contextmanager
def kernel_server(share, name=KERNEL, env=CLEAN_ENV):
    """While in the block, kernels of the spec ``name`` under ``share`` (fork_kernel_spec)
    are forks of one process that has imported their modules, run in ``env`` and the spec's
    environment; outside it they start the ordinary way, only slower."""
    if not hasattr(os, "fork") or not hasattr(socket, "send_fds"):   # (Windows): no server
        yield None
        return
    spec = json.loads((Path(share) / "kernels" / name / "kernel.json").read_text())
    python, script, _, sock = spec["argv"][:4]          # (fork_kernel_spec's argv)
    sock = Path(sock)
    sock.unlink(missing_ok=True)
    quiet = {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}     # (debugpy: a warning on import)
    server = subprocess.Popen([python, script, "serve", str(sock)],
                              env={**env, **spec["env"], **quiet})
    try:
        deadline = time.monotonic() + 60             # (the socket is made first: 0.1 s)
        while not sock.exists() and server.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        if not sock.exists():
            raise RuntimeError(f"the kernel server of {name} did not start ({server.poll()})")
        yield sock
    finally:
        server.terminate()
        server.wait(timeout=30)
        sock.unlink(missing_ok=True)
