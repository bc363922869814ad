"""Explorers: every one has a working demo() (the latency benchmark relies on it), keeps its
controls in sync with update(), and the notebook 02-03 explorers compute what the helpers
compute."""
import numpy as np
import pytest

from helpers.activations import relu, sigmoid
from helpers.conv import correlate1d_naive
from helpers.geometry import conv_output_length
from helpers.widgets import explorer_classes
from helpers.widgets.base import Explorer
from helpers.widgets.feature_maps import FeatureMapExplorer
from helpers.widgets.filter_bank import FilterBankExplorer
from helpers.widgets.neuron import NeuronExplorer
from helpers.widgets.windows import GeometryExplorer, WindowExplorer
from strategies import arrays


def test_the_explorers_are_found():
    names = {cls.__name__ for cls in explorer_classes()}
    assert names == {"NeuronExplorer", "WindowExplorer", "GeometryExplorer", "ConvUnitView",
                     "ConvMatrixExplorer", "FilterBankExplorer", "ReceptiveFieldExplorer",
                     "FeatureMapExplorer"}


@pytest.mark.parametrize("cls", explorer_classes(), ids=lambda c: c.__name__)
def test_every_explorer_has_a_demo_whose_updates_run(cls):
    assert hasattr(cls, "demo"), (
        f"{cls.__name__} needs a classmethod demo() returning (explorer, [kwargs for update, ...]);"
        " benchmarks/widget_latency.py times every explorer with it")
    explorer, calls = cls.demo()
    assert isinstance(explorer, cls) and len(calls) >= 2
    for kwargs in calls:
        explorer.update(**kwargs)


@pytest.mark.parametrize("activation,fn", [("relu", relu), ("sigmoid", sigmoid)])
def test_window_explorer_matches_the_definition(activation, fn):
    x, w = arrays(7, 9), arrays(8, 4)
    explorer = WindowExplorer(x, w, activation=activation)
    z = correlate1d_naive(x, w)
    for i in range(len(z)):
        assert np.isclose(explorer.update(i), fn(z[i]))
        assert np.isclose(explorer.z, z[i]) and explorer.slider.value == i
        np.testing.assert_allclose(explorer.products, x[i:i + 4] * w)
    explorer.slider.value = 2
    assert explorer.i == 2 and np.isclose(explorer.a, fn(z[2]))


def test_window_explorer_rejects_bad_input():
    with pytest.raises(ValueError, match="longer than the padded input"):
        WindowExplorer([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="activation must be one of"):
        WindowExplorer([1.0, 2.0, 3.0], [1.0], activation="tanh")
    explorer = WindowExplorer([1.0, 2.0, 3.0], [1.0, 1.0])
    with pytest.raises(ValueError, match=r"i must be < L_out = L - K \+ 1 = 2; got 2"):
        explorer.update(2)
    with pytest.raises(TypeError, match="i \\(the window position\\) must be an integer"):
        explorer.update(1.5)


@pytest.mark.parametrize("L,K,s,p,d", [(10, 3, 3, "valid", 1), (9, 2, 2, "same", 3),
                                       (7, 4, 1, "full", 1), (12, 3, 2, 1, 2),
                                       (6, 6, 1, "valid", 1), (8, 2, 3, (0, 2), 1)])
def test_geometry_explorer_reads_what_the_loop_reads(L, K, s, p, d):
    explorer = GeometryExplorer()
    assert explorer.update(L, K, s, p, d) == conv_output_length(L, K, s, p, d)
    for j in range(L):                          # impulse at j reaches output i iff i reads j
        seen = np.nonzero(correlate1d_naive(np.eye(L)[j], np.ones(K), s, p, d))[0]
        assert list(seen) == [i for i, r in enumerate(explorer.reads) if j in r]
    assert explorer.controls["L"].value == L and explorer.controls["K"].value == K


def test_geometry_explorer_controls_and_the_kernel_that_does_not_fit():
    explorer = GeometryExplorer(L=9, K=2, stride=2, padding="same", dilation=3)
    explorer.controls["padding"].value = "full"
    assert (explorer.p_left, explorer.p_right) == (3, 3)
    assert explorer.L_out == conv_output_length(9, 2, 2, "full", 3)
    assert explorer.update(5, 4, 1, "valid", 2) is None
    assert "longer than the padded input" in explorer.error and explorer.reads == []
    assert not explorer.plot.edges.get_visible() and not explorer.plot.outputs.get_visible()
    assert explorer.update(5, 2) == 4 and explorer.error is None
    assert explorer.plot.edges.get_visible() and explorer.plot.outputs.get_visible()


def test_neuron_and_filter_bank_sliders_are_named_from_0():
    neuron = NeuronExplorer([1.0, 2.0, 3.0], [0.1, 0.2, 0.3], 0.0)
    assert [s.description for s in neuron.w_sliders] == ["w0", "w1", "w2"]
    labels = [t.get_text() for t in neuron.ax_bars.get_xticklabels()]
    assert labels == ["x₀w₀", "x₁w₁", "x₂w₂", "b", "z"]
    bank = FilterBankExplorer(np.arange(10.0), np.ones((3, 2)))
    assert [[s.description for s in column] for column in bank.sliders] == [
        ["w0[0]", "w0[1]", "w0[2]"], ["w1[0]", "w1[1]", "w1[2]"]]


# ---------------------------------------------------------------- controls in sync

def _toggle(control, a, b):
    control.value = a if control.value != a else b


NUDGE = {   # move one control of a demo explorer to another valid value
    "NeuronExplorer": lambda e: _toggle(e.b_slider, 1.2, -1.2),
    "WindowExplorer": lambda e: _toggle(e.slider, 0, 1),
    "GeometryExplorer": lambda e: _toggle(e.controls["stride"], 2, 1),
    "ConvMatrixExplorer": lambda e: _toggle(e.unit_slider, 0, 1),
    "FilterBankExplorer": lambda e: _toggle(e.sliders[0][0], 0.7, -0.7),
    "ReceptiveFieldExplorer": lambda e: _toggle(e.sliders["kernel_size"], 5, 3),
    "FeatureMapExplorer": lambda e: _toggle(e.example, 0, 1),
}
STATE = {   # what an explorer computed in its last update
    "NeuronExplorer": "a", "WindowExplorer": "a", "GeometryExplorer": "reads",
    "ConvMatrixExplorer": "window", "FilterBankExplorer": "A", "ReceptiveFieldExplorer": "field",
    "FeatureMapExplorer": "value",
}


def _same(a, b):
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return np.shape(a) == np.shape(b) and np.allclose(a, b)


def _count_renders(explorer):
    calls = []
    render = explorer._render
    explorer._render = lambda: (calls.append(1), render())[1]
    return calls


def with_controls():
    return [c for c in explorer_classes() if c.make_controls is not Explorer.make_controls]


def test_every_explorer_is_in_the_sync_tables():
    assert {cls.__name__ for cls in with_controls()} == set(NUDGE) == set(STATE)


@pytest.mark.parametrize("cls", with_controls(), ids=lambda c: c.__name__)
def test_update_moves_the_controls_and_a_control_then_computes_from_them(cls):
    explorer, calls = cls.demo()
    renders = _count_renders(explorer)
    for kwargs in calls:
        before = len(renders)
        explorer.update(**kwargs)
        assert len(renders) == before + 1, "update() from code must redraw exactly once"
        shown = explorer.control_values()
        for name, value in kwargs.items():
            assert _same(shown[name], value), f"control {name!r} shows {shown[name]}, not {value}"
    before = len(renders)
    NUDGE[cls.__name__](explorer)                           # a control moves ...
    assert len(renders) == before + 1, "moving a control must redraw exactly once"
    fresh, _ = cls.demo()                                   # ... and the drawn state is what
    fresh.update(**explorer.control_values())               # the controls now show
    name = STATE[cls.__name__]
    assert _same(getattr(explorer, name), getattr(fresh, name))


def test_neuron_explorer_slider_after_update_uses_the_new_weights():
    explorer = NeuronExplorer([1.0, 2.0, -1.0], [0.5, -0.25, -1.0], 0.5)
    explorer.update([0.3, 1.0, -1.0], 0.2)
    assert [s.value for s in explorer.w_sliders] == [0.3, 1.0, -1.0]
    explorer.b_slider.value = 0.6
    assert np.isclose(explorer.z, 0.3 + 2.0 + 1.0 + 0.6)   # x . (0.3, 1, -1) + 0.6


def test_a_value_outside_a_sliders_range_widens_it_instead_of_being_clamped():
    explorer = NeuronExplorer([1.0, 2.0, -1.0], [0.5, -0.25, -1.0], 0.5)
    explorer.update([1.0, 1.0, 1.0], -3.0)                  # b = -3 is below the slider's -2
    assert explorer.b_slider.value == -3.0 and explorer.b_slider.min == -3.0
    explorer.w_sliders[0].value = 2.0
    assert np.isclose(explorer.z, 2.0 + 2.0 - 1.0 - 3.0)    # x . (2, 1, 1) - 3


def test_filter_bank_explorer_slider_after_update_uses_the_new_filters():
    t = np.linspace(0, 4 * np.pi, 60)
    explorer = FilterBankExplorer(np.sin(t), np.zeros((3, 2)))
    W = np.array([[0.5, -0.5], [0.0, 1.0], [-0.5, 0.2]])
    explorer.update(W)
    explorer.sliders[1][2].value = -0.3                     # tap 2 of filter 1
    W[2, 1] = -0.3
    np.testing.assert_allclose(explorer.A, relu(correlate1d_naive_bank(np.sin(t), W)))


def correlate1d_naive_bank(x, W):
    return np.stack([correlate1d_naive(x, W[:, j]) for j in range(W.shape[1])], axis=1)


def test_feature_map_explorer_slider_after_update_keeps_the_other_slider():
    explorer, _ = FeatureMapExplorer.demo()
    explorer.update(4, 7)
    assert (explorer.example.value, explorer.filter.value) == (4, 7)
    explorer.example.value = 2
    assert np.isclose(explorer.value, explorer.maps[2, :, 7].mean())
