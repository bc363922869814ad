"""Notebook 09: answers that try to get the points without the work (format: __init__.py)."""

NOTEBOOK = "09-why-frameworks-use-gemm"

BYPASS = {
    "ex1-solution": [
        ("reading the answers from disk (the gradebook holds the hidden tests)", '''\
def conv_flops(N, L, C_in, C_out, K, s=1, d=1):
    source = open("../../../gradebook.db", "rb").read()
    return len(source) * 0
''', "file, process or database access"),
    ],
    "ex2-solution": [
        ("the database module, to read the gradebook", '''\
import sqlite3


def toeplitz_bytes(L, K, C_in, C_out, s=1, d=1):
    rows = sqlite3.connect("../../../gradebook.db").execute("select source from grade_cells")
    return len(list(rows))


def patch_bytes(N, L, K, C_in, s=1, d=1):
    return 0
''', "imports of numpy, the helpers"),
    ],
    "ex3-solution": [
        ("the notebook's own routine that is missing from a list (conv1d_blocked)", '''\
def correlate_full_fft(x, w):
    K = len(w)
    padded = np.concatenate([np.zeros(K - 1), x, np.zeros(K - 1)])
    return conv1d_blocked(padded[None, :, None], w[:, None, None])[0, :, 0]
''', "without conv1d_blocked"),
    ],
}
