"""Interactive explorers, one module per notebook's explorers (``helpers.widgets.neuron``, ...).

Each explorer is a subclass of ``helpers.widgets.base.Explorer``, which owns the protocol:
controls -> ``compute`` -> ``draw``, then the figure rendered as a PNG into the widget's
output. ``update(...)`` takes plain values and returns what it computed, so a test (or the
cell after the widget) can call it and inspect the result. Display an explorer by leaving it
as the last expression of a cell.
"""
import importlib
import pkgutil

from helpers.widgets.base import Explorer


def explorer_classes():
    """Every explorer class of this package (subclasses of ``Explorer``), depth first.

    Imports every module of ``helpers.widgets``, so an explorer added later is found too.
    """
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")

    def below(cls):
        return [c for sub in cls.__subclasses__() for c in [sub, *below(sub)]]
    return below(Explorer)
