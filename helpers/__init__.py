"""Helpers for the notebook series "How a CNN uses convolution in place of matrix
multiplication" (1-D, channels-last). One module per concept:

- ``helpers.conv``: padding, output length, correlate1d / convolve1d, the conv1d layer
- ``helpers.matrix``: conv_matrix, the banded Toeplitz matrix T with T @ x == correlate1d(x, w)
- ``helpers.im2col``: the patch matrix, its adjoint, and conv1d as one matrix product
- ``helpers.plotting``, ``helpers.widgets``: figures and interactive explorers

Each vectorised function has a plain-loop twin ``*_naive``.
"""
from helpers.conv import (conv1d, conv1d_naive, conv_output_length, convolve1d,
                          convolve1d_naive, correlate1d, correlate1d_naive, pad1d,
                          padding_amounts, sliding_windows)
from helpers.im2col import col2im1d, col2im1d_naive, conv1d_gemm, im2col1d, im2col1d_naive
from helpers.matrix import conv_matrix, conv_matrix_naive

__all__ = [
    "conv1d", "conv1d_naive", "conv_output_length", "convolve1d", "convolve1d_naive",
    "correlate1d", "correlate1d_naive", "pad1d", "padding_amounts", "sliding_windows",
    "col2im1d", "col2im1d_naive", "conv1d_gemm", "im2col1d", "im2col1d_naive",
    "conv_matrix", "conv_matrix_naive",
]
