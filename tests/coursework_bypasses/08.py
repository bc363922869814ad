"""Notebook 08: answers that try to get the points without the work (format: __init__.py)."""

NOTEBOOK = "08-training-a-1d-cnn"

BYPASS = {
    "ex1-solution": [
        ("an IPython input transformer that empties every later grade cell", '''\
get_ipython().input_transformers_post.append(lambda lines: [])


def flat_param_count(L, K, C_out, n_classes):
    return 0
''', "IPython's machinery"),
    ],
    "ex2-solution": [
        ("writing the test labels so any model scores as the checks expect", '''\
cnn_max = CNN1d(16, 15, pool="max", seed=SEED)
y_test[:] = cnn_max.predict(shifted_crop(X_test, MARGIN, 10))
acc_max_shift10 = 1.0
''', "changing an object the answer did not create"),
    ],
}
