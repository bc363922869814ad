"""Kernels forked from a warm process (tools/kernel_forks.py) behave as ordinary kernels:
each is its own process, in the folder and environment jupyter_client gave it, with its own
random seeds and ipywidgets' comm target; an interrupt reaches it, a killed kernel is gone,
and without the server the same kernel spec starts an ordinary kernel."""
import os
import sys
import time
from contextlib import ExitStack

import pytest

from grading_env import fork_kernel_spec, kernel_server
from support.exercises import kernel, run

NAME = "conv-forks-test"


@pytest.fixture(scope="module")
def share(tmp_path_factory):
    return fork_kernel_spec(tmp_path_factory.mktemp("share"), NAME, sys.executable, "test")


def value(kc, expression):
    """The repr of ``expression`` evaluated in the kernel."""
    out = []
    kc.execute_interactive(f"print(repr({expression}))", timeout=60,
                           output_hook=lambda m: out.append(m["content"].get("text", "")))
    return "".join(out).strip()


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_forked_kernel_is_its_own_fresh_process(share, tmp_path):
    with kernel_server(share, NAME) as sock:
        with ExitStack() as stack:
            kernels = [stack.enter_context(kernel(share, NAME, tmp_path, CONV_TEST=str(i)))
                       for i in range(2)]
            pids = [int(value(kc, "__import__('os').getpid()")) for _, kc in kernels]
            stand_ins = [km.provisioner.process.pid for km, _ in kernels]
            assert len(set(pids)) == 2 and not set(pids) & set(stand_ins)   # forked, apart
            for i, (_, kc) in enumerate(kernels):
                assert value(kc, "__import__('os').getcwd()") == repr(str(tmp_path))
                assert value(kc, "__import__('os').environ['CONV_TEST']") == repr(str(i))
                assert value(kc, "'numpy' in __import__('sys').modules") == "True"  # warm
                assert value(kc, "'jupyter.widget' in __import__('comm')"
                                 ".get_comm_manager().targets") == "True"    # as on import
                app = "__import__('ipykernel.kernelapp').kernelapp.IPKernelApp.instance()"
                assert value(kc, f"{app}.parent_handle") == value(
                    kc, "int(__import__('os').environ['JPY_PARENT_PID'])")     # watched
                assert value(kc, "[n for n in dir() if not n.startswith('_')]") == (
                    "['In', 'Out', 'exit', 'get_ipython', 'open', 'quit']")       # no name
            draws = {value(kc, "__import__('numpy').random.random()") for _, kc in kernels}
            assert len(draws) == 2                      # reseeded, as a new process is
            km, kc = kernels[0]
            kc.execute("import time; time.sleep(60)")
            time.sleep(0.5)
            started = time.monotonic()
            km.interrupt_kernel()
            reply = kc.get_shell_msg(timeout=30)
            assert reply["content"]["ename"] == "KeyboardInterrupt"
            assert time.monotonic() - started < 10
        deadline = time.monotonic() + 10
        while any(map(alive, pids)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(alive, pids)), "a killed kernel's fork is still running"
        assert sock.exists()


def test_without_the_server_the_same_spec_starts_an_ordinary_kernel(share, tmp_path):
    with kernel(share, NAME, tmp_path) as (km, kc):
        assert value(kc, "__import__('os').getpid()") == str(km.provisioner.process.pid)
        assert run(kc, "import numpy") is None
