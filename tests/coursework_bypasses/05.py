"""Notebook 05: answers that try to get the points without the work (format: __init__.py)."""

NOTEBOOK = "05-stacked-filters-and-channels"

BYPASS = {
    "ex1-solution": [
        ("redefining a reference function the hidden tests call", '''\
conv1d_naive = lambda X, W, b: np.zeros((len(X) - len(W) + 1, W.shape[2]))


def conv_layer_by_pairs(X, W, b):
    return np.zeros((len(X) - len(W) + 1, W.shape[2]))
''', "rebinding a name the checks use"),
    ],
    "ex2-solution": [
        ("a forbidden helper of helpers.im2col (im2col_batch)", '''\
def patch_matrix(X, K, s):
    from helpers.im2col import im2col_batch
    return im2col_batch(X[None], K, stride=s)[0]
''', "without helpers.im2col.im2col_batch"),
    ],
    "ex3-solution": [
        ("redefining the function the visible checks call (conv1d)", '''\
W_dense = np.random.default_rng(7).normal(size=(12, 3))
b_dense = np.array([0.1, -0.2, 0.3])
conv1d = lambda X, W, b: (X.reshape(-1) @ W_dense + b_dense)[None]
W_conv = np.zeros((6, 2, 3))
L_out_long = 5
''', "rebinding a name the checks use"),
    ],
}
