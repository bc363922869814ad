"""Notebook 01: answers that try to get the points without the work (format: __init__.py)."""

NOTEBOOK = "01-dot-product-neuron"

BYPASS = {
    "ex1-solution": [
        ("rebinding a check (check_close) so the grade cell checks nothing", '''\
check_close = lambda *args, **kwargs: None


def dense_relu(X, W, b):
    return 0
''', "rebinding a name the checks use"),
        ("writing into the arrays the checks pass in, so the reference matches", '''\
def dense_relu(X, W, b):
    X[...] = 0
    b[...] = 0
    return np.zeros((len(X), len(b)))
''', "changing an object the answer did not create"),
        ("an IPython input transformer that empties every later grade cell", '''\
get_ipython().input_transformers_post.append(lambda lines: [])


def dense_relu(X, W, b):
    return 0
''', "IPython's machinery"),
    ],
    "ex2-solution": [
        ("an IPython magic that reads the instructor's files", '''\
W_ng_ex = np.array([[1.0, 0.0, -1.0, 2.0], [0.5, 0.5, 0.5, 0.5]])
!cat ../../../source/01-dot-product-neuron/*.ipynb
W_row = Z_batch = 0
''', "plain Python only"),
        ("replacing a check's __code__", '''\
W_ng_ex = np.array([[1.0, 0.0, -1.0, 2.0], [0.5, 0.5, 0.5, 0.5]])
X_ex = np.array([[1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 0.0, -1.0], [2.0, -2.0, 1.0, 0.5]])
b_ex = np.array([0.5, -1.0])
check_close.__code__ = (lambda *args, **kwargs: None).__code__
check_shape.__code__ = (lambda *args, **kwargs: None).__code__
W_row = Z_batch = 0
''', "dunder names"),
        ("reading the answers from disk (the gradebook holds the hidden tests)", '''\
W_ng_ex = np.array([[1.0, 0.0, -1.0, 2.0], [0.5, 0.5, 0.5, 0.5]])
X_ex = np.array([[1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 0.0, -1.0], [2.0, -2.0, 1.0, 0.5]])
b_ex = np.array([0.5, -1.0])
hidden = open("../../../gradebook.db", "rb").read()
W_row = Z_batch = 0
''', "file, process or database access"),
    ],
}
