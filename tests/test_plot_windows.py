"""The signal / sliding-window / window-geometry figures draw what the definitions say.

References are independent of the drawing code: np.correlate, and impulse responses of the
loop twin correlate1d_naive (output i reads input j exactly when an impulse at j reaches i).
"""
import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from matplotlib.colors import to_rgb

from helpers.activations import relu
from helpers.conv import correlate1d_naive
from helpers.geometry import padding_amounts
from helpers.plot_windows import (
    plot_conv_geometry,
    plot_feature_map,
    plot_signal,
    plot_sliding_window,
    set_conv_geometry,
    set_sliding_window,
)
from helpers.style import PALETTE
from strategies import arrays, geometry


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def test_plot_signal_positions_and_values(ax):
    x = np.array([3.0, -1.0, 2.0, 0.5])
    drawn = plot_signal(x, ax=ax, offset=1.5, annotate=True)
    assert drawn.ax is ax
    marker = drawn.stems.markerline
    np.testing.assert_array_equal(marker.get_xdata(), [1.5, 2.5, 3.5, 4.5])
    np.testing.assert_array_equal(marker.get_ydata(), x)
    assert [t.get_text() for t in ax.texts] == ["3", "-1", "2", "0.5"]


def test_plot_feature_map_puts_output_under_window_centre(ax):
    x = arrays(1, 12)
    y = np.correlate(x, [1.0, 0, 0, 0, -1.0], "valid")
    drawn = plot_feature_map(x, y, 5, ax=ax)
    np.testing.assert_array_equal(drawn.line.get_xdata(), np.arange(12))
    stems = drawn.stems.markerline
    np.testing.assert_array_equal(stems.get_xdata(), np.arange(len(y)) + 2.0)   # (K - 1) / 2
    np.testing.assert_array_equal(stems.get_ydata(), y)


@settings(max_examples=25)
@given(st.integers(1, 9), st.integers(1, 5), st.data())
def test_sliding_window_shows_window_products_and_outputs(L_extra, K, data):
    L = K + L_extra - 1
    x, w = arrays(L, L), arrays(K + 100, K)
    i = data.draw(st.integers(0, L - K))
    fig, ax = plt.subplots()
    drawn = plot_sliding_window(x, w, 0, ax=ax, fn=relu)
    z_i = set_sliding_window(drawn, x, w, i, fn=relu)
    z = np.correlate(x, w, "valid")
    assert np.isclose(z_i, z[i])
    assert drawn.frame.get_x() == i - 0.5
    assert [b.get_x() + 0.45 for b in drawn.boxes["w"]] == pytest.approx(range(i, i + K))
    products = [float(t.get_text()) for t in drawn.texts["prod"]]
    np.testing.assert_allclose(products, x[i:i + K] * w, rtol=1e-2, atol=1e-2)  # 3 digits shown
    for name, ref in [("z", z), ("a", relu(z))]:
        texts = [t.get_text() for t in drawn.texts[name]]
        assert len(texts) == L - K + 1
        assert all(t for t in texts[:i + 1]) and not any(texts[i + 1:])       # filled up to i
        np.testing.assert_allclose([float(t) for t in texts[:i + 1]], ref[:i + 1], rtol=1e-2,
                                   atol=1e-2)
        faces = [b.get_facecolor()[:3] for b in drawn.boxes[name]]
        highlighted = [j for j, f in enumerate(faces) if f != (1.0, 1.0, 1.0)]
        assert highlighted == [i]
    assert ax.get_title().startswith(f"i = {i}:")
    plt.close(fig)


def reads_by_impulse(L, K, s, p, d):
    """reads[i] = the real inputs output i reads, from impulse responses of the loop twin."""
    responses = np.array([correlate1d_naive(np.eye(L)[j], np.ones(K), s, p, d) for j in range(L)])
    return [set(np.nonzero(responses[:, i])[0]) for i in range(responses.shape[1])]


@settings(max_examples=40)
@given(geometry(max_L=12, max_K=5))
def test_conv_geometry_draws_exactly_the_inputs_each_output_reads(geom):
    L, K, s, p, d = geom
    fig, ax = plt.subplots()
    _, lines, inputs, outputs = plot_conv_geometry(L, K, s, p, d, ax=ax)
    reads = reads_by_impulse(L, K, s, p, d)
    L_out = len(reads)
    segments = lines.get_segments()
    assert len(segments) == L_out * K and len(outputs.get_offsets()) == L_out
    pl, pr = padding_amounts(L, K, s, p, d)
    for i in range(L_out):
        tops = [seg[0][0] for seg in segments[i * K:(i + 1) * K]]
        assert {int(t) for t in tops if 0 <= t < L} == reads[i]
        assert len(tops) == K and all(-pl <= t < L + pr for t in tops)
    positions = inputs.get_offsets()[:, 0]
    np.testing.assert_array_equal(positions, np.arange(-pl, L + pr))
    never_read = set(range(L)) - set().union(*reads)
    orange = {int(x) for x, f in zip(positions, inputs.get_facecolors(), strict=True)
              if np.allclose(f[:3], to_rgb(PALETTE[1]))}
    assert orange == never_read
    plt.close(fig)


def test_set_conv_geometry_redraws_and_rejects_a_kernel_that_does_not_fit(ax):
    drawn = plot_conv_geometry(10, 3, ax=ax)
    g = set_conv_geometry(drawn, 10, 3, stride=3)
    assert (g.p_left, g.p_right, g.L_out) == (0, 0, 3)
    assert len(drawn.edges.get_segments()) == 9
    assert "L_out = ⌊(10 + 0 + 0 − 3) / 3⌋ + 1 = 3" in ax.get_title()
    g = set_conv_geometry(drawn, 8, 4, padding="same")
    assert (g.p_left, g.p_right, g.L_out) == (1, 2, 8)
    with pytest.raises(ValueError, match="longer than the padded input"):
        set_conv_geometry(drawn, 5, 4, dilation=2)


def test_sliding_window_full_flipped_is_the_askers_convolution(ax):
    # the asker's example (stats.stackexchange.com question 161093): x * W = (5, 16, 34, 52, 45, 28)
    x, W = np.array([1.0, 2.0, 3.0, 4.0]), np.array([5.0, 6.0, 7.0])
    drawn = plot_sliding_window(x, W, 0, ax=ax, padding="full", flip=True)
    for i, expected in enumerate([5, 16, 34, 52, 45, 28]):
        assert set_sliding_window(drawn, x, W, i, padding="full", flip=True) == expected
        assert drawn.frame.get_x() == i - 2 - 0.5          # window over x_pad[i:i+3]
    assert [t.get_text() for t in drawn.texts["z"]] == ["5", "16", "34", "52", "45", "28"]
    assert [t.get_text() for t in drawn.texts["w"]] == ["7", "6", "5"]       # w flipped
    assert [t.get_text() for t in drawn.texts["prod"]] == ["28", "0", "0"]   # i = 5: x_3 W_0
    assert [t.get_gid() for t in drawn.texts["z"]] == ["z-text"] * 6         # gids kept
    ax.clear()
    drawn = plot_sliding_window(x, W, 0, ax=ax, padding="same")             # no flip: x ⋆ W
    assert set_sliding_window(drawn, x, W, 3, padding="same") == 39.0


def tick_labels(ax):
    return [t.get_text().replace("\u2212", "-") for t in ax.get_xticklabels()]


@pytest.mark.parametrize("padding, labels", [
    ("valid", ["0", "1", "2", "3"]),
    ("same", ["-1", "0", "1", "2", "3", "4"]),
    ("full", ["-2", "-1", "0", "1", "2", "3", "4", "5"]),
    ((1, 3), ["-1", "0", "1", "2", "3", "4", "5", "6"]),
])
def test_padded_positions_are_labelled_negative_or_from_L_never_a_second_0(ax, padding, labels):
    grey = to_rgb("0.5")
    for draw in (lambda: plot_sliding_window([1, 2, 3, 4], [5, 6, 7], 0, ax=ax, padding=padding),
                 lambda: plot_conv_geometry(4, 3, padding=padding, ax=ax)):
        ax.clear()
        draw()
        assert tick_labels(ax) == labels and labels.count("0") == 1
        colours = [to_rgb(t.get_color()) for t in ax.get_xticklabels()]
        assert [c == grey for c in colours] == [not 0 <= int(s) < 4 for s in labels]
    ax.clear()
    drawn = plot_sliding_window([1, 2, 3, 4], [5, 6, 7], 0, ax=ax, padding=padding)
    pads = [b.get_x() + 0.45 for b in drawn.boxes["pad"]]
    assert pads == [int(s) for s in labels if not 0 <= int(s) < 4]
    assert all(t.get_text() == "0" for t in drawn.texts["pad"])


def test_conv_geometry_relabels_padded_positions_when_redrawn(ax):
    drawn = plot_conv_geometry(4, 3, padding="full", ax=ax)
    set_conv_geometry(drawn, 5, 2, padding="valid")
    assert tick_labels(ax) == ["0", "1", "2", "3", "4"]
    set_conv_geometry(drawn, 5, 2, padding=2)
    assert tick_labels(ax) == ["-2", "-1", "0", "1", "2", "3", "4", "5", "6"]
