"""Explorer of notebook 08: a trained CNN's filters and feature maps."""
import ipywidgets as widgets
import numpy as np

from helpers.style import PALETTE, new_figure
from helpers.train import CNN1d
from helpers.validation import check_int
from helpers.widgets.base import Explorer, State


class FeatureMapExplorer(Explorer):
    """Browse a trained ``CNN1d`` on series X (N, L) with labels y (N,): one filter (of
    ``model.params["W1"]``, (K, 1, F)), one example, and the feature map they make.

    ``update(example, filt)`` returns ``value``, the map's global average (the feature the
    classifier sees). ``maps`` is ``model.feature_maps(X)`` (N, L_out, F); the lines
    ``taps``, ``series``, ``fmap`` and ``pooled`` draw the filter, the series, the map and
    its average; ``example`` and ``filter`` are the sliders. Introduced in notebook 08.
    """

    RESULT = "value"
    SWEEP = "filt"

    def __init__(self, model, X, y, class_names=("class 0", "class 1")):
        self.model, self.names = model, class_names
        self.X, self.y = np.asarray(X, float), np.asarray(y)
        self.maps = model.feature_maps(self.X)                      # (N, L_out, F)
        self.W1 = model.params["W1"][:, 0, :]                       # (K, F)
        K = self.W1.shape[0]
        self.fig, (self.ax_w, self.ax_x, self.ax_a) = new_figure(3, figsize=(6.8, 2.8))
        self.taps, = self.ax_w.plot(np.arange(K), self.W1[:, 0], "o-", color=PALETTE[2])
        self.ax_w.axhline(0, color="black", lw=0.8)
        self.ax_w.set(xlabel="tap k", ylabel="weight",
                      ylim=(1.1 * self.W1.min(), 1.1 * self.W1.max()))
        self.series, = self.ax_x.plot(self.X[0], color=PALETTE[0])
        self.ax_x.set(xlabel="time", ylim=(1.1 * self.X.min(), 1.1 * self.X.max()))
        offset = np.arange(self.maps.shape[1]) + (K - 1) / 2         # centre of each window
        self.fmap, = self.ax_a.plot(offset, self.maps[0, :, 0], color=PALETTE[4], ls="-")
        self.pooled = self.ax_a.axhline(0.0, color=PALETTE[1], ls="--")   # named in the title
        self.ax_a.set(xlabel="time (window centre)", xlim=(0, self.X.shape[1]),
                      ylim=(0, 1.1 * max(self.maps.max(), 1e-9)))
        for ax in (self.ax_w, self.ax_x, self.ax_a):   # fewer ticks, no grid: axes cost a redraw
            ax.locator_params(nbins=4)
            ax.grid(False)
        super().__init__(example=0, filt=0)

    @classmethod
    def demo(cls):
        rng = np.random.default_rng(0)
        X, y = rng.standard_normal((6, 150)), np.array([0, 1] * 3)
        return cls(CNN1d(16, 15, seed=0), X, y), [dict(example=e, filt=f)
                                                    for e, f in [(1, 3), (4, 0), (5, 15)]]

    def make_controls(self, values):
        self.example = widgets.IntSlider(values["example"], 0, len(self.X) - 1,
                                         description="example", continuous_update=False)
        self.filter = widgets.IntSlider(values["filt"], 0, self.maps.shape[2] - 1,
                                        description="filter", continuous_update=False)
        return {"example": self.example, "filt": self.filter}

    def compute(self, example, filt):
        """Filter ``filt`` and its feature map on series ``example``; value = the map's mean."""
        n = check_int(example, "example", "FeatureMapExplorer.update", 0)
        f = check_int(filt, "filt", "FeatureMapExplorer.update", 0)
        if n >= len(self.X) or f >= self.maps.shape[2]:
            raise ValueError(f"FeatureMapExplorer.update: example must be < {len(self.X)} and "
                             f"filt < {self.maps.shape[2]}; got example={n}, filt={f}")
        return State(n=n, f=f, value=float(self.maps[n, :, f].mean()))

    def draw(self, state):
        n, f = state.n, state.f
        self.taps.set_ydata(self.W1[:, f])
        self.series.set_ydata(self.X[n])
        self.fmap.set_ydata(self.maps[n, :, f])
        self.pooled.set_ydata([state.value, state.value])
        self.ax_w.set_title(f"filter {f}", fontsize=9)
        self.ax_x.set_title(f"example {n}: {self.names[self.y[n]]}", fontsize=9)
        self.ax_a.set_title(f"its map; mean {state.value:.2f} (dashed)", fontsize=9)
