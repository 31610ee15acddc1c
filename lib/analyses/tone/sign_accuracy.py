"""How often does each tone measure read the sign of a labelled diplomatic sentence?

The labelled set (``data/tone_validation.csv``) holds 36 short sentences in the
style of diplomatic readouts, written for this project: praise, agreement,
neutral procedure, concern, condemnation, sanctions and negation ("did not
agree"), each labelled positive, neutral or negative by its author. A measure
reads a sentence right when the sign of its score (neutral within 0.05 of 0)
matches the label. The diplomatic-tone lexicon and this set share an author,
so the set is a check that the measure does what it claims, not an
independent evaluation.
"""

from __future__ import annotations

import csv
import io
from importlib import resources

import pandas as pd

from readout.analyses.readings import Reading
from readout.fields import label
from readout.text.statement import parse_statement

from .diplomatic import ToneLexicon, load_tone_lexicon, sentence_tone
from .sentiment import score_sentence, sign

__all__ = ["labelled_sentences", "validation_table", "sign_accuracy", "accuracy_reading"]

_LABELS = {"positive": 1, "neutral": 0, "negative": -1}


def labelled_sentences() -> list[tuple[str, str, str]]:
    """(text, label, kind) for every sentence of the labelled set."""
    raw = resources.files("readout").joinpath("data/tone_validation.csv").read_text(encoding="utf-8")
    lines = "\n".join(line for line in raw.splitlines() if not line.startswith("#"))
    return [(r["text"], r["label"], r["kind"]) for r in csv.DictReader(io.StringIO(lines))]


def validation_table(lexicon: ToneLexicon | None = None) -> pd.DataFrame:
    """One row per labelled sentence: label, kind, and each measure's score (raw scores, as a user gets them)."""
    lexicon = lexicon or load_tone_lexicon()
    rows = []
    for text, expected_label, kind in labelled_sentences():
        statement = parse_statement(text)
        sentence = statement.sentences[0]
        scores = score_sentence(sentence, statement)
        tone, _ = sentence_tone(sentence, lexicon)
        rows.append((text, expected_label, kind, scores.polarity, scores.polarity_clean, scores.vader, scores.vader_clean, tone))
    return pd.DataFrame(rows, columns=["text", "label", "kind", "textblob", "textblob_leak_free", "vader",
                                       "vader_leak_free", "diplomatic_tone"])


def accuracy_reading(accuracy: pd.DataFrame) -> Reading:
    """One sentence giving each measure's share on the labelled set (from :func:`sign_accuracy`)."""
    parts = [f"{label(row.Index)} {row.right} of {row.sentences} ({row.share:.0%})" for row in accuracy.itertuples()]
    total = int(accuracy["sentences"].iloc[0]) if len(accuracy) else 0
    return Reading(f"On the {total} labelled sentences, the sign was read right by " + ", ".join(parts[:-1])
                   + f" and {parts[-1]}. The set and the diplomatic-tone lexicon share an author.")


def sign_accuracy(lexicon: ToneLexicon | None = None) -> pd.DataFrame:
    """Per measure: sentences whose score has the label's sign, out of all, and the share (0-1)."""
    table = validation_table(lexicon)
    expected = table["label"].map(_LABELS)
    rows = []
    for measure in ("textblob", "textblob_leak_free", "vader", "vader_leak_free", "diplomatic_tone"):
        right = int((table[measure].map(sign) == expected).sum())
        rows.append((measure, right, len(table), right / len(table)))
    return pd.DataFrame(rows, columns=["measure", "right", "sentences", "share"]).set_index("measure")
