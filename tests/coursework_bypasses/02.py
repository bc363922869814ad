"""Notebook 02: answers that try to get the points without the work (format: __init__.py)."""

NOTEBOOK = "02-sliding-window-feature-maps"

BYPASS = {
    "ex1-solution": [
        ("a forbidden function kept in a default argument", '''\
def sliding_dot(x, w, _c=np.correlate):
    return _c(np.asarray(x, dtype=float), np.asarray(w, dtype=float), "valid")
''', "without np.correlate"),
        ("numpy internals (np._core.multiarray.correlate2)", '''\
def sliding_dot(x, w):
    return np._core.multiarray.correlate2(np.asarray(x, float), np.asarray(w, float), 0)
''', "private attributes"),
        ("the loop twin (correlate1d_naive)", '''\
def sliding_dot(x, w):
    return correlate1d_naive(np.asarray(x, dtype=float), np.asarray(w, dtype=float))
''', "without correlate1d_naive"),
        ("the conv layer's matrix (conv_matrix(w, L) @ x)", '''\
from helpers.matrix import conv_matrix


def sliding_dot(x, w):
    x, w = np.asarray(x, dtype=float), np.asarray(w, dtype=float)
    return conv_matrix(w, len(x)) @ x
''', "without helpers.matrix.conv_matrix"),
        ("np.fft in an exercise that does not ask for it", '''\
def sliding_dot(x, w):
    x, w = np.asarray(x, float), np.asarray(w, float)
    n = len(x) + len(w) - 1
    full = np.fft.irfft(np.fft.rfft(x, n) * np.fft.rfft(w[::-1], n), n)
    return full[len(w) - 1:len(x)]
''', "np.fft"),
        ("a lookup built from strings (getattr(np, 'corr' + 'elate'))", '''\
def sliding_dot(x, w):
    return getattr(np, "corr" + "elate")(np.asarray(x, float), np.asarray(w, float), "valid")
''', "a lookup built from a string"),
        ("a forbidden function kept in a closure", '''\
def _make():
    correlate = np.correlate
    return lambda x, w: correlate(np.asarray(x, float), np.asarray(w, float), "valid")


sliding_dot = _make()
''', "without np.correlate"),
        ("__wrapped__ (the function behind the guard's stand-in)", '''\
def sliding_dot(x, w):
    real = getattr(correlate1d, "__wrapped__", correlate1d)
    return real(np.asarray(x, float), np.asarray(w, float))
''', "dunder names"),
        ("__import__ of the helper that computes it", '''\
def sliding_dot(x, w):
    conv = __import__("helpers.conv", fromlist=["x"])
    return conv.correlate1d(np.asarray(x, float), np.asarray(w, float))
''', "code run from text or another namespace"),
    ],
    "ex2-solution": [
        ("a lookup built from strings (getattr on the notebook's globals)", '''\
K_conv = getattr(__builtins__, "ev" + "al")("15")
n_saved = 150 * 136 - K_conv
''', "a lookup built from a string"),
        ("eval with a fresh dict", '''\
K_conv = eval("150 - 136 + 1", {})
n_saved = eval("150 * 136 - 15", {})
''', "code run from text"),
    ],
}
