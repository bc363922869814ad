"""One deliberately wrong answer per code exercise, and what its check must say.

``MISTAKES[notebook][solution grade_id] = (right, wrong, message)``: in the instructor's
solution cell, ``right`` is replaced by ``wrong`` (a typical student mistake: a flipped
kernel, an off-by-one length, a missing bias ...); the exercise's grade cell must then fail
with an error whose text contains ``message`` — the hint that sends the student the right way.
tests/test_coursework.py fails when a code exercise has no entry here.
"""

MISTAKES = {
    "01-dot-product-neuron": {
        "ex1-solution": ("return relu(X @ W + b)", "return X @ W + b", "then apply relu"),
        "ex2-solution": ("W_row = W_ng_ex.T", "W_row = W_ng_ex", "should have shape (4, 2)"),
    },
    "02-sliding-window-feature-maps": {
        "ex1-solution": ("z[i] += x[i + k] * w[k]", "z[i] += x[i + k] * w[n - 1 - k]",
                         "do not flip w"),
        "ex2-solution": ("n_outputs = 150 - 15 + 1", "n_outputs = 150 - 15",
                         "count its start positions"),
    },
    "03-padding-stride-dilation": {
        "ex1-solution": ("K_eff = dilation * (K - 1) + 1", "K_eff = K",
                         "a dilated kernel spans K_eff"),
        "ex2-solution": ('correlate1d(x, np.asarray(w)[::-1], padding="full")',
                         'correlate1d(x, np.asarray(w), padding="full")', "flip w before correlating"),
    },
    "04-convolution-as-matrix-multiplication": {
        "ex1-solution": ("[[1.0, 2.0, 0.0, 0.0],", "[[2.0, 1.0, 0.0, 0.0],", "w is not flipped"),
        "ex2-solution": ("M[i, i * s + k] = w[k]", "M[i, i + k] = w[k]", "row i starts at column i * s"),
    },
    "05-stacked-filters-and-channels": {
        "ex1-solution": ("for c in range(C_in)) + b[o]", "for c in range(C_in))", "add b[o]"),
        "ex2-solution": ("X[i:i + K].reshape(-1)", "X[i:i + K].T.reshape(-1)",
                         "flatten each (K, C_in) window row by row"),
        "ex3-solution": ("W_ours = w_pt.transpose(2, 1, 0)", "W_ours = w_pt.transpose(2, 1, 0)[::-1]",
                         "do not flip the taps"),
    },
    "06-pooling-and-receptive-fields": {
        "ex1-solution": ("r_stack = 1 + 4 * 1 * 1 + 1 * 1 * 1 + 2 * 2 * 2 + 2 * 1 * 2",
                         "r_stack = 1 + 4 + 1 + 2 * 2 + 2", "product of the strides BELOW it"),
        "ex2-solution": ("L_out = (len(x) - P) // s + 1", "L_out = (len(x) - P) // s",
                         "L_out = floor((L - P) / s) + 1"),
    },
    "07-backpropagation-through-convolution": {
        "ex1-solution": ("dw_e[k] += g_e[i] * x_e[2 * i + k]", "dw_e[k] += g_e[i] * x_e[i + k]",
                         "with stride 2, output i starts at input 2i"),
        "ex2-solution": ("up[::s] = u", "up[:len(u)] = u", "the zeros go BETWEEN entries of u"),
    },
    "08-training-a-1d-cnn": {
        "ex1-solution": ("return K * F + F + F * n_classes + n_classes", "return K * F + F * n_classes",
                         "n_classes biases"),
        "ex2-solution": ('cnn_max = CNN1d(16, 15, pool="max", seed=SEED)',
                         'cnn_max = CNN1d(16, 15, pool="avg", seed=SEED)', "use pool='max'"),
    },
    "09-why-frameworks-use-gemm": {
        "ex1-solution": ("return 2 * N * (L - K + 1) * C_out * K * C_in",
                         "return 2 * N * L * C_out * K * C_in", "use L_out = L - K + 1"),
        "ex2-solution": ("return (L - K + 1) * C_out * L * C_in * 4", "return (L - K + 1) * L * C_in * 4",
                         "one row per (output position, output channel)"),
        "ex3-solution": ("np.fft.rfft(w[::-1], n)", "np.fft.rfft(w, n)",
                         "the product of spectra is a CONVOLUTION"),
    },
}
