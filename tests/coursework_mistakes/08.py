"""Notebook 08: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "08-training-a-1d-cnn"

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        ("return K * F + F + F * n_classes + n_classes",
         "return K * F + F * n_classes",
         "n_classes biases"),
    ],
    "ex2-solution": [
        ('cnn_max = CNN1d(16, 15, pool="max", seed=SEED)',
         'cnn_max = CNN1d(16, 15, pool="avg", seed=SEED)',
         "use pool='max'"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {}
