"""Generated text between two marker comments, e.g. ``<!-- contents:start -->`` ... ``:end -->``.

navigation.py (the contents list of 00-index) and coursework.py (the exercise table in 00-index
and README.md) both keep a generated block between such markers; this is the one place that
finds and replaces it. The markers themselves stay in the text, so the next run finds them.
"""
import re

__all__ = ["markers", "block", "has_block", "replace_block"]


def markers(name):
    """The start and end markers of the block called ``name``: ``<!-- name:start -->`` etc."""
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def block(name, body):
    """``body`` wrapped in the markers of ``name`` (what :func:`replace_block` writes)."""
    start, end = markers(name)
    return "\n".join([start, body, end]) if body else "\n".join([start, end])


def _pattern(name):
    start, end = markers(name)
    return re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)


def has_block(text, name):
    """Whether ``text`` holds a complete ``name`` block (start marker, then end marker)."""
    return bool(_pattern(name).search(text))


def replace_block(text, name, body, where="the text"):
    """Return ``text`` with every ``name`` block's content replaced by ``body``.

    Raises ``ValueError`` naming ``where`` and the markers if ``text`` has no such block.
    """
    if not has_block(text, name):
        start, end = markers(name)
        raise ValueError(f"{where}: no {start} ... {end} block to fill; add the two markers "
                         f"where the generated text belongs")
    new = block(name, body)
    return _pattern(name).sub(lambda _: new, text)
