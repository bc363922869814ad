"""Helpers for the notebook series "How a CNN uses convolution in place of matrix
multiplication" (1-D, channels-last). One module per concept; import each name from the
module that defines it (``from helpers.conv import correlate1d``): ``geometry``, ``conv``,
``matrix``, ``im2col``, ``layers``, ``pooling``, ``gradcheck``, ``receptive_field``,
``train``, ``data``; figures in ``style``, ``plotting``, ``plot_matrices``, ``plot_windows``,
``diagram``; explorers in ``widgets``; exercise checks in ``checks`` and ``shortcuts``.
"""
