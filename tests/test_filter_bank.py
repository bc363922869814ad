"""FilterBankExplorer and plot_feature_maps (notebook 05) against conv1d / correlate1d."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers.activations import relu
from helpers.conv import correlate1d
from helpers.plotting import plot_feature_maps
from helpers.widgets.filter_bank import FilterBankExplorer
from strategies import arrays


def test_plot_feature_maps_draws_each_map_under_its_window():
    x, A = arrays(0, 20), relu(arrays(1, 16, 3))              # L = 20, K = 5 -> L_out = 16
    axes, lines, image = plot_feature_maps(x, A, 5)
    assert len(axes) == 3 and lines[0].axes is axes[1] and image.axes is axes[2]
    for j in range(3):
        np.testing.assert_array_equal(lines[j].get_ydata(), A[:, j])
        np.testing.assert_array_equal(lines[j].get_xdata(), np.arange(16) + 2.0)
    assert len({line.get_linestyle() for line in lines}) == 3     # told apart without colour
    np.testing.assert_array_equal(image.get_array(), A.T)
    plt.close("all")


def test_filter_bank_explorer_computes_relu_of_each_correlation():
    x, W = arrays(2, 30), np.clip(arrays(3, 4, 3) * 0.4, -1, 1).round(1)   # K = 4, 3 filters
    ex = FilterBankExplorer(x, W)
    A = ex.update(W)
    assert A.shape == (27, 3)
    for j in range(3):
        np.testing.assert_allclose(A[:, j], relu(correlate1d(x, W[:, j])), atol=1e-12)
        np.testing.assert_allclose(ex.lines[j].get_ydata(), A[:, j])
    np.testing.assert_allclose(ex.image.get_array(), A.T)
    assert [s.description for s in ex.sliders[1]] == ["w1[0]", "w1[1]", "w1[2]", "w1[3]"]
    ex.sliders[1][3].value = 0.7                               # filter w^(1), tap 3, from a slider
    assert ex.W[3, 1] == 0.7 and np.allclose(ex.W[:, 0], W[:, 0])      # the rest kept
    np.testing.assert_allclose(ex.A[:, 1], relu(correlate1d(x, ex.W[:, 1])), atol=1e-12)


def test_filter_bank_explorer_with_as_many_taps_as_filters_keeps_columns():
    x = arrays(4, 25)
    W = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]])   # K = C_out = 3
    ex = FilterBankExplorer(x, W)
    ex.sliders[0][0].value = -0.5                              # filter w^(0), tap 0
    np.testing.assert_allclose(ex.W[:, 0], [-0.5, 0.4, 0.7])   # a column, not a row, changed
    np.testing.assert_allclose(ex.W[:, 1:], W[:, 1:])


@pytest.mark.parametrize("x,W", [(np.ones((5, 2)), np.ones((3, 2))),   # x not 1-D
                                 (np.ones(20), np.ones((3, 4))),        # 4 filters
                                 (np.ones(20), np.ones((9, 2))),        # K > 7
                                 (np.ones(4), np.ones((5, 2)))])        # K > L
def test_filter_bank_explorer_rejects_bad_shapes(x, W):
    with pytest.raises(ValueError, match="FilterBankExplorer"):
        FilterBankExplorer(x, W)
