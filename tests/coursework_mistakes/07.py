"""Notebook 07: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "07-backpropagation-through-convolution"

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        ("dw_e[k] += g_e[i] * x_e[2 * i + k]",
         "dw_e[k] += g_e[i] * x_e[i + k]",
         "with stride 2, output i starts at input 2i"),
    ],
    "ex2-solution": [
        ("up[::s] = u", "up[:len(u)] = u", "the zeros go BETWEEN entries of u"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {}
