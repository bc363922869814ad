"""Notebook 04: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "04-convolution-as-matrix-multiplication"

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        ("[[1.0, 2.0, 0.0, 0.0],", "[[2.0, 1.0, 0.0, 0.0],", "w is not flipped"),
    ],
    "ex2-solution": [
        ("M[i, i * s + k] = w[k]", "M[i, i + k] = w[k]", "row i starts at column i * s"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {}
