"""Helpers for the notebook series "How a CNN uses convolution in place of matrix
multiplication" (1-D, channels-last). One module per concept:

- ``helpers.geometry``: padding, K_eff, output length and the tap positions i*s + k*d - p_left,
  checked once (``geometry(...)`` returns a ``Geometry``; a kernel that does not fit raises a
  ``GeometryError`` carrying its numbers)
- ``helpers.conv``: padding, output length, correlate1d / convolve1d, the conv1d layer
- ``helpers.matrix``: conv_matrix, the banded Toeplitz matrix T with T @ x == correlate1d(x, w);
  shift matrices and the projection of any matrix onto convolutions
- ``helpers.im2col``: the patch matrix, its adjoint, and conv1d as one matrix product
- ``helpers.layers``, ``helpers.pooling``: layers as forward/backward pairs (dense, conv1d,
  ReLU, softmax cross-entropy; max/average/global pooling)
- ``helpers.gradcheck``: numerical gradients and rel_error; ``helpers.receptive_field``
- ``helpers.style``: colours and the matplotlib style; ``helpers.plotting``,
  ``helpers.plot_matrices``, ``helpers.plot_windows``, ``helpers.diagram``: figures;
  ``helpers.widgets``: interactive explorers

Each vectorised function has a plain-loop twin ``*_naive``.
"""
from helpers.conv import (
                          conv1d,
                          conv1d_naive,
                          conv_output_length,
                          convolve1d,
                          convolve1d_naive,
                          correlate1d,
                          correlate1d_naive,
                          pad1d,
                          padding_amounts,
                          sliding_windows,
)
from helpers.geometry import Geometry, GeometryError  # not `geometry`: it would hide the module
from helpers.gradcheck import numerical_gradient, rel_error
from helpers.im2col import col2im1d, col2im1d_naive, conv1d_gemm, im2col1d, im2col1d_naive
from helpers.layers import (
                          conv1d_backward,
                          conv1d_forward,
                          dense_backward,
                          dense_forward,
                          relu_backward,
                          relu_forward,
                          softmax_cross_entropy_backward,
                          softmax_cross_entropy_forward,
)
from helpers.matrix import (
                          conv_matrix,
                          conv_matrix_naive,
                          shift_matrix,
                          shift_matrix_naive,
                          tap_index_matrix,
                          toeplitz_projection,
                          toeplitz_projection_naive,
)
from helpers.pooling import (
                          avgpool1d_backward,
                          avgpool1d_forward,
                          global_avgpool_backward,
                          global_avgpool_forward,
                          global_maxpool_backward,
                          global_maxpool_forward,
                          maxpool1d_backward,
                          maxpool1d_forward,
)

__all__ = [
    "conv1d", "conv1d_naive", "conv_output_length", "convolve1d", "convolve1d_naive",
    "correlate1d", "correlate1d_naive", "pad1d", "padding_amounts", "sliding_windows",
    "Geometry", "GeometryError",
    "col2im1d", "col2im1d_naive", "conv1d_gemm", "im2col1d", "im2col1d_naive",
    "conv_matrix", "conv_matrix_naive", "shift_matrix", "shift_matrix_naive", "tap_index_matrix",
    "toeplitz_projection", "toeplitz_projection_naive",
    "numerical_gradient", "rel_error", "conv1d_backward", "conv1d_forward", "dense_backward",
    "dense_forward", "relu_backward", "relu_forward", "softmax_cross_entropy_backward",
    "softmax_cross_entropy_forward", "avgpool1d_backward", "avgpool1d_forward",
    "global_avgpool_backward", "global_avgpool_forward", "global_maxpool_backward",
    "global_maxpool_forward", "maxpool1d_backward", "maxpool1d_forward",
]
