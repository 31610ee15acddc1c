"""Figures shared by the notebooks, in one house style.

Every figure has a title naming the measure and the statement, labelled axes with units, and an
x-axis in sentence order so that bars match rows of the sentence table. Functions return a
:class:`~matplotlib.figure.Figure` that is not registered with pyplot: a notebook shows it by
leaving it as a cell's last value, and no figure state is kept between calls.

Legible at any length: sentence-level figures label their x axis by sentence id while every id fits,
else by paragraph ("p3": the first sentence of paragraph 3); names beside a plot are wrapped and cut
to a share of its width; no text touches another or leaves the figure (:mod:`readout.report.figure_layout`).
Each figure function takes ``narrow``: ``False`` (the default) draws the wide figure for a page,
``True`` the phone layout; a page shows both as one ``<picture>`` (:mod:`readout.report.pictures`).
"""

from __future__ import annotations

import math
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from readout.analyses.anatomy import LONG_SENTENCE_WORDS
from readout.analyses.tone.sentiment import NEUTRAL_BAND
from readout.fields import label
from readout.report.figure_layout import (
    NARROW_WIDTH,
    SMALL,
    WIDE_WIDTH,
    axis_labels,
    cell_numbers,
    colorbar_place,
    cut,
    finish,
    fit_names,
    label_farthest,
    legend,
    new_figure,
    sentence_ticks,
    set_title,
    two_layouts,
    wrap,
)
from readout.report.pictures import figure_bundle
from readout.text.statement import Statement

__all__ = ["PLAIN_LANGUAGE_GRADE", "POINT_LABELS", "actor_tone_figure", "balance_figure", "credit_graph_figure",
           "dispersion_figure", "key_terms_figure", "lexicon_comparison_figure", "mentions_figure", "readability_figure",
           "sentence_length_figure", "sentiment_arc_figure", "theme_flow_figure", "theme_share_figure",
           "topic_weights_figure", "use_house_style"]


def use_house_style() -> None:
    """Set matplotlib and pandas display options used by every notebook: fixed figure size and
    resolution (so stored outputs are reproducible), no top/right spines, full-width text columns in
    tables. In a notebook, figures are drawn once at their own size: every figure lays itself out
    (measured once, then fixed: :func:`readout.report.figure_layout.finish`), so the inline backend's second
    drawing to crop it (``bbox_inches="tight"``) is not needed. A figure is shown through
    :func:`readout.report.pictures.figure_bundle`: a ``<picture>`` of its wide and phone layouts
    (``text/html``), the wide PNG (``image/png``) and its title (``text/plain``).
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


def _title(ax: Axes, what: str, statement: Statement, size: float = 12, width: float | None = None) -> None:
    """The title: what the figure shows, then the statement's label (:func:`readout.report.figure_layout.set_title`)."""
    set_title(ax, f"{what}\n{statement.label}", size, width)


def _paragraph_of(statement: Statement) -> dict[str, str]:
    """Each sentence id's paragraph id ("p2s3" → "p2")."""
    return {s.id: s.paragraph_id for s in statement.sentences}


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


@two_layouts
def sentence_length_figure(statement: Statement, *, narrow: bool = False) -> Figure:
    """Bars of words per sentence in text order, paragraph boundaries dotted, the mean dashed."""
    sents = statement.sentences
    fig, ax = new_figure(3.6, narrow)
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
    legend(ax, narrow, handles)
    _mark_paragraphs(ax, statement)
    xlabel = sentence_ticks(ax, [s.id for s in sents], _paragraph_of(statement), narrow)
    ax.set_xlim(0.4, max(1, len(xs)) + 0.6)
    axis_labels(ax, xlabel + ("; dotted: new paragraph" if len(statement.paragraphs) > 1 else ""), "words per sentence")
    _title(ax, "Sentence length along the statement", statement)
    return finish(fig)


@two_layouts
def mentions_figure(table: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Actor mentions per paragraph (from :func:`readout.analyses.anatomy.mentions_by_paragraph`) as a heat
    table: actors as rows, paragraphs in order as columns, the count in each cell while cells are wide enough."""
    data = table.drop(columns=["total"], errors="ignore")
    fig, ax = new_figure(1.6 + 0.45 * max(1, len(data)), narrow, 2.6 + 0.45 * max(1, len(data)))
    if data.empty:
        ax.text(0.5, 0.5, "no actor mentions found", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        values = data.to_numpy()
        im = ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
        cell_numbers(ax, values, narrow, fontsize=9, dark=values.max() / 2)
        ax.set_xticks(range(data.shape[1]), list(data.columns), fontsize=SMALL)
        ax.set_yticks(range(data.shape[0]), fit_names(data.index, narrow, 10), fontsize=10)
        axis_labels(ax, "paragraph, in order")
    _title(ax, "Actor mentions per paragraph", statement)
    if not data.empty:
        fig.colorbar(im, ax=ax, label="mentions (count)", **colorbar_place(ax, narrow))
    return finish(fig)


#: Plain-language guidance for public documents commonly aims at this U.S. grade or below.
PLAIN_LANGUAGE_GRADE = 8


@two_layouts
def readability_figure(table: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Grade-level indices (from :func:`readout.analyses.style.readability.readability_table`) as bars, with the
    plain-language target (grade 8) and the end of high school (grade 12) marked."""
    grades = table.loc[["flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau", "ari"], "value"]
    fig, ax = new_figure(3.2, narrow)
    names = [label(i) for i in grades.index][::-1]
    ax.barh(fit_names(names, narrow, 10), list(grades.values)[::-1], color="#4d6d9a", height=0.6)
    for y, v in enumerate(list(grades.values)[::-1]):
        ax.annotate(f"{v:.1f}", xy=(v, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=SMALL)
    ax.axvline(PLAIN_LANGUAGE_GRADE, color="#1a7f37", linestyle="--", linewidth=1,
               label=f"plain-language target (grade {PLAIN_LANGUAGE_GRADE})")
    ax.axvline(12, color="0.4", linestyle=":", linewidth=1, label="end of high school (grade 12)")
    ax.set_xlim(0, max(20.0, float(grades.max()) + 2))
    axis_labels(ax, "U.S. school grade needed to read the text (years of schooling)")
    legend(ax, narrow)
    _title(ax, "Readability as grade level", statement)
    return finish(fig)


@two_layouts
def dispersion_figure(table: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Lexical dispersion ("x-ray"): one row per term, a tick at each word position where it occurs,
    paragraph starts dotted (from :func:`readout.analyses.style.concordance.dispersion_table`)."""
    terms = list(dict.fromkeys(table["term"]))
    fig, ax = new_figure(1.4 + 0.32 * max(1, len(terms)), narrow)
    if not terms:
        ax.text(0.5, 0.5, "no actors or content terms to place", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        _title(ax, "Where each actor and term appears", statement)
        return finish(fig)
    n_words = statement.n_words
    row = {term: y for y, term in enumerate(terms)}
    ax.scatter(table["position"], [row[t] for t in table["term"]], marker="|", s=200, color="#4d6d9a",
               linewidths=1.5)  # one collection for every term: one artist to lay out and draw
    position = 0
    for p in statement.paragraphs:
        if position:
            ax.axvline(position - 0.5, color="0.6", linestyle=":", linewidth=1)
        position += sum(s.n_words for s in p.sentences)
    ax.set_yticks(range(len(terms)), fit_names(terms, narrow, 9, lines=1), fontsize=9)
    ax.set_ylim(len(terms) - 0.5, -0.5)
    ax.set_xlim(-1, max(1, n_words))
    if narrow:
        ax.xaxis.set_major_locator(MaxNLocator(4))
    axis_labels(ax, "position in the statement (words from the start of the body; dotted: new paragraph)")
    _title(ax, "Where each actor and term appears", statement)
    return finish(fig)


def _tone_series(diplomatic: pd.DataFrame | pd.Series, index: pd.Index) -> pd.Series:
    """The per-sentence diplomatic tone (a ``tone`` column, or a Series) in the order of ``index``."""
    tone = diplomatic["tone"] if isinstance(diplomatic, pd.DataFrame) else diplomatic
    return tone.reindex(index).astype("float64")


@two_layouts
def sentiment_arc_figure(table: pd.DataFrame, statement: Statement,
                         diplomatic: pd.DataFrame | pd.Series | None = None, *, narrow: bool = False) -> Figure:
    """TextBlob polarity and subjectivity and VADER compound along the statement, sentence by sentence,
    paragraph boundaries dotted (from :func:`readout.analyses.tone.sentiment.sentence_table`; leak-free values
    solid, raw dotted); with ``diplomatic`` (the table of :func:`readout.analyses.tone.diplomatic.tone_table`,
    or its ``tone`` column), the diplomatic tone of each sentence (−1 pressure to +1 cooperation) as a
    thick green line."""
    fig, ax = new_figure(3.8, narrow, 5.8)
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
    xlabel = sentence_ticks(ax, list(table.index), _paragraph_of(statement), narrow)
    ax.set_xlim(0.5, max(1, n) + 0.5)
    ax.set_ylim(-1.05, 1.05)
    axis_labels(ax, xlabel + ("; dotted: new paragraph" if len(statement.paragraphs) > 1 else ""),
            "score (-1 negative to +1 positive)")
    legend(ax, narrow)
    _title(ax, "Sentiment arc" + (" and diplomatic tone" if diplomatic is not None else ""), statement)
    return finish(fig)


#: Most points the lexicon comparison labels (wide, narrow): the farthest from neutral, where there is room.
POINT_LABELS = (12, 6)


@two_layouts
def lexicon_comparison_figure(table: pd.DataFrame, statement: Statement, agreement: dict[str, float], *,
                              narrow: bool = False) -> Figure:
    """TextBlob polarity against VADER compound per sentence (leak-free), a point per sentence, with the
    neutral band shaded; the sentences farthest from neutral are labelled with their ids where there is
    room (the legend says how many); the title gives Pearson r and sign agreement."""
    fig, ax = new_figure(5.0, narrow, 5.2, width=8.0)
    x, y = table["textblob_polarity_leak_free"], table["vader_leak_free"]
    ax.axhspan(-NEUTRAL_BAND, NEUTRAL_BAND, color="0.92")
    ax.axvspan(-NEUTRAL_BAND, NEUTRAL_BAND, color="0.92")
    ax.scatter(x, y, color="#4d6d9a", alpha=0.75 if len(table) > 30 else 1.0, s=18 if len(table) > 30 else 30)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_aspect("equal")
    axis_labels(ax, "TextBlob polarity, leak-free (-1 to +1)", "VADER compound, leak-free (-1 to +1)")
    r = agreement["pearson_r"]
    what = (f"Do the two lexicons agree? r = {r:.2f}, same sign in {agreement['sign_agreement']:.0%} of sentences"
            if not math.isnan(r) else f"Do the two lexicons agree? same sign in {agreement['sign_agreement']:.0%}")
    _title(ax, what, statement, size=10)
    point = Line2D([], [], linestyle="", marker="o", color="#4d6d9a", label="a sentence")
    band = Patch(color="0.92", label=f"neutral band (-{NEUTRAL_BAND:g} to +{NEUTRAL_BAND:g})")
    def labelled(n: int) -> str:
        return wrap(f"labelled: {n} of {len(table)} sentences, the farthest from neutral with room for a label "
                     "(+n: n more on the same spot)", NARROW_WIDTH - 0.8 if narrow else 2.2, SMALL)

    legend(ax, narrow, [point, band, Line2D([], [], linestyle="", label=labelled(len(table)))])
    finish(fig)  # laid out for good: the labels are placed in the final layout
    most = POINT_LABELS[1] if narrow else POINT_LABELS[0]
    count = label_farthest(ax, list(table.index), list(x), list(y), most, NEUTRAL_BAND, color="0.15")
    key = fig.legends[0] if narrow else ax.get_legend()
    key.get_texts()[2].set_text(labelled(count))  # no longer than the text it replaces
    return fig


@two_layouts
def actor_tone_figure(table: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Mean leak-free TextBlob, VADER and diplomatic tone of the sentences naming each actor
    (from :func:`readout.analyses.tone.toward.actor_table`)."""
    measures = [("textblob_leak_free", "#4d6d9a"), ("vader_leak_free", "#b2182b"), ("diplomatic_tone", "#1a7f37")]
    fig, ax = new_figure(1.6 + 0.6 * max(1, len(table)), narrow, 2.4 + 0.7 * max(1, len(table)))
    if table.empty:
        ax.text(0.5, 0.5, "no actors named", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        _title(ax, "Tone of the sentences naming each actor", statement)
        return finish(fig)
    height = 0.8 / len(measures)
    for k, (name, color) in enumerate(measures):
        ys = [i + (k - 1) * height for i in range(len(table))]
        ax.barh(ys, table[name], height=height, color=color, label=label(name))
    ax.axvline(0, color="0.4", linewidth=0.8)
    names = [f"{a} ({n} sentence{'' if n == 1 else 's'})" for a, n in zip(table.index, table["sentences"], strict=True)]
    ax.set_yticks(range(len(table)), fit_names(names, narrow, 10, lines=3 if narrow else 2), fontsize=10)
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.05)
    axis_labels(ax, "mean score of the sentences naming the actor (-1 negative to +1 positive)")
    legend(ax, narrow)
    _title(ax, "Tone of the sentences naming each actor", statement)
    return finish(fig)


@two_layouts
def key_terms_figure(table: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Key terms and phrases by TF-IDF score, one bar each, terms and phrases in two colours
    (from :func:`readout.analyses.topics.keyterms.key_terms_table`)."""
    fig, ax = new_figure(1.6 + 0.28 * max(1, len(table)), narrow, 2.2 + 0.36 * max(1, len(table)))
    if table.empty:
        ax.text(0.5, 0.5, "no content terms", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        _title(ax, "Key terms and phrases", statement)
        return finish(fig)
    colours = {"term": "#4d6d9a", "phrase": "#d08c2b"}
    labels = [f"{t} ({n}×)" for t, n in zip(table.index, table["count"], strict=True)]
    ax.barh(range(len(table)), table["score"], color=[colours[k] for k in table["kind"]], height=0.7)
    ax.set_yticks(range(len(table)), fit_names(labels, narrow, SMALL, lines=1),
                  fontsize=SMALL)
    ax.invert_yaxis()
    axis_labels(ax, "TF-IDF score: count × idf over the statement's sentences (no unit; compare within this statement)")
    legend(ax, narrow, [Patch(color=c, label=f"{k}s") for k, c in colours.items()])
    _title(ax, "Key terms and phrases", statement)
    return finish(fig)


@two_layouts
def theme_share_figure(table: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Each theme's share of sentences and of words, in agenda order (from
    :func:`readout.analyses.topics.themes.theme_share_table`); themes never matched are shown at 0."""
    fig, ax = new_figure(1.6 + 0.42 * max(1, len(table)), narrow, 2.4 + 0.5 * max(1, len(table)))
    ys = range(len(table))
    ax.barh([y - 0.2 for y in ys], table["sentence_share"], height=0.4, color="#4d6d9a",
            label="share of sentences carrying the theme")
    ax.barh([y + 0.2 for y in ys], table["word_share"], height=0.4, color="#d08c2b",
            label="share of words (a sentence's words split among its themes)")
    ranks = [f"{r}. " if pd.notna(r) else "— " for r in table["agenda_rank"]]
    names = [f"{r}{t}" for r, t in zip(ranks, table.index, strict=True)]
    ax.set_yticks(list(ys), fit_names(names, narrow, 9), fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.0)
    axis_labels(ax, "share of the statement (0 to 1); themes numbered in order of first appearance, — = absent")
    legend(ax, narrow)
    _title(ax, "How much of the statement each theme takes", statement)
    return finish(fig)


@two_layouts
def theme_flow_figure(flow: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Theme matches per sentence along the statement, a heat map (themes as rows, sentences in order as
    columns, the count in each cell while cells are wide enough) with paragraph boundaries dotted
    (from :func:`readout.analyses.topics.themes.theme_flow`)."""
    fig, ax = new_figure(1.9 + 0.38 * max(1, len(flow)), narrow, 2.6 + 0.5 * max(1, len(flow)))
    data = flow.to_numpy()
    im = ax.imshow(data, cmap="Oranges", aspect="auto", vmin=0, vmax=max(1, int(data.max()) if data.size else 1),
                   interpolation="nearest")
    cell_numbers(ax, data, narrow)
    _paragraph_lines(ax, statement)
    ax.set_yticks(range(len(flow)), fit_names(flow.index, narrow, 9), fontsize=9)
    xlabel = sentence_ticks(ax, list(flow.columns), _paragraph_of(statement), narrow, first=0)
    axis_labels(ax, xlabel + "; dotted: new paragraph")
    _title(ax, "Theme flow: which themes each sentence touches", statement)
    fig.colorbar(im, ax=ax, label="theme phrases matched (count)", **colorbar_place(ax, narrow))
    return finish(fig)


@two_layouts
def topic_weights_figure(table: pd.DataFrame, statement: Statement, terms: pd.DataFrame | None = None, *,
                         narrow: bool = False) -> Figure:
    """Each sentence's topic shares as a heat map, topics as rows (named by their three heaviest terms
    when ``terms``, from :func:`readout.analyses.topics.topicmodel.topic_terms_table`, is given), paragraph boundaries
    dotted (from :func:`readout.analyses.topics.topicmodel.sentence_topic_table`)."""
    shares = table.drop(columns=["main_topic"]).T
    if terms is not None:
        shares.index = [f"{t}: " + ", ".join(w.rsplit(" (", 1)[0] for w in terms.loc[t].iloc[0].split(", ")[:3])
                        for t in shares.index]
    fig, ax = new_figure(2.6 + 0.45 * max(1, len(shares)), narrow, 2.8 + 0.7 * max(1, len(shares)))
    im = ax.imshow(shares.to_numpy(), cmap="Blues", aspect="auto", vmin=0, vmax=1, interpolation="nearest")
    _paragraph_lines(ax, statement)
    ax.set_yticks(range(len(shares)), fit_names(shares.index, narrow, 9), fontsize=9)
    xlabel = sentence_ticks(ax, list(shares.columns), _paragraph_of(statement), narrow, first=0)
    axis_labels(ax, xlabel + "; dotted: new paragraph")
    _title(ax, "Exploratory topic model (NMF): topic shares per sentence", statement)
    fig.colorbar(im, ax=ax, label="topic's share of the sentence (0 to 1)", **colorbar_place(ax, narrow))
    return finish(fig)


@two_layouts
def credit_graph_figure(edges: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Who credits whom: actors on a circle, an arrow per edge of :func:`readout.analyses.actors.credit.credit_edges`
    (green: credit, red: pressure; width and label: number of events; a loop: an edge from an actor to itself)."""
    from matplotlib.patches import FancyArrowPatch

    fig, ax = new_figure(5.2, narrow, width=7.0)
    ax.set_axis_off()
    _title(ax, "Who credits whom (green) and who presses whom (red)", statement,
           width=None if narrow else 5.0)  # wide: centred on the plot, beside the legend
    if edges.empty:
        ax.text(0.5, 0.5, wrap("no credit or pressure between named actors", fig.get_figwidth() - 0.4),
                ha="center", va="center", transform=ax.transAxes)
        return finish(fig)
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
        ax.annotate(cut(name, 1.1 if narrow else 1.8, 9, lines=3), (x, y), ha="center", va="center", fontsize=9,
                    bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": "0.5"})
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.4, 1.6)
    legend(ax, narrow, [Patch(color=c, label=k) for k, c in colours.items()], title="arrow width: events",
            title_fontsize=SMALL)
    return finish(fig)


@two_layouts
def balance_figure(table: pd.DataFrame, statement: Statement, *, narrow: bool = False) -> Figure:
    """Each actor's balance (from :func:`readout.analyses.actors.credit.balance_table`): grouped bars per measure."""
    # narrow: a row per measure, a legend line or two per actor below
    fig, ax = new_figure(3.8, narrow, 2.4 + 0.35 * table.shape[1] + 0.35 * len(table))
    what = "Is the text symmetric? Each actor's events, commitments and credit"
    if table.empty:
        ax.text(0.5, 0.5, "no events by named actors", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        _title(ax, "Is the text symmetric?", statement)
        return finish(fig)
    measures = list(table.columns)
    width = 0.8 / len(table)
    palette = ["#4d6d9a", "#d08c2b", "#1a7f37", "#b2182b", "#7b5ea7", "#6b6b6b"]
    for i, (actor, row) in enumerate(table.iterrows()):
        if narrow:  # measures as rows: their names stay level and whole on a narrow figure
            ys = [m + (i - (len(table) - 1) / 2) * width for m in range(len(measures))]
            ax.barh(ys, row.to_numpy(), height=width, color=palette[i % len(palette)], label=cut(actor, 2.8, SMALL, 2))
        else:
            xs = [m + (i - (len(table) - 1) / 2) * width for m in range(len(measures))]
            ax.bar(xs, row.to_numpy(), width=width, color=palette[i % len(palette)], label=cut(actor, 2.4, SMALL, 2))
    names = [label(m) for m in measures]
    if narrow:
        ax.set_yticks(range(len(measures)), [wrap(n, 1.1, SMALL) for n in names], fontsize=SMALL)
        ax.invert_yaxis()
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        axis_labels(ax, "count (events, commitments)", "measure")
    else:
        room = (WIDE_WIDTH - 4.0) / len(measures) - 0.1  # inches per measure, beside the legend
        ax.set_xticks(range(len(measures)), [cut(n, room, SMALL, 3) for n in names], fontsize=SMALL)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        axis_labels(ax, "measure", "count (events, commitments)")
    legend(ax, narrow)
    _title(ax, what, statement)
    return finish(fig)
