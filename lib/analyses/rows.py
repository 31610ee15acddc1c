"""One statement's analyses as rows at eight levels: statement, sentence, actor, theme, term, event, edge and
commitment.

This is the one route of every headline number: the summary page renders its headlines from these
rows (:mod:`readout.report.summary`), the corpus engine (:mod:`readout.collection.corpus`) writes
them as Parquet tables, and the comparison notebook lines them up side by side. Every value comes
from the same library functions the per-statement notebooks call, at full precision; nothing is
recomputed another way, so a corpus row, the summary and a report agree. Column names are fields
(``snake_case``, :mod:`readout.fields`), for pandas, DuckDB or R.

Measures that read English words (readability, tone, sentiment, themes, events, commitments) are
left empty (``None``) for a statement that does not look like English, and it has no theme, term,
event, edge or commitment rows; ``english`` says which. The actor layer's columns are read off the
events (:func:`readout.analyses.actors.events.extract_events`, added up by
:mod:`readout.analyses.actors.credit`): ``actions`` counts every event, in any mode; credit, pressure and
commitments come from the events whose actor a parse relation names (credit: the cooperation quads,
pressure: the conflict quads, a negated event none but a rejection); commitment counts include the
negated ones ("will never recognise"), which ``negated_commitments`` counts apart.
The statement's ``key`` (its file path as named) joins the levels.

Scales: ``*_share`` columns are fractions 0-1; ``tone_score`` (cooperation − pressure, the
diplomatic tone's intensity), ``tone_toward`` (the tone aimed at an actor), ``diplomatic_tone``,
``vader`` and ``textblob_polarity`` run -1 to +1; ``tone_cooperation`` and ``tone_pressure`` 0 to 1;
``tone_label`` is positive, neutral, negative or mixed; ``most_pressed`` and ``most_praised`` are
actor names ("" when none); ``top_agent`` is the actor of the most events (actors acting together
are one actor: "Both sides", "A + B") and ``top_agent_share`` its share of the attributed events (near
1: one actor does everything);
``unattributed_events`` is the share of the events whose actor no parse relation names;
``credit_edges`` and ``pressure_edges`` count actor pairs, the edge level's ``events`` the events
between them; ``textblob_subjectivity`` 0 to 1; ``fk_grade`` is a U.S.
school grade (higher is harder); ``reading_ease`` is Flesch's 0-100 scale (can leave it at
the ends; higher is easier).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from readout.analyses.actors.coverage import coverage_of
from readout.analyses.actors.credit import EVENT_COLUMNS, balance_table, credit_edges, event_frame
from readout.analyses.actors.events import extract_events
from readout.analyses.actors.speaker import speaker_of
from readout.analyses.lexicons import Lexicons
from readout.analyses.stance import statement_stance
from readout.analyses.style.readability import readability_scores
from readout.analyses.tone.diplomatic import tone_table
from readout.analyses.tone.sentiment import document_table, score_statement
from readout.analyses.tone.toward import actor_sentences, actor_table
from readout.analyses.topics.themes import (
    coverage_table,
    read_themes,
    silences,
    theme_column,
    theme_key,
    theme_share_table,
    themes_in_substance,
    top_themes,
)
from readout.errors import NotComputable
from readout.text.language import looks_english
from readout.text.statement import Statement

from .terms import term_counts
from .topics.keyterms import key_terms_table

__all__ = ["LEVELS", "StatementRows", "analyse", "COLUMNS"]

#: The tables, in the order they are written.
LEVELS = ("statement", "sentence", "actor", "theme", "term", "event", "edge", "commitment")
#: Key terms and key phrases (by TF-IDF over the sentences) kept in the statement row.
KEY_TERMS, KEY_PHRASES = 5, 3
#: Names not recognised kept in the statement row (the first ones, in text order).
UNRECOGNISED_KEPT = 10


#: Columns of each level and their kinds ("str", "int", "float", "bool"); the statement level also
#: has one float column per theme of the lexicon (:func:`readout.analyses.topics.themes.theme_column`), after these.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "statement": (
        ("key", "str"), ("file", "str"), ("sha256", "str"), ("title", "str"), ("title_source", "str"),
        ("warnings", "str"), ("date", "str"), ("date_source", "str"), ("english", "bool"), ("paragraphs", "int"),
        ("sentences", "int"), ("words", "int"),
        ("words_per_sentence", "float"), ("fk_grade", "float"), ("reading_ease", "float"),
        ("tone_score", "float"), ("tone_label", "str"), ("tone_cooperation", "float"), ("tone_pressure", "float"),
        ("most_pressed", "str"), ("most_praised", "str"), ("vader", "float"), ("textblob_polarity", "float"),
        ("textblob_subjectivity", "float"), ("tone_sentences", "int"), ("actions", "int"),
        ("credit_edges", "int"), ("pressure_edges", "int"), ("top_agent", "str"), ("top_agent_share", "float"),
        ("commitments", "int"), ("firm_commitments", "int"), ("negated_commitments", "int"), ("actors_named", "int"),
        ("speaker", "str"), ("speaker_rule", "str"), ("speaker_evidence", "str"), ("names_recognised", "float"),
        ("unrecognised_names", "str"), ("unattributed_events", "float"), ("speaker_known", "bool"),
        ("themes_present", "int"), ("top_themes", "str"), ("themes_in_substance", "str"),
        ("themed_sentence_share", "float"), ("themed_word_share", "float"), ("themes_expected", "int"),
        ("silences", "str"), ("dateline", "str"),
        ("key_terms", "str"), ("key_phrases", "str"),
    ),
    "sentence": (
        ("key", "str"), ("sentence", "str"), ("paragraph", "str"), ("position", "int"), ("start", "int"),
        ("end", "int"), ("words", "int"), ("diplomatic_tone", "float"), ("cooperation", "int"), ("pressure", "int"),
        ("vader", "float"), ("textblob_polarity", "float"), ("textblob_subjectivity", "float"),
        ("themes", "str"), ("actions", "int"), ("commitment", "str"), ("text", "str"),
    ),
    "actor": (
        ("key", "str"), ("actor", "str"), ("kind", "str"), ("country", "str"), ("sentences", "int"),
        ("diplomatic_tone", "float"), ("vader", "float"), ("tone_toward", "float"), ("praise", "int"),
        ("pressure", "int"), ("aimed_sentences", "str"), ("as_agent", "int"), ("as_target", "int"),
        ("commitments", "int"), ("credit_given", "int"), ("credit_received", "int"), ("pressure_given", "int"),
        ("pressure_received", "int"),
    ),
    "theme": (
        ("key", "str"), ("theme", "str"), ("agenda_rank", "int"), ("first_sentence", "str"), ("sentences", "int"),
        ("sentence_share", "float"), ("word_share", "float"), ("matches", "int"),
    ),
    "term": (("key", "str"), ("term", "str"), ("count", "int")),
    "event": (("key", "str"), ("file", "str"), *((name, "str") for name in EVENT_COLUMNS)),
    "edge": (("key", "str"), ("from_actor", "str"), ("to_actor", "str"), ("kind", "str"), ("events", "int"),
             ("sentences", "str")),
    "commitment": (("key", "str"), ("sentence", "str"), ("actor", "str"), ("strength", "str"), ("negated", "bool"),
                   ("event", "str"), ("recipient", "str"), ("mode", "str"), ("cue", "str")),
}


@dataclass(frozen=True)
class StatementRows:
    """One statement's rows: ``tables[level]`` is a list of row tuples in :data:`COLUMNS` order (the
    statement level then one share per theme, named in ``themes``)."""

    key: str
    tables: dict[str, list[tuple[Any, ...]]]
    themes: tuple[str, ...] = ()

    def columns(self, level: str) -> list[str]:
        """The column names of ``level``, in row order."""
        names = [name for name, _ in COLUMNS[level]]
        return names + [theme_column(t) for t in self.themes] if level == "statement" else names

    def records(self, level: str) -> list[dict[str, Any]]:
        """The rows of ``level`` as dictionaries of column name → value."""
        names = self.columns(level)
        return [dict(zip(names, row)) for row in self.tables[level]]

    @property
    def statement(self) -> dict[str, Any]:
        """The statement row as a dictionary."""
        return self.records("statement")[0]


def _f(value: Any) -> float | None:
    """A float as stored, at full precision (``None`` or NaN: ``None``, a missing value)."""
    return None if value is None or pd.isna(value) else float(value)


def analyse(statement: Statement, lexicons: Lexicons, key: str | None = None) -> StatementRows:
    """Every level's rows for one statement (``key`` defaults to its path)."""
    key = key or statement.path
    english = looks_english(statement)
    sentences = statement.sentences
    date = statement.date
    scores = score_statement(statement, lexicons.leaks)
    tones = tone_table(statement, lexicons.tone)
    stance = statement_stance(statement, lexicons.tone, tones) if english else None
    pressed, praised = (stance.most_pressed, stance.most_praised) if stance else (None, None)
    found = read_themes(statement, lexicons.themes)
    shares = theme_share_table(found)
    theme_cover = coverage_table(found)
    try:
        events = extract_events(statement, lexicons.scheme)
    except NotComputable:
        events = None
    key_terms = key_terms_table(statement, KEY_TERMS)  # any language: counts and TF-IDF need no dictionary
    try:
        _, values = readability_scores(statement)
        grade, ease = values["flesch_kincaid_grade"], values["flesch_reading_ease"]
    except NotComputable:
        grade = ease = None

    # statement level
    speaker = speaker_of(statement)
    cover = coverage_of(statement, events)
    document = document_table(statement, scores, 0.0)["leak_free"]
    promised = [e for e in events if e.commitment] if events is not None else []
    edges = credit_edges(events) if events is not None else None
    agents = Counter(e.actor for e in events if e.attributed) if events else Counter()
    top_agent, top_n = agents.most_common(1)[0] if agents else ("", 0)
    attributed = sum(1 for e in events if e.attributed) if events else 0
    tone_matched = int(((tones["cooperation"] + tones["pressure"]) > 0).sum())
    row: list[Any] = [
        key, Path(statement.path).name, statement.sha256, statement.title, statement.title_source,
        " | ".join(w.split(": ", 1)[-1] for w in statement.warnings) or None,
        date.date.isoformat() if date else None, date.source if date else None, english,
        len(statement.paragraphs), len(sentences), statement.n_words,
        _f(statement.n_words / len(sentences)),
        _f(grade) if english else None, _f(ease) if english else None,
        _f(stance.tone.score) if stance else None, stance.tone.label if stance else None,
        _f(stance.tone.cooperation) if stance else None, _f(stance.tone.pressure) if stance else None,
        (pressed.actor if pressed else "") if stance else None, (praised.actor if praised else "") if stance else None,
        _f(document["vader_compound_mean"]) if english else None,
        _f(document["textblob_polarity"]) if english else None,
        _f(document["textblob_subjectivity"]) if english else None,
        tone_matched if english else None,
        len(events) if events is not None else None,
        int((edges["kind"] == "credit").sum()) if edges is not None else None,
        int((edges["kind"] == "pressure").sum()) if edges is not None else None,
        top_agent or None,
        _f(top_n / attributed) if agents else None,
        len(promised) if events is not None else None,
        sum(1 for e in promised if e.commitment == "firm") if events is not None else None,
        sum(1 for e in promised if e.mode == "negated") if events is not None else None,
        len({m.actor for m in statement.mentions}),
        speaker.name or None, speaker.rule or None, speaker.evidence or None,
        _f(cover.name_share) if cover.name_share is not None else None,
        "; ".join(cover.unrecognised[:UNRECOGNISED_KEPT]) or None,
        _f(cover.unattributed_share) if cover.unattributed_share is not None else None, speaker.known,
        int((shares["matches"] > 0).sum()) if english else None,
        "; ".join(theme_key(t) for t in top_themes(shares)) if english else None,
        "; ".join(theme_key(t) for t in themes_in_substance(shares)) if english else None,
        _f(theme_cover.loc["sentences_with_a_theme", "share"]) if english else None,
        _f(theme_cover.loc["content_words_matched", "share"]) if english else None,
        len(lexicons.expected),
        "; ".join(silences(found, lexicons.expected)) if english else None,
        statement.dateline.place if statement.dateline else None,
        "; ".join(key_terms.index[key_terms["kind"] == "term"]) or None,
        "; ".join(list(key_terms.index[key_terms["kind"] == "phrase"])[:KEY_PHRASES]) or None,
    ]
    row += [_f(shares.loc[t, "word_share"]) if english else None for t in lexicons.themes.themes]
    tables: dict[str, list[tuple[Any, ...]]] = {"statement": [tuple(row)]}

    # sentence level
    by_sentence = Counter(e.sentence for e in events) if events is not None else Counter()
    strongest: dict[str, str] = {}
    for e in promised:
        if strongest.get(e.sentence) != "firm":
            strongest[e.sentence] = e.commitment
    tables["sentence"] = [
        (key, s.id, s.paragraph_id, s.index, s.start, s.end, s.n_words,
         _f(tones.loc[s.id, "tone"]) if english else None,
         int(tones.loc[s.id, "cooperation"]) if english else None,
         int(tones.loc[s.id, "pressure"]) if english else None,
         _f(x.vader_clean) if english else None, _f(x.polarity_clean) if english else None,
         _f(x.subjectivity_clean) if english else None,
         "; ".join(found.of_sentence(s.id)) if english else None,
         by_sentence.get(s.id, 0) if events is not None else None,
         strongest.get(s.id, "") if events is not None else None, s.text)
        for s, x in zip(sentences, scores)]

    # actor level: mentions and their tone, joined with the events' balance
    mentioned = actor_table(actor_sentences(statement, scores, tones["tone"]))
    balance = balance_table(events) if events is not None else pd.DataFrame()
    aimed = stance.actors if stance else {}
    actors = list(dict.fromkeys([*mentioned.index, *balance.index, *aimed]))
    tables["actor"] = []
    for actor in actors:
        m = mentioned.loc[actor] if actor in mentioned.index else None
        b = balance.loc[actor] if actor in balance.index else None
        count = (lambda col: int(b[col]) if b is not None else (0 if events is not None else None))
        known = statement.actors.get(actor)
        tables["actor"].append((
            key, actor, (known.kind if known else "people" if actor.startswith("people of ") else "joint"), (known.country or None) if known else None,
            int(m["sentences"]) if m is not None else 0,
            _f(m["diplomatic_tone"]) if m is not None and english else None,
            _f(m["vader_leak_free"]) if m is not None and english else None,
            (_f(aimed[actor].tone) if actor in aimed else None) if english else None,
            (aimed[actor].praise if actor in aimed else 0) if english else None,
            (aimed[actor].pressure if actor in aimed else 0) if english else None,
            (", ".join(aimed[actor].sentences) if actor in aimed else "") if english else None,
            count("as_agent"), count("as_target"), count("commitments"), count("credit_given"),
            count("credit_received"), count("pressure_given"), count("pressure_received")))

    # theme level: every theme of the lexicon, found or not
    tables["theme"] = [] if not english else [
        (key, theme, None if pd.isna(r["agenda_rank"]) else int(r["agenda_rank"]), r["first_sentence"] or None,
         int(r["sentences"]), _f(r["sentence_share"]), _f(r["word_share"]), int(r["matches"]))
        for theme, r in shares.iterrows()]

    # term level: content words (English stop words left out, plurals folded) and names of several words as
    # one term each ("El Salvador", not "el" and "salvador"), most frequent first, ties alphabetical; none for
    # a statement that is not English (its words would not be folded alike)
    tables["term"] = [] if not english else [(key, term, n) for term, n in sorted(
        term_counts(statement, names=True).items(), key=lambda kv: (-kv[1], kv[0]))]

    # event level: one row per event, the sentence quoted
    file = Path(statement.path).name
    tables["event"] = [] if events is None else [
        (key, file, *row) for row in event_frame(statement, events).itertuples(index=False)]

    # edge level: who credits or presses whom (events with an actor and a recipient, not negated but rejections)
    tables["edge"] = [] if edges is None else [
        (key, r["from_actor"], r["to_actor"], r["kind"], int(r["events"]), r["sentences"]) for r in edges.to_dict("records")]

    # commitment level: the ledger, negated commitments included (marked)
    tables["commitment"] = [(key, e.sentence, e.actor, e.commitment, e.mode == "negated", e.event, e.recipient, e.mode,
                             e.cue) for e in promised]
    return StatementRows(key, tables, tuple(lexicons.themes.themes))
