"""Every bad input fails with a message naming the argument, what was expected and what came."""
import numpy as np
import pytest

from helpers.conv import conv1d, conv1d_naive, correlate1d, pad1d
from helpers.geometry import conv_output_length
from helpers.im2col import col2im1d, conv1d_gemm, im2col1d
from helpers.matrix import conv_matrix

X5 = np.ones((5, 1))
W3 = np.ones((3, 1, 1))

BAD_INPUTS = [
    # (call, exception, fragments that must appear in the message)
    (lambda: conv1d(np.ones((5, 1)), np.ones((6, 1, 1))), ValueError,
     ["conv1d", "kernel (K=6)", "longer than the padded input", "L=5", "padding='same'"]),
    (lambda: conv1d(np.ones(5), W3), ValueError,
     ["conv1d", "X must be", "(L, C_in)", "1-D array of shape (5,)"]),
    (lambda: conv1d(np.ones((5, 2)), np.ones((3, 1, 4))), ValueError,
     ["X has C_in=2", "W expects C_in=1", "(5, 2)", "(3, 1, 4)"]),
    (lambda: conv1d(X5, np.ones((3, 1))), ValueError,
     ["W must be", "(K, C_in, C_out)", "2-D array of shape (3, 1)"]),
    (lambda: conv1d(X5, W3, b=np.ones(2)), ValueError,
     ["b must have shape (C_out,) = (1,)", "shape (2,)"]),
    (lambda: conv1d(X5, W3, stride=0), ValueError, ["stride must be an integer >= 1", "got 0"]),
    (lambda: conv1d(X5, W3, stride=1.5), TypeError, ["stride must be an integer", "1.5", "float"]),
    (lambda: conv1d(X5, W3, dilation=0), ValueError, ["dilation must be an integer >= 1"]),
    (lambda: conv1d(X5, W3, dilation=3), ValueError, ["K_eff = d(K-1)+1 = 7", "L=5"]),
    (lambda: conv1d(X5, W3, padding="sam"), ValueError, ["padding must be", "'same'", "'sam'"]),
    (lambda: conv1d(X5, W3, padding=(1, 2, 3)), ValueError, ["(left, right) pair", "3 values"]),
    (lambda: conv1d(X5, W3, padding=-1), ValueError, ["padding must be an integer >= 0", "-1"]),
    (lambda: conv1d(X5, W3, padding=None), TypeError, ["padding must be", "None"]),
    (lambda: conv1d([["a"], ["b"]], W3), TypeError, ["X must hold real numbers", "<U1"]),
    (lambda: conv1d(X5 > 0, W3), TypeError, ["X must hold real numbers", "booleans"]),
    (lambda: conv1d(np.ones((0, 1)), W3), ValueError, ["X must not be empty", "(0, 1)"]),
    (lambda: conv1d([[1.0], [2.0, 3.0]], W3), ValueError, ["X must be", "ragged"]),
    (lambda: conv1d_naive(np.ones((5, 1)), np.ones((6, 1, 1))), ValueError,
     ["conv1d_naive", "longer than the padded input"]),
    (lambda: conv1d_gemm(np.ones((5, 1)), np.ones((6, 1, 1))), ValueError,
     ["conv1d_gemm", "longer than the padded input"]),
    (lambda: correlate1d(np.ones((4, 2)), np.ones(2)), ValueError,
     ["correlate1d", "x must be a 1-D array of shape (L,)", "(4, 2)"]),
    (lambda: correlate1d(np.ones(3), np.ones(4)), ValueError, ["correlate1d", "K=4", "L=3"]),
    (lambda: correlate1d(np.ones(3), []), ValueError, ["w must not be empty"]),
    (lambda: correlate1d(np.ones(3), [1j]), TypeError, ["w must hold real numbers", "complex"]),
    (lambda: conv_output_length(10, 0), ValueError,
     ["K (the kernel size) must be an integer >= 1"]),
    (lambda: pad1d(np.ones(4), "same"), ValueError, ["pad1d", "pass kernel_size=K"]),
    (lambda: conv_matrix(np.ones(3), 0), ValueError, ["conv_matrix", "L (the input length)"]),
    (lambda: conv_matrix(np.ones((3, 2)), 5), ValueError,
     ["conv_matrix", "(K, C_in, C_out)", "(3, 2)"]),
    (lambda: im2col1d(np.ones(5), 3), ValueError, ["im2col1d", "X must be", "(5,)"]),
    (lambda: col2im1d(np.ones((3, 3)), 6, 3), ValueError,
     ["col2im1d", "3 rows", "L_out=4", "(3, 3)"]),
    (lambda: col2im1d(np.ones((4, 4)), 6, 3), ValueError, ["multiple of K=3", "(4, 4)"]),
]


@pytest.mark.parametrize("call,exc,fragments", BAD_INPUTS,
                         ids=[f"bad{i:02d}" for i in range(len(BAD_INPUTS))])
def test_bad_input_gets_a_clear_error(call, exc, fragments):
    with pytest.raises(exc) as info:
        call()
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
