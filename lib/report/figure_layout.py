"""The label layout of the house style's figures: text measured, wrapped and cut to fit, figures laid out once.

Every text a figure draws is measured as Agg draws it (:func:`text_width`, no drawing needed) and made
to fit before the figure is laid out: titles and axis labels are wrapped to the figure (:func:`wrap`),
names beside a plot are wrapped and cut with "…" to a share of its width (:func:`cut`,
:func:`fit_names`), legends sit beside the plot or below it (:func:`legend`), never over the data.
:func:`finish` then lays the figure out once (matplotlib's tight layout, with the figure's title and a
legend below the plot kept clear of it), wraps again what still passes an edge, leaves out the x tick
labels that would touch (:func:`sentence_ticks` says which to keep first) and fixes the layout, so that
showing the figure draws it once, as measured. Points are labelled after that, each beside its point
where it touches no other label (:func:`place_label`, :func:`label_farthest`).

Two layouts. A figure function takes ``narrow``: ``False`` draws the wide figure for a page
(:data:`WIDE_WIDTH` wide at 100 dpi), ``True`` the phone layout (:data:`NARROW_WIDTH` wide and at
least 4:5 tall, legend below the plot, the same type sizes). :func:`two_layouts` makes a wide figure
remember how to draw its phone copy, and :func:`narrow_copy` draws it (anew, not scaled).

Used by the statement's figures (:mod:`readout.report.figures`) and the comparison's
(:mod:`readout.collection.figures`). Lengths are in inches, type sizes in points.
"""

from __future__ import annotations

import functools
import math
import textwrap
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ParamSpec

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.markers import TICKDOWN
from matplotlib.text import Text
from matplotlib.ticker import FixedLocator
from matplotlib.transforms import Bbox

__all__ = [
    "NAME_SHARE", "NARROW_ASPECT", "NARROW_WIDTH", "SMALL", "WIDE_WIDTH",
    "axis_labels", "cell_numbers", "colorbar_place", "cut", "finish", "fit_names", "label_farthest", "legend",
    "narrow_copy", "new_figure", "place_label", "sentence_ticks", "set_title", "text_width", "two_layouts", "wrap",
    "written_title",
]

#: Width of a figure on a page (inches; 1000 pixels at the house style's 100 dpi).
WIDE_WIDTH = 10.0
#: Width of the phone layout (inches): about a phone's column of CSS pixels, so that it is shown at
#: nearly its own size, not shrunk.
NARROW_WIDTH = 3.6
#: The phone layout is at least this many times as tall as it is wide (4:5).
NARROW_ASPECT = 1.25
#: Type size of tick labels, point labels and legends (points).
SMALL = 8
#: Most of a figure's width that names beside a plot (actors, terms, themes) may take (wide, narrow):
#: they are wrapped, then cut with "…" (the full names are in the page's tables), so that the plot keeps its room.
NAME_SHARE = {False: 0.3, True: 0.4}

# Attributes this module sets on the figures and axes it lays out.
_TITLE = "_readout_title"  # a figure's: its title as written, before it was wrapped
_SUPTITLE = "_readout_suptitle"  # a figure's: the Text of its figure title (narrow), which the layout keeps clear
_NARROW = "_readout_narrow"  # a wide figure's: how to draw its phone layout
_RANK = "_readout_tick_rank"  # an axes': which x tick labels to keep first


# ---------------------------------------------------------------------------------------------------
# Two layouts

P = ParamSpec("P")


def two_layouts(func: Callable[P, Figure]) -> Callable[P, Figure]:
    """Make a figure function's wide figure remember how to draw its phone layout (same arguments,
    ``narrow=True``), for :func:`narrow_copy`."""

    @functools.wraps(func)
    def build(*args: P.args, **kwargs: P.kwargs) -> Figure:
        fig = func(*args, **kwargs)
        if not kwargs.get("narrow"):
            setattr(fig, _NARROW, functools.partial(func, *args, **{**kwargs, "narrow": True}))
        return fig

    return build


def narrow_copy(fig: Figure) -> Figure | None:
    """The phone layout of a wide figure drawn by a function decorated with :func:`two_layouts` (drawn
    anew, not scaled), or ``None`` for any other figure."""
    build = getattr(fig, _NARROW, None)
    return build() if build is not None else None


def new_figure(height: float, narrow: bool, narrow_height: float | None = None,
               width: float = WIDE_WIDTH) -> tuple[Figure, Axes]:
    """A figure with one axes, drawable at once (an Agg canvas, not registered with pyplot): wide,
    ``width`` x ``height`` inches; narrow, :data:`NARROW_WIDTH` wide and ``narrow_height`` (else
    ``height``) tall, but at least :data:`NARROW_ASPECT` times its width."""
    size = ((NARROW_WIDTH, max(NARROW_WIDTH * NARROW_ASPECT, narrow_height or height)) if narrow
            else (width, height))
    fig = Figure(figsize=size)
    FigureCanvasAgg(fig)
    return fig, fig.subplots()


# ---------------------------------------------------------------------------------------------------
# Text measured, wrapped and cut

@functools.lru_cache(maxsize=8192)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of one line of text in inches as Agg draws it at 100 dpi (the house font at ``size``
    points): measured as a figure measures its texts, without any figure."""
    prop = FontProperties(family=plt.rcParams["font.family"], size=size, weight="bold" if bold else "normal")
    return _measurer().get_text_width_height_descent(text, prop, ismath=False)[0] / 100


@functools.cache
def _measurer() -> RendererAgg:
    return RendererAgg(1, 1, 100)


def _lines(line: str, width: float, size: float, bold: bool = False) -> list[str]:
    """One line broken at spaces into lines no wider than ``width`` inches (a word wider stays whole)."""
    lines: list[str] = []
    for word in line.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def wrap(text: str, width: float, size: float = 10, bold: bool = False) -> str:
    """``text`` wrapped (each of its lines) at spaces to ``width`` inches at type size ``size``, measured;
    a word wider than ``width`` stays whole."""
    return "\n".join("\n".join(_lines(line, width, size, bold)) if line.strip() else line
                     for line in text.split("\n"))


def cut(text: object, width: float, size: float, lines: int = 1) -> str:
    """A name wrapped to ``width`` inches in at most ``lines`` lines, the last cut with "…" where the
    name is longer (as is any word wider than ``width``)."""
    parts = _lines(str(text), width, size) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], " ".join(parts[lines - 1:]) + "…"]
    for k, part in enumerate(parts):
        if text_width(part, size) > width:
            lo, hi = 0, len(part)  # the longest start of the line that fits with "…"
            while lo < hi:
                mid = (lo + hi + 1) // 2
                lo, hi = (mid, hi) if text_width(part[:mid].rstrip(" ,;:-–…") + "…", size) <= width else (lo, mid - 1)
            parts[k] = part[:lo].rstrip(" ,;:-–…") + "…"
    return "\n".join(parts)


def fit_names(names: Sequence[object], narrow: bool, size: float, lines: int = 2,
              width: float | None = None) -> list[str]:
    """Names for beside a plot (tick labels): each wrapped and cut (:func:`cut`) to :data:`NAME_SHARE` of
    the figure's width (a figure ``width`` inches wide when given, else the layout's) at type size
    ``size``, in at most ``lines`` lines."""
    room = (width or (NARROW_WIDTH if narrow else WIDE_WIDTH)) * NAME_SHARE[narrow]
    return [cut(n, room, size, lines) for n in names]


def _fill(line: str, chars: int) -> str:
    """One line wrapped at spaces only (so that joining its lines with spaces gives it back)."""
    return textwrap.fill(" ".join(line.split()), chars, break_on_hyphens=False, break_long_words=False)


# ---------------------------------------------------------------------------------------------------
# Titles, axis labels, legends, colour bars, cell numbers

def set_title(ax: Axes, text: str, size: float = 12, width: float | None = None) -> None:
    """The figure's title, bold, wrapped to ``width`` inches (default: the figure's width less 0.3). On
    the phone layout it is the figure's title, centred on the figure rather than on the plot, so that
    it has the whole width. The title as written is kept for :func:`written_title`."""
    fig = ax.figure
    setattr(fig, _TITLE, text)
    wrapped = wrap(text, width or fig.get_figwidth() - 0.3, size, bold=True)
    if fig.get_figwidth() <= NARROW_WIDTH:
        setattr(fig, _SUPTITLE, fig.suptitle(wrapped, fontsize=size, fontweight="bold"))
    else:
        ax.set_title(wrapped, fontsize=size, fontweight="bold")


def written_title(fig: Figure) -> str | None:
    """The title given to :func:`set_title`, as written (before it was wrapped); ``None`` if it was not called."""
    return getattr(fig, _TITLE, None)


def axis_labels(ax: Axes, x: str | None = None, y: str | None = None) -> None:
    """Axis labels wrapped to the figure (x: to its width; y: to its height)."""
    fig = ax.figure
    if x is not None:
        ax.set_xlabel(wrap(x, fig.get_figwidth() - 0.4))
    if y is not None:
        ax.set_ylabel(wrap(y, fig.get_figheight() - 0.3))


def legend(ax: Axes, narrow: bool, handles: Sequence[Any] | None = None, **kwargs: Any) -> None:
    """The legend beside the plot (wide) or below it (narrow, its labels wrapped): never over the data.
    ``handles`` default to the plot's labelled artists; ``kwargs`` go to matplotlib's legend."""
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    else:
        labels = [h.get_label() for h in handles]
    if narrow:
        labels = [wrap(t, NARROW_WIDTH - 0.8, SMALL) for t in labels]
        ax.figure.legend(handles, labels, loc="lower center", fontsize=SMALL, frameon=False, **kwargs)
    else:
        ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=SMALL, frameon=False,
                  **kwargs)


def colorbar_place(ax: Axes, narrow: bool, below: float = 0.0) -> dict[str, Any]:
    """Where a heat map's colour bar goes, as keyword arguments of ``Figure.colorbar``: beside the plot
    (wide), or below it (narrow: the plot keeps the figure's width), clear of the plot's x tick labels
    and axis label (so the axis label and title are set first; ``below``: inches the figure keeps under
    the colour bar, for a key)."""
    if not narrow:
        return {"fraction": 0.03}
    fig = ax.figure
    _narrow_xlabels(fig)  # wrapped as they will be
    label_lines = ax.get_xlabel().count("\n") + 1 if ax.get_xlabel() else 0
    title_lines = fig.get_suptitle().count("\n") + 1 if fig.get_suptitle() else 0
    need = 0.3 + label_lines * 10 * 1.2 / 72  # inches: tick labels and a gap, the axis label
    region = fig.get_figheight() - title_lines * 12 * 1.2 / 72 - 0.9 - below  # the plot and its bar get about this
    return {"location": "bottom", "fraction": 0.06, "aspect": 30, "pad": min(0.45, need / max(1.0, region))}


def cell_numbers(ax: Axes, data: Any, narrow: bool, fontsize: float = SMALL, dark: float | None = None) -> None:
    """A heat map's counts (``data``, a 2-D array as drawn) written in its cells, when a cell is wide
    enough for two digits; in white above ``dark``."""
    cols = data.shape[1]
    plot_width = (NARROW_WIDTH - 1.6 if narrow else WIDE_WIDTH - 3.0) * 72  # points, an estimate
    if not cols or plot_width / cols < 2.2 * fontsize:
        return
    for (i, j), v in pd.DataFrame(data).stack().items():
        if v:
            ax.text(j, i, str(v), ha="center", va="center", fontsize=fontsize,
                    color="white" if dark is not None and v > dark else "black")


def sentence_ticks(ax: Axes, ids: Sequence[str], paragraph_of: Mapping[str, str], narrow: bool,
                   first: int = 1) -> str:
    """X ticks for sentences at ``first``, ``first + 1`` ...: every sentence id while they fit (up to 6
    narrow, 16 wide), else one labelled tick at each paragraph's first sentence (``paragraph_of`` gives
    a sentence id's paragraph, "p3"), kept first by :func:`finish`, and sentence ids between them where
    there is room, with a small unlabelled tick mark at each sentence. Returns the x axis label that says so."""
    positions = [first + k for k in range(len(ids))]
    if len(ids) <= (6 if narrow else 16):
        ax.set_xticks(positions, list(ids), fontsize=SMALL)
        return "sentence, in order (id = paragraph and sentence)"
    ticks: dict[int, str] = {}
    rank: dict[int, int] = {}
    seen: set[str] = set()
    for pos, sid in zip(positions, ids, strict=True):
        paragraph = paragraph_of.get(sid, sid)
        if paragraph not in seen:
            seen.add(paragraph)
            ticks[pos], rank[pos] = paragraph, 0
    step = max(1, -(-len(ids) // (4 if narrow else 12)))
    for pos, sid in list(zip(positions, ids, strict=True))[::step]:
        if pos not in ticks:
            ticks[pos], rank[pos] = sid, 1
    # Leave out at once the labels that could not fit even if the plot took the figure's whole width (by
    # font, no drawing); :func:`finish` leaves out, measured, those that do not fit the plot it gets.
    per_sentence = (ax.figure.get_figwidth() - 0.5) / max(1, len(ids))  # inches, at most
    kept: list[tuple[int, float]] = []
    for pos in sorted(ticks, key=lambda p: (rank[p], p)):
        half = text_width(ticks[pos], SMALL) / 2 + 0.02
        if all(abs(pos - other) * per_sentence >= half + room for other, room in kept):
            kept.append((pos, half))
    shown = sorted(p for p, _ in kept)
    ax.set_xticks(shown, [ticks[p] for p in shown], fontsize=SMALL)
    # a small tick at each sentence: one line of tick marks, not a tick object each (cheap to lay out and draw)
    ax.plot(positions, [0] * len(positions), transform=ax.get_xaxis_transform(), linestyle="none", marker=TICKDOWN,
            markersize=plt.rcParams["xtick.minor.size"], markeredgewidth=plt.rcParams["xtick.minor.width"],
            color=plt.rcParams["xtick.color"], clip_on=False, scalex=False, scaley=False, label="_ticks")
    setattr(ax, _RANK, rank)
    return "sentence, in order (p3 = first sentence of paragraph 3)"


# ---------------------------------------------------------------------------------------------------
# Laying a figure out

def _overlaps(a: Bbox, b: Bbox, pad: float = 2.0) -> bool:
    return a.x0 - pad < b.x1 and b.x0 - pad < a.x1 and a.y0 - pad < b.y1 and b.y0 - pad < a.y1


def _thin_ticks(ax: Axes, renderer: RendererAgg) -> bool:
    """Leave out the x tick labels (of fixed ticks) that would touch a kept one, keeping those of
    lower rank (by default: from the left) first. True if any was left out."""
    axis = ax.xaxis
    if not isinstance(axis.get_major_locator(), FixedLocator):
        return False
    locs = list(axis.get_majorticklocs())
    texts = axis.get_majorticklabels()
    lo, hi = sorted(ax.get_xlim())
    shown = [(loc, t) for loc, t in zip(locs, texts, strict=False) if lo <= loc <= hi]
    rank = getattr(ax, _RANK, {})
    kept: list[tuple[float, str, Bbox]] = []
    for loc, text in sorted(shown, key=lambda lt: (rank.get(lt[0], 0), lt[0])):
        box = text.get_window_extent(renderer)
        if not any(_overlaps(box, other) for _, _, other in kept):
            kept.append((loc, text.get_text(), box))
    if len(kept) == len(locs):
        return False
    kept.sort(key=lambda k: k[0])
    size = texts[0].get_fontsize() if texts else SMALL
    ax.set_xticks([k[0] for k in kept], [k[1] for k in kept], fontsize=size)
    return True


def _rewrap(text: Text, renderer: RendererAgg, size: float, lines_kept: bool = False) -> bool:
    """Wrap a centred text again, narrower, if it passes either edge of a figure ``size`` pixels wide
    (tall, for a turned text); its line breaks are kept when ``lines_kept`` (a title's), else it is
    wrapped anew as one line. True if it was."""
    if not text.get_visible() or not text.get_text():
        return False
    box = text.get_window_extent(renderer)
    lo, hi = (box.y0, box.y1) if text.get_rotation() % 180 else (box.x0, box.x1)
    room = 2 * min((lo + hi) / 2, size - (lo + hi) / 2) - 8
    if lo >= 2 and hi <= size - 2:
        return False
    lines = text.get_text().split("\n") if lines_kept else [" ".join(text.get_text().split())]
    longest = max(len(line) for line in text.get_text().split("\n"))
    chars = max(8, int(longest * room / max(1.0, hi - lo)) - 1)
    text.set_text("\n".join(_fill(line, chars) for line in lines))
    return True


def _lay_out(fig: Figure) -> RendererAgg:
    """Lay the figure out: its plot (and colour bar) as large as its texts let them be, measured once
    (matplotlib's tight layout: one measuring of each axes' texts; a figure's legend, below the plot
    on the phone layout, is kept clear of it); returns the renderer that measures its texts. Should
    the texts leave no room, the figure stays as it is, without the warning matplotlib would print
    into the page (names beside a plot are cut to a share of its width so that they leave room)."""
    renderer = fig.canvas.get_renderer()
    below = max((legend.get_window_extent(renderer).height + 4 for legend in fig.legends), default=0.0)
    fixed = any(ax.get_aspect() != "auto" for ax in fig.axes)  # a plot that keeps its shape moves as it shrinks
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Tight layout not applied", category=UserWarning)
        # dates a few days apart: matplotlib falls back to a sensible interval, and says so on the page
        warnings.filterwarnings("ignore", message="AutoDateLocator was unable", category=UserWarning)
        fig.tight_layout(pad=0.6, h_pad=1.0, w_pad=1.0)
    suptitle = getattr(fig, _SUPTITLE, None)
    if suptitle is not None:  # the figure's title (narrow), above the plot, which has no texts above it
        clear = (suptitle.get_window_extent(renderer).y0 - 6) / fig.bbox.height
        if fig.subplotpars.top > clear:
            fig.subplots_adjust(top=clear)
    # What is below the plot keeps its size: the plot is raised by the legend's height. A plot of fixed
    # shape moves less than its frame does, so it is raised until it clears the legend.
    raise_by = below
    for _ in range(4 if fixed else 1):
        if raise_by <= 0:
            break
        fig.subplots_adjust(bottom=min(fig.subplotpars.bottom + raise_by / fig.bbox.height, 0.6))
        if fixed:
            for ax in fig.axes:
                ax.apply_aspect()
            lowest = min(ax.get_tightbbox(renderer).y0 for ax in fig.axes)
            raise_by = below - lowest + 2
    fig.set_layout_engine(None)  # laid out for good: showing the figure draws it once, as measured
    for ax in fig.axes:
        ax.apply_aspect()
    return renderer


def _narrow_xlabels(fig: Figure) -> None:
    """On the phone layout, wrap the x axis labels (the plot's and its colour bar's) to the room they have
    centred under the plot: the figure's width less the plot's left margin (its y tick labels, measured
    by font, and its y axis label), so that the layout need not be done again to wrap them."""
    ax = fig.axes[0]
    ticks = [t for t in ax.get_yticklabels() if t.get_text()] if ax.axison else []
    left = max((text_width(line, t.get_fontsize()) for t in ticks for line in t.get_text().split("\n")), default=0.0)
    room = fig.get_figwidth() - left - (0.55 if ax.get_ylabel() else 0.25) - 0.25
    for other in fig.axes:
        label = other.xaxis.label
        if label.get_text():
            label.set_text(wrap(" ".join(label.get_text().split()), room, label.get_fontsize()))


def finish(fig: Figure) -> Figure:
    """Lay the figure out and make its text fit; returns it. Titles and axis labels wider than the
    figure are wrapped again (and the figure laid out again; rarely, as they were wrapped by measure
    beforehand), then x tick labels that would touch are left out (which needs no new layout: the
    rest keep their places). The layout is then fixed, so that showing the figure draws what was
    measured. Texts are measured without drawing the figure: it is drawn once, when shown."""
    if fig.get_figwidth() <= NARROW_WIDTH and fig.axes:
        _narrow_xlabels(fig)
    for _ in range(3):
        renderer = _lay_out(fig)
        suptitle = getattr(fig, _SUPTITLE, None)
        changed = suptitle is not None and _rewrap(suptitle, renderer, fig.bbox.width, True)
        for ax in fig.axes:
            changed |= _rewrap(ax.title, renderer, fig.bbox.width, True)
            changed |= _rewrap(ax.xaxis.label, renderer, fig.bbox.width)
            changed |= _rewrap(ax.yaxis.label, renderer, fig.bbox.height)
        if not changed:
            break
    for ax in fig.axes:
        _thin_ticks(ax, renderer)
    return fig


# ---------------------------------------------------------------------------------------------------
# Point labels, once the figure is laid out

def place_label(ax: Axes, text: str, xy: tuple[float, float], frame: Bbox, points: Sequence[Any],
                placed: list[Bbox], **style: Any) -> bool:
    """Put ``text`` beside the point ``xy`` (data coordinates): above right, above left, below right or
    below left, the first place where it stays inside ``frame`` (the axes, in pixels), covers none of
    ``points`` (pixels) and touches none of the labels ``placed`` so far (it is added to them). False,
    and nothing drawn, when no place fits. ``style`` goes to ``Axes.annotate``. The figure must be laid
    out already (:func:`finish`)."""
    renderer = ax.figure.canvas.get_renderer()
    for dx, dy, ha, va in ((4, 4, "left", "bottom"), (-4, 4, "right", "bottom"), (4, -4, "left", "top"),
                           (-4, -4, "right", "top")):
        note = ax.annotate(text, xy, xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, fontsize=SMALL - 1,
                           **style)
        note.set_in_layout(False)
        box = note.get_window_extent(renderer)
        inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
        covers = any(box.x0 - 1 < px < box.x1 + 1 and box.y0 - 1 < py < box.y1 + 1 for px, py in points)
        if inside and not covers and not any(_overlaps(box, other) for other in placed):
            placed.append(box)
            return True
        note.remove()
    return False


def label_farthest(ax: Axes, ids: Sequence[object], xs: Sequence[float], ys: Sequence[float], most: int,
                   nearest: float = 0.0, **style: Any) -> int:
    """Label the points farthest from (0, 0) (by the larger of |x| and |y|) with their ids, each beside
    its point where it touches no other label and stays in the axes (:func:`place_label`); points on
    the same spot share a label ("p1s2 +3"). At most ``most`` labels, none for a point nearer than
    ``nearest``. Returns how many points were labelled. The figure must be laid out already."""
    renderer = ax.figure.canvas.get_renderer()
    ax.apply_aspect()
    frame = ax.get_window_extent(renderer)
    spots: dict[tuple[float, float], list[str]] = {}
    for sid, x, y in zip(ids, xs, ys, strict=True):
        if not (math.isnan(x) or math.isnan(y)):
            spots.setdefault((round(float(x), 3), round(float(y), 3)), []).append(str(sid))
    order = sorted(spots, key=lambda xy: -max(abs(xy[0]), abs(xy[1])))
    placed: list[Bbox] = []
    points = [ax.transData.transform(xy) for xy in spots]
    labelled = 0
    for xy in order:
        if len(placed) >= most or max(abs(xy[0]), abs(xy[1])) < nearest:
            break
        names = spots[xy]
        text = names[0] + (f" +{len(names) - 1}" if len(names) > 1 else "")
        if place_label(ax, text, xy, frame, points, placed, **style):
            labelled += len(names)
    return labelled
