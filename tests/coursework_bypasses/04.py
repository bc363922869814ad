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
    "ex3-solution": [
        ("the forbidden helper (rebuild T(w) from row 0 and compare)", '''\
def conv_filter(M):
    M = np.asarray(M, dtype=float)
    w = M[0, :M.shape[1] - M.shape[0] + 1]
    return w if np.allclose(conv_matrix(w, M.shape[1]), M) else None
''', "without conv_matrix"),
    ],
    "ex4-solution": [
        ("redefining the reference function the grade cell calls (network_edges)", '''\
def read_diagram(edges, L):
    return None

network_edges = lambda *args: []
''', "rebinding a name the checks use"),
    ],
}
