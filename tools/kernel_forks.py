"""Grading kernels started by fork from one process that has already imported their modules.

A grading kernel spends most of a short notebook's time starting: Python, ipykernel, numpy,
matplotlib and helpers (about 3.5 s of 4.5 s per notebook on 2 slow cores, measured). The
server imports them once; each kernel is then a fork of it, with nothing else shared: a
child of a clean process that has run no notebook code. Runs with the grading venv's python
(grading_env.py copies this file beside the kernel spec, so the kernel never sees tools/)::

    python kernel_forks.py serve SOCKET         the server (grading.py starts and stops it)
    python kernel_forks.py kernel SOCKET ARGS   the kernel spec's command: asks the server
                                                for a kernel with ipykernel's ARGS

``kernel`` stays alive as the kernel's stand-in for jupyter_client: it hands the server its
working folder, environment and standard streams, forwards an interrupt or terminate signal
to the kernel, and exits with the kernel's exit status. If it is killed, the server kills
the kernel. Without a server (e.g. nbgrader run by hand) it becomes an ordinary ipykernel.
The server is single-threaded (a fork of a threaded process can inherit a held lock).
"""
import contextlib
import json
import os
import random
import select
import signal
import socket
import struct
import sys

# What a notebook imports, and what IPKernelApp.initialize imports (measured: 2.3 s of its
# 2.5 s were imports, most of them the debugger's), then every module of helpers.
PRELOAD = ("numpy", "matplotlib.pyplot", "ipywidgets", "ipykernel.kernelapp", "ipykernel.ipkernel",
           "ipykernel.zmqshell", "ipykernel.debugger", "debugpy", "IPython.core.interactiveshell",
           "sqlite3", "pdb", "psutil", "tornado.ioloop", "helpers")
EXIT = struct.Struct("i")


def serve(path):
    """Accept kernel requests on the unix socket ``path`` until SIGTERM; fork one per request.
    The socket is open before the imports: a request made meanwhile waits for them."""
    import importlib
    import pkgutil
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(path + ".new")
    listener.listen(64)
    os.rename(path + ".new", path)                   # (a client finds it listening)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    for name in PRELOAD:
        with contextlib.suppress(ImportError):       # (only slower: the kernel imports it)
            importlib.import_module(name)
    for module in pkgutil.walk_packages(sys.modules["helpers"].__path__, "helpers."):
        importlib.import_module(module.name)                 # every module of helpers
    children = {}                                    # client socket -> kernel pid
    while True:
        ready, _, _ = select.select([listener, *children], [], [], 0.1)
        for sock in ready:
            if sock is listener:
                client, _ = listener.accept()
                children[client] = start_kernel(client, [listener, *children])
            elif not sock.recv(1):                   # its stand-in is gone: so is the kernel
                _kill(children.pop(sock))
                sock.close()
        _reap(children)


def start_kernel(client, others):
    """Fork a kernel for the request on ``client``; return its pid (told to the client too).
    The kernel closes ``others``, the server's other sockets."""
    msg, fds, _, _ = socket.recv_fds(client, 1 << 20, 3)
    request = json.loads(msg)
    pid = os.fork()
    if pid:
        for fd in fds:
            os.close(fd)
        client.sendall(EXIT.pack(pid))
        return pid
    for sock in (client, *others):
        sock.close()
    for target, fd in enumerate(fds):                # the stand-in's stdin, stdout, stderr
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.path[0] = request["cwd"]                     # as `python -m ipykernel_launcher` has it
    random.seed()                                    # fresh seeds, as in a new process
    sys.modules["numpy"].random.seed()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os._exit(_run_kernel(request["argv"]))


def _run_kernel(argv):
    """IPKernelApp.launch_instance, plus what was decided on import, before the kernel and
    its environment existed: the parent it watches (JPY_PARENT_PID; without it, it prints a
    console banner) and ipywidgets' comm target, registered in a running kernel."""
    from ipykernel.kernelapp import IPKernelApp
    try:
        app = IPKernelApp.instance(parent_handle=int(os.environ.get("JPY_PARENT_PID") or 0))
        app.initialize(argv)
        if "ipywidgets" in sys.modules:
            sys.modules["ipywidgets"]._handle_ipython()
        app.start()
        return 0
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 1


def _reap(children):
    """Tell each client whose kernel ended its exit status, and forget it."""
    for sock, pid in list(children.items()):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            sock.sendall(EXIT.pack(os.waitstatus_to_exitcode(status)))
            sock.close()
            del children[sock]


def _kill(pid):
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def kernel(path, argv):
    """The kernel spec's command: a kernel forked by the server at ``path``, or a plain one.
    ``argv``: ipykernel's arguments (``-f connection_file``, options)."""
    try:
        client = socket.socket(socket.AF_UNIX)
        client.connect(path)
    except (OSError, AttributeError):      # no server, or no unix sockets: an ordinary kernel
        os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *argv])
    request = dict(argv=argv, cwd=os.getcwd(), env=dict(os.environ))
    socket.send_fds(client, [json.dumps(request).encode()], [0, 1, 2])
    pid = _read(client)
    if pid is None:
        sys.exit("the kernel server closed the connection")
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda signum, _: os.kill(pid, signum))
    code = _read(client)
    sys.exit(1 if code is None else code)


def _read(sock):
    """The next number the server sends, or None if it closed the connection first (a
    signal does not cut the wait short: PEP 475)."""
    data = sock.recv(EXIT.size, socket.MSG_WAITALL)
    return EXIT.unpack(data)[0] if len(data) == EXIT.size else None


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        serve(sys.argv[2])
    elif sys.argv[1:2] == ["kernel"]:
        kernel(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
