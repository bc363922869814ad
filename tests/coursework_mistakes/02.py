"""Notebook 02: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "02-sliding-window-feature-maps"

ASARRAY = "    x, w = np.asarray(x, dtype=float), np.asarray(w, dtype=float)\n"
LOOP = """    z = np.zeros(L - K + 1)
    for i in range(L - K + 1):
        for k in range(K):
            z[i] += x[i + k] * w[k]
    return z"""

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        ("z[i] += x[i + k] * w[k]", "z[i] += x[i + k] * w[K - 1 - k]", "do not flip w"),
        ("z = np.zeros(L - K + 1)\n    for i in range(L - K + 1):",          # one window short
         "z = np.zeros(L - K)\n    for i in range(L - K):", "the length of axis 0 is not right"),
        (ASARRAY, "    return np.correlate(x, w, 'valid')\n",                 # the forbidden one
         "asks you to write it without np.correlate"),
        (ASARRAY, "    return correlate1d(x, w)\n", "asks you to write it without"),
        (ASARRAY, ASARRAY + "    return np.lib.stride_tricks.sliding_window_view(x, len(w)) @ w\n",
         "asks you to write it without"),
        # integer accumulator: right on the worked example (whole numbers), wrong on real data
        ("z = np.zeros(L - K + 1)", "z = np.zeros(L - K + 1, dtype=int)", "is not right"),
        (LOOP, "    return np.array([-4.0, 4.0, 3.0, -6.0, 6.0])",          # the worked
         "sliding_dot with K = L"),                                   # example, typed in
    ],
    "ex2-solution": [
        ("K_conv = 150 - 136 + 1", "K_conv = 150 - 136", "count the start positions"),
        ("K_conv = 150 - 136 + 1", "K_conv = 136", "count the start positions"),
        ("K_conv = 150 - 136 + 1", "K_conv = (150 - 136) / 1 + 1", "an integer is asked for"),
        ("n_saved = 150 * 136 - K_conv", "n_saved = 150 * 136", "n_saved is 20400"),
        ("n_saved = 150 * 136 - K_conv", "n_saved = 150 * 136 - 136",
         "a weight per (input, output)"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {
    "ex1-solution": [
        (LOOP, "    return np.array([x[i:i + K] @ w for i in range(L - K + 1)])"),
        (LOOP, "    return [sum(w[k] * x[i + k] for k in range(K)) for i in range(L - K + 1)]"),
        (ASARRAY, ""),                                           # plain lists and int arrays
    ],
    "ex2-solution": [
        ("K_conv = 150 - 136 + 1", "K_conv = np.int64(len(range(136, 151)))"),
        ("n_saved = 150 * 136 - K_conv", "n_saved = 20385"),
    ],
}
