"""Notebook 03: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "03-padding-stride-dilation"

RETURN = "return (L + p_left + p_right - K_eff) // stride + 1"
FULL = 'correlate1d(x, np.asarray(w)[::-1], padding="full")'

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        ("K_eff = dilation * (K - 1) + 1", "K_eff = K", "spans more inputs than it has taps"),
        ("K_eff = dilation * (K - 1) + 1", "K_eff = dilation * K",
         "spans more inputs than it has taps"),
        (RETURN, "return (L + 2 * p_left - K_eff) // stride + 1", "p_right after it"),
        (RETURN, "return (L + p_left - K_eff) // stride + 1", "p_right after it"),
        (RETURN, "return (L + p_left + p_right - K_eff) // stride", "the whole window fits"),
        (RETURN, "return (L + p_left + p_right - K_eff) / stride + 1", "an integer is asked for"),
        (RETURN, "return round((L + p_left + p_right - K_eff) / stride) + 1", "round down"),
        (RETURN, "return -(-(L + p_left + p_right - K_eff) // stride) + 1", "partial step"),
        (RETURN, "return conv_output_length(L, K, stride, (p_left, p_right), dilation)",
         "asks you to write it without"),
        (RETURN, "return len(correlate1d(np.zeros(L), np.ones(K), stride, (p_left, p_right), "
                 "dilation))", "asks you to write it without"),
    ],
    "ex2-solution": [
        (FULL, 'correlate1d(x, np.asarray(w), padding="full")', "flip w before correlating"),
        (FULL, 'np.convolve(x, w, "full")', "asks you to write it without np.convolve"),
        (FULL, 'convolve1d(x, w, padding="full")', "asks you to write it without"),
        (FULL, 'correlate1d(x, np.asarray(w)[::-1], padding="same")',
         "the length of axis 0 is not right"),
        (FULL, 'correlate1d(x, np.asarray(w)[::-1])', "the length of axis 0 is not right"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {
    "ex1-solution": [
        (RETURN, "return len(range(0, L + p_left + p_right - K_eff + 1, stride))"),
        (RETURN, "return np.floor_divide(L + p_left + p_right - K_eff, stride) + 1"),
        (RETURN, "return int((L + p_left + p_right - K_eff) / stride) + 1"),
    ],
    "ex2-solution": [
        (FULL, 'np.correlate(x, np.asarray(w)[::-1], "full")'),
        (FULL, 'correlate1d(np.asarray(x, float), np.flip(w), padding=(len(w) - 1, len(w) - 1))'),
        (FULL, 'np.array([sum(w[k] * x[i - k] for k in range(len(w)) if 0 <= i - k < len(x)) '
               'for i in range(len(x) + len(w) - 1)])'),
    ],
}
