"""Notebook 03: answers that try to get the points without the work (format: __init__.py)."""

NOTEBOOK = "03-padding-stride-dilation"

BYPASS = {
    "ex1-solution": [
        ("__import__ of the helper that computes it", '''\
def output_length(L, K, stride=1, p_left=0, p_right=0, dilation=1):
    geometry = __import__("helpers.geometry", fromlist=["x"])
    return geometry.conv_output_length(L, K, stride, (p_left, p_right), dilation)
''', "code run from text or another namespace"),
    ],
    "ex2-solution": [
        ("a forbidden function kept in a closure", '''\
def _make():
    convolve = np.convolve
    return lambda x, w: convolve(x, w, "full")


full_convolution = _make()
''', "without np.convolve"),
    ],
}
