"""Notebook 07: answers that try to get the points without the work (format: __init__.py)."""

NOTEBOOK = "07-backpropagation-through-convolution"

BYPASS = {
    "ex1-solution": [
        ("catching ForbiddenShortcut and taking the real function from its traceback", '''\
x_e = np.array([1.0, -1.0, 2.0, 0.0, 3.0, 1.0, -2.0])
w_e = np.array([2.0, 1.0, -1.0])
g_e = np.array([1.0, -2.0, 0.5])


def conv_grads(x, w, g, s):
    try:
        conv1d_backward(None, None)
        real = conv1d_backward
    except Exception as err:
        real = err.__traceback__.tb_next.tb_frame.f_locals["original"]
    _, cache = conv1d_forward(x[:, None], w[:, None, None], stride=s)
    dx, dw, _ = real(g[:, None], cache)
    return dw[:, 0, 0], dx[:, 0]
''', "without conv1d_backward"),
        ("the frames of the caller (the grade cell's reference values)", '''\
x_e = np.array([1.0, -1.0, 2.0, 0.0, 3.0, 1.0, -2.0])
w_e = np.array([2.0, 1.0, -1.0])
g_e = np.array([1.0, -2.0, 0.5])


def conv_grads(x, w, g, s):
    frame = (lambda: 0).gi_frame
    return frame.f_back.f_locals["dw_ref"], frame.f_back.f_locals["dx_ref"]
''', "frames"),
    ],
    "ex2-solution": [
        ("a forbidden helper reached through its module", '''\
import helpers.layers as layers


def avgpool_backward(g, q, s, L):
    z = np.zeros((L, 1))
    _, cache = layers.avgpool1d_forward(z, q, stride=s)
    return layers.avgpool1d_backward(np.asarray(g)[:, None], cache)[:, 0]
''', "without avgpool1d_backward"),
        ("a star import hiding where a name comes from", '''\
from helpers.layers import *


def avgpool_backward(g, q, s, L):
    _, cache = avgpool1d_forward(np.zeros((L, 1)), q, stride=s)
    return avgpool1d_backward(np.asarray(g)[:, None], cache)[:, 0]
''', "a star import"),
        ("exec into a namespace of its own", '''\
def avgpool_backward(g, q, s, L):
    space = {}
    exec("from helpers.layers import avgpool1d_forward as f, avgpool1d_backward as b", space)
    _, cache = space["f"](np.zeros((L, 1)), q, stride=s)
    return space["b"](np.asarray(g)[:, None], cache)[:, 0]
''', "code run from text"),
    ],
}
