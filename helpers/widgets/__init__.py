"""Interactive explorers, one module per notebook's (``helpers.widgets.neuron``, ...), each a
subclass of ``helpers.widgets.base.Explorer`` (the protocol is described there)."""
import importlib
import pkgutil

from helpers.widgets.base import Explorer


def explorer_classes():
    """Every explorer class (subclass of ``Explorer``) in any module of this package."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")

    def below(cls):
        return [c for sub in cls.__subclasses__() for c in [sub, *below(sub)]]
    return below(Explorer)
