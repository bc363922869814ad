"""Notebook 06: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "06-pooling-and-receptive-fields"

_RF_BODY = ("    r, jump = 1, 1  # jump: input positions between neighbouring units\n"
            + """    for layer in net:
        if layer[0] == "pool":
            _, K, s = layer  # a pooling window: a kernel of q taps, d = 1
            d = 1
        else:
            _, K, s, d = layer
        r += (K - 1) * d * jump
        jump *= s
    return r""")

_POOL_BODY = """    L_out = (len(x) - q) // s + 1
    return np.array([np.mean(x[i * s:i * s + q]) for i in range(L_out)])"""

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        # the forbidden shortcut: translate the layers and call the helper
        (_RF_BODY,
         "    return receptive_field_size([(l[1], l[2], l[3] if l[0] == 'conv' else 1)\n"
         "                                 for l in net])",
         "receptive_field_size (your code called"),
        # a layer's own stride spreads its taps (the product of the strides up to and
        # including it)
        ("        r += (K - 1) * d * jump\n        jump *= s",
         "        jump *= s\n        r += (K - 1) * d * jump",
         "the layers BELOW it, or its own too?"),
        # dilation forgotten
        ("r += (K - 1) * d * jump", "r += (K - 1) * jump", "not right"),
        # pooling layers skipped: "they have no weights"
        ("            _, K, s = layer  # a pooling window: a kernel of q taps, d = 1\n"
         "            d = 1",
         "            continue",
         "do the pooling layers"),
        # pooling's stride ignored (only its window counted)
        ("_, K, s = layer ", "(_, K), s = layer[:2], 1 ", "not right"),
        # off by one: the field of a single unit counted as 0
        ("r, jump = 1, 1", "r, jump = 0, 1", "two conv layers with K = 3"),
    ],
    "ex2-solution": [
        # the forbidden shortcuts
        (_POOL_BODY, "    return pool1d_naive(x[:, None], q, s, 'avg')[:, 0]",
         "pool1d_naive (your code called"),
        (_POOL_BODY, "    return np.correlate(x, np.ones(q) / q)[::s]", "without np.correlate"),
        # one window too few: the + 1 of the length forgotten
        ("L_out = (len(x) - q) // s + 1", "L_out = (len(x) - q) // s",
         "length of axis 0 is not right"),
        # the stride ignored: windows start at every entry
        ("x[i * s:i * s + q]", "x[i:i + q]", "not right"),
        # the stride taken for the window size
        ("x[i * s:i * s + q]", "x[i * s:i * s + s]", "window i starts at entry i * s"),
        # the window size forgotten in the length: partial windows at the end (hidden tests)
        ("L_out = (len(x) - q) // s + 1", "L_out = (len(x) - 1) // s + 1",
         "length of axis 0 is not right"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {
    "ex1-solution": [
        # top-down: r units of layer l read (r - 1) s + (K - 1) d + 1 units of layer l - 1;
        # returns a numpy integer
        (_RF_BODY,
         "    r = np.int64(1)\n"
         "    for layer in reversed(net):\n"
         "        K, s, d = (layer[1], layer[2], 1) if layer[0] == 'pool' else layer[1:]\n"
         "        r = (r - 1) * s + (K - 1) * d + 1\n"
         "    return r"),
        # the jumps as a cumulative product, summed with numpy
        (_RF_BODY,
         "    ksd = [(l[1], l[2], 1) if l[0] == 'pool' else tuple(l[1:]) for l in net]\n"
         "    jumps = np.cumprod([1] + [s for _, s, _ in ksd])[:-1]\n"
         "    return 1 + int(sum((K - 1) * d * j for (K, _, d), j in zip(ksd, jumps)))"),
    ],
    "ex2-solution": [
        (_POOL_BODY,
         "    starts = range(0, len(x) - q + 1, s)\n"
         "    return np.array([x[j:j + q].sum() / q for j in starts])"),
        (_POOL_BODY,
         "    c = np.concatenate([[0.0], np.cumsum(x)])      # c[j] = x_0 + ... + x_{j-1}\n"
         "    starts = np.arange(0, len(x) - q + 1, s)\n"
         "    return (c[starts + q] - c[starts]) / q"),
        (_POOL_BODY,
         "    from numpy.lib.stride_tricks import sliding_window_view\n"
         "    return sliding_window_view(x, q)[::s].mean(axis=1)"),
    ],
}
