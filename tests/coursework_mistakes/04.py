"""Notebook 04: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "04-convolution-as-matrix-multiplication"

CAUSAL_BODY = """    K = len(w)
    T = np.zeros((L, L))
    for i in range(L):                       # output unit i
        for k in range(K):                   # tap k reads input i + k - (K - 1)
            j = i + k - (K - 1)
            if j >= 0:                       # j < 0: a padded zero, no column
                T[i, j] = w[k]
    return T
"""
FILTER_CHECK = "    return w if np.allclose(M, T) else None\n"
READ_CHECK = """        if rows[i] != {first + i * s + k: labels[k] for k in range(K)}:"""
READ_LAST = ("    if s < 1 or first != -p_left or first + n * s + K - 1 <= L - 1 + p_right:\n")

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
         "reads no input after x_i"),
        # off by one: K zeros instead of K - 1
        ("j = i + k - (K - 1)", "j = i + k - K", "shifted by one position"),
        # the padded columns kept: (L, L + K - 1)
        ("T = np.zeros((L, L))\n", "T = np.zeros((L, L + K - 1))\n",
         "should have shape (4, 4)"),
    ],
    "ex3-solution": [
        # the forbidden shortcut
        ("    T = np.zeros((L_out, L))\n    for i in range(L_out):                   # T(w), as in"
         " section 1\n        T[i, i:i + K] = w\n", "    T = conv_matrix(w, L)\n",
         "without conv_matrix"),
        # the band only: entries outside it are not looked at
        (FILTER_CHECK, "    ok = all(np.allclose(M[i, i:i + K], w) for i in range(L_out))\n"
                       "    return w if ok else None\n", "zero outside the band"),
        # the kernel read backwards
        ("w = M[0, :K]", "w = M[0, :K][::-1]", "row 0 starts with w"),
        # K from the non-zeros of row 0: wrong when a tap is 0
        ("K = L - L_out + 1\n", "K = max(np.count_nonzero(M[0]), 1)\n",
         "fixed by the shape"),
        # only the first two rows compared
        (FILTER_CHECK, "    return w if np.allclose(M[:2], T[:2]) else None\n", "check them all"),
        # Toeplitz checked, the band not
        (FILTER_CHECK, "    return w if np.allclose(M[1:, 1:], M[:-1, :-1]) else None\n",
         "a Toeplitz matrix with a diagonal below the band"),
    ],
    "ex4-solution": [
        # stride taken as 1
        ("s = min(rows[1]) - first if n > 1 else 1", "s = 1", "read_diagram of the layer"),
        # labels not compared: an unshared weight passes
        (READ_CHECK, "        if sorted(rows[i]) != [first + i * s + k for k in range(K)]:",
         "one edge unshared"),
        # p_right off by one
        ("max(0, max(js) - L + 1)", "max(0, max(js) - L)", "read_diagram(asker, 4)"),
        # a missing last output not noticed
        (READ_LAST, "    if s < 1 or first != -p_left:\n", "the last output missing"),
        # a first window that starts at x_1 not noticed
        (READ_LAST, "    if s < 1 or first + n * s + K - 1 <= L - 1 + p_right:\n",
         "no output 0"),
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
    "ex3-solution": [
        # T(w) from the K diagonals
        ("    T = np.zeros((L_out, L))\n    for i in range(L_out):                   # T(w), as in"
         " section 1\n        T[i, i:i + K] = w\n",
         "    T = sum(w[k] * np.eye(L_out, L, k) for k in range(K))\n"),
        # exact equality and a copy
        (FILTER_CHECK, "    return w.copy() if np.array_equal(M, T) else None\n"),
    ],
    "ex4-solution": [
        # numpy integers in the answer
        ("    return K, s, p_left, p_right\n",
         "    return tuple(np.int64(v) for v in (K, s, p_left, p_right))\n"),
        # the stride from the last window
        ("s = min(rows[1]) - first if n > 1 else 1",
         "s = (min(rows[n - 1]) - first) // (n - 1) if n > 1 else 1"),
    ],
}
