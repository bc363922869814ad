"""Notebook 04's network diagrams (helpers.diagram): dense and conv layers in one layout."""
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgba

from helpers.diagram import filter_tap_colour, network_edges, plot_network, window_centres
from helpers.matrix import conv_matrix, tap_index_matrix
from helpers.style import tap_colour

X = np.array([1.0, 2.0, 3.0, 4.0])                  # the asker's input and filter (DESIGN §1)
W = np.array([5.0, 6.0, 7.0])


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _asker_padded():
    """The asker's 'full' layer on the padded input: (6, 8), T_ij = W_(i-j), j = -2..5."""
    k = np.arange(6)[:, None] - np.arange(-2, 6)
    taps = np.where((k >= 0) & (k < 3), k, -1)
    return np.where(taps >= 0, W[taps], 0.0), taps


def test_asker_layer_edges_are_the_true_convolution():
    T_pad, taps = _asker_padded()
    T = T_pad[:, 2:6]
    np.testing.assert_array_equal(T, conv_matrix(W[::-1], 4, padding="full"))
    np.testing.assert_array_equal(T @ X, [5, 16, 34, 52, 45, 28])
    e = network_edges(T_pad, taps, pad=(2, 2))
    assert len(e.i) == 18                                         # 6 outputs x 3 taps
    real = (e.j >= 0) & (e.j < 4)
    assert real.sum() == 12                                       # 6 reach padded zeros
    np.testing.assert_array_equal(e.tap, e.i - e.j)               # T_ij = W_(i-j)
    np.testing.assert_array_equal(e.weight, W[e.tap])
    np.testing.assert_array_equal(sorted(e.j[~real]), [-2, -1, -1, 4, 4, 5])


def test_window_centres_sit_over_each_window():
    T_pad, _ = _asker_padded()
    np.testing.assert_allclose(window_centres(T_pad, pad=(2, 2)), np.arange(-1, 5))
    np.testing.assert_allclose(window_centres(conv_matrix(W, 10, stride=2)), [1, 3, 5, 7])
    M = np.array([[1.0, 0, 0], [0, 0, 0], [0, 0, 1.0]])           # an empty row: interpolated
    np.testing.assert_allclose(window_centres(M), [0, 1, 2])
    np.testing.assert_allclose(window_centres(np.zeros((2, 5))), [2, 2])


def test_dense_and_conv_panels_share_the_layout():
    T_pad, taps = _asker_padded()
    dense = np.arange(1.0, 25.0).reshape(6, 4)
    pos = window_centres(T_pad, pad=(2, 2))
    fig, (a1, a2) = plt.subplots(1, 2)
    d1 = plot_network(dense, ax=a1, out_pos=pos, xlim=(-2.7, 5.7))
    d2 = plot_network(T_pad, taps, ax=a2, pad=(2, 2), tap_name="W", xlim=(-2.7, 5.7))
    assert a1.get_xlim() == a2.get_xlim() == (-2.7, 5.7)
    np.testing.assert_allclose(d1.out_nodes.get_offsets(), d2.out_nodes.get_offsets())
    ins1, ins2 = d1.in_nodes.get_offsets(), d2.in_nodes.get_offsets()
    np.testing.assert_allclose(ins1, ins2[2:6])                   # real inputs x_0..x_3 at 0..3
    np.testing.assert_allclose(ins2[:, 0], np.arange(-2, 6))
    assert np.all(ins1[:, 1] == 0) and np.all(d1.out_nodes.get_offsets()[:, 1] == 1)
    segs1 = d1.edges.get_segments()                               # inputs below, outputs above
    assert len(segs1) == 24 and all(s[0][1] == 0 and s[1][1] == 1 for s in segs1)
    assert len(np.unique(d1.edges.get_colors(), axis=0)) == 24    # dense: own colours
    edges = d2.edges
    e = network_edges(T_pad, taps, pad=(2, 2))
    for seg, colour, i, j, k in zip(edges.get_segments(), edges.get_colors(), e.i, e.j, e.tap,
                                    strict=True):
        assert seg[0][0] == j and seg[1][0] == pos[i]
        np.testing.assert_allclose(colour, to_rgba(tap_colour(k)))
    styles = edges.get_linestyles()                               # dashed to padded zeros
    dashed = [s[1] is not None for s in styles]
    assert dashed == list((e.j < 0) | (e.j >= 4))
    labels = [t.get_text() for t in d2.in_labels]
    assert labels == ["pad", "pad", "x₀", "x₁", "x₂", "x₃", "pad", "pad"]       # never a 2nd 0
    assert [t.get_text() for t in a2.get_legend().get_texts()] == ["W₀ = 5", "W₁ = 6", "W₂ = 7"]


def test_two_filter_layer_one_colour_family_per_filter():
    W2 = np.stack([W, [-1.0, 1.0, 2.0]], axis=1)                  # (K, C_out)
    T2 = np.vstack([conv_matrix(W2[:, f], 4) for f in range(2)])  # (4, 4)
    taps2 = np.vstack([tap_index_matrix(3, 4)] * 2)
    filt = np.repeat([0, 1], 2)
    drawn = plot_network(T2, taps2, filters=filt)
    outs = drawn.out_nodes.get_offsets()[:, 0]
    np.testing.assert_allclose(outs, [0.78, 1.78, 1.22, 2.22])    # side by side over the window
    e = network_edges(T2, taps2)
    colours = drawn.edges.get_colors()
    for colour, i, k in zip(colours, e.i, e.tap, strict=True):
        np.testing.assert_allclose(colour, filter_tap_colour(filt[i], k, 3))
    assert len({tuple(c) for c in colours}) == 6                  # 2 filters x 3 taps
    assert len(drawn.ax.get_legend().get_texts()) == 6


def test_plot_network_keeps_its_contract_with_padding():
    T = conv_matrix(W, 4, padding="same", padded=True)            # (4, 6)
    taps = tap_index_matrix(3, 4, padding="same", padded=True)
    drawn = plot_network(T, taps, pad=(1, 1))
    segs = drawn.edges.get_segments()
    rows, cols = np.nonzero(T)
    assert [s[0][0] for s in segs] == list(cols - 1)              # input j at position j
    np.testing.assert_allclose(drawn.out_nodes.get_offsets()[:, 0], [0, 1, 2, 3])
    assert [t.get_text() for t in drawn.in_labels] == ["pad", "x₀", "x₁", "x₂", "x₃", "pad"]
    assert [t.get_text() for t in drawn.out_labels] == ["z₀", "z₁", "z₂", "z₃"]


def test_a_zero_tap_is_still_an_edge_and_the_legend_lists_only_taps_with_edges():
    w = np.array([1.0, 0.0, 2.0])                                 # w_1 = 0: still read
    T, taps = conv_matrix(w, 5), tap_index_matrix(3, 5)           # (3, 5)
    e = network_edges(T, taps)
    assert len(e.i) == 9 and np.count_nonzero(T) == 6             # 3 outputs x 3 taps
    np.testing.assert_array_equal(e.tap, np.tile([0, 1, 2], 3))
    np.testing.assert_array_equal(e.weight[e.tap == 1], 0.0)
    drawn = plot_network(T, taps)
    assert len(drawn.edges.get_segments()) == 9
    assert [t.get_text() for t in drawn.ax.get_legend().get_texts()] == [
        "w₀ = 1", "w₁ = 0", "w₂ = 2"]
    taps_part = np.where(taps == 2, -1, taps)                     # a structure without w_2
    legend = plot_network(T * (taps_part >= 0), taps_part).ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["w₀ = 1", "w₁ = 0"]
    assert len(network_edges(T, None).i) == 6                     # dense: the non-zeros


def test_bad_input_names_the_argument():
    with pytest.raises(ValueError, match=r"network_edges: T must be a non-empty 2-D"):
        network_edges(np.ones(3))
    with pytest.raises(ValueError, match=r"plot_network: taps must have T's shape \(2, 3\)"):
        plot_network(np.ones((2, 3)), np.zeros((3, 2), int))
