"""Notebook 09: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "09-why-frameworks-use-gemm"

_L_OUT = "L_out = (L - d * (K - 1) - 1) // s + 1"
_FLOPS = "return 2 * N * L_out * C_out * K * C_in"
_T = "return L_out * C_out * L * C_in * 4"
_P = "return N * L_out * K * C_in * 4"
_N_FFT = "n = L + K - 1"
_W_SPEC = "np.fft.rfft(w[::-1], n)"
_RETURN_FFT = "return np.fft.irfft(spectrum, n)"

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        # section 5's count: stride and dilation ignored
        (_L_OUT, "L_out = L - K + 1", "a stride keeps only some of the outputs"),
        # the +1 of the output length forgotten (right when s = 1 only)
        (_L_OUT, "L_out = (L - d * (K - 1)) // s", "a stride keeps only some of the outputs"),
        # the dilated window's span counted as work
        (_FLOPS, "return 2 * N * L_out * C_out * (d * (K - 1) + 1) * C_in",
         "not the work per output"),
        # multiply-adds counted once
        (_FLOPS, "return N * L_out * C_out * K * C_in", "one multiply and one add"),
    ],
    "ex2-solution": [
        # the forbidden shortcut: build T and ask for its size
        (_T, "return conv_matrix(np.zeros((K, C_in, C_out), np.float32), L, stride=s, "
             "dilation=d).nbytes", "without conv_matrix"),
        (_P, "return im2col1d(np.zeros((N, L, C_in), np.float32), K, stride=s, dilation=d).nbytes",
         "without im2col1d"),
        (_P, "from helpers.im2col import im2col_batch; return im2col_batch(np.zeros((N, L, C_in), "
             "np.float32), geometry(L, K, s, 'valid', d)).nbytes",
         "without helpers.im2col.im2col_batch"),
        # stride and dilation ignored (both functions)
        (_L_OUT, "L_out = L - K + 1", "one row per output unit"),
        # P's columns: the dilated span instead of the K taps read
        (_P, "return N * L_out * (d * (K - 1) + 1) * C_in * 4", "how many inputs does a dilated"),
        # T without its output channels
        (_T, "return L_out * L * C_in * 4", "one row per output unit"),
        # float64 bytes
        (_P, "return N * L_out * K * C_in * 8", "patch_bytes(5, 11, 3, 2, s=1, d=1) is"),
    ],
    "ex3-solution": [
        # the product of spectra is a convolution: w not reversed
        (_W_SPEC, "np.fft.rfft(w, n)", "the product of spectra is a CONVOLUTION"),
        # transforms too short: circular wrap-around, wrong length
        (_N_FFT, "n = max(L, K)", "long enough to hold every partial overlap"),
        # only the valid part
        (_RETURN_FFT, "return np.fft.irfft(spectrum, n)[K - 1:L]",
         "long enough to hold every partial overlap"),
        # forbidden shortcuts
        (_RETURN_FFT, "return np.correlate(x, w, 'full')", "without np.correlate"),
        (_RETURN_FFT, "return np.convolve(x, w[::-1])", "without np.convolve"),
        (_RETURN_FFT, "return conv_fft(np.pad(x, K - 1)[None, :, None], w[:, None, None])[0, :, 0]",
         "without conv_fft"),
        (_RETURN_FFT, "return conv1d_naive(x[None, :, None], w[:, None, None], "
                      "padding='full')[0, :, 0]",
         "without conv1d_naive"),
        (_RETURN_FFT, "return conv1d_blocked(np.pad(x, K - 1)[None, :, None], "
                      "w[:, None, None], geometry(L + 2 * K - 2, K))[0, :, 0]",
         "without conv1d_blocked"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {
    "ex1-solution": [
        (_L_OUT, "L_out = -(-(L - d * (K - 1)) // s)"),                # ceil((L - K_eff + 1) / s)
        (_L_OUT, "L_out = len(range(0, L - d * (K - 1), s))"),         # the start positions
        (_FLOPS, "return int(np.prod([2, N, L_out, C_out, K, C_in]))"),
        (_FLOPS, "return np.int64(2) * N * L_out * K * C_in * C_out"),
    ],
    "ex2-solution": [
        (_T, "return np.dtype(np.float32).itemsize * (L_out * C_out) * (L * C_in)"),
        (_L_OUT, "L_out = len(range(0, L - d * (K - 1), s))"),
        (_P, "return np.int64(N * L_out) * (K * C_in) * np.float32(0).nbytes"),
    ],
    "ex3-solution": [
        # a transform twice as long as needed, cut to the L + K - 1 outputs
        (_RETURN_FFT, "return np.fft.irfft(np.fft.rfft(x, 2 * n) * np.fft.rfft(w[::-1], 2 * n), "
                      "2 * n)[:n]"),
        # the complex FFT
        (_RETURN_FFT, "return np.fft.ifft(np.fft.fft(x, n) * np.fft.fft(w[::-1], n)).real"),
        # complex to float with .astype: numpy warns (ComplexWarning), the answer is right
        (_RETURN_FFT, "return np.fft.ifft(np.fft.fft(x, n) * np.fft.fft(w[::-1], n))"
                      ".astype(float)"),
    ],
}
