"""Interactive explorers. Each is a small class that owns its figure, controls and output.

Its ``update(...)`` method takes plain values, updates the figure's artists (no re-plotting),
re-renders the figure into its ``Output`` and returns what it computed, so a test (or the
cell after the widget) can call it and inspect the result. Moving a control calls the same
method; ``update`` called from code moves the controls to its values first, so a control
moved afterwards computes from what the controls show (``helpers.widgets.base``). Display an
explorer by leaving it as the last expression of a cell.

Every explorer also has a classmethod ``demo()`` returning ``(explorer, [kwargs, ...])``: a
small instance and a few argument sets for ``update``. ``benchmarks/widget_latency.py`` finds
every subclass of ``Explorer`` and times its updates with them (target: median <= 40 ms,
90th percentile <= 60 ms).

One module per notebook's explorers; import them from here (``from helpers.widgets import
NeuronExplorer``).
"""
from helpers.widgets.base import Explorer
from helpers.widgets.conv_unit import ConvMatrixExplorer, ConvUnitView
from helpers.widgets.feature_maps import FeatureMapExplorer
from helpers.widgets.filter_bank import FilterBankExplorer
from helpers.widgets.neuron import NeuronExplorer
from helpers.widgets.receptive import ReceptiveFieldExplorer
from helpers.widgets.windows import GeometryExplorer, WindowExplorer

__all__ = ["NeuronExplorer", "WindowExplorer", "GeometryExplorer", "ConvUnitView",
           "ConvMatrixExplorer", "FilterBankExplorer", "ReceptiveFieldExplorer",
           "FeatureMapExplorer", "Explorer"]
