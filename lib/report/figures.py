"""Figures shared by the notebooks, in one house style.

Every figure has a title naming the measure and the statement, labelled axes
with units, and an x-axis in sentence order so that bars match rows of the
sentence table. Functions return a :class:`~matplotlib.figure.Figure` that is
not registered with pyplot: a notebook shows it by leaving it as a cell's last
value, and no figure state is kept between calls.

Legible at any length. Sentence-level figures label their x axis by sentence id while every id fits,
else by paragraph ("p3": the first sentence of paragraph 3) with a small tick at each sentence, and
leave out any tick label that would touch another (measured on the drawn figure, :func:`_finish`).
Point labels are given to the most extreme points only, where they touch nothing. Legends sit
beside the plot (below it in the phone layout), never over the data. Long titles and axis labels
are wrapped to the figure.

Two layouts. Each figure function takes ``narrow``: ``False`` (the default) draws the wide figure
for a page (10 in wide at 100 dpi), ``True`` the phone layout: 3.6 in wide and at least 4:5 tall,
legend below the plot, fewer ticks, the same type sizes (so, relative to the figure, nearly three
times larger). A wide figure remembers how to draw its phone copy (:func:`narrow_copy`); in a
notebook set up by :func:`use_house_style` it is shown as an HTML ``<picture>`` holding both PNGs
(:func:`picture_html`), so that a phone's browser picks the narrow one instead of shrinking the wide
one, with the wide PNG as the output's ``image/png`` and its title as ``text/plain``.
"""

from __future__ import annotations

import base64
import functools
import html
import io
import math
import textwrap
import warnings
from collections.abc import Callable, Sequence
from typing import Any, ParamSpec

import matplotlib.pyplot as plt
import pandas as pd
import PIL.Image
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.markers import TICKDOWN
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator
from matplotlib.transforms import Bbox

from readout.analyses.anatomy import LONG_SENTENCE_WORDS
from readout.analyses.tone.sentiment import NEUTRAL_BAND
from readout.fields import label
from readout.text.statement import Statement

__all__ = [
    "NARROW_MEDIA",
    "NARROW_WIDTH",
    "PLAIN_LANGUAGE_GRADE",
    "WIDE_WIDTH",
    "actor_tone_figure",
    "balance_figure",
    "credit_graph_figure",
    "dispersion_figure",
    "figure_bundle",
    "figure_png",
    "figure_text",
    "key_terms_figure",
    "lexicon_comparison_figure",
    "mentions_figure",
    "narrow_copy",
    "picture_html",
    "readability_figure",
    "sentence_length_figure",
    "sentiment_arc_figure",
    "theme_flow_figure",
    "theme_share_figure",
    "topic_weights_figure",
    "use_house_style",
]

#: Width of a figure on a page (inches; 1000 pixels at the house style's 100 dpi).
WIDE_WIDTH = 10.0
#: Width of the phone layout (inches): about a phone's column of CSS pixels, so that it is shown at
#: nearly its own size, not shrunk.
NARROW_WIDTH = 3.6
#: The phone layout is at least this many times as tall as it is wide (4:5).
NARROW_ASPECT = 1.25
#: The media query under which a page shows the phone layout (the page's own narrow-screen rules start there).
NARROW_MEDIA = "(max-width: 700px)"
#: Type size of tick labels, point labels and legends (points).
SMALL = 8
#: Most of a figure's width that names beside a plot (actors, terms, themes) may take: they are wrapped,
#: then cut with "…" (the full names are in the page's tables), so that the plot keeps its room.
NAME_SHARE = {False: 0.3, True: 0.4}


def use_house_style() -> None:
    """Set matplotlib and pandas display options used by every notebook.

    Fixed figure size and resolution (so stored outputs are reproducible),
    no top/right spines, full-width text columns in tables. In a notebook, figures
    are drawn once at their own size: every figure lays itself out
    (measured once, then fixed: :func:`_finish`), so the inline backend's second drawing to crop it
    (``bbox_inches="tight"``) is not needed. A figure is shown through :func:`figure_bundle`: a
    ``<picture>`` of its wide and phone layouts (``text/html``), the wide PNG (``image/png``) and
    its title (``text/plain``).
    """
    plt.rcParams.update(
        {
            "figure.figsize": (WIDE_WIDTH, 3.6),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.labelsize": 10,
            "font.family": "DejaVu Sans",
            "svg.hashsalt": "readout",
            # Statement text in titles is text: "$5 million and $3 million" is no formula.
            "text.parse_math": False,
        }
    )
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", None)  # every row: a long statement's tables are shown whole
    pd.set_option("display.width", 200)
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("png", bbox_inches=None)
        # One bundle per figure: the per-type formatters would draw the wide PNG a second time.
        formatters = shell.display_formatter.formatters
        for kind in ("image/png", "text/plain", "text/html"):
            formatters[kind].pop(Figure, None)
        shell.display_formatter.mimebundle_formatter.for_type(Figure, figure_bundle)


def figure_text(fig: Figure) -> str:
    """A figure in words: "Figure: " and its titles (the figure's, then each axes'), lines joined by ": "
    (a title wrapped to fit the figure counts as written, before it was wrapped)."""
    titles = [getattr(fig, _TITLE, None) or (fig._suptitle.get_text() if fig._suptitle is not None else "")]
    titles += [ax.get_title() for ax in fig.axes if not hasattr(fig, _TITLE)]
    text = ": ".join(line.strip() for title in titles for line in title.splitlines() if line.strip())
    return f"Figure: {text}" if text else "Figure"


_TITLE = "_readout_title"  # a figure's attribute: its title as written, before it was wrapped


# ---------------------------------------------------------------------------------------------------
# Two layouts, one picture

P = ParamSpec("P")
_NARROW = "_readout_narrow"  # a wide figure's attribute: how to draw its phone layout


def _two_layouts(func: Callable[P, Figure]) -> Callable[P, Figure]:
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
    """The phone layout of a wide figure drawn by a function of this module (drawn anew, not
    scaled), or ``None`` for any other figure."""
    build = getattr(fig, _NARROW, None)
    return build() if build is not None else None


def figure_png(fig: Figure) -> bytes:
    """The figure as PNG at the house style's resolution, the whole figure (no cropping). A figure of this
    module, laid out already, is drawn once and its pixels encoded (``savefig`` would lay out and measure
    it once more before drawing it)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        # dates a few days apart: matplotlib falls back to a sensible interval, and would say so on the page
        warnings.filterwarnings("ignore", message="AutoDateLocator was unable", category=UserWarning)
        if fig.dpi != 100 or not isinstance(fig.canvas, FigureCanvasAgg) or fig.get_layout_engine() is not None:
            fig.savefig(buffer, format="png", dpi=100)
            return buffer.getvalue()
        fig.canvas.draw()
    image = PIL.Image.frombuffer("RGBA", fig.canvas.get_width_height(), fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    image.convert("RGB").save(buffer, format="png", compress_level=3)
    return buffer.getvalue()


def _data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def picture_html(fig: Figure, narrow: Figure | None = None, wide_png: bytes | None = None) -> str:
    """The figure as an HTML ``<picture>``: its phone layout (``narrow``, by default :func:`narrow_copy`)
    for screens up to 700 px wide, else the wide figure; both PNGs embedded as data URLs, the
    alternative text the figure's title (:func:`figure_text`), escaped. A figure without a phone
    layout is a plain ``<img>``."""
    narrow = narrow if narrow is not None else narrow_copy(fig)
    alt = html.escape(figure_text(fig), quote=True)
    img = f'<img src="{_data_url(wide_png or figure_png(fig))}" alt="{alt}">'
    if narrow is None:
        return img
    return (f'<picture class="readout-picture"><source media="{NARROW_MEDIA}" srcset="{_data_url(figure_png(narrow))}">'
            f"{img}</picture>")


def figure_bundle(fig: Figure, include: Any = None, exclude: Any = None) -> dict[str, str]:
    """What a notebook shows of a figure: ``text/html`` (:func:`picture_html`, when the figure has a
    phone layout), ``image/png`` (the wide figure, base64) and ``text/plain`` (:func:`figure_text`).
    The wide figure is drawn once for both."""
    png = figure_png(fig)
    bundle = {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": figure_text(fig)}
    narrow = narrow_copy(fig)
    if narrow is not None:
        bundle["text/html"] = picture_html(fig, narrow, png)
    return bundle


# ---------------------------------------------------------------------------------------------------
# Layout helpers

def _figure(height: float, narrow: bool, narrow_height: float | None = None,
            width: float = WIDE_WIDTH) -> tuple[Figure, Axes]:
    """A figure (wide: ``width`` x ``height``; narrow: :data:`NARROW_WIDTH` wide, ``narrow_height`` or
    ``height`` tall but at least 4:5) with one axes, drawable at once
    (an Agg canvas)."""
    size = ((NARROW_WIDTH, max(NARROW_WIDTH * NARROW_ASPECT, narrow_height or height)) if narrow
            else (width, height))
    fig = Figure(figsize=size)
    FigureCanvasAgg(fig)
    return fig, fig.subplots()


@functools.lru_cache(maxsize=8192)
def _inches(text: str, size: float, bold: bool = False) -> float:
    """Width of one line of text in inches as Agg draws it at the house style's resolution (the house
    font at ``size`` points): measured as a figure measures its texts, without any figure."""
    prop = FontProperties(family=plt.rcParams["font.family"], size=size, weight="bold" if bold else "normal")
    return _measurer().get_text_width_height_descent(text, prop, ismath=False)[0] / 100


@functools.cache
def _measurer() -> RendererAgg:
    return RendererAgg(1, 1, 100)


def _lines(line: str, width: float, size: float, bold: bool = False) -> list[str]:
    """One line broken at spaces into lines no wider than ``width`` inches (a word wider stays whole)."""
    lines: list[str] = []
    for word in line.split():
        if lines and _inches(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _wrap(text: str, width: float, size: float = 10, bold: bool = False) -> str:
    """``text`` wrapped (each of its lines) at spaces to ``width`` inches at type size ``size``, measured."""
    return "\n".join("\n".join(_lines(line, width, size, bold)) if line.strip() else line
                     for line in text.split("\n"))


def _cut(text: object, width: float, size: float, lines: int = 1) -> str:
    """A name wrapped to ``width`` inches in at most ``lines`` lines, the last cut with "…" where the
    name is longer (as is any word wider than ``width``)."""
    parts = _lines(str(text), width, size) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], " ".join(parts[lines - 1:]) + "…"]
    for k, part in enumerate(parts):
        if _inches(part, size) > width:
            lo, hi = 0, len(part)  # the longest start of the line that fits with "…"
            while lo < hi:
                mid = (lo + hi + 1) // 2
                lo, hi = (mid, hi) if _inches(part[:mid].rstrip(" ,;:-–…") + "…", size) <= width else (lo, mid - 1)
            parts[k] = part[:lo].rstrip(" ,;:-–…") + "…"
    return "\n".join(parts)


def _names(names: Sequence[object], narrow: bool, size: float, lines: int = 2,
           width: float | None = None) -> list[str]:
    """Names for beside a plot (tick labels): each wrapped and cut to :data:`NAME_SHARE` of the figure's
    width (``width`` inches wide when given) at type size ``size``, in at most ``lines`` lines."""
    room = (width or (NARROW_WIDTH if narrow else WIDE_WIDTH)) * NAME_SHARE[narrow]
    return [_cut(n, room, size, lines) for n in names]


def _fill(line: str, chars: int) -> str:
    """One line wrapped at spaces only (so that joining its lines with spaces gives it back)."""
    return textwrap.fill(" ".join(line.split()), chars, break_on_hyphens=False, break_long_words=False)


def _title(ax: Axes, what: str, statement: Statement, size: float = 12, width: float | None = None) -> None:
    """The title: what the figure shows, then the statement's label, wrapped to the figure. On the phone
    layout it is the figure's title, centred on the figure rather than on the plot, so that it has the
    whole width."""
    fig = ax.figure
    setattr(fig, _TITLE, f"{what}\n{statement.label}")
    text = _wrap(getattr(fig, _TITLE), width or fig.get_figwidth() - 0.3, size, bold=True)
    if fig.get_figwidth() <= NARROW_WIDTH:
        fig.suptitle(text, fontsize=size, fontweight="bold")
    else:
        ax.set_title(text, fontsize=size)


def _labels(ax: Axes, x: str | None = None, y: str | None = None) -> None:
    """Axis labels wrapped to the figure (y: to its height)."""
    fig = ax.figure
    if x is not None:
        ax.set_xlabel(_wrap(x, fig.get_figwidth() - 0.4))
    if y is not None:
        ax.set_ylabel(_wrap(y, fig.get_figheight() - 0.3))


def _legend(ax: Axes, narrow: bool, handles: Sequence[Any] | None = None, **kwargs: Any) -> None:
    """The legend beside the plot (wide) or below it (narrow): never over the data."""
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    else:
        labels = [h.get_label() for h in handles]
    if narrow:
        labels = [_wrap(t, NARROW_WIDTH - 0.8, SMALL) for t in labels]
        ax.figure.legend(handles, labels, loc="lower center", fontsize=SMALL, frameon=False, **kwargs)
    else:
        ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=SMALL, frameon=False,
                  **kwargs)


def _overlaps(a: Bbox, b: Bbox, pad: float = 2.0) -> bool:
    return a.x0 - pad < b.x1 and b.x0 - pad < a.x1 and a.y0 - pad < b.y1 and b.y0 - pad < a.y1


_RANK = "_readout_tick_rank"  # an axes' attribute: which x tick labels to keep first


def _thin_ticks(ax: Axes, renderer: Any) -> bool:
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
    kept: list[tuple[float, Any, Bbox]] = []
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


def _rewrap(text: Any, renderer: Any, size: float, lines_kept: bool = False) -> bool:
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


def _lay_out(fig: Figure) -> Any:
    """Lay the figure out: its plot (and colour bar) as large as its texts let them be, measured once
    (matplotlib's tight layout: one measuring of each axes' texts; a figure's legend, below the plot
    on the phone layout, is kept clear of it); returns the renderer that measures its texts. Should
    the texts leave no room, the figure stays as it is, without the warning matplotlib would print
    into the page (names beside a plot are cut to a share of its width so that they leave room)."""
    renderer = fig.canvas.get_renderer()
    legend = max((legend.get_window_extent(renderer).height + 4 for legend in fig.legends), default=0.0)
    fixed = any(ax.get_aspect() != "auto" for ax in fig.axes)  # a plot that keeps its shape moves as it shrinks
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Tight layout not applied", category=UserWarning)
        # dates a few days apart: matplotlib falls back to a sensible interval, and says so on the page
        warnings.filterwarnings("ignore", message="AutoDateLocator was unable", category=UserWarning)
        fig.tight_layout(pad=0.6, h_pad=1.0, w_pad=1.0)
    if fig._suptitle is not None:  # the figure's title (narrow), above the plot, which has no texts above it
        clear = (fig._suptitle.get_window_extent(renderer).y0 - 6) / fig.bbox.height
        if fig.subplotpars.top > clear:
            fig.subplots_adjust(top=clear)
    # What is below the plot keeps its size: the plot is raised by the legend's height. A plot of fixed
    # shape moves less than its frame does, so it is raised until it clears the legend.
    raise_by = legend
    for _ in range(4 if fixed else 1):
        if raise_by <= 0:
            break
        fig.subplots_adjust(bottom=min(fig.subplotpars.bottom + raise_by / fig.bbox.height, 0.6))
        if fixed:
            for ax in fig.axes:
                ax.apply_aspect()
            lowest = min(ax.get_tightbbox(renderer).y0 for ax in fig.axes)
            raise_by = legend - lowest + 2
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
    left = max((_inches(line, t.get_fontsize()) for t in ticks for line in t.get_text().split("\n")), default=0.0)
    room = fig.get_figwidth() - left - (0.55 if ax.get_ylabel() else 0.25) - 0.25
    for other in fig.axes:
        label = other.xaxis.label
        if label.get_text():
            label.set_text(_wrap(" ".join(label.get_text().split()), room, label.get_fontsize()))


def _finish(fig: Figure) -> Figure:
    """Lay the figure out and make its text fit: titles and axis labels wider than the figure are
    wrapped again (and the figure laid out again; rarely, as they were wrapped by measure
    beforehand), then tick labels that would touch are left out (which needs no new layout: the
    rest keep their places). The layout is then fixed, so that showing the figure draws what was
    measured. Texts are measured without drawing the figure: it is drawn once, when shown."""
    if fig.get_figwidth() <= NARROW_WIDTH and fig.axes:
        _narrow_xlabels(fig)
    for _ in range(3):
        renderer = _lay_out(fig)
        changed = fig._suptitle is not None and _rewrap(fig._suptitle, renderer, fig.bbox.width, True)
        for ax in fig.axes:
            changed |= _rewrap(ax.title, renderer, fig.bbox.width, True)
            changed |= _rewrap(ax.xaxis.label, renderer, fig.bbox.width)
            changed |= _rewrap(ax.yaxis.label, renderer, fig.bbox.height)
        if not changed:
            break
    for ax in fig.axes:
        _thin_ticks(ax, renderer)
    return fig


def _sentence_ticks(ax: Axes, ids: Sequence[str], statement: Statement, narrow: bool, first: int = 1) -> str:
    """X ticks for sentences at ``first``, ``first + 1`` ...: every sentence id while they fit (up to 6
    narrow, 16 wide), else one labelled tick at each paragraph's first sentence ("p3"), kept first,
    and sentence ids between them where there is room, with a small unlabelled tick mark at each sentence.
    Returns the x axis label that says so."""
    positions = [first + k for k in range(len(ids))]
    if len(ids) <= (6 if narrow else 16):
        ax.set_xticks(positions, list(ids), fontsize=SMALL)
        return "sentence, in order (id = paragraph and sentence)"
    paragraph_of = {s.id: s.paragraph_id for s in statement.sentences}
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
    # font, no drawing); :func:`_finish` leaves out, measured, those that do not fit the plot it gets.
    per_sentence = (ax.figure.get_figwidth() - 0.5) / max(1, len(ids))  # inches, at most
    kept: list[tuple[int, float]] = []
    for pos in sorted(ticks, key=lambda p: (rank[p], p)):
        half = _inches(ticks[pos], SMALL) / 2 + 0.02
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


def _mark_paragraphs(ax: Axes, statement: Statement, first: int = 1) -> None:
    """Dotted vertical lines between paragraphs (sentences at ``first``, ``first + 1`` ...)."""
    pos = first
    for p in statement.paragraphs:
        if pos > first:
            ax.axvline(pos - 0.5, color="0.5", linestyle=":", linewidth=1)
        pos += len(p.sentences)


def _paragraph_lines(ax: Axes, statement: Statement) -> None:
    """White vertical lines between paragraphs on a sentence-by-sentence heat map."""
    position = 0
    for p in statement.paragraphs:
        if position:
            ax.axvline(position - 0.5, color="white", linewidth=2.5)
            ax.axvline(position - 0.5, color="0.2", linestyle=":", linewidth=1)
        position += len(p.sentences)


def _cell_numbers(ax: Axes, data: Any, narrow: bool, fontsize: float = SMALL, dark: float | None = None) -> None:
    """A heat map's counts written in its cells, when a cell is wide enough for two digits."""
    cols = data.shape[1]
    plot_width = (NARROW_WIDTH - 1.6 if narrow else WIDE_WIDTH - 3.0) * 72  # points, an estimate
    if not cols or plot_width / cols < 2.2 * fontsize:
        return
    for (i, j), v in pd.DataFrame(data).stack().items():
        if v:
            ax.text(j, i, str(v), ha="center", va="center", fontsize=fontsize,
                    color="white" if dark is not None and v > dark else "black")


@_two_layouts
def sentence_length_figure(statement: Statement, *, narrow: bool = False) -> Figure:
    """Bars of words per sentence in text order, paragraph boundaries dotted, the mean dashed."""
    sents = statement.sentences
    fig, ax = _figure(3.6, narrow)
    xs = [s.index for s in sents]
    ys = [s.n_words for s in sents]
    long_color, short_color = "#b2182b", "#4d6d9a"
    ax.bar(xs, ys, color=[long_color if y > LONG_SENTENCE_WORDS else short_color for y in ys], width=0.75)
    handles = [
        Patch(color=short_color, label=f"up to {LONG_SENTENCE_WORDS} words"),
        Patch(color=long_color, label=f"over {LONG_SENTENCE_WORDS} words (long)"),
    ]
    if ys:
        mean = sum(ys) / len(ys)
        handles.append(ax.axhline(mean, color="0.2", linestyle="--", linewidth=1, label=f"mean ({mean:.1f} words)"))
    _legend(ax, narrow, handles)
    _mark_paragraphs(ax, statement)
    xlabel = _sentence_ticks(ax, [s.id for s in sents], statement, narrow)
    ax.set_xlim(0.4, max(1, len(xs)) + 0.6)
    _labels(ax, xlabel + ("; dotted: new paragraph" if len(statement.paragraphs) > 1 else ""), "words per sentence")
    _title(ax, "Sentence length along the statement", statement)
    return _finish(fig)


@_two_layouts
def mentions_figure(table: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Actor mentions per paragraph (from :func:`readout.analyses.anatomy.mentions_by_paragraph`) as a heat
    table: actors as rows, paragraphs in order as columns, the count in each cell while cells are wide enough."""
    data = table.drop(columns=["total"], errors="ignore")
    fig, ax = _figure(1.6 + 0.45 * max(1, len(data)), narrow, 2.6 + 0.45 * max(1, len(data)))
    if data.empty:
        ax.text(0.5, 0.5, "no actor mentions found", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        values = data.to_numpy()
        im = ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
        _cell_numbers(ax, values, narrow, fontsize=9, dark=values.max() / 2)
        ax.set_xticks(range(data.shape[1]), list(data.columns), fontsize=SMALL)
        ax.set_yticks(range(data.shape[0]), _names(data.index, narrow, 10), fontsize=10)
        _labels(ax, "paragraph, in order")
    _title(ax, "Actor mentions per paragraph", statement)
    if not data.empty:
        fig.colorbar(im, ax=ax, label="mentions (count)", **_colorbar_place(ax, narrow))
    return _finish(fig)


#: Plain-language guidance for public documents commonly aims at this U.S. grade or below.
PLAIN_LANGUAGE_GRADE = 8


@_two_layouts
def readability_figure(table: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Grade-level indices (from :func:`readout.analyses.style.readability.readability_table`) as bars, with the
    plain-language target (grade 8) and the end of high school (grade 12) marked."""
    grades = table.loc[["flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau", "ari"], "value"]
    fig, ax = _figure(3.2, narrow)
    names = [label(i) for i in grades.index][::-1]
    ax.barh(_names(names, narrow, 10), list(grades.values)[::-1], color="#4d6d9a",
            height=0.6)
    for y, v in enumerate(list(grades.values)[::-1]):
        ax.annotate(f"{v:.1f}", xy=(v, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=SMALL)
    ax.axvline(PLAIN_LANGUAGE_GRADE, color="#1a7f37", linestyle="--", linewidth=1,
               label=f"plain-language target (grade {PLAIN_LANGUAGE_GRADE})")
    ax.axvline(12, color="0.4", linestyle=":", linewidth=1, label="end of high school (grade 12)")
    ax.set_xlim(0, max(20.0, float(grades.max()) + 2))
    _labels(ax, "U.S. school grade needed to read the text (years of schooling)")
    _legend(ax, narrow)
    _title(ax, "Readability as grade level", statement)
    return _finish(fig)


@_two_layouts
def dispersion_figure(table: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Lexical dispersion ("x-ray"): one row per term, a tick at each word position where it occurs,
    paragraph starts dotted (from :func:`readout.analyses.style.concordance.dispersion_table`)."""
    terms = list(dict.fromkeys(table["term"]))
    fig, ax = _figure(1.4 + 0.32 * max(1, len(terms)), narrow)
    if not terms:
        ax.text(0.5, 0.5, "no actors or content terms to place", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        _title(ax, "Where each actor and term appears", statement)
        return _finish(fig)
    n_words = statement.n_words
    row = {term: y for y, term in enumerate(terms)}
    ax.scatter(table["position"], [row[t] for t in table["term"]], marker="|", s=200, color="#4d6d9a",
               linewidths=1.5)  # one collection for every term: one artist to lay out and draw
    position = 0
    for p in statement.paragraphs:
        if position:
            ax.axvline(position - 0.5, color="0.6", linestyle=":", linewidth=1)
        position += sum(s.n_words for s in p.sentences)
    ax.set_yticks(range(len(terms)), _names(terms, narrow, 9, lines=1), fontsize=9)
    ax.set_ylim(len(terms) - 0.5, -0.5)
    ax.set_xlim(-1, max(1, n_words))
    if narrow:
        ax.xaxis.set_major_locator(plt.MaxNLocator(4))
    _labels(ax, "position in the statement (words from the start of the body; dotted: new paragraph)")
    _title(ax, "Where each actor and term appears", statement)
    return _finish(fig)


def _tone_series(diplomatic: pd.DataFrame | pd.Series, index: pd.Index) -> pd.Series:
    """The per-sentence diplomatic tone (a ``tone`` column, or a Series) in the order of ``index``."""
    tone = diplomatic["tone"] if isinstance(diplomatic, pd.DataFrame) else diplomatic
    return tone.reindex(index).astype("float64")


@_two_layouts
def sentiment_arc_figure(table: pd.DataFrame, statement: Statement,
                         diplomatic: pd.DataFrame | pd.Series | None = None, *, narrow: bool = False) -> Figure:
    """TextBlob polarity and subjectivity and VADER compound along the statement, sentence by sentence,
    paragraph boundaries dotted (from :func:`readout.analyses.tone.sentiment.sentence_table`; leak-free values
    solid, raw dotted); with ``diplomatic`` (the table of :func:`readout.analyses.tone.diplomatic.tone_table`,
    or its ``tone`` column), the diplomatic tone of each sentence (−1 pressure to +1 cooperation) as a
    thick green line."""
    fig, ax = _figure(3.8, narrow, 5.8)
    n = len(table)
    xs = list(range(1, n + 1))
    marks = n <= (20 if narrow else 60)  # a marker per sentence while they stay apart

    def mark(shape: str) -> dict[str, Any]:
        return {"marker": shape, "markersize": 4 if n > 25 else 5} if marks else {}

    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.plot(xs, table["textblob_polarity_leak_free"], color="#4d6d9a", label="TextBlob polarity (leak-free)",
            **mark("o"))
    ax.plot(xs, table["textblob_polarity"], linestyle=":", color="#4d6d9a", label="TextBlob polarity (raw)")
    ax.plot(xs, table["vader_leak_free"], color="#b2182b", label="VADER compound (leak-free)", **mark("s"))
    ax.plot(xs, table["vader"], linestyle=":", color="#b2182b", label="VADER compound (raw)")
    ax.plot(xs, table["textblob_subjectivity"], linestyle="--", color="0.45", label="TextBlob subjectivity (0 to 1)",
            **({"marker": "."} if marks else {}))
    if diplomatic is not None:
        ax.plot(xs, _tone_series(diplomatic, table.index), color="#1a7f37", linewidth=2.4, zorder=3,
                label="diplomatic tone (-1 pressure to +1 cooperation)", **mark("D"))
    _mark_paragraphs(ax, statement)
    xlabel = _sentence_ticks(ax, list(table.index), statement, narrow)
    ax.set_xlim(0.5, max(1, n) + 0.5)
    ax.set_ylim(-1.05, 1.05)
    _labels(ax, xlabel + ("; dotted: new paragraph" if len(statement.paragraphs) > 1 else ""),
            "score (-1 negative to +1 positive)")
    _legend(ax, narrow)
    _title(ax, "Sentiment arc" + (" and diplomatic tone" if diplomatic is not None else ""), statement)
    return _finish(fig)


#: Most points the lexicon comparison labels (wide, narrow): the farthest from neutral, where there is room.
POINT_LABELS = (12, 6)


def _place_label(ax: Axes, text: str, xy: tuple[float, float], frame: Bbox, points: list[Any], placed: list[Bbox],
                 **style: Any) -> bool:
    """Put ``text`` beside the point ``xy`` (data coordinates): above right, above left, below right or
    below left, the first place where it stays inside ``frame`` (the axes, in pixels), covers none of
    ``points`` (pixels) and touches none of the labels ``placed`` so far (it is added to them). False,
    and nothing drawn, when no place fits. The figure must be laid out already."""
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


def _label_points(ax: Axes, ids: Sequence[str], xs: Sequence[float], ys: Sequence[float], most: int) -> int:
    """Label the points farthest from (0, 0) with their sentence ids (points on the same spot share a
    label, "p1s2 +3"), each beside its point where it touches no other label and stays in the axes;
    at most ``most``. Returns how many points were labelled. The figure must be laid out already."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
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
        if len(placed) >= most or max(abs(xy[0]), abs(xy[1])) < NEUTRAL_BAND:
            break
        names = spots[xy]
        text = names[0] + (f" +{len(names) - 1}" if len(names) > 1 else "")
        if _place_label(ax, text, xy, frame, points, placed, color="0.15"):
            labelled += len(names)
    return labelled


@_two_layouts
def lexicon_comparison_figure(table: pd.DataFrame, statement: Statement, agreement: dict[str, float], *,
                              narrow: bool = False) -> Figure:
    """TextBlob polarity against VADER compound per sentence (leak-free), a point per sentence, with the
    neutral band shaded; the sentences farthest from neutral are labelled with their ids where there is
    room (the legend says how many); the title gives Pearson r and sign agreement."""
    fig, ax = _figure(5.0, narrow, 5.2, width=8.0)
    x, y = table["textblob_polarity_leak_free"], table["vader_leak_free"]
    ax.axhspan(-NEUTRAL_BAND, NEUTRAL_BAND, color="0.92")
    ax.axvspan(-NEUTRAL_BAND, NEUTRAL_BAND, color="0.92")
    ax.scatter(x, y, color="#4d6d9a", alpha=0.75 if len(table) > 30 else 1.0, s=18 if len(table) > 30 else 30)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_aspect("equal")
    _labels(ax, "TextBlob polarity, leak-free (-1 to +1)", "VADER compound, leak-free (-1 to +1)")
    r = agreement["pearson_r"]
    what = (f"Do the two lexicons agree? r = {r:.2f}, same sign in {agreement['sign_agreement']:.0%} of sentences"
            if not math.isnan(r) else f"Do the two lexicons agree? same sign in {agreement['sign_agreement']:.0%}")
    _title(ax, what, statement, size=10)
    point = Line2D([], [], linestyle="", marker="o", color="#4d6d9a", label="a sentence")
    band = Patch(color="0.92", label=f"neutral band (-{NEUTRAL_BAND:g} to +{NEUTRAL_BAND:g})")
    def labelled(n: int) -> str:
        return _wrap(f"labelled: {n} of {len(table)} sentences, the farthest from neutral with room for a label "
                     "(+n: n more on the same spot)", NARROW_WIDTH - 0.8 if narrow else 2.2, SMALL)

    _legend(ax, narrow, [point, band, Line2D([], [], linestyle="", label=labelled(len(table)))])
    _finish(fig)  # laid out for good: the labels are placed in the final layout
    most = POINT_LABELS[1] if narrow else POINT_LABELS[0]
    count = _label_points(ax, list(table.index), list(x), list(y), most)
    legend = fig.legends[0] if narrow else ax.get_legend()
    legend.get_texts()[2].set_text(labelled(count))  # no longer than the text it replaces
    return fig


@_two_layouts
def actor_tone_figure(table: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Mean leak-free TextBlob, VADER and diplomatic tone of the sentences naming each actor
    (from :func:`readout.analyses.tone.toward.actor_table`)."""
    measures = [("textblob_leak_free", "#4d6d9a"), ("vader_leak_free", "#b2182b"), ("diplomatic_tone", "#1a7f37")]
    fig, ax = _figure(1.6 + 0.6 * max(1, len(table)), narrow, 2.4 + 0.7 * max(1, len(table)))
    if table.empty:
        ax.text(0.5, 0.5, "no actors named", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        _title(ax, "Tone of the sentences naming each actor", statement)
        return _finish(fig)
    height = 0.8 / len(measures)
    for k, (name, color) in enumerate(measures):
        ys = [i + (k - 1) * height for i in range(len(table))]
        ax.barh(ys, table[name], height=height, color=color, label=label(name))
    ax.axvline(0, color="0.4", linewidth=0.8)
    names = [f"{a} ({n} sentence{'' if n == 1 else 's'})" for a, n in zip(table.index, table["sentences"], strict=True)]
    ax.set_yticks(range(len(table)), _names(names, narrow, 10, lines=3 if narrow else 2), fontsize=10)
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.05)
    _labels(ax, "mean score of the sentences naming the actor (-1 negative to +1 positive)")
    _legend(ax, narrow)
    _title(ax, "Tone of the sentences naming each actor", statement)
    return _finish(fig)


@_two_layouts
def key_terms_figure(table: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Key terms and phrases by TF-IDF score, one bar each, terms and phrases in two colours
    (from :func:`readout.analyses.topics.keyterms.key_terms_table`)."""
    fig, ax = _figure(1.6 + 0.28 * max(1, len(table)), narrow, 2.2 + 0.36 * max(1, len(table)))
    if table.empty:
        ax.text(0.5, 0.5, "no content terms", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        _title(ax, "Key terms and phrases", statement)
        return _finish(fig)
    colours = {"term": "#4d6d9a", "phrase": "#d08c2b"}
    labels = [f"{t} ({n}×)" for t, n in zip(table.index, table["count"], strict=True)]
    ax.barh(range(len(table)), table["score"], color=[colours[k] for k in table["kind"]], height=0.7)
    ax.set_yticks(range(len(table)), _names(labels, narrow, SMALL, lines=1),
                  fontsize=SMALL)
    ax.invert_yaxis()
    _labels(ax, "TF-IDF score: count × idf over the statement's sentences (no unit; compare within this statement)")
    _legend(ax, narrow, [Patch(color=c, label=f"{k}s") for k, c in colours.items()])
    _title(ax, "Key terms and phrases", statement)
    return _finish(fig)


@_two_layouts
def theme_share_figure(table: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Each theme's share of sentences and of words, in agenda order (from
    :func:`readout.analyses.topics.themes.theme_share_table`); themes never matched are shown at 0."""
    fig, ax = _figure(1.6 + 0.42 * max(1, len(table)), narrow, 2.4 + 0.5 * max(1, len(table)))
    ys = range(len(table))
    ax.barh([y - 0.2 for y in ys], table["sentence_share"], height=0.4, color="#4d6d9a",
            label="share of sentences carrying the theme")
    ax.barh([y + 0.2 for y in ys], table["word_share"], height=0.4, color="#d08c2b",
            label="share of words (a sentence's words split among its themes)")
    ranks = [f"{r}. " if pd.notna(r) else "— " for r in table["agenda_rank"]]
    names = [f"{r}{t}" for r, t in zip(ranks, table.index, strict=True)]
    ax.set_yticks(list(ys), _names(names, narrow, 9), fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.0)
    _labels(ax, "share of the statement (0 to 1); themes numbered in order of first appearance, — = absent")
    _legend(ax, narrow)
    _title(ax, "How much of the statement each theme takes", statement)
    return _finish(fig)


def _colorbar_place(ax: Axes, narrow: bool, below: float = 0.0) -> dict[str, Any]:
    """A colour bar beside a heat map (wide), or below it (narrow: the plot keeps the figure's width),
    clear of the plot's x tick labels and axis label (so the axis label and title are set first; ``below``:
    inches the figure keeps under the colour bar, for a key)."""
    if not narrow:
        return {"fraction": 0.03}
    fig = ax.figure
    _narrow_xlabels(fig)  # wrapped as they will be
    label_lines = ax.get_xlabel().count("\n") + 1 if ax.get_xlabel() else 0
    title_lines = fig._suptitle.get_text().count("\n") + 1 if fig._suptitle is not None else 0
    need = 0.3 + label_lines * 10 * 1.2 / 72  # inches: tick labels and a gap, the axis label
    region = fig.get_figheight() - title_lines * 12 * 1.2 / 72 - 0.9 - below  # the plot and its bar get about this
    return {"location": "bottom", "fraction": 0.06, "aspect": 30, "pad": min(0.45, need / max(1.0, region))}


def _heat_rows(names: Sequence[str], narrow: bool) -> list[str]:
    return _names(names, narrow, 9)


@_two_layouts
def theme_flow_figure(flow: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Theme matches per sentence along the statement, a heat map (themes as rows, sentences in order as
    columns, the count in each cell while cells are wide enough) with paragraph boundaries dotted
    (from :func:`readout.analyses.topics.themes.theme_flow`)."""
    fig, ax = _figure(1.9 + 0.38 * max(1, len(flow)), narrow, 2.6 + 0.5 * max(1, len(flow)))
    data = flow.to_numpy()
    im = ax.imshow(data, cmap="Oranges", aspect="auto", vmin=0, vmax=max(1, int(data.max()) if data.size else 1),
                   interpolation="nearest")
    _cell_numbers(ax, data, narrow)
    _paragraph_lines(ax, statement)
    ax.set_yticks(range(len(flow)), _heat_rows(flow.index, narrow), fontsize=9)
    xlabel = _sentence_ticks(ax, list(flow.columns), statement, narrow, first=0)
    _labels(ax, xlabel + "; dotted: new paragraph")
    _title(ax, "Theme flow: which themes each sentence touches", statement)
    fig.colorbar(im, ax=ax, label="theme phrases matched (count)", **_colorbar_place(ax, narrow))
    return _finish(fig)


@_two_layouts
def topic_weights_figure(table: pd.DataFrame, statement: Statement, terms: pd.DataFrame | None = None, *,
                         narrow: bool = False) -> Figure:
    """Each sentence's topic shares as a heat map, topics as rows (named by their three heaviest terms
    when ``terms``, from :func:`readout.analyses.topics.topicmodel.topic_terms_table`, is given), paragraph boundaries
    dotted (from :func:`readout.analyses.topics.topicmodel.sentence_topic_table`)."""
    shares = table.drop(columns=["main_topic"]).T
    if terms is not None:
        shares.index = [f"{t}: " + ", ".join(w.rsplit(" (", 1)[0] for w in terms.loc[t].iloc[0].split(", ")[:3])
                        for t in shares.index]
    fig, ax = _figure(2.6 + 0.45 * max(1, len(shares)), narrow, 2.8 + 0.7 * max(1, len(shares)))
    im = ax.imshow(shares.to_numpy(), cmap="Blues", aspect="auto", vmin=0, vmax=1, interpolation="nearest")
    _paragraph_lines(ax, statement)
    ax.set_yticks(range(len(shares)), _heat_rows(shares.index, narrow), fontsize=9)
    xlabel = _sentence_ticks(ax, list(shares.columns), statement, narrow, first=0)
    _labels(ax, xlabel + "; dotted: new paragraph")
    _title(ax, "Exploratory topic model (NMF): topic shares per sentence", statement)
    fig.colorbar(im, ax=ax, label="topic's share of the sentence (0 to 1)", **_colorbar_place(ax, narrow))
    return _finish(fig)


@_two_layouts
def credit_graph_figure(edges: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Who credits whom: actors on a circle, an arrow per edge of :func:`readout.analyses.actors.credit.credit_edges`
    (green: credit, red: pressure; width and label: number of events; a loop: an edge from an actor to itself)."""
    from matplotlib.patches import FancyArrowPatch

    fig, ax = _figure(5.2, narrow, width=7.0)
    ax.set_axis_off()
    _title(ax, "Who credits whom (green) and who presses whom (red)", statement,
           width=None if narrow else 5.0)  # wide: centred on the plot, beside the legend
    if edges.empty:
        ax.text(0.5, 0.5, _wrap("no credit or pressure between named actors", fig.get_figwidth() - 0.4),
                ha="center", va="center", transform=ax.transAxes)
        return _finish(fig)
    nodes = list(dict.fromkeys([*edges["from_actor"], *edges["to_actor"]]))
    pos = {n: (math.cos(math.pi / 2 + 2 * math.pi * i / len(nodes)), math.sin(math.pi / 2 + 2 * math.pi * i / len(nodes)))
           for i, n in enumerate(nodes)} if len(nodes) > 1 else {nodes[0]: (0.0, 0.0)}
    colours = {"credit": "#1a7f37", "pressure": "#b2182b"}
    for row in edges.to_dict("records"):
        a, b = pos[row["from_actor"]], pos[row["to_actor"]]
        colour = colours.get(row["kind"], "0.4")
        width = 1 + row["events"]
        if row["from_actor"] == row["to_actor"]:
            loop = FancyArrowPatch((a[0] - 0.08, a[1] + 0.1), (a[0] + 0.08, a[1] + 0.1),
                                   connectionstyle="arc3,rad=-1.6", arrowstyle="-|>", mutation_scale=14,
                                   color=colour, linewidth=width)
            ax.add_patch(loop)
            ax.annotate(f"self {row['events']}", (a[0], a[1] + 0.33), ha="center", fontsize=SMALL, color=colour)
            continue
        arrow = FancyArrowPatch(a, b, connectionstyle="arc3,rad=0.15", arrowstyle="-|>", mutation_scale=16,
                                color=colour, linewidth=width, shrinkA=28, shrinkB=28)
        ax.add_patch(arrow)
        ax.annotate(str(row["events"]), ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + 0.06), ha="center", fontsize=9,
                    color=colour)
    for name, (x, y) in pos.items():
        ax.annotate(_cut(name, 1.1 if narrow else 1.8, 9, lines=3), (x, y), ha="center", va="center", fontsize=9,
                    bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": "0.5"})
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.4, 1.6)
    _legend(ax, narrow, [Patch(color=c, label=k) for k, c in colours.items()], title="arrow width: events",
            title_fontsize=SMALL)
    return _finish(fig)


@_two_layouts
def balance_figure(table: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Each actor's balance (from :func:`readout.analyses.actors.credit.balance_table`): grouped bars per measure."""
    from matplotlib.ticker import MaxNLocator

    # narrow: a row per measure, a legend line or two per actor below
    fig, ax = _figure(3.8, narrow, 2.4 + 0.35 * table.shape[1] + 0.35 * len(table))
    what = "Is the text symmetric? Each actor's events, commitments and credit"
    if table.empty:
        ax.text(0.5, 0.5, "no events by named actors", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        _title(ax, "Is the text symmetric?", statement)
        return _finish(fig)
    measures = list(table.columns)
    width = 0.8 / len(table)
    palette = ["#4d6d9a", "#d08c2b", "#1a7f37", "#b2182b", "#7b5ea7", "#6b6b6b"]
    for i, (actor, row) in enumerate(table.iterrows()):
        if narrow:  # measures as rows: their names stay level and whole on a narrow figure
            ys = [m + (i - (len(table) - 1) / 2) * width for m in range(len(measures))]
            ax.barh(ys, row.to_numpy(), height=width, color=palette[i % len(palette)], label=_cut(actor, 2.8, SMALL, 2))
        else:
            xs = [m + (i - (len(table) - 1) / 2) * width for m in range(len(measures))]
            ax.bar(xs, row.to_numpy(), width=width, color=palette[i % len(palette)], label=_cut(actor, 2.4, SMALL, 2))
    names = [label(m) for m in measures]
    if narrow:
        ax.set_yticks(range(len(measures)), [_wrap(n, 1.1, SMALL) for n in names], fontsize=SMALL)
        ax.invert_yaxis()
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        _labels(ax, "count (events, commitments)", "measure")
    else:
        room = (WIDE_WIDTH - 4.0) / len(measures) - 0.1  # inches per measure, beside the legend
        ax.set_xticks(range(len(measures)), [_cut(n, room, SMALL, 3) for n in names], fontsize=SMALL)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        _labels(ax, "measure", "count (events, commitments)")
    _legend(ax, narrow)
    _title(ax, what, statement)
    return _finish(fig)
