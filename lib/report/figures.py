"""Figures shared by the notebooks, in one house style.

Every figure has a title naming the measure and the statement, labelled axes
with units, and an x-axis in sentence order so that bars match rows of the
sentence table. Functions return a :class:`~matplotlib.figure.Figure` that is
not registered with pyplot: a notebook shows it by leaving it as a cell's last
value, and no figure state is kept between calls.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from readout.analyses.anatomy import LONG_SENTENCE_WORDS
from readout.fields import label
from readout.text.statement import Statement

__all__ = ["use_house_style", "figure_text", "sentence_length_figure", "mentions_figure", "readability_figure", "dispersion_figure",
           "sentiment_arc_figure", "lexicon_comparison_figure", "actor_tone_figure", "key_terms_figure",
           "theme_share_figure", "theme_flow_figure", "topic_weights_figure", "credit_graph_figure", "balance_figure",
           "PLAIN_LANGUAGE_GRADE"]


def use_house_style() -> None:
    """Set matplotlib and pandas display options used by every notebook.

    Fixed figure size and resolution (so stored outputs are reproducible),
    no top/right spines, full-width text columns in tables. In a notebook, figures
    are drawn once at their own size: every figure lays itself out
    (``tight_layout``), so the inline backend's second drawing to crop it
    (``bbox_inches="tight"``) is not needed.
    """
    plt.rcParams.update(
        {
            "figure.figsize": (10.0, 3.6),
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
        # A figure's text is its title: what a screen reader and a page's alternative text say of it.
        shell.display_formatter.formatters["text/plain"].for_type(
            Figure, lambda fig, printer, cycle: printer.text(figure_text(fig)))


def figure_text(fig: Figure) -> str:
    """A figure in words: "Figure: " and its titles (the figure's, then each axes'), lines joined by ": "."""
    titles = [fig._suptitle.get_text() if fig._suptitle is not None else ""]
    titles += [ax.get_title() for ax in fig.axes]
    text = ": ".join(line.strip() for title in titles for line in title.splitlines() if line.strip())
    return f"Figure: {text}" if text else "Figure"


def _mark_paragraphs(ax: Axes, statement: Statement) -> None:
    """Dotted vertical lines between paragraphs, labelled with the paragraph id."""
    pos = 0
    for p in statement.paragraphs:
        if pos:
            ax.axvline(pos + 0.5, color="0.5", linestyle=":", linewidth=1)
        if p.sentences:
            ax.annotate(p.id, xy=(pos + 1, 1.0), xycoords=("data", "axes fraction"), va="bottom",
                        fontsize=8, color="0.35")
        pos += len(p.sentences)


def sentence_length_figure(statement: Statement) -> Figure:
    """Bars of words per sentence in text order, paragraph boundaries dotted, the mean dashed."""
    sents = statement.sentences
    fig = Figure()
    ax = fig.subplots()
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
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    _mark_paragraphs(ax, statement)
    ax.set_xticks(xs, [s.id for s in sents], rotation=90 if len(xs) > 20 else 0, fontsize=8)
    if len(xs) > 60:
        ax.set_xticks(xs[:: max(1, len(xs) // 30)])
    ax.set_xlabel("sentence, in order (id = paragraph and sentence)")
    ax.set_ylabel("words per sentence")
    ax.set_title(f"Sentence length along the statement\n{statement.label}", pad=14)
    fig.tight_layout()
    return fig


def mentions_figure(table: pd.DataFrame, statement: Statement) -> Figure:
    """Actor mentions per paragraph (from :func:`readout.analyses.anatomy.mentions_by_paragraph`) as a heat table."""
    data = table.drop(columns=["total"], errors="ignore")
    fig = Figure(figsize=(10.0, 1.2 + 0.45 * max(1, len(data))))
    ax = fig.subplots()
    if data.empty:
        ax.text(0.5, 0.5, "no actor mentions found", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        im = ax.imshow(data.to_numpy(), cmap="Blues", aspect="auto", vmin=0)
        for (i, j), v in pd.DataFrame(data.to_numpy()).stack().items():
            ax.text(j, i, str(v), ha="center", va="center", fontsize=9,
                    color="white" if v > data.to_numpy().max() / 2 else "black")
        ax.set_xticks(range(data.shape[1]), data.columns)
        ax.set_yticks(range(data.shape[0]), data.index)
        ax.set_xlabel("paragraph, in order")
        fig.colorbar(im, ax=ax, label="mentions (count)", fraction=0.03)
    ax.set_title(f"Actor mentions per paragraph\n{statement.label}")
    fig.tight_layout()
    return fig


#: Plain-language guidance for public documents commonly aims at this U.S. grade or below.
PLAIN_LANGUAGE_GRADE = 8


def readability_figure(table: pd.DataFrame, statement: Statement) -> Figure:
    """Grade-level indices (from :func:`readout.analyses.style.readability.readability_table`) as bars, with the
    plain-language target (grade 8) and the end of high school (grade 12) marked."""
    grades = table.loc[["flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau", "ari"], "value"]
    fig = Figure(figsize=(10.0, 3.2))
    ax = fig.subplots()
    ax.barh([label(i) for i in grades.index][::-1], list(grades.values)[::-1], color="#4d6d9a", height=0.6)
    for y, v in enumerate(list(grades.values)[::-1]):
        ax.annotate(f"{v:.1f}", xy=(v, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    ax.axvline(PLAIN_LANGUAGE_GRADE, color="#1a7f37", linestyle="--", linewidth=1,
               label=f"plain-language target (grade {PLAIN_LANGUAGE_GRADE})")
    ax.axvline(12, color="0.4", linestyle=":", linewidth=1, label="end of high school (grade 12)")
    ax.set_xlim(0, max(20.0, float(grades.max()) + 2))
    ax.set_xlabel("U.S. school grade needed to read the text (years of schooling)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.set_title(f"Readability as grade level\n{statement.label}")
    fig.tight_layout()
    return fig


def dispersion_figure(table: pd.DataFrame, statement: Statement) -> Figure:
    """Lexical dispersion ("x-ray"): one row per term, a tick at each word position where it occurs,
    paragraph starts dotted (from :func:`readout.analyses.style.concordance.dispersion_table`)."""
    terms = list(dict.fromkeys(table["term"]))
    fig = Figure(figsize=(10.0, 1.0 + 0.32 * max(1, len(terms))))
    ax = fig.subplots()
    if not terms:
        ax.text(0.5, 0.5, "no actors or content terms to place", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(f"Where each actor and term appears\n{statement.label}")
        return fig
    n_words = statement.n_words
    for y, term in enumerate(terms):
        xs = table.loc[table["term"] == term, "position"]
        ax.scatter(xs, [y] * len(xs), marker="|", s=200, color="#4d6d9a", linewidths=1.5)
    position = 0
    for p in statement.paragraphs:
        if position:
            ax.axvline(position - 0.5, color="0.6", linestyle=":", linewidth=1)
        position += sum(s.n_words for s in p.sentences)
    ax.set_yticks(range(len(terms)), terms, fontsize=9)
    ax.set_ylim(len(terms) - 0.5, -0.5)
    ax.set_xlim(-1, max(1, n_words))
    ax.set_xlabel("position in the statement (words from the start of the body; dotted: new paragraph)")
    ax.set_title(f"Where each actor and term appears\n{statement.label}")
    fig.tight_layout()
    return fig


def sentiment_arc_figure(table: pd.DataFrame, statement: Statement) -> Figure:
    """TextBlob polarity and subjectivity and VADER compound along the statement, sentence by sentence,
    paragraph boundaries dotted (from :func:`readout.analyses.tone.sentiment.sentence_table`; leak-free values solid)."""
    fig = Figure(figsize=(10.0, 3.8))
    ax = fig.subplots()
    xs = list(range(1, len(table) + 1))
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.plot(xs, table["textblob_polarity_leak_free"], marker="o", color="#4d6d9a", label="TextBlob polarity (leak-free)")
    ax.plot(xs, table["textblob_polarity"], linestyle=":", color="#4d6d9a", label="TextBlob polarity (raw)")
    ax.plot(xs, table["vader_leak_free"], marker="s", color="#b2182b", label="VADER compound (leak-free)")
    ax.plot(xs, table["vader"], linestyle=":", color="#b2182b", label="VADER compound (raw)")
    ax.plot(xs, table["textblob_subjectivity"], marker=".", linestyle="--", color="0.45",
            label="TextBlob subjectivity (0 to 1)")
    _mark_paragraphs(ax, statement)
    ax.set_xticks(xs, list(table.index), rotation=90 if len(xs) > 20 else 0, fontsize=8)
    if len(xs) > 60:
        ax.set_xticks(xs[:: max(1, len(xs) // 30)])
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("sentence, in order (id = paragraph and sentence)")
    ax.set_ylabel("score (-1 negative to +1 positive)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.set_title(f"Sentiment arc\n{statement.label}", pad=14)
    fig.tight_layout()
    return fig


def lexicon_comparison_figure(table: pd.DataFrame, statement: Statement, agreement: dict[str, float]) -> Figure:
    """TextBlob polarity against VADER compound per sentence (leak-free), with the neutral band shaded,
    each point labelled by its sentence id; the title gives Pearson r and sign agreement."""
    fig = Figure(figsize=(6.5, 5.0))
    ax = fig.subplots()
    x, y = table["textblob_polarity_leak_free"], table["vader_leak_free"]
    ax.axhspan(-0.05, 0.05, color="0.92")
    ax.axvspan(-0.05, 0.05, color="0.92")
    ax.scatter(x, y, color="#4d6d9a")
    for sid, xi, yi in zip(table.index, x, y, strict=True):
        ax.annotate(sid, (xi, yi), xytext=(3, 3), textcoords="offset points", fontsize=7)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("TextBlob polarity, leak-free (-1 to +1)")
    ax.set_ylabel("VADER compound, leak-free (-1 to +1)")
    r = agreement["pearson_r"]
    ax.set_title(f"Do the two lexicons agree? r = {r:.2f}, same sign in {agreement['sign_agreement']:.0%} "
                 f"of sentences\n{statement.label}" if r == r else
                 f"Do the two lexicons agree? same sign in {agreement['sign_agreement']:.0%}\n{statement.label}",
                 fontsize=10)
    fig.tight_layout()
    return fig


def actor_tone_figure(table: pd.DataFrame, statement: Statement) -> Figure:
    """Mean leak-free TextBlob, VADER and diplomatic tone of the sentences naming each actor
    (from :func:`readout.analyses.tone.toward.actor_table`)."""
    measures = [("textblob_leak_free", "#4d6d9a"), ("vader_leak_free", "#b2182b"), ("diplomatic_tone", "#1a7f37")]
    fig = Figure(figsize=(10.0, 1.4 + 0.6 * max(1, len(table))))
    ax = fig.subplots()
    if table.empty:
        ax.text(0.5, 0.5, "no actors named", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    height = 0.8 / len(measures)
    for k, (name, color) in enumerate(measures):
        ys = [i + (k - 1) * height for i in range(len(table))]
        ax.barh(ys, table[name], height=height, color=color, label=label(name))
    ax.axvline(0, color="0.4", linewidth=0.8)
    ax.set_yticks(range(len(table)), [f"{a} ({n} sentence{'' if n == 1 else 's'})" for a, n in zip(table.index, table["sentences"],
                                                                              strict=True)])
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean score of the sentences naming the actor (-1 negative to +1 positive)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.set_title(f"Tone of the sentences naming each actor\n{statement.label}")
    fig.tight_layout()
    return fig


def key_terms_figure(table: pd.DataFrame, statement: Statement) -> Figure:
    """Key terms and phrases by TF-IDF score, one bar each, terms and phrases in two colours
    (from :func:`readout.analyses.topics.keyterms.key_terms_table`)."""
    fig = Figure(figsize=(10.0, 1.2 + 0.28 * max(1, len(table))))
    ax = fig.subplots()
    if table.empty:
        ax.text(0.5, 0.5, "no content terms", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(f"Key terms and phrases\n{statement.label}")
        return fig
    colours = {"term": "#4d6d9a", "phrase": "#d08c2b"}
    labels = [f"{t} ({n}×)" for t, n in zip(table.index, table["count"], strict=True)]
    ax.barh(range(len(table)), table["score"], color=[colours[k] for k in table["kind"]], height=0.7)
    ax.set_yticks(range(len(table)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("TF-IDF score: count × idf over the statement's sentences (no unit; compare within this statement)")
    ax.legend(handles=[Patch(color=c, label=f"{k}s") for k, c in colours.items()], loc="lower right", fontsize=8,
              frameon=False)
    ax.set_title(f"Key terms and phrases\n{statement.label}")
    fig.tight_layout()
    return fig


def theme_share_figure(table: pd.DataFrame, statement: Statement) -> Figure:
    """Each theme's share of sentences and of words, in agenda order (from
    :func:`readout.analyses.topics.themes.theme_share_table`); themes never matched are shown at 0."""
    fig = Figure(figsize=(10.0, 1.4 + 0.42 * max(1, len(table))))
    ax = fig.subplots()
    ys = range(len(table))
    ax.barh([y - 0.2 for y in ys], table["sentence_share"], height=0.4, color="#4d6d9a",
            label="share of sentences carrying the theme")
    ax.barh([y + 0.2 for y in ys], table["word_share"], height=0.4, color="#d08c2b",
            label="share of words (a sentence's words split among its themes)")
    ranks = [f"{r}. " if pd.notna(r) else "— " for r in table["agenda_rank"]]
    ax.set_yticks(list(ys), [f"{r}{t}" for r, t in zip(ranks, table.index, strict=True)], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.0)
    ax.set_xlabel("share of the statement (0 to 1); themes numbered in order of first appearance, — = absent")
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.set_title(f"How much of the statement each theme takes\n{statement.label}")
    fig.tight_layout()
    return fig


def _sentence_axis(ax: Axes, ids: list[str]) -> None:
    """Sentence ids as x ticks, thinned on long statements."""
    step = max(1, len(ids) // 30)
    ax.set_xticks(range(0, len(ids), step), ids[::step], rotation=90 if len(ids) > 20 else 0, fontsize=8)


def _paragraph_lines(ax: Axes, statement: Statement) -> None:
    """White vertical lines between paragraphs on a sentence-by-sentence heat map."""
    position = 0
    for p in statement.paragraphs:
        if position:
            ax.axvline(position - 0.5, color="white", linewidth=2.5)
            ax.axvline(position - 0.5, color="0.2", linestyle=":", linewidth=1)
        position += len(p.sentences)


def theme_flow_figure(flow: pd.DataFrame, statement: Statement) -> Figure:
    """Theme matches per sentence along the statement, a heat map with paragraph boundaries dotted
    (from :func:`readout.analyses.topics.themes.theme_flow`)."""
    fig = Figure(figsize=(10.0, 1.6 + 0.38 * max(1, len(flow))))
    ax = fig.subplots()
    data = flow.to_numpy()
    im = ax.imshow(data, cmap="Oranges", aspect="auto", vmin=0, vmax=max(1, int(data.max()) if data.size else 1),
                   interpolation="nearest")
    if data.shape[1] <= 40:
        for (i, j), v in pd.DataFrame(data).stack().items():
            if v:
                ax.text(j, i, str(v), ha="center", va="center", fontsize=8)
    _paragraph_lines(ax, statement)
    ax.set_yticks(range(len(flow)), list(flow.index), fontsize=9)
    _sentence_axis(ax, list(flow.columns))
    ax.set_xlabel("sentence, in order (dotted: new paragraph)")
    fig.colorbar(im, ax=ax, label="theme phrases matched (count)", fraction=0.03)
    ax.set_title(f"Theme flow: which themes each sentence touches\n{statement.label}")
    fig.tight_layout()
    return fig


def topic_weights_figure(table: pd.DataFrame, statement: Statement, terms: pd.DataFrame | None = None) -> Figure:
    """Each sentence's topic shares as a heat map, topics as rows (named by their three heaviest terms
    when ``terms``, from :func:`readout.analyses.topics.topicmodel.topic_terms_table`, is given), paragraph boundaries
    dotted (from :func:`readout.analyses.topics.topicmodel.sentence_topic_table`)."""
    shares = table.drop(columns=["main_topic"]).T
    if terms is not None:
        shares.index = [f"{t}: " + ", ".join(w.rsplit(" (", 1)[0] for w in terms.loc[t].iloc[0].split(", ")[:3])
                        for t in shares.index]
    fig = Figure(figsize=(10.0, 2.4 + 0.45 * max(1, len(shares))))
    ax = fig.subplots()
    im = ax.imshow(shares.to_numpy(), cmap="Blues", aspect="auto", vmin=0, vmax=1, interpolation="nearest")
    _paragraph_lines(ax, statement)
    ax.set_yticks(range(len(shares)), list(shares.index), fontsize=9)
    _sentence_axis(ax, list(shares.columns))
    ax.set_xlabel("sentence, in order (dotted: new paragraph)")
    fig.colorbar(im, ax=ax, label="topic's share of the sentence (0 to 1)", fraction=0.03)
    ax.set_title(f"Exploratory topic model (NMF): topic shares per sentence\n{statement.label}")
    fig.tight_layout()
    return fig


def credit_graph_figure(edges: pd.DataFrame, statement: Statement) -> Figure:
    """Who credits whom: actors on a circle, an arrow per edge of :func:`readout.analyses.actors.actions.credit_edges`
    (green: credit, red: pressure; width and label: number of actions; a loop: self-credit)."""
    import math

    from matplotlib.patches import FancyArrowPatch

    fig = Figure(figsize=(7.0, 5.2))
    ax = fig.subplots()
    ax.set_axis_off()
    ax.set_title(f"Who credits whom (green) and who presses whom (red)\n{statement.label}")
    if edges.empty:
        ax.text(0.5, 0.5, "no credit or pressure between named actors", ha="center", va="center",
                transform=ax.transAxes)
        return fig
    nodes = list(dict.fromkeys([*edges["from_actor"], *edges["to_actor"]]))
    pos = {n: (math.cos(math.pi / 2 + 2 * math.pi * i / len(nodes)), math.sin(math.pi / 2 + 2 * math.pi * i / len(nodes)))
           for i, n in enumerate(nodes)} if len(nodes) > 1 else {nodes[0]: (0.0, 0.0)}
    colours = {"credit": "#1a7f37", "pressure": "#b2182b"}
    for row in edges.to_dict("records"):
        a, b = pos[row["from_actor"]], pos[row["to_actor"]]
        colour = colours.get(row["kind"], "0.4")
        width = 1 + row["actions"]
        if row["from_actor"] == row["to_actor"]:
            loop = FancyArrowPatch((a[0] - 0.08, a[1] + 0.1), (a[0] + 0.08, a[1] + 0.1),
                                   connectionstyle="arc3,rad=-1.6", arrowstyle="-|>", mutation_scale=14,
                                   color=colour, linewidth=width)
            ax.add_patch(loop)
            ax.annotate(f"self {row['actions']}", (a[0], a[1] + 0.33), ha="center", fontsize=8, color=colour)
            continue
        arrow = FancyArrowPatch(a, b, connectionstyle="arc3,rad=0.15", arrowstyle="-|>", mutation_scale=16,
                                color=colour, linewidth=width, shrinkA=28, shrinkB=28)
        ax.add_patch(arrow)
        ax.annotate(str(row["actions"]), ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + 0.06), ha="center", fontsize=9,
                    color=colour)
    for name, (x, y) in pos.items():
        ax.annotate(name, (x, y), ha="center", va="center", fontsize=9,
                    bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": "0.5"})
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.4, 1.6)
    ax.legend(handles=[Patch(color=c, label=k) for k, c in colours.items()], loc="lower right", fontsize=8,
              frameon=False, title="arrow width: actions", title_fontsize=8)
    fig.tight_layout()
    return fig


def balance_figure(table: pd.DataFrame, statement: Statement) -> Figure:
    """Each actor's balance (from :func:`readout.analyses.actors.actions.balance_table`): grouped bars per measure."""
    fig = Figure(figsize=(10.0, 3.8))
    ax = fig.subplots()
    if table.empty:
        ax.text(0.5, 0.5, "no actions by named actors", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(f"Is the text symmetric?\n{statement.label}")
        return fig
    measures = list(table.columns)
    width = 0.8 / len(table)
    palette = ["#4d6d9a", "#d08c2b", "#1a7f37", "#b2182b", "#7b5ea7", "#6b6b6b"]
    for i, (actor, row) in enumerate(table.iterrows()):
        xs = [m + (i - (len(table) - 1) / 2) * width for m in range(len(measures))]
        ax.bar(xs, row.to_numpy(), width=width, color=palette[i % len(palette)], label=str(actor))
    ax.set_xticks(range(len(measures)), [label(m) for m in measures], fontsize=8, rotation=20)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("count (actions, commitments)")
    ax.set_xlabel("measure")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.set_title(f"Is the text symmetric? Each actor's actions, commitments and credit\n{statement.label}")
    fig.tight_layout()
    return fig
