"""A work-around for nbclient's stalls: wait for a kernel's messages in one-second slices.

nbclient (under nbgrader's autograde and tools/execute_notebooks.py) waits for a cell's reply
with one ``AsyncZMQSocketChannel.get_msg(timeout)``, i.e. one asyncio ``socket.poll`` for the
cell's whole timeout. Now and then that poll misses its wake-up; the reply is already there,
but it is seen only when the timeout runs out (the 120 s and 180 s stalls of a busy machine).
Polling in slices of a second keeps the same overall timeout and sees such a reply within a
second. The blocking client that nbval and the tests use polls synchronously and never stalls.
"""
import time
from queue import Empty

from jupyter_client.channels import AsyncZMQSocketChannel

SLICE_S = 1.0


def poll_in_slices():
    """Patch ``AsyncZMQSocketChannel.get_msg`` (once per process) to poll in 1 s slices."""
    original = AsyncZMQSocketChannel.get_msg
    if getattr(original, "sliced", False):
        return

    async def get_msg(self, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                return await original(self, timeout=SLICE_S if left is None else min(SLICE_S, left))
            except Empty:
                if left is not None and left <= SLICE_S:
                    raise

    get_msg.sliced = True
    AsyncZMQSocketChannel.get_msg = get_msg
