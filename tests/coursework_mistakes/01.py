"""Notebook 01: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "01-dot-product-neuron"

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        ("return relu(X @ W + b)", "return X @ W + b", "then apply relu"),
    ],
    "ex2-solution": [
        ("W_row = W_ng_ex.T", "W_row = W_ng_ex", "should have shape (4, 2)"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {}
