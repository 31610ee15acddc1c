"""The report's first page: the statement's headline figures on one screen, each with a reading and a link.

Every figure is recomputed through the same library functions the analysis
notebooks call (never copied from them), so the summary and the notebooks
cannot disagree. Each headline links to the section that explains it: in
JupyterLab the link opens the notebook; in an HTML report the export points
it at the notebook's page.

Statement text is data: every value is escaped when the headlines are shown
as HTML, and the only markup is the table and the links to our own sections.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from readout.analyses.actors.actions import ActionScheme, credit_edges, extract_actions
from readout.analyses.actors.commitments import commitment_table
from readout.analyses.style.readability import grade_band, readability_scores
from readout.analyses.tone.diplomatic import ToneLexicon, document_tone, tone_table
from readout.analyses.tone.leaks import LeakLexicon
from readout.analyses.tone.sentiment import NEUTRAL_BAND, score_statement
from readout.analyses.tone.toward import actor_sentences, actor_table
from readout.analyses.topics.keyterms import key_terms_table
from readout.analyses.topics.themes import ThemeLexicon, read_themes, silences, theme_share_table
from readout.text.language import NotComputable, looks_english
from readout.text.statement import Statement

__all__ = ["Headline", "Headlines", "headlines", "anchor", "SECTIONS"]


def anchor(heading: str) -> str:
    """The id the HTML export gives a heading: its text with each space made a hyphen."""
    return heading.strip().replace(" ", "-")


#: Where each headline is explained: (notebook, heading of the section).
SECTIONS = {
    "built": ("01-anatomy.ipynb", "Paragraphs and list items"),
    "readability": ("02-style.ipynb", "How hard is it to read?"),
    "tone": ("03-tone.ipynb", "The diplomatic tone"),
    "actors": ("03-tone.ipynb", "Tone toward each actor"),
    "themes": ("04-topics.ipynb", "Policy themes"),
    "silences": ("04-topics.ipynb", "Silences"),
    "terms": ("04-topics.ipynb", "Key terms and phrases"),
    "credit": ("05-actors.ipynb", "Who credits whom"),
    "commitments": ("05-actors.ipynb", "The commitment ledger"),
}


@dataclass(frozen=True)
class Headline:
    """One question a reader asks, the figure that answers it, a plain reading, and where it is explained."""

    question: str
    figure: str
    reading: str
    section: str  # a key of SECTIONS

    @property
    def link(self) -> str:
        """The section's address: ``notebook.ipynb#Heading-id``."""
        notebook, heading = SECTIONS[self.section]
        return f"{notebook}#{anchor(heading)}"


@dataclass(frozen=True)
class Headlines:
    """The headlines of one statement; shown as an HTML table in a notebook, ``table()`` for CSV."""

    rows: tuple[Headline, ...]

    def table(self) -> pd.DataFrame:
        """question, figure, reading and the section's address, one row per headline."""
        return pd.DataFrame([(h.question, h.figure, h.reading, h.link) for h in self.rows],
                            columns=["question", "figure", "reading", "explained in"]).set_index("question")

    def _repr_html_(self) -> str:
        e = html.escape
        rows = "".join(
            f'<tr><th scope="row">{e(h.question)}</th><td class="readout-figure">{e(h.figure)}</td>'
            f'<td>{e(h.reading)} <a href="{e(h.link)}">{e(_link_text(h.section))}</a></td></tr>'
            for h in self.rows)
        return (f'<table class="readout-headlines"><thead><tr><th>question</th><th>answer</th>'
                f'<th>reading</th></tr></thead><tbody>{rows}</tbody></table>')

    def _repr_markdown_(self) -> None:  # never offer statement text as Markdown to a renderer
        return None


def _link_text(section: str) -> str:
    notebook, heading = SECTIONS[section]
    return f"More: {heading.rstrip('?')} ({notebook.split('-', 1)[0]})"


def _describe(value: float) -> str:
    if abs(value) <= NEUTRAL_BAND:
        return "neutral"
    return f"{'strongly' if abs(value) >= 0.5 else 'mildly'} {'positive' if value > 0 else 'negative'}"


def _built(statement: Statement) -> Headline:
    n_p, n_s, n_w = len(statement.paragraphs), len(statement.sentences), statement.n_words
    where = f", datelined {statement.dateline.place}" if statement.dateline else ""
    return Headline("What is this statement?", statement.title,
                    f"{n_p} paragraph{'s' if n_p != 1 else ''}, {n_s} sentence{'s' if n_s != 1 else ''} and "
                    f"{n_w:,} words of body text{where}.", "built")


def _readability(statement: Statement) -> Headline:
    try:
        _, values = readability_scores(statement)
    except NotComputable as exc:
        return Headline("How hard is it to read?", "not computed", str(exc) + ".", "readability")
    grade, ease = values["Flesch-Kincaid grade"], values["Flesch Reading Ease"]
    return Headline("How hard is it to read?", f"Flesch-Kincaid grade {grade:.1f}",
                    f"{grade_band(grade).capitalize()}; Flesch Reading Ease {ease:.0f} of 100. Plain-language "
                    "guidance aims at grade 8 or below; on a short text the indices are rough.", "readability")


_NOT_ENGLISH = "not read: the statement does not look like English"


def _tone(statement: Statement, tone_lexicon: ToneLexicon, leaks: LeakLexicon | None) -> tuple[Headline, list]:
    scores = score_statement(statement, leaks)
    if not looks_english(statement):
        return Headline("What tone does it take?", _NOT_ENGLISH,
                        "The tone measures read English words only.", "tone"), scores
    tone = document_tone(statement, tone_lexicon)
    vader = sum(x.vader_clean for x in scores) / len(scores) if scores else 0.0
    matched = int((tone_table(statement, tone_lexicon)[["cooperation", "pressure"]].sum(axis=1) > 0).sum())
    head = Headline(
        "What tone does it take?", f"diplomatic tone {tone:+.2f} ({_describe(tone)})",
        f"From the verbs of cooperation and pressure in {matched} of {len(scores)} sentences (-1 only pressure, "
        f"+1 only cooperation). The general lexicon VADER reads {vader:+.2f} without names and labels; "
        "general lexicons misread diplomatic language, so read the evidence before quoting either.", "tone")
    return head, scores


def _actors(statement: Statement, scores: list, tone_lexicon: ToneLexicon) -> Headline:
    tones = tone_table(statement, tone_lexicon)["tone"]
    table = actor_table(actor_sentences(statement, scores, tones))
    if table.empty:
        return Headline("Toward whom?", "no actor named",
                        "The statement names none of the actors in the actor list.", "actors")
    top = table.sort_values("sentences", ascending=False, kind="stable").head(3)
    figure = "; ".join(f"{a} {row['diplomatic tone']:+.2f}" for a, row in top.iterrows())
    return Headline("Toward whom?", figure,
                    "Mean diplomatic tone of the sentences naming each of the most-named actors ("
                    + ", ".join(f"{a}: {int(row['sentences'])} sentence{'s' if row['sentences'] != 1 else ''}"
                                for a, row in top.iterrows())
                    + "); a sentence praising one actor and pressing another counts for both.", "actors")


def _themes(statement: Statement, theme_lexicon: ThemeLexicon, expected: tuple[str, ...]) -> list[Headline]:
    found = read_themes(statement, theme_lexicon)
    shares = theme_share_table(found)
    present = shares[shares["matches"] > 0]
    if not looks_english(statement):
        return [Headline("What is it about?", _NOT_ENGLISH, "The theme lexicon lists English words only.", "themes"),
                Headline("What does it leave out?", _NOT_ENGLISH, "Silences need themes that can be read.",
                         "silences")]
    if present.empty:
        about = Headline("What is it about?", "no listed theme",
                         "None of the theme lexicon's words occur; see what the lexicon misses.", "themes")
    else:
        space = present.sort_values(["share of words", "agenda rank"], ascending=[False, True]).index[0]
        order = list(present.index)
        about = Headline(
            "What is it about?", ", ".join(order[:4]) + (f" and {len(order) - 4} more" if len(order) > 4 else ""),
            f"Themes in the order they first appear; {space} takes the most space "
            f"({present.loc[space, 'share of words']:.0%} of the words).", "themes")
    missing = silences(found, expected)
    silent = Headline(
        "What does it leave out?", ", ".join(missing) if missing else "none of the expected themes",
        (f"{len(missing)} of {len(expected)} themes expected in a statement of this kind never "
         f"{'appears' if len(missing) == 1 else 'appear'}."
         if expected else "No themes are listed as expected."), "silences")
    return [about, silent]


def _terms(statement: Statement) -> Headline:
    table = key_terms_table(statement, 5)  # any language: counts and TF-IDF need no dictionary
    terms = [t for t in table.index[table["kind"] == "term"]]
    phrases = [t for t in table.index[table["kind"] == "phrase"]][:3]
    if not terms:
        return Headline("Which words stand out?", "no content words", "The body has no content words.", "terms")
    return Headline("Which words stand out?", ", ".join(terms),
                    "Top terms by TF-IDF over the sentences" + (f"; top phrases: {', '.join(phrases)}." if phrases
                                                                else "."), "terms")


def _credit(statement: Statement, scheme: ActionScheme | None) -> Headline:
    try:
        edges = credit_edges(extract_actions(statement, scheme))
    except NotComputable as exc:
        return Headline("Who credits whom?", "not computed", str(exc) + ".", "credit")
    others = edges[edges["from"] != edges["to"]]
    own = edges[(edges["from"] == edges["to"]) & (edges["kind"] == "credit")]
    figure = "; ".join(f"{r['from']} → {r['to']} ({r['kind']}, {r['actions']})" for r in others.to_dict("records"))
    reading = ("Praise and support (credit) or urging and condemnation (pressure) from one named actor to another, "
               "counted over the actions found.")
    if len(own):
        reading += " Self-credit: " + ", ".join(f"{r['from']} ({r['actions']})" for r in own.to_dict("records")) + "."
    return Headline("Who credits whom?", figure or "no actor credits or presses another", reading, "credit")


def _commitments(statement: Statement) -> Headline:
    try:
        table = commitment_table(statement)
    except NotComputable as exc:
        return Headline("Who promises what?", "not computed", str(exc) + ".", "commitments")
    live = table[~table["negated"]] if len(table) else table
    if live.empty:
        return Headline("Who promises what?", "no commitment",
                        f"{len(table)} marker{'s' if len(table) != 1 else ''} of promise, all negated."
                        if len(table) else "None of the firm or soft markers of promise occurs.", "commitments")
    firm = int((live["strength"] == "firm").sum())
    by = live["who"].value_counts()
    return Headline("Who promises what?", f"{len(live)} commitment{'s' if len(live) != 1 else ''}, {firm} firm",
                    "Made by " + ", ".join(f"{a} ({n})" for a, n in by.items()) + "; "
                    + (f"{int((live['date'] != '').sum())} with a date." if (live["date"] != "").any()
                       else "none names a date."), "commitments")


def headlines(statement: Statement, tone_lexicon: ToneLexicon, leaks: LeakLexicon | None,
              theme_lexicon: ThemeLexicon, expected: tuple[str, ...], scheme: ActionScheme | None = None
              ) -> Headlines:
    """The statement's headlines, in the order a reader asks: what it is, how it reads, its tone and
    toward whom, who credits whom and promises what, what it covers and leaves out, which words stand out."""
    tone, scores = _tone(statement, tone_lexicon, leaks)
    return Headlines((_built(statement), _readability(statement), tone, _actors(statement, scores, tone_lexicon),
                      _credit(statement, scheme), _commitments(statement),
                      *_themes(statement, theme_lexicon, expected), _terms(statement)))
