"""Notebook 01: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "01-dot-product-neuron"

KEY1 = "return relu(X @ W + b)"
KEY2 = "W_row = W_ng_ex.T"
KEYZ = "Z_batch = X_ex @ W_row + b_ex"

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        (KEY1, "return X @ W + b", "then apply relu"),                       # no non-linearity
        (KEY1, "return relu(X @ W) + b", "dense_relu(X_t, W_t, b_t) is not right"),  # b after σ
        (KEY1, "return relu(X @ W + b[:, None])",                            # b along examples
         "dense_relu(X_t, W_t, b_t) is not right"),
        (KEY1, "return relu(W.T @ X.T + b)",                                  # column form, no .T
         "dense_relu(X_t, W_t, b_t) is not right"),
    ],
    "ex2-solution": [
        (KEY2, "W_row = W_ng_ex", "should have shape (4, 2)"),               # not transposed
        (KEY2, "W_row = W_ng_ex.reshape(4, 2)", "x_v @ W_row (the same layer"),
        (KEY2, "W_row = W_ng_ex[::-1].T", "unit j's weights are column j"),  # units swapped
        (KEY2, "W_row = np.linalg.pinv(W_ng_ex)", "x_v @ W_row (the same layer"),
        (KEYZ, "Z_batch = W_ng_ex @ X_ex.T + b_ex[:, None]",                 # examples as columns
         "should have shape (3, 2)"),
        (KEYZ, "Z_batch = X_ex @ W_row", "get the bias b_ex"),               # the bias forgotten
        (KEYZ, "Z_batch = relu(X_ex @ W_row + b_ex)",                         # activations: only
         "the negative ones stay"),                                           # hidden tests see it
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {
    "ex1-solution": [
        (KEY1, "return np.maximum(X @ W + b, 0.0)"),
        (KEY1, "return relu(np.einsum('ni,ij->nj', X, W) + b)"),
        (KEY1, "return np.array([[max(sum(X[n][i] * W[i][j] for i in range(len(W))) + b[j], 0.0)"
               " for j in range(len(b))] for n in range(len(X))])"),
    ],
    "ex2-solution": [
        (KEY2, "W_row = np.transpose(W_ng_ex)"),
        (KEY2, "W_row = np.array([[W_ng_ex[i, j] for i in range(2)] for j in range(4)])"),
        (KEYZ, "Z_batch = (W_ng_ex @ X_ex.T + b_ex[:, None]).T"),
        (KEYZ, "Z_batch = np.array([W_ng_ex @ x_n + b_ex for x_n in X_ex])"),
    ],
}
