"""Notebook 05: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "05-stacked-filters-and-channels"

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        ("for c in range(C_in)) + b[o]", "for c in range(C_in))", "add b[o]"),
    ],
    "ex2-solution": [
        ("X[i:i + K].reshape(-1)",
         "X[i:i + K].T.reshape(-1)",
         "flatten each (K, C_in) window row by row"),
    ],
    "ex3-solution": [
        ("W_ours = w_pt.transpose(2, 1, 0)",
         "W_ours = w_pt.transpose(2, 1, 0)[::-1]",
         "do not flip the taps"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {}
