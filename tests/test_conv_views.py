"""Notebook 04's figures and explorer: plot_toeplitz, plot_network, ConvMatrixExplorer."""
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgba

from helpers.diagram import plot_network
from helpers.matrix import conv_matrix, tap_index_matrix
from helpers.plot_matrices import plot_connections, plot_toeplitz
from helpers.style import tap_colour
from helpers.widgets.conv_unit import ConvMatrixExplorer, ConvUnitView

W3 = np.array([1.0, 2.0, -1.0])


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_toeplitz_heatmap_colours_each_diagonal_by_its_weight():
    T, taps = conv_matrix(W3, 6), tap_index_matrix(3, 6)
    drawn = plot_toeplitz(T, taps)
    ax, rgba = drawn.ax, drawn.image.get_array()
    assert rgba.shape == (4, 6, 4)
    for i in range(4):
        for k in range(3):
            np.testing.assert_allclose(rgba[i, i + k], to_rgba(tap_colour(k)))
    np.testing.assert_allclose(rgba[0, 5], [1, 1, 1, 1])               # structural zero: white
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "w₀ = 1", "w₁ = 2", "w₂ = -1"]


def test_toeplitz_heatmap_marks_padded_columns():
    T = conv_matrix(W3, 4, padding="same", padded=True)               # (4, 6)
    drawn = plot_toeplitz(T, tap_index_matrix(3, 4, padding="same", padded=True), pad=(1, 1))
    labels = [t.get_text() for t in drawn.ax.get_xticklabels()]
    assert labels == ["\u22121", "0", "1", "2", "3", "4"]       # -1 and L, never a second 0
    rgba = drawn.image.get_array()
    np.testing.assert_allclose(rgba[3, 0, :3], 0.85)                  # a padded zero: grey
    assert [tuple(c) for c in drawn.cells] == [(r, c) for r in range(4) for c in range(6)]
    assert [t.get_text() for t in drawn.texts[:4]] == ["1", "2", "-1", "0"]    # row 0


@pytest.mark.parametrize("stride,dilation", [(1, 1), (2, 1), (1, 2), (3, 2)])
def test_network_has_one_edge_per_nonzero_coloured_by_tap(stride, dilation):
    T = conv_matrix(W3, 11, stride, dilation=dilation)
    taps = tap_index_matrix(3, 11, stride, dilation=dilation)
    drawn = plot_network(T, taps)
    edges = drawn.edges
    segs = edges.get_segments()
    rows, cols = np.nonzero(T)
    assert len(segs) == np.count_nonzero(T) == 3 * T.shape[0]
    for seg, j in zip(segs, cols, strict=True):
        assert seg[0][0] == j and seg[0][1] == 0.0 and seg[1][1] == 1.0
    for colour, i, j in zip(edges.get_colors(), rows, cols, strict=True):
        np.testing.assert_allclose(colour, to_rgba(tap_colour(taps[i, j])))
    outs = drawn.out_nodes.get_offsets()[:, 0]                        # each output over its window
    np.testing.assert_allclose(outs, np.arange(T.shape[0]) * stride + dilation)


def test_explorer_update_lights_up_row_window_and_edges():
    x = np.arange(10.0) - 4.0
    e = ConvMatrixExplorer(x, [1.0, 2.0, -1.0, 0.5], unit=0, K=3)
    window = e.update(4)
    np.testing.assert_array_equal(window, [4, 5, 6])
    assert e.z == pytest.approx(x[4:7] @ W3)
    assert e.row_box.get_y() == 3.5
    segs = e.edges.get_segments()
    assert sorted(segs[n][0][0] for n in e.lit_edges) == [4, 5, 6]
    assert all(segs[n][1][0] == 5.0 for n in e.lit_edges)             # all lead to output 4
    widths = e.edges.get_linewidths()
    assert all(widths[n] == 3.5 for n in e.lit_edges) and min(widths) == 1.0
    lit_bars = [j for j, b in enumerate(e.bars) if b.get_facecolor() != to_rgba("0.8")]
    assert lit_bars == [4, 5, 6]
    assert "output unit 4" in e.ax_T.get_title()


def test_explorer_geometry_change_rebuilds_and_sliders_drive_update():
    e = ConvMatrixExplorer(np.ones(10), [1.0, 2.0, -1.0, 0.5], unit=2)
    window = e.update(1, K=2, stride=2, dilation=3)
    np.testing.assert_array_equal(window, [2, 5])
    assert e.T.shape == (4, 10) and e.unit_slider.max == 3
    assert len(e.edges.get_segments()) == 8
    e.s_slider.value = 1                                              # a control moves ...
    assert e.T.shape == (7, 10)                                       # ... and T follows
    np.testing.assert_array_equal(e.window, [1, 4])
    e.unit_slider.value = 6
    np.testing.assert_array_equal(e.window, [6, 9])
    with pytest.raises(ValueError, match=r"unit must be in 0\.\.6"):
        e.update(7)


def test_explorer_rejects_bad_shapes():
    with pytest.raises(ValueError, match=r"K_max <= L"):
        ConvMatrixExplorer(np.ones(3), np.ones(4))


def test_plot_connections_numbers_from_zero_in_the_network_layout():

    drawn = plot_connections(np.arange(1.0, 7.0).reshape(2, 3))
    assert [t.get_text() for t in drawn.in_labels] == ["x₀", "x₁", "x₂"]
    assert [t.get_text() for t in drawn.out_labels] == ["z₀", "z₁"]
    assert len(drawn.edges.get_segments()) == 6                        # dense: every pair
    np.testing.assert_allclose(drawn.in_nodes.get_offsets(), [[0, 0], [1, 0], [2, 0]])
    np.testing.assert_allclose(drawn.out_nodes.get_offsets(), [[0, 1], [2, 1]])  # spread on top


def test_static_view_draws_the_same_highlight_without_controls():
    v = ConvUnitView(np.arange(10.0), [1.0, 2.0, -1.0, 0.5], unit=3, K=3, stride=2)
    assert not hasattr(v, "unit_slider")
    np.testing.assert_array_equal(v.window, [6, 7, 8])
    assert v.T.shape == (4, 10) and v.z == pytest.approx(np.arange(6.0, 9.0) @ W3)


def test_explorer_keeps_the_unit_valid_when_a_slider_shrinks_T():
    e = ConvMatrixExplorer(np.ones(10), [1.0, 2.0, -1.0, 0.5], unit=7, K=3)
    e.s_slider.value = 3                                              # L_out = 8 -> 3
    assert e.unit == 2 and e.unit_slider.value == 2 and e.unit_slider.max == 2
    np.testing.assert_array_equal(e.window, [6, 7, 8])
