"""Explorers: every one has a working demo() (the latency benchmark relies on it), and the
notebook 02-03 explorers compute what the helpers compute."""
import numpy as np
import pytest

from strategies import arrays
from helpers import widgets
from helpers.activations import relu, sigmoid
from helpers.conv import conv_output_length, correlate1d_naive
from helpers.widgets import GeometryExplorer, WindowExplorer, _Explorer


def explorer_classes(base=_Explorer):
    found = []
    for cls in base.__subclasses__():
        found += ([] if cls.__name__.startswith("_") else [cls]) + explorer_classes(cls)
    return found


def test_the_explorers_are_found():
    names = {cls.__name__ for cls in explorer_classes()}
    assert {"NeuronExplorer", "WindowExplorer", "GeometryExplorer"} <= names
    assert names <= set(widgets.__all__), "export every explorer in helpers.widgets.__all__"


@pytest.mark.parametrize("cls", explorer_classes(), ids=lambda c: c.__name__)
def test_every_explorer_has_a_demo_whose_updates_run(cls):
    assert "demo" in vars(cls), (
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
                                       (7, 4, 1, "full", 1), (12, 3, 2, 1, 2), (6, 6, 1, "valid", 1),
                                       (8, 2, 3, (0, 2), 1)])
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
    assert not explorer.ax.collections[0].get_visible()
    assert explorer.update(5, 2) == 4 and explorer.error is None
    assert explorer.ax.collections[0].get_visible()
