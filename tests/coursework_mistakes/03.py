"""Notebook 03: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "03-padding-stride-dilation"

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        ("K_eff = dilation * (K - 1) + 1", "K_eff = K", "a dilated kernel spans K_eff"),
    ],
    "ex2-solution": [
        ('correlate1d(x, np.asarray(w)[::-1], padding="full")',
         'correlate1d(x, np.asarray(w), padding="full")',
         "flip w before correlating"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {}
