"""Figures stay legible from 3 to 150 sentences and 1 to 40 paragraphs, wide and narrow: no two texts
drawn on a figure overlap, none falls outside it; the phone copy is a different layout, not a scaled one."""

from __future__ import annotations

import base64
import html
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import matplotlib.text
import numpy as np
import pandas as pd
import pytest
from conftest import SEED
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from readout import load_statement, parse_statement
from readout.analyses import anatomy
from readout.analyses.actors.credit import BALANCE_COLUMNS
from readout.analyses.style import concordance
from readout.analyses.tone import diplomatic, sentiment, toward
from readout.analyses.topics import themes, topicmodel
from readout.errors import NotComputable
from readout.report import figure_layout as layout
from readout.report import figures, pictures

#: (sentences, paragraphs): 0 paragraphs = the seed itself (12 sentences in 3 paragraphs).
SIZES = [(3, 1), (3, 3), (12, 0), (55, 1), (55, 9), (55, 30), (150, 40)]
TOLERANCE = 1.0  # pixels two texts may share, or a text may pass the figure's edge (anti-aliasing)


@cache
def _statement(n: int, paragraphs: int):
    """A statement of ``n`` sentences in ``paragraphs`` paragraphs, made of the seed's sentences in turn."""
    seed = load_statement(SEED)
    if not paragraphs:
        return seed
    texts = [s.text for s in seed.sentences]
    sizes = [n // paragraphs + (i < n % paragraphs) for i in range(paragraphs)]
    body, k = [], 0
    for size in sizes:
        body.append(" ".join(texts[(k + i) % len(texts)] for i in range(size)))
        k += size
    statement = parse_statement("\n\n".join(body), name=f"built-{n}-{paragraphs}.txt")
    assert (len(statement.sentences), len(statement.paragraphs)) == (n, paragraphs)
    return statement


@cache
def _inputs(n: int, paragraphs: int) -> dict:
    statement = _statement(n, paragraphs)
    scores = sentiment.score_statement(statement)
    found = themes.read_themes(statement)
    inputs = {"statement": statement, "sentences": sentiment.sentence_table(scores),
              "tones": diplomatic.tone_table(statement), "agreement": sentiment.agreement(scores, clean=True),
              "flow": themes.theme_flow(found), "by_paragraph": anatomy.mentions_by_paragraph(statement),
              "dispersion": concordance.dispersion_table(statement)}
    try:
        model = topicmodel.fit_topics(statement, 3)
        inputs["topics"] = (topicmodel.sentence_topic_table(model), topicmodel.topic_terms_table(model))
    except NotComputable:  # too small a statement for three topics
        inputs["topics"] = None
    return inputs


def statement_label(size: tuple[int, int]) -> str:
    return _statement(*size).label


def _arc(i: dict, **kw) -> Figure:
    return figures.sentiment_arc_figure(i["sentences"], i["statement"], diplomatic=i["tones"], **kw)


BUILDERS = {
    "sentence_length": lambda i, **kw: figures.sentence_length_figure(i["statement"], **kw),
    "sentiment_arc": _arc,
    "lexicon_comparison": lambda i, **kw: figures.lexicon_comparison_figure(i["sentences"], i["statement"],
                                                                            i["agreement"], **kw),
    "theme_flow": lambda i, **kw: figures.theme_flow_figure(i["flow"], i["statement"], **kw),
    "topic_weights": lambda i, **kw: (None if i["topics"] is None else
                                      figures.topic_weights_figure(i["topics"][0], i["statement"], i["topics"][1],
                                                                   **kw)),
    "mentions": lambda i, **kw: figures.mentions_figure(i["by_paragraph"], i["statement"], **kw),
    "dispersion": lambda i, **kw: figures.dispersion_figure(i["dispersion"], i["statement"], **kw),
}


@contextmanager
def recording_texts() -> Iterator[list[tuple[matplotlib.text.Text, object]]]:
    """Record every text drawn meanwhile (tick labels, annotations, titles, axis labels, legend and colour-bar
    texts) with its extent in pixels: what :meth:`Text.draw` is asked to draw, visible and not empty."""
    seen: list[tuple[matplotlib.text.Text, object]] = []
    original = matplotlib.text.Text.draw

    def recording(self: matplotlib.text.Text, renderer) -> None:  # type: ignore[no-untyped-def]
        if self.get_visible() and self.get_text().strip() and (
                not isinstance(self, matplotlib.text.Annotation) or self._check_xy(renderer)):
            seen.append((self, self.get_window_extent(renderer)))
        original(self, renderer)

    matplotlib.text.Text.draw = recording
    try:
        yield seen
    finally:
        matplotlib.text.Text.draw = original


_DRAWN = "_test_drawn_texts"  # a figure's attribute: the texts recorded when built_quietly drew it


def drawn_texts(fig: Figure) -> list[tuple[matplotlib.text.Text, object]]:
    """Every text the figure draws, with its extent: as recorded when :func:`built_quietly` drew it as a
    page shows it, else recorded now, drawing it once."""
    if hasattr(fig, _DRAWN):
        return getattr(fig, _DRAWN)
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    with recording_texts() as seen:
        fig.canvas.draw()
    return seen


def clashes(fig: Figure) -> list[str]:
    """Pairs of overlapping texts, texts outside the figure, and texts read sideways other than a y axis's label,
    in words."""
    drawn = drawn_texts(fig)
    texts = [(t.get_text(), box) for t, box in drawn]
    sideways = {id(ax.yaxis.label) for ax in fig.axes}
    problems = [f"turned {t.get_rotation():.0f} degrees: {t.get_text()!r}" for t, _ in drawn
                if t.get_rotation() % 360 and id(t) not in sideways]
    width, height = fig.bbox.width, fig.bbox.height
    for text, box in texts:
        if box.x0 < -TOLERANCE or box.y0 < -TOLERANCE or box.x1 > width + TOLERANCE or box.y1 > height + TOLERANCE:
            problems.append(f"outside the figure: {text!r} {box.bounds} in {width:.0f}x{height:.0f}")
    for k, (a, box_a) in enumerate(texts):
        for b, box_b in texts[k + 1:]:
            dx = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
            dy = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
            if dx > TOLERANCE and dy > TOLERANCE:
                problems.append(f"overlap: {a!r} and {b!r}")
    return problems


@pytest.fixture(autouse=True, scope="module")
def house_style():
    figures.use_house_style()


def built_quietly(build, *args, **kwargs) -> Figure:
    """A figure built, and drawn as a page shows it, with no warning (a warning would be printed into the page);
    the texts it drew are kept for :func:`clashes` (so that it is drawn once)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = build(*args, **kwargs)
        if fig is not None:
            with recording_texts() as seen:
                pictures.figure_png(fig)
            setattr(fig, _DRAWN, seen)
    assert [str(w.message) for w in caught] == []
    return fig


def assert_legible(fig: Figure) -> None:
    problems = clashes(fig)
    assert problems == [], "\n".join(problems[:12]) + (f"\n... {len(problems)} in all" if len(problems) > 12 else "")
    plots = [ax for ax in fig.axes if ax.axison and ax.get_label() != "<colorbar>"]
    for ax in plots:  # the plot keeps a fair share of the figure: it is never squeezed by its labels
        box = ax.get_window_extent()
        assert box.width >= 0.35 * fig.bbox.width and box.height >= 0.15 * fig.bbox.height, (
            f"plot squeezed to {box.width:.0f}x{box.height:.0f} px in {fig.bbox.width:.0f}x{fig.bbox.height:.0f}")


@pytest.mark.parametrize("narrow", [False, True], ids=["wide", "narrow"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{n}s-{p}p" for n, p in SIZES])
@pytest.mark.parametrize("name", list(BUILDERS))
def test_no_text_overlaps_or_leaves_the_figure(name, size, narrow):
    fig = built_quietly(BUILDERS[name], _inputs(*size), **({"narrow": True} if narrow else {}))
    if fig is None:
        pytest.skip("no topic model for so small a statement")
    assert_legible(fig)
    # titles, labelled axes
    ax = fig.axes[0]
    assert pictures.figure_text(fig).startswith("Figure: ") and statement_label(size) in pictures.figure_text(fig)
    assert name in ("mentions", "dispersion") or ax.get_xlabel()


#: Actor names as long as real ones (the full name is in the page's tables; a figure may cut it with "…").
LONG_ACTORS = [
    "UN Relief and Works Agency for Palestine Refugees",
    "Organization for the Prohibition of Chemical Weapons",
    "Office of the UN High Commissioner for Human Rights",
    "International Bank for Reconstruction and Development",
    "United States",
    "Organization for Security and Co-operation in Europe",
    "Ministry of Foreign Affairs of the Republic of Albania",
    "North Atlantic Treaty Organization Allies and Partners",
    "EU",
    "Palestinian Authority",
    "United Nations Security Council Permanent Members",
    "Transparency International",
]
#: (sentences, paragraphs, actors): 0 paragraphs = the seed itself.
ACTOR_SIZES = [(3, 1, 1), (12, 0, 4), (55, 9, 7), (98, 20, 12), (150, 40, 12)]


@cache
def _actor_inputs(n: int, paragraphs: int, k: int) -> dict:
    """The tables of the figures that name actors, for a statement of ``n`` sentences naming ``k`` actors
    with long names (the seed's actors renamed, the rest made up in the same shape)."""
    i = _inputs(n, paragraphs)
    statement = i["statement"]
    rng = np.random.default_rng(n + k)
    actors = LONG_ACTORS[:k]
    columns = [f"p{p + 1}" for p in range(len(statement.paragraphs))]
    by_paragraph = pd.DataFrame(rng.integers(0, 4, (k, len(columns))), index=pd.Index(actors, name="actor"),
                                columns=columns)
    by_paragraph["total"] = by_paragraph.sum(axis=1)
    terms = [*actors, "security", "cooperation", "rights"]
    positions = sorted(rng.integers(0, statement.n_words, 6 * len(terms)))
    dispersion = pd.DataFrame({"term": [terms[j % len(terms)] for j in range(len(positions))], "position": positions})
    seed = _inputs(12, 0)
    scores = sentiment.score_statement(seed["statement"])
    tone = toward.actor_table(toward.actor_sentences(seed["statement"], scores, seed["tones"]["tone"]))
    tone = pd.concat([tone] * 3).iloc[:k]
    tone.index = pd.Index(actors, name=tone.index.name)
    balance = pd.DataFrame(rng.integers(0, 20, (min(k, 6), len(BALANCE_COLUMNS))), index=actors[:6][:k],
                           columns=list(BALANCE_COLUMNS))
    edges = pd.DataFrame([{"from_actor": actors[j], "to_actor": actors[(j + 1) % min(k, 5)],
                           "kind": ("credit", "pressure")[j % 2], "events": 1 + j % 3} for j in range(min(k, 5))])
    return {"statement": statement, "by_paragraph": by_paragraph, "dispersion": dispersion, "actor_tone": tone,
            "balance": balance, "edges": edges}


ACTOR_BUILDERS = {
    "mentions": lambda i, **kw: figures.mentions_figure(i["by_paragraph"], i["statement"], **kw),
    "dispersion": lambda i, **kw: figures.dispersion_figure(i["dispersion"], i["statement"], **kw),
    "actor_tone": lambda i, **kw: figures.actor_tone_figure(i["actor_tone"], i["statement"], **kw),
    "balance": lambda i, **kw: figures.balance_figure(i["balance"], i["statement"], **kw),
    "credit_graph": lambda i, **kw: figures.credit_graph_figure(i["edges"], i["statement"], **kw),
}


@pytest.mark.parametrize("narrow", [False, True], ids=["wide", "narrow"])
@pytest.mark.parametrize("size", ACTOR_SIZES, ids=[f"{n}s-{p}p-{k}a" for n, p, k in ACTOR_SIZES])
@pytest.mark.parametrize("name", list(ACTOR_BUILDERS))
def test_long_actor_names_fit_wide_and_narrow(name, size, narrow):
    """Actor names of about 50 characters are wrapped or cut to a share of the figure's width: no text
    overlaps or leaves the figure, the plot keeps its room, no warning."""
    fig = built_quietly(ACTOR_BUILDERS[name], _actor_inputs(*size), **({"narrow": True} if narrow else {}))
    assert_legible(fig)
    if name in ("mentions", "dispersion", "actor_tone"):
        budget = (0.4 * layout.NARROW_WIDTH if narrow else 0.3 * layout.WIDE_WIDTH) * fig.dpi
        widest = max(t.get_window_extent().width for t in fig.axes[0].get_yticklabels())
        assert widest <= budget + 1, f"actor names {widest:.0f} px wide, more than {budget:.0f} px"


def _pngs(page: str) -> tuple[list[bytes], list[str]]:
    """The PNGs a page embeds, and its alternative texts."""
    pngs = [base64.b64decode(d) for d in re.findall(r'data:image/png;base64,([A-Za-z0-9+/=]+)', page)]
    return pngs, re.findall(r'alt="([^"]*)"', page)


def _size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def test_a_figure_is_a_picture_of_a_wide_and_a_phone_layout(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from readout.report.export import notebook_to_html

    inputs = _inputs(12, 0)
    fig = _arc(inputs)
    bundle = pictures.figure_bundle(fig)
    assert set(bundle) == {"text/html", "image/png", "text/plain"}
    assert bundle["text/plain"] == pictures.figure_text(fig) == (
        "Figure: Sentiment arc and diplomatic tone: " + inputs["statement"].label)
    assert pictures.figure_text(narrow_fig := layout.narrow_copy(fig)) == bundle["text/plain"]
    # the title's two parts (its name, the statement's label): more lines on the phone than parts, wrapped
    assert narrow_fig.get_suptitle().count("\n") + 1 > len(bundle["text/plain"].split(": ")[1:]) == 2
    picture = bundle["text/html"]
    assert picture.startswith('<picture class="readout-picture"><source media="(max-width: 700px)" srcset="data:')
    (narrow, wide), alts = _pngs(picture)
    assert alts == [html.escape(bundle["text/plain"])]
    assert base64.b64decode(bundle["image/png"]) == wide
    (w_wide, h_wide), (w_narrow, h_narrow) = _size(wide), _size(narrow)
    assert w_wide == 1000 and h_wide < w_wide  # the page's figure, as before
    assert w_narrow <= 400 and h_narrow >= 1.25 * w_narrow  # a phone's: its own width, at least 4:5

    # In a page: the picture, not a lone image; a title with markup is escaped in the alternative text.
    hostile = parse_statement("<script>alert(1)</script> The United States welcomed the plan. We agreed.")
    scores = sentiment.score_statement(hostile)
    other = figures.sentiment_arc_figure(sentiment.sentence_table(scores), hostile)
    outputs = [new_output("display_data", data=pictures.figure_bundle(f)) for f in (fig, other)]
    nbformat.write(new_notebook(cells=[new_code_cell("figure", outputs=outputs)]), tmp_path / "n.ipynb")
    notebook_to_html(tmp_path / "n.ipynb", tmp_path / "n.html")
    page = (tmp_path / "n.html").read_text(encoding="utf-8")
    body = page.split("<main>", 1)[1]
    assert body.count("<picture") == 2 and body.count("<source") == 2
    pngs, alts = _pngs(body)
    ratios = [_size(p)[0] / _size(p)[1] for p in pngs]  # narrow, wide, narrow, wide
    assert len(pngs) == 4 and max(ratios[0], ratios[2]) < 0.8 and min(ratios[1], ratios[3]) > 2
    assert "<script>alert(1)" not in page
    assert alts[1] == html.escape(pictures.figure_text(other), quote=True) and "&lt;script&gt;" in alts[1]


def test_a_figure_of_another_module_stays_one_image():
    fig = Figure(figsize=(4, 3))
    fig.subplots().set_title("Plain <b>")
    bundle = pictures.figure_bundle(fig)
    assert set(bundle) == {"image/png", "text/plain"} and bundle["text/plain"] == "Figure: Plain <b>"


def test_the_arc_draws_the_diplomatic_tone_and_names_every_line():
    inputs = _inputs(55, 30)
    fig = _arc(inputs)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "diplomatic tone (-1 pressure to +1 cooperation)" in legend and len(legend) == 6
    line = next(x for x in fig.axes[0].get_lines() if x.get_label().startswith("diplomatic"))
    assert list(line.get_ydata()) == list(inputs["tones"]["tone"])
    assert len(figures.sentiment_arc_figure(inputs["sentences"], inputs["statement"]).axes[0].get_lines()) < len(
        fig.axes[0].get_lines())  # without it, as before


def test_the_checks_catch_overlapping_turned_and_clipped_text_and_a_squeezed_plot():
    """A figure that does all a figure of ours must not: the checks above would fail on it."""
    fig = Figure(figsize=(4, 3))
    ax = fig.subplots()
    ax.text(0.5, 0.5, "one label", transform=ax.transAxes)
    ax.text(0.52, 0.5, "another", transform=ax.transAxes)
    ax.text(0.2, 0.2, "slanted", rotation=30, transform=ax.transAxes)
    fig.text(0.97, 0.9, "past the edge")
    problems = clashes(fig)
    assert "overlap: 'one label' and 'another'" in problems
    assert "turned 30 degrees: 'slanted'" in problems
    assert any(p.startswith("outside the figure: 'past the edge'") for p in problems), problems
    assert len(problems) == 3, problems
    squeezed = Figure(figsize=(4, 3))
    squeezed.subplots().set_title("Title")
    squeezed.subplots_adjust(left=0.7)
    with pytest.raises(AssertionError, match="plot squeezed"):
        assert_legible(squeezed)
    with pytest.raises(AssertionError, match="past the edge"):
        assert_legible(fig)
