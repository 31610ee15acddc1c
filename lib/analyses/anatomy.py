"""How is this statement built? Tables of its parts, each row traceable to the text.

Every function takes a :class:`~readout.text.statement.Statement` and returns a
pandas table indexed by the id of the part it describes (paragraph ``p2``,
sentence ``p2s3``), so every figure can point back to its sentences.
"""

from __future__ import annotations

import pandas as pd

from readout.text.statement import Statement

from .readings import Reading

__all__ = [
    "overview",
    "metadata_table",
    "paragraph_table",
    "sentence_table",
    "mention_table",
    "mentions_by_paragraph",
    "sentence_length_summary",
    "sentence_length_reading",
    "LONG_SENTENCE_WORDS",
]

#: A sentence longer than this many words is "long". Plain-language guidance
#: (U.S. Federal Plain Language Guidelines, 2011, "Write short sentences")
#: advises an average of 15-20 words; sentences past 30 are hard going.
LONG_SENTENCE_WORDS: int = 30


def overview(statement: Statement) -> pd.DataFrame:
    """One row per fact (its field in the index): title, file, sha256, decoding, and counts of the body's parts."""
    sents = statement.sentences
    rows = [
        ("title", statement.title),
        ("file", statement.path.replace("\\", "/").rsplit("/", 1)[-1]),
        ("sha256", statement.sha256),
        ("decoded_as", statement.encoding),
        ("header_lines", len(statement.header)),
        ("dateline", statement.dateline.place if statement.dateline else "none found"),
        ("paragraphs", sum(1 for p in statement.paragraphs if p.kind == "paragraph")),
        ("list_items", sum(1 for p in statement.paragraphs if p.kind == "item")),
        ("headings", len(statement.headings)),
        ("sentences", len(sents)),
        ("words_body", statement.n_words),
        ("actor_mentions", len(statement.mentions)),
        ("end_markers", len(statement.end_markers)),
        ("words_after_end_marker", statement.trailer_words),  # not analysed (Statement.trailer_words)
    ]
    return pd.DataFrame(rows, columns=["fact", "value"]).set_index("fact")


def metadata_table(statement: Statement) -> pd.DataFrame:
    """Everything outside the body: header lines, dateline, headings, end markers, trailer.

    Indexed 1, 2, … in text order. Columns: part, role, text, start, end (character offsets).
    """
    rows = [("header", ln.role, ln.text, ln.start, ln.end) for ln in statement.header]
    if statement.dateline:
        d = statement.dateline
        rows.append(("dateline", "place" + (" and date" if d.date else ""), d.text.strip(), d.start, d.end))
    rows += [("heading", ln.role, ln.text, ln.start, ln.end) for ln in statement.headings]
    rows += [("end marker", ln.role, ln.text, ln.start, ln.end) for ln in statement.end_markers]
    rows += [("trailer", ln.role, ln.text, ln.start, ln.end) for ln in statement.trailer]
    table = pd.DataFrame(rows, columns=["part", "role", "text", "start", "end"])
    table.index = pd.RangeIndex(1, len(table) + 1, name="n")
    return table


def paragraph_table(statement: Statement) -> pd.DataFrame:
    """One row per body paragraph or list item, indexed by id.

    Columns: kind, marker, sentences, words, start, end, opening (first words).
    """
    rows = []
    for p in statement.paragraphs:
        words = sum(s.n_words for s in p.sentences)
        opening = " ".join(p.text.split()[:8]) + (" …" if len(p.text.split()) > 8 else "")
        rows.append((p.id, p.kind, p.marker, len(p.sentences), words, p.start, p.end, opening))
    cols = ["paragraph", "kind", "marker", "sentences", "words", "start", "end", "opening"]
    return pd.DataFrame(rows, columns=cols).set_index("paragraph")


def sentence_table(statement: Statement) -> pd.DataFrame:
    """One row per body sentence, indexed by id ("p2s3").

    Columns: n (1-based order), paragraph, words (word tokens, punctuation
    excluded), start, end (offsets into the normalised text), text.
    """
    rows = [(s.id, s.index, s.paragraph_id, s.n_words, s.start, s.end, s.text) for s in statement.sentences]
    cols = ["sentence", "n", "paragraph", "words", "start", "end", "text"]
    return pd.DataFrame(rows, columns=cols).set_index("sentence")


def mention_table(statement: Statement) -> pd.DataFrame:
    """One row per actor mention, numbered 1, 2, … in text order.

    Columns: actor (canonical name), kind, as_written, sentence, paragraph, start, end.
    """
    kinds = {a.name: a.kind for a in statement.actor_lexicon.actors}
    rows = []
    for m in statement.mentions:
        s = statement.sentence_of(m.start)
        rows.append((m.actor, kinds.get(m.actor, ""), m.text, s.id if s else "", s.paragraph_id if s else "", m.start, m.end))
    cols = ["actor", "kind", "as_written", "sentence", "paragraph", "start", "end"]
    table = pd.DataFrame(rows, columns=cols)
    table.index = pd.RangeIndex(1, len(table) + 1, name="mention")
    return table


def mentions_by_paragraph(statement: Statement) -> pd.DataFrame:
    """Actor × paragraph counts of mentions (0 where an actor is not named), with a total column.

    Rows are actors in order of first mention; columns are paragraph ids in
    text order, then ``total``.
    """
    mentions = mention_table(statement)
    pids = [p.id for p in statement.paragraphs]
    if mentions.empty:
        return pd.DataFrame(columns=[*pids, "total"], dtype="int64").rename_axis("actor")
    order = list(dict.fromkeys(mentions["actor"]))
    table = pd.crosstab(mentions["actor"], mentions["paragraph"]).reindex(index=order, columns=pids, fill_value=0)
    table["total"] = table.sum(axis=1)
    table.columns.name = None
    return table.astype("int64")


def sentence_length_summary(statement: Statement) -> pd.Series:
    """Words per sentence: count, mean, median, min, max and the number over :data:`LONG_SENTENCE_WORDS`."""
    lengths = pd.Series([s.n_words for s in statement.sentences], dtype="float64")
    return pd.Series(
        {
            "sentences": len(lengths),
            "mean": lengths.mean() if len(lengths) else float("nan"),
            "median": lengths.median() if len(lengths) else float("nan"),
            "min": lengths.min() if len(lengths) else float("nan"),
            "max": lengths.max() if len(lengths) else float("nan"),
            f"over_{LONG_SENTENCE_WORDS}_words": int((lengths > LONG_SENTENCE_WORDS).sum()),
        },
        name="words_per_sentence",
    ).rename_axis("measure")


def sentence_length_reading(statement: Statement) -> Reading:
    """Two plain sentences that read the sentence-length figures for this statement."""
    sents = statement.sentences
    if not sents:
        return Reading("The statement has no body sentences to measure.")
    longest = max(sents, key=lambda s: (s.n_words, -s.index))
    shortest = min(sents, key=lambda s: (s.n_words, s.index))
    summary = sentence_length_summary(statement)
    n_long = int(summary[f"over_{LONG_SENTENCE_WORDS}_words"])
    mean = summary["mean"]
    position = "below" if mean < 15 else "within" if mean <= 20 else "above"
    band = f"{position} the 15-20 word average that plain-language guidance recommends"
    return Reading(
        f"{len(sents)} sentences average {mean:.1f} words ({band}); "
        f"{n_long} of {len(sents)} run past {LONG_SENTENCE_WORDS} words. "
        f"The longest is {longest.id} ({longest.n_words} words), the shortest {shortest.id} ({shortest.n_words} words)."
    )
