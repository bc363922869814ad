"""Notebook 06: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "06-pooling-and-receptive-fields"

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        ("r_stack = 1 + 4 * 1 * 1 + 1 * 1 * 1 + 2 * 2 * 2 + 2 * 1 * 2",
         "r_stack = 1 + 4 + 1 + 2 * 2 + 2",
         "product of the strides BELOW it"),
    ],
    "ex2-solution": [
        ("L_out = (len(x) - P) // s + 1",
         "L_out = (len(x) - P) // s",
         "L_out = floor((L - P) / s) + 1"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {}
