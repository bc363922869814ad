"""Notebook 06: answers that try to get the points without the work (format: __init__.py)."""

NOTEBOOK = "06-pooling-and-receptive-fields"

BYPASS = {
    "ex1-solution": [
        ("sys.modules (the helper's module, not imported by name)", '''\
import sys


def receptive_field(net):
    layers = [(l[1], l[2], l[3] if l[0] == "conv" else 1) for l in net]
    return sys.modules["helpers.receptive_field"].receptive_field_size(layers)
''', "imports of numpy, the helpers"),
        ("the helpers' twin that is missing from a list (trace_receptive_field)", '''\
def receptive_field(net):
    layers = [(l[1], l[2], l[3] if l[0] == "conv" else 1) for l in net]
    field = trace_receptive_field(400, layers)[0]
    return field[-1] - field[0] + 1
''', "without trace_receptive_field"),
        ("importlib", '''\
import importlib


def receptive_field(net):
    module = importlib.import_module("helpers.receptive_field")
    return module.receptive_field_size([(l[1], l[2], l[3] if l[0] == "conv" else 1)
                                        for l in net])
''', "imports of numpy, the helpers"),
    ],
    "ex2-solution": [
        ("eval of a name built from pieces", '''\
def avg_pool(x, q, s):
    convolve = eval("np.conv" + "olve", {"np": np})
    return convolve(x, np.ones(q) / q, "valid")[::s]
''', "code run from text"),
        ("np.polynomial, whose product is a convolution", '''\
def avg_pool(x, q, s):
    x = np.asarray(x, dtype=float)
    full = np.polynomial.polynomial.polymul(x, np.ones(q) / q)
    return full[q - 1:len(x)][::s]
''', "polynomial"),
        ("numpy's stride tricks (as_strided)", '''\
def avg_pool(x, q, s):
    x = np.ascontiguousarray(x, dtype=float)
    L_out = (len(x) - q) // s + 1
    windows = np.lib.stride_tricks.as_strided(x, shape=(L_out, q),
                                              strides=(s * x.strides[0], x.strides[0]))
    return windows.mean(axis=1)
''', "numpy's internals"),
    ],
}
