"""Redraw a figure fast by keeping what did not change: a cached background ("blitting").

Drawing tick labels, axis labels and the grid was most of a full ``canvas.draw()``, and an update
rarely changes them. ``CachedBackground.draw`` draws the figure once without the changing
artists, keeps the pixels, and later restores them and draws only the changing artists on top,
in the order ``Figure.draw`` and ``Axes.draw`` use (matplotlib's "Faster rendering by using
blitting"). The background holds each axes' patch and its two ``Axis`` objects, plus the
``fixed`` artists named. It is redrawn when what it shows may have changed (figure size, axes
position, visibility or view limits, ticks, axis labels, the fixed artists): set grid and tick
colours before the first draw. For the result to equal a full draw pixel for pixel, the Axis
objects are lowered under every other artist of their axes (a grid under bars and images), as
``tests/test_background.py`` checks for every explorer's demo.
"""
from operator import attrgetter

FAST_TEXT = {"text.hinting": "none"}     # rcParams: unhinted glyphs draw a third faster

_BELOW = -1.0           # the axes' Axis objects' zorder: under every artist in the axes


def _axis_key(axis):
    """What of one Axis the background shows, as values (``set_ticks`` with labels makes a new
    formatter at every call, so comparing tickers would always miss)."""
    major, minor = axis.get_majorticklocs(), axis.get_minorticklocs()
    return (axis.get_visible(), tuple(major), tuple(axis.get_major_formatter().format_ticks(major)),
            tuple(minor), tuple(axis.get_minor_formatter().format_ticks(minor)),
            repr(axis.get_tick_params()), axis.label.get_text(), axis.label.get_color())


def _axes_key(ax):
    """What of one axes the background shows: its position, limits and two axes' keys."""
    ax.apply_aspect()                                   # a fixed aspect may move the axes
    return (ax.get_visible(), ax.axison, tuple(ax.get_position().bounds),
            tuple(ax.viewLim.bounds), _axis_key(ax.xaxis), _axis_key(ax.yaxis))


def _changing(ax, fixed):
    """The children of ``ax`` drawn at every update, in ``Axes.draw``'s order (by zorder)."""
    static = {ax.patch, ax.xaxis, ax.yaxis, *fixed}
    if not (ax.axison and ax.get_frame_on()):           # Axes.draw skips the spines then
        static.update(ax.spines.values())
    return sorted((a for a in ax.get_children() if a not in static), key=attrgetter("zorder"))


def _put_axes_under(ax, changing):
    """Move ax's two Axis objects under every artist in ``changing`` if they are not."""
    lowest = min((a.get_zorder() for a in changing), default=0.0)
    for axis in (ax.xaxis, ax.yaxis):
        if axis.get_zorder() >= lowest:
            axis.set_zorder(min(_BELOW, lowest - 1.0))


class CachedBackground:
    """Draw ``fig`` (with a ``FigureCanvasAgg``, no layout engine) redrawing its background only
    when it changed; ``redraws`` counts the times it was drawn."""

    def __init__(self, fig):
        self.fig = fig
        self.redraws = 0
        self._key, self._pixels = None, None

    def _key_now(self, fixed):
        return (tuple(self.fig.bbox.bounds), tuple(_axes_key(ax) for ax in self.fig.axes),
                fixed)

    def draw(self, fixed=()):
        """Draw the figure into ``fig.canvas.buffer_rgba()``.

        ``fixed`` are artists the background holds too, as they are now: they change only by
        being replaced (a new tuple, a new background); nothing that changes lies over them.
        """
        canvas, fig = self.fig.canvas, self.fig
        fixed = tuple(fixed)
        key = self._key_now(fixed)
        top = sorted((a for a in fig.get_children() if a is not fig.patch),
                     key=attrgetter("zorder"))
        changing = []                                   # in the order Figure.draw uses
        for artist in top:
            if artist in fixed:
                continue
            if artist not in fig.axes:
                changing.append(artist)
            elif artist.get_visible():
                in_axes = _changing(artist, fixed)
                _put_axes_under(artist, in_axes)
                changing += in_axes
        if key != self._key:
            for artist in changing:
                artist.set_animated(True)               # Figure.draw and Axes.draw skip these
            try:
                canvas.draw()
            finally:
                for artist in changing:
                    artist.set_animated(False)
            self._pixels = canvas.copy_from_bbox(fig.bbox)
            self._key = key
            self.redraws += 1
        else:
            canvas.restore_region(self._pixels)
        renderer = canvas.get_renderer()
        for artist in changing:
            artist.draw(renderer)
