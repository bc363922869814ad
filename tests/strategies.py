"""Shared hypothesis strategies, random arrays and error checks for the helpers' tests.

Imported as ``from strategies import ...`` (not from conftest, which tests/browser/ also has).
"""
import numpy as np
from hypothesis import strategies as st

PADDINGS = st.one_of(
    st.sampled_from(["valid", "same", "full"]),
    st.integers(0, 4),
    st.tuples(st.integers(0, 4), st.integers(0, 4)),
)


@st.composite
def geometry(draw, max_L=16, max_K=6):
    """(L, K, stride, padding, dilation) for which at least one window fits."""
    K = draw(st.integers(1, max_K))
    d = draw(st.integers(1, 3))
    s = draw(st.integers(1, 4))
    padding = draw(PADDINGS)
    K_eff = d * (K - 1) + 1
    if padding == "valid":
        min_L = K_eff
    elif isinstance(padding, str):          # "same" and "full" always leave a window
        min_L = 1
    else:
        pl, pr = (padding, padding) if isinstance(padding, int) else padding
        min_L = K_eff - pl - pr
    L = draw(st.integers(max(1, min_L), max(max_L, min_L)))
    return L, K, s, padding, d


def arrays(rng_seed, *shape, dtype=np.float64):
    """Reproducible random normal array of the given shape."""
    return np.random.default_rng(rng_seed).standard_normal(shape).astype(dtype)


def assert_clear_error(call, exc, fragments):
    """``call()`` raises ``exc`` and its message contains every fragment (argument, shapes...)."""
    import pytest
    with pytest.raises(exc) as info:
        call()
    for fragment in fragments:
        assert fragment in str(info.value), f"{fragment!r} not in {str(info.value)!r}"
