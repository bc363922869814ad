"""A pytest plugin (``make test`` loads it: ``-p support.warm_kernels``): under
``--nbval-current-env``, nbval's kernels are forks of one process of this environment that
has imported numpy, matplotlib, ipykernel and helpers (tools/kernel_forks.py), instead of
each importing them anew (about 3.5 s of CPU per notebook on 2 slow cores).

Nothing else changes: each notebook still runs, top to bottom, in a kernel of its own that has
run no other code, with figures inline as in JupyterLab, and nbval compares every output.
Without the plugin, nbval starts its kernels the ordinary way.
"""
import os
import shutil
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from grading_env import fork_kernel_spec, kernel_server

NAME = "conv-nbval-warm"


def pytest_configure(config):
    option = config.option
    if not (getattr(option, "nbval", False) and getattr(option, "nbval_current_env", False)):
        return
    if getattr(option, "numprocesses", None) and not hasattr(config, "workerinput"):
        return                                      # xdist's controller runs no notebook
    share = Path(tempfile.mkdtemp(prefix="nbval-kernels-"))
    fork_kernel_spec(share, NAME, sys.executable, "Python 3 (nbval, warm)", grading=False)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(share), os.environ.get("JUPYTER_PATH")) if p)
    option.nbval_current_env, option.nbval_kernel_name = False, NAME
    stack = ExitStack()
    stack.callback(shutil.rmtree, share, ignore_errors=True)
    stack.enter_context(kernel_server(share, NAME, env=dict(os.environ)))
    config._warm_kernels = stack


def pytest_unconfigure(config):
    stack = getattr(config, "_warm_kernels", None)
    if stack is not None:
        stack.close()
