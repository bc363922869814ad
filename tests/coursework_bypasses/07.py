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
        ("the forbidden helper's matrix (conv_matrix(...).T @ g)", '''\
x_e = np.array([1.0, -1.0, 2.0, 0.0, 3.0, 1.0, -2.0])
w_e = np.array([2.0, 1.0, -1.0])
g_e = np.array([1.0, -2.0, 0.5])


def conv_grads(x, w, g, s):
    T = conv_matrix(w, len(x), stride=s)
    dw = np.array([g @ x[k:k + s * (len(g) - 1) + 1:s] for k in range(len(w))])
    return dw, T.T @ g
''', "without conv_matrix"),
        ("redefining the reference function the grade cell calls (conv1d_backward)", '''\
x_e = np.array([1.0, -1.0, 2.0, 0.0, 3.0, 1.0, -2.0])
w_e = np.array([2.0, 1.0, -1.0])
g_e = np.array([1.0, -2.0, 0.5])
conv1d_backward = lambda g, cache: (np.zeros((7, 1)), np.zeros((3, 1, 1)), None)


def conv_grads(x, w, g, s):
    return np.zeros(len(w)), np.zeros(len(x))
''', "rebinding a name the checks use"),
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
        ("the database module, to read the gradebook", '''\
import sqlite3


def avgpool_backward(g, q, s, L):
    rows = sqlite3.connect("../../../gradebook.db").execute("select source from grade_cells")
    return np.zeros(L) + len(list(rows)) * 0
''', "imports of numpy, the helpers"),
    ],
}
