"""Explorer of notebook 08: a trained CNN's filters and feature maps."""
import ipywidgets as widgets
import numpy as np

from helpers.style import PALETTE, new_figure
from helpers.train import CNN1d
from helpers.validation import check_int
from helpers.widgets.base import Explorer


class FeatureMapExplorer(Explorer):
    """Browse a trained ``CNN1d``: one filter, one example, and the feature map they make.

    Parameters
    ----------
    model : helpers.train.CNN1d
        A (trained) model; its filters are ``model.params["W1"]``, shape (K, 1, F).
    X : array_like, shape (N, L)
        Series to browse.
    y : array_like of int, shape (N,)
        Their labels (shown in the title).
    class_names : sequence of str

    Attributes
    ----------
    taps, series, fmap, pooled : matplotlib.lines.Line2D
        The filter's weights, the series, its ReLU feature map and the map's global average.
    value : float
        The pooled value (the feature the linear classifier sees) after the last update.

    Introduced in notebook 08.
    """

    def __init__(self, model, X, y, class_names=("class 0", "class 1")):
        self.model, self.names = model, class_names
        self.X, self.y = np.asarray(X, float), np.asarray(y)
        self.maps = model.feature_maps(self.X)                      # (N, L_out, F)
        W1 = model.params["W1"][:, 0, :]                            # (K, F)
        K, F = W1.shape
        self.fig, (ax_w, ax_x, ax_a) = new_figure(3, figsize=(10.0, 2.8))
        self.taps, = ax_w.plot(np.arange(K), W1[:, 0], "o-", color=PALETTE[2])
        ax_w.axhline(0, color="black", lw=0.8)
        ax_w.set(xlabel="tap k", ylabel="weight", ylim=(1.1 * W1.min(), 1.1 * W1.max()))
        self.series, = ax_x.plot(self.X[0], color=PALETTE[0])
        ax_x.set(xlabel="time", ylim=(1.1 * self.X.min(), 1.1 * self.X.max()))
        offset = np.arange(self.maps.shape[1]) + (K - 1) / 2         # centre of each window
        self.fmap, = ax_a.plot(offset, self.maps[0, :, 0], color=PALETTE[4], ls="-")
        self.pooled = ax_a.axhline(0.0, color=PALETTE[1], ls="--")   # named in the title
        ax_a.set(xlabel="time (window centre)", xlim=(0, self.X.shape[1]),
                 ylim=(0, 1.1 * max(self.maps.max(), 1e-9)))
        for ax in (ax_w, ax_x, ax_a):              # fewer ticks and no grid: axes dominate a redraw
            ax.locator_params(nbins=4)
            ax.grid(False)
        self.ax_w, self.ax_x, self.ax_a = ax_w, ax_x, ax_a
        self.example = widgets.IntSlider(0, 0, len(self.X) - 1, description="example",
                                         continuous_update=False)
        self.filter = widgets.IntSlider(0, 0, F - 1, description="filter", continuous_update=False)
        self.controls = dict(example=self.example, filt=self.filter)
        self._observe(self.controls.values())
        self._init_output(widgets.HBox([self.example, self.filter]))
        self.update(0, 0)

    @classmethod
    def demo(cls):
        rng = np.random.default_rng(0)
        X, y = rng.standard_normal((6, 150)), np.array([0, 1] * 3)
        return cls(CNN1d(16, 15, seed=0), X, y), [dict(example=e, filt=f)
                                                    for e, f in [(1, 3), (4, 0), (5, 15)]]

    def update(self, example, filt):
        """Show filter ``filt`` and its feature map on series ``example``; return the pooled value.

        The two sliders move to ``example`` and ``filt`` too.
        """
        n = check_int(example, "example", "FeatureMapExplorer.update", 0)
        f = check_int(filt, "filt", "FeatureMapExplorer.update", 0)
        if n >= len(self.X) or f >= self.maps.shape[2]:
            raise ValueError(f"FeatureMapExplorer.update: example must be < {len(self.X)} and "
                             f"filt < {self.maps.shape[2]}; got example={n}, filt={f}")
        self._show_values(example=n, filt=f)
        self.taps.set_ydata(self.model.params["W1"][:, 0, f])
        self.series.set_ydata(self.X[n])
        self.fmap.set_ydata(self.maps[n, :, f])
        self.value = float(self.maps[n, :, f].mean())
        self.pooled.set_ydata([self.value, self.value])
        self.ax_w.set_title(f"filter {f}")
        self.ax_x.set_title(f"example {n}: {self.names[self.y[n]]}")
        self.ax_a.set_title(f"feature map (dashed: its average {self.value:.2f})")
        self._render()
        return self.value
