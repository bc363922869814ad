"""Notebook 02: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "02-sliding-window-feature-maps"

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        ("z[i] += x[i + k] * w[k]", "z[i] += x[i + k] * w[n - 1 - k]", "do not flip w"),
    ],
    "ex2-solution": [
        ("n_outputs = 150 - 15 + 1", "n_outputs = 150 - 15", "count its start positions"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {}
