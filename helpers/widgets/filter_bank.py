"""Explorer of notebook 05: editable filters and the stack of feature maps they make."""
import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import MaxNLocator

from helpers.activations import relu
from helpers.conv import conv1d
from helpers.plotting import plot_feature_maps
from helpers.style import new_figure
from helpers.widgets.base import Explorer, State, stable_limit


class FilterBankExplorer(Explorer):
    """Two or three small filters on one signal: a slider per tap, the stack of feature maps.

    x (L,) and the first filters W (K, C_out), K <= 7, C_out of 2 or 3. ``update(W)`` returns
    the feature maps ``A = relu(Z)``, ``Z = conv1d(x[:, None], W[:, None, :])`` (L_out,
    C_out) (stride 1, "valid"). ``lines[j]`` draws ``A[:, j]``, ``image`` the stack ``A.T``;
    ``sliders[j][k]`` (labelled ``w{j}[{k}]``) is tap k of filter j. Introduced in notebook 05.
    """

    RESULT = "A"
    SWEEP = "W", 2, 0              # tap 2 of filter 0

    def __init__(self, x, W):
        self.x = np.asarray(x, dtype=float)
        W = np.asarray(W, dtype=float)
        if self.x.ndim != 1 or W.ndim != 2 or not (2 <= W.shape[1] <= 3 and W.shape[0] <= 7):
            raise ValueError(f"FilterBankExplorer: x must be 1-D (L,) and W (K, C_out) with "
                             f"K <= 7 and C_out 2 or 3; got shapes {self.x.shape} and {W.shape}")
        if W.shape[0] > len(self.x):
            raise ValueError(f"FilterBankExplorer: K={W.shape[0]} taps do not fit in "
                             f"L={len(self.x)}")
        self.K = W.shape[0]
        self.fig, axes = new_figure(1, (7.0, 4.6), nrows=3, sharex=True,
                                    height_ratios=[1.0, 1.2, 0.7])
        _, self.lines, self.image = plot_feature_maps(
            self.x, np.zeros((len(self.x) - self.K + 1, W.shape[1])), self.K, axes=axes)
        self.ax_x, self.ax_a, self.ax_s = axes
        for ax in (self.ax_x, self.ax_a):                 # fewer ticks: each costs a redraw
            ax.tick_params(axis="x", bottom=False)
            ax.yaxis.set_major_locator(MaxNLocator(3))
        self.ax_s.xaxis.set_major_locator(MaxNLocator(4))     # shared by the three panels
        self.ax_s.set_title("the stack A, one row per map (dark = 0)", fontsize=9)  # short texts
        self.ax_s.set_xlabel("input position (maps at their window's centre)")     # draw faster
        self.ax_a.get_legend().remove()                   # the stack's row names, coloured,
        for j, label in enumerate(self.ax_s.get_yticklabels()):   # say which line is which
            label.set_color(self.lines[j].get_color())
        super().__init__(W=W)

    @classmethod
    def demo(cls):
        t = np.linspace(0, 4 * np.pi, 150)
        W = np.array([[0.2, -1.0, 1.0], [0.2, -0.5, 0.5], [0.2, 0.0, 0.0], [0.2, 0.5, -0.5],
                      [0.2, 1.0, -1.0]])
        return cls(np.sin(t), W), [dict(W=-W), dict(W=W[:, ::-1])]

    def make_controls(self, values):
        K, C_out = values["W"].shape
        opts = dict(min=-1.0, max=1.0, step=0.1, readout_format=".1f", continuous_update=False,
                    layout=widgets.Layout(width="210px"))
        self.sliders = [[widgets.FloatSlider(value=values["W"][k, j], description=f"w{j}[{k}]",
                                             **opts) for k in range(K)] for j in range(C_out)]
        return {"W": [list(row) for row in zip(*self.sliders, strict=True)]}   # W[k][j]

    def compute(self, W):
        """The feature maps A = relu(x * W) (L_out, C_out) of filters W (K, C_out)."""
        W = np.asarray(W, dtype=float)
        if W.shape != (self.K, len(self.lines)):
            raise ValueError(f"FilterBankExplorer.update: W must have shape (K, C_out) = "
                             f"{(self.K, len(self.lines))}; got {W.shape}")
        Z = conv1d(self.x[:, None], W[:, None, :])        # (L_out, C_out)
        return State(W=W, Z=Z, A=relu(Z))

    def draw(self, state):
        A = state.A
        for j, line in enumerate(self.lines):
            line.set_ydata(A[:, j])
        top = max(float(A.max()), 1e-12)
        lim = stable_limit(1.05 * top)                       # moves in steps, not every tick
        self.ax_a.set_ylim(-0.05 * lim, lim)
        self.image.set_data(A.T)
        self.image.set_clim(0.0, top)
        active = ", ".join(f"{100 * np.mean(A[:, j] > 0):.0f} %" for j in range(A.shape[1]))
        self.ax_a.set_title(f"maps > 0 at {active} of positions", fontsize=9)   # short: fast
