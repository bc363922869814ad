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
    ],
    "ex2-solution": [
        ("eval of a name built from pieces", '''\
def avg_pool(x, q, s):
    convolve = eval("np.conv" + "olve", {"np": np})
    return convolve(x, np.ones(q) / q, "valid")[::s]
''', "code run from text"),
    ],
}
