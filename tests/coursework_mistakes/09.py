"""Notebook 09: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "09-why-frameworks-use-gemm"

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        ("return 2 * N * (L - K + 1) * C_out * K * C_in",
         "return 2 * N * L * C_out * K * C_in",
         "use L_out = L - K + 1"),
    ],
    "ex2-solution": [
        ("return (L - K + 1) * C_out * L * C_in * 4",
         "return (L - K + 1) * L * C_in * 4",
         "one row per (output position, output channel)"),
    ],
    "ex3-solution": [
        ("np.fft.rfft(w[::-1], n)", "np.fft.rfft(w, n)", "the product of spectra is a CONVOLUTION"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {}
