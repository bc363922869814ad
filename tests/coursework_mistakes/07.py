"""Notebook 07: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "07-backpropagation-through-convolution"

_GRADS_BODY = """    dw, dx = np.zeros(len(w)), np.zeros(len(x))
    for i in range(len(g)):  # every term w_k x_{is+k} of every output
        for k in range(len(w)):
            dw[k] += g[i] * x[i * s + k]
            dx[i * s + k] += g[i] * w[k]
    return dw, dx"""

_POOL_BODY = """    up = np.zeros((len(g) - 1) * s + 1)
    up[::s] = g  # s - 1 zeros between the entries of g
    full = np.convolve(up, np.ones(q) / q)  # T^T g, filter (1/q, ..., 1/q)
    return np.concatenate([full, np.zeros(L - len(full))])   # unread inputs: 0"""

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        # the forbidden shortcuts: the layer's backward, T^T g with the helper's T
        (_GRADS_BODY,
         "    _, c = conv1d_forward(x[:, None], w[:, None, None], stride=s)\n"
         "    dx, dw, _ = conv1d_backward(g[:, None], c)\n"
         "    return dw[:, 0, 0], dx[:, 0]",
         "conv1d_backward (your code called"),
        (_GRADS_BODY,
         "    dx = conv_matrix(w, len(x), stride=s).T @ g\n"
         "    dw = np.array([sum(g[i] * x[i * s + k] for i in range(len(g)))\n"
         "                   for k in range(len(w))])\n"
         "    return dw, dx",
         "conv_matrix (your code called"),
        # the stride forgotten in the weight gradient: output i read from input i
        ("dw[k] += g[i] * x[i * s + k]", "dw[k] += g[i] * x[i + k]",
         "which input does output i multiply it with?"),
        # the input gradient through the flipped filter (a convolution where a sum was asked)
        ("dx[i * s + k] += g[i] * w[k]", "dx[i * s + k] += g[i] * w[len(w) - 1 - k]",
         "dx for x_e, w_e, g_e, s = 2 is not right"),
        # overwritten, not accumulated: an input read by two windows keeps one term
        ("dx[i * s + k] += g[i] * w[k]", "dx[i * s + k] = g[i] * w[k]",
         "some inputs are read by two windows"),
        # dx only as long as the windows reach: wrong when the last input is read by no
        # window (caught by the hidden tests only: for x_e every input is read)
        ("dx = np.zeros(len(w)), np.zeros(len(x))",
         "dx = np.zeros(len(w)), np.zeros((len(g) - 1) * s + len(w))",
         "dx for L=8, K=3, s=2 has shape (7,)"),
    ],
    "ex2-solution": [
        # the forbidden shortcut: section 5's function with the averaging filter
        (_POOL_BODY, "    return conv_transpose1d(g, np.ones(q) / q, L, stride=s)",
         "conv_transpose1d (your code called"),
        # the 1/q forgotten: the filter of sum pooling
        ("np.ones(q) / q)", "np.ones(q))", "off by the same factor"),
        # the zeros put after u instead of between its entries
        ("up[::s] = g", "up[:len(g)] = g", "where windows overlap, the shares add"),
        # not filled up to L: the inputs no window reads are missing
        ("    return np.concatenate([full, np.zeros(L - len(full))])", "    return full",
         "has shape (6,): the length of axis 0 is not right"),
        # a loop that overwrites where windows overlap instead of adding
        (_POOL_BODY,
         "    dz = np.zeros(L)\n"
         "    for i in range(len(g)):\n"
         "        dz[i * s:i * s + q] = g[i] / q\n"
         "    return dz",
         "where windows overlap, the shares add"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {
    "ex1-solution": [
        # the formulas of sections 2-4: dw a correlation of x with g spread by s (roles
        # swapped), dx the full convolution of g (s - 1 zeros between) with w, filled up to L
        (_GRADS_BODY,
         "    up = np.zeros((len(g) - 1) * s + 1)\n"
         "    up[::s] = g\n"
         "    dw = correlate1d(x, g, dilation=s)[:len(w)]\n"
         "    full = np.convolve(up, w)\n"
         "    dx = np.concatenate([full, np.zeros(len(x) - len(full))])\n"
         "    return dw, dx"),
        # vectorised: the index matrix of the windows, np.add.at for the overlaps
        (_GRADS_BODY,
         "    idx = np.arange(len(g))[:, None] * s + np.arange(len(w))    # (L_out, K)\n"
         "    dx = np.zeros(len(x))\n"
         "    np.add.at(dx, idx, g[:, None] * w)\n"
         "    return [(x[idx] * g[:, None]).sum(axis=0), dx]"),
    ],
    "ex2-solution": [
        # scatter-add, window by window
        (_POOL_BODY,
         "    dz = np.zeros(L)\n"
         "    for i, g_i in enumerate(g):\n"
         "        dz[i * s:i * s + q] += g_i / q\n"
         "    return dz"),
        # every input collects the windows that contain it
        (_POOL_BODY,
         "    return np.array([sum(g[i] for i in range(len(g)) if i * s <= j < i * s + q) / q\n"
         "                     for j in range(L)])"),
        # np.add.at with the windows' index matrix
        (_POOL_BODY,
         "    dz = np.zeros(L)\n"
         "    np.add.at(dz, np.arange(len(g))[:, None] * s + np.arange(q), np.repeat(g, q)"
         ".reshape(-1, q) / q)\n"
         "    return dz"),
    ],
}
