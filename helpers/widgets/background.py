"""Redraw a figure fast by keeping what did not change: a cached background ("blitting").

An explorer's update changes lines, bars, images, texts and titles, but rarely its axes'
limits or ticks; yet drawing the tick labels, the axis labels and the grid was most of the
time of a full ``canvas.draw()``. ``CachedBackground.draw`` draws the figure once without
the *changing* artists, keeps those pixels, and at each later draw restores them and draws
only the changing artists on top, in the order ``Figure.draw`` and ``Axes.draw`` would
(matplotlib's own blitting, as in its "Faster rendering by using blitting" tutorial).

The background holds, for each axes, its patch and its two ``Axis`` objects (ticks, tick
labels, axis labels, grid), and the ``fixed`` artists the caller names. Everything else
(lines, collections, patches, images, texts, legends, titles, spines) and every
figure-level artist is drawn at each update. The background is drawn again whenever what
it shows may have changed: the figure's size, an axes' position or visibility, its view
limits, an axis's tick positions or tick labels (by value), tick style, label or
visibility, or the tuple of fixed artists. Set the grid, tick label colours and the like
together with the ticks or before the first draw.

For the result to be pixel for pixel a full draw, the ``Axis`` objects must lie under
everything else drawn in their axes: ``draw`` lowers their zorder below every child's, so
a grid lies under bars and images, not over them (``set_axisbelow(True)`` would put it at
0.5, still above an image at 0). ``tests/test_background.py`` compares the pixels with a
full draw for every explorer's demo.
"""
from operator import attrgetter

__all__ = ["CachedBackground", "FAST_TEXT"]

FAST_TEXT = {"text.hinting": "none"}     # rcParams: unhinted glyphs draw a third faster

_BELOW = -1.0           # the axes' Axis objects' zorder: under every artist in the axes


def _axis_key(axis):
    """What of one Axis the background shows: its ticks and their labels, tick style, label.

    Tick positions and label texts are compared as values (``set_ticks`` with labels makes a
    new formatter object at every call, so comparing the tickers would always miss).
    """
    major, minor = axis.get_majorticklocs(), axis.get_minorticklocs()
    return (axis.get_visible(), tuple(major), tuple(axis.get_major_formatter().format_ticks(major)),
            tuple(minor), tuple(axis.get_minor_formatter().format_ticks(minor)),
            repr(axis.get_tick_params()), axis.label.get_text(), axis.label.get_color())


def _axes_key(ax):
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
    """Draw a figure on its Agg canvas, redrawing the background only when it changed.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        With a ``FigureCanvasAgg`` and no layout engine (positions fixed).

    Attributes
    ----------
    redraws : int
        How many times the background was drawn (for tests and benchmarks).
    """

    def __init__(self, fig):
        self.fig = fig
        self.redraws = 0
        self._key, self._pixels = None, None

    def _key_now(self, fixed):
        return (tuple(self.fig.bbox.bounds), tuple(_axes_key(ax) for ax in self.fig.axes),
                fixed)

    def draw(self, fixed=()):
        """Draw the figure into its canvas's buffer (``fig.canvas.buffer_rgba()``).

        Parameters
        ----------
        fixed : tuple of matplotlib.artist.Artist
            Artists the background holds too, as they are now: ones that change only when
            they are replaced by new ones (a new tuple means a new background). Nothing
            that changes may be drawn over them.
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
