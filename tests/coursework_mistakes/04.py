"""Notebook 04: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "04-convolution-as-matrix-multiplication"

CAUSAL_BODY = """    K = len(w)
    T = np.zeros((L, L))
    for i in range(L):                       # output unit i
        for k in range(K):                   # tap k reads the padded input i + k - (K - 1)
            j = i + k - (K - 1)
            if j >= 0:                       # j < 0: a padded zero, no column
                T[i, j] = w[k]
    return T
"""
STRIDE_LOOP = """    L_out = (L - K) // s + 1
    M = np.zeros((L_out, L))
    for i in range(L_out):
        for k in range(K):
            M[i, i * s + k] = w[k]
"""

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        # the forbidden shortcut
        (CAUSAL_BODY, "    return conv_matrix(w, L, padding=(len(w) - 1, 0))\n",
         "without conv_matrix"),
        # a true convolution: the kernel flipped
        ("T[i, j] = w[k]", "T[i, j] = w[K - 1 - k]", "w is not flipped"),
        # padded on the wrong side: z_i reads x_i .. x_{i+K-1}
        ("j = i + k - (K - 1)\n            if j >= 0:", "j = i + k\n            if j < L:",
         "padded on the left only"),
        # off by one: K zeros instead of K - 1
        ("j = i + k - (K - 1)", "j = i + k - K", "shifted by one position"),
        # the padded columns kept: (L, L + K - 1)
        ("T = np.zeros((L, L))\n", "T = np.zeros((L, L + K - 1))\n",
         "should have shape (4, 4)"),
    ],
    "ex2-solution": [
        # the forbidden shortcut
        (STRIDE_LOOP, "    M = conv_matrix(w, L, stride=s)\n", "without conv_matrix"),
        ("L_out = (L - K) // s + 1", "L_out = conv_output_length(L, K, s)",
         "without conv_output_length"),
        # stride ignored inside the row: windows one input apart
        ("M[i, i * s + k] = w[k]", "M[i, i + k] = w[k]", "windows start s inputs apart"),
        # one row too few
        ("L_out = (L - K) // s + 1", "L_out = (L - K) // s", "the length of axis 0 is not right"),
        # the stride-1 count divided by s: right for L = 8, K = 3, s = 2; wrong for L = 9,
        # K = 2, s = 3 (caught by the hidden tests only)
        ("L_out = (L - K) // s + 1", "L_out = (L - K + 1) // s",
         "stride_matrix(w, 9, 3) for K = 2"),
        # transposed: one row per input
        ("    return M\n", "    return M.T\n", "the number of columns"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {
    "ex1-solution": [
        (CAUSAL_BODY, """    K = len(w)
    T = np.zeros((L, L))
    for i in range(L):
        for j in range(max(0, i - K + 1), i + 1):   # the inputs z_i reads
            T[i, j] = w[j - i + K - 1]
    return T
"""),
        (CAUSAL_BODY,
         "    return sum(w[k] * np.eye(L, k=k - len(w) + 1) for k in range(len(w)))\n"),
    ],
    "ex2-solution": [
        ("M[i, i * s + k] = w[k]", "M[i][s * i + k] = w[k - K]"),
        (STRIDE_LOOP, """    starts = list(range(0, L - K + 1, s))      # where each window starts
    M = np.zeros((len(starts), L))
    for i, start in enumerate(starts):
        M[i, start:start + K] = w
"""),
    ],
}
