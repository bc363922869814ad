"""Notebook 04: answers that try to get the points without the work (format: __init__.py)."""

NOTEBOOK = "04-convolution-as-matrix-multiplication"

BYPASS = {
    "ex1-solution": [
        ("__wrapped__ (the function behind the guard's stand-in)", '''\
def causal_matrix(w, L):
    real = getattr(conv_matrix, "__wrapped__", conv_matrix)
    return real(w, L, padding=(len(w) - 1, 0))
''', "dunder names"),
    ],
    "ex2-solution": [
        ("the forbidden helper (conv_matrix(...) is T itself)", '''\
def stride_matrix(w, L, s):
    return conv_matrix(w, L, stride=s)
''', "without conv_matrix"),
    ],
}
