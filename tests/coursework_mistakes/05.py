"""Notebook 05: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "05-stacked-filters-and-channels"

PAIRS = """    return np.column_stack([
        sum(correlate1d(X[:, c], W[:, c, o]) for c in range(C_in)) + b[o]
        for o in range(C_out)])
"""
PATCHES = """    L_out = (len(X) - K) // s + 1
    return np.array([X[i * s:i * s + K].reshape(-1) for i in range(L_out)])
"""
TRANSFER = """W_conv = W_dense.reshape(6, 2, 3)
L_out_long = 10 - 6 + 1
"""

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        # the forbidden shortcut
        (PAIRS, "    return conv1d(X, W, b)\n", "without conv1d"),
        # the bias forgotten
        ("for c in range(C_in)) + b[o]", "for c in range(C_in))", "outputs its bias"),
        # the bias added once per input channel
        ("sum(correlate1d(X[:, c], W[:, c, o]) for c in range(C_in)) + b[o]",
         "sum(correlate1d(X[:, c], W[:, c, o]) + b[o] for c in range(C_in))", "outputs its bias"),
        # the axes of W swapped (right shape only when C_in == C_out)
        ("W[:, c, o]) for c", "W[:, o, c]) for c", "axis 1 of W counts the input channels"),
        # a true convolution: the taps flipped
        ("correlate1d(X[:, c], W[:, c, o])", "correlate1d(X[:, c], W[::-1, c, o])", "no flip"),
        # one row per output channel instead of one column
        ("np.column_stack(", "np.vstack(", "the length of axis 0, 1 is not right"),
    ],
    "ex2-solution": [
        # the forbidden shortcut
        (PATCHES, "    return im2col1d(X, K, stride=s)\n", "without im2col1d"),
        # channels outer, taps inner
        ("X[i * s:i * s + K].reshape(-1)", "X[i * s:i * s + K].T.reshape(-1)",
         "row i starts with every channel of tap 0"),
        # the stride ignored in the window's start
        ("X[i * s:i * s + K]", "X[i:i + K]", "starts at input i * s"),
        # the stride-1 count divided by s
        ("L_out = (len(X) - K) // s + 1", "L_out = (len(X) - K + 1) // s",
         "only the windows that fit count"),
        # one window too few
        ("L_out = (len(X) - K) // s + 1", "L_out = (len(X) - K) // s",
         "the length of axis 0 is not right"),
    ],
    "ex3-solution": [
        # K = 1: the dense layer read as one tap with 12 channels
        ("W_dense.reshape(6, 2, 3)", "W_dense.reshape(1, 12, 3)",
         "axis 1 counts the C_in = 2 input channels"),
        # flattened channel by channel instead of position by position
        ("W_dense.reshape(6, 2, 3)", "W_dense.reshape(2, 6, 3).transpose(1, 0, 2)",
         "W_conv must hold the weights in that order"),
        # the taps flipped
        ("W_dense.reshape(6, 2, 3)", "W_dense.reshape(6, 2, 3)[::-1]",
         "W_conv must hold the weights in that order"),
        # one output position too few
        ("L_out_long = 10 - 6 + 1", "L_out_long = 10 - 6", "L_out_long is 4"),
        # a float count
        ("L_out_long = 10 - 6 + 1", "L_out_long = (10 - 6) / 1 + 1", "an integer is asked for"),
        # too short a filter: several output rows on a length-6 example
        ("W_dense.reshape(6, 2, 3)", "W_dense.reshape(6, 2, 3)[:3]", "how many taps"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {
    "ex1-solution": [
        (PAIRS, """    L_out = X.shape[0] - K + 1
    Z = np.tile(np.asarray(b, dtype=float), (L_out, 1))
    for c in range(C_in):
        for o in range(C_out):
            Z[:, o] += correlate1d(X[:, c], W[:, c, o])
    return Z
"""),
        (PAIRS, """    return np.stack([b[o] + sum(np.correlate(X[:, c], W[:, c, o], mode="valid")
                                for c in range(C_in)) for o in range(C_out)], axis=1)
"""),
    ],
    "ex2-solution": [
        (PATCHES, """    L, C_in = X.shape
    starts = range(0, L - K + 1, s)
    P = np.zeros((len(starts), K * C_in))
    for i, start in enumerate(starts):
        for k in range(K):
            P[i, k * C_in:(k + 1) * C_in] = X[start + k]
    return P
"""),
        (PATCHES, """    windows = np.lib.stride_tricks.sliding_window_view(X, K, axis=0)[::s]
    return windows.transpose(0, 2, 1).reshape(len(windows), -1)
"""),
    ],
    "ex3-solution": [
        (TRANSFER, """W_conv = np.stack([W_dense[2 * j:2 * j + 2] for j in range(6)])
L_out_long = len(range(10 - 6 + 1))
"""),
        (TRANSFER, """W_conv = W_dense.reshape(-1, 2, 3)
L_out_long = np.int64(10) - W_conv.shape[0] + 1
"""),
    ],
}
