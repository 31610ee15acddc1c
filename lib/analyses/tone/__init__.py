"""What tone does the statement take, toward whom, and can the number be trusted?

TextBlob and VADER per sentence, raw and without lexicon leaks (:mod:`.sentiment`,
:mod:`.leaks`); the diplomatic-tone measure from an editable lexicon (:mod:`.diplomatic`);
tone toward each actor (:mod:`.toward`); the labelled sentences it is checked on
(:mod:`.validation`).
"""

from __future__ import annotations

from .diplomatic import (
    NEGATION_WINDOW,
    ToneLexicon,
    ToneMatch,
    document_tone,
    load_tone_lexicon,
    sentence_matches,
    sentence_tone,
    tone_table,
)
from .leaks import LeakLexicon, leak_reason, load_leak_lexicon, name_spans
from .sentiment import (
    NEUTRAL_BAND,
    Hit,
    SentenceSentiment,
    agreement,
    coverage_table,
    disagreement_table,
    document_table,
    evidence_table,
    leak_table,
    paragraph_table,
    score_sentence,
    score_statement,
    sentence_table,
    sign,
    strongest,
    strongest_reading,
    tone_reading,
)
from .toward import actor_sentences, actor_table
from .validation import accuracy_reading, labelled_sentences, sign_accuracy, validation_table

__all__ = [
    "ToneLexicon", "ToneMatch", "load_tone_lexicon", "sentence_matches", "sentence_tone", "tone_table",
    "document_tone", "NEGATION_WINDOW", "LeakLexicon", "load_leak_lexicon", "name_spans", "leak_reason",
    "SentenceSentiment", "Hit", "score_sentence", "score_statement", "sentence_table", "paragraph_table",
    "document_table", "evidence_table", "leak_table", "agreement", "strongest", "coverage_table",
    "disagreement_table", "tone_reading", "strongest_reading", "NEUTRAL_BAND", "sign", "actor_sentences",
    "actor_table", "labelled_sentences", "validation_table", "sign_accuracy", "accuracy_reading"
]
