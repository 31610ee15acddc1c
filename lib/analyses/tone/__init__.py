"""What tone does the statement take, toward whom, and can the number be trusted?

TextBlob and VADER per sentence, raw and without lexicon leaks (:mod:`.sentiment`,
:mod:`.leaks`); the diplomatic-tone measure from an editable lexicon (:mod:`.diplomatic`);
tone toward each actor (:mod:`.toward`); the labelled sentences it is checked on
(:mod:`.validation`).

The names below are imported from their modules on first use, so importing the package costs
nothing until a name is needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readout._lazy import lazy_exports

if TYPE_CHECKING:
    from .diplomatic import (
        FULL_WEIGHT,
        INTENSIFIER_WINDOW,
        MIXED_SHARE,
        MIXED_WEIGHT,
        NEGATION_WINDOW,
        NEUTRAL_BELOW,
        TONE_LABELS,
        DocumentTone,
        ToneEntry,
        ToneLexicon,
        ToneMatch,
        describe_tone,
        document_tone,
        load_tone_lexicon,
        sentence_matches,
        sentence_tone,
        statement_matches,
        statement_tone,
        tone_label,
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

#: Each public name and the module (in this package) that defines it.
_MODULE_OF = {
    "ToneLexicon": "diplomatic", "ToneEntry": "diplomatic", "ToneMatch": "diplomatic", "DocumentTone": "diplomatic",
    "load_tone_lexicon": "diplomatic", "sentence_matches": "diplomatic", "statement_matches": "diplomatic",
    "sentence_tone": "diplomatic", "tone_table": "diplomatic", "document_tone": "diplomatic", "statement_tone":
    "diplomatic", "describe_tone": "diplomatic", "NEGATION_WINDOW": "diplomatic", "NEUTRAL_BELOW": "diplomatic",
    "MIXED_WEIGHT": "diplomatic", "MIXED_SHARE": "diplomatic", "tone_label": "diplomatic", "FULL_WEIGHT":
    "diplomatic", "TONE_LABELS": "diplomatic", "INTENSIFIER_WINDOW": "diplomatic", "LeakLexicon": "leaks",
    "load_leak_lexicon": "leaks", "name_spans": "leaks", "leak_reason": "leaks", "SentenceSentiment": "sentiment",
    "Hit": "sentiment", "score_sentence": "sentiment", "score_statement": "sentiment", "sentence_table":
    "sentiment", "paragraph_table": "sentiment", "document_table": "sentiment", "evidence_table": "sentiment",
    "leak_table": "sentiment", "agreement": "sentiment", "strongest": "sentiment", "coverage_table": "sentiment",
    "disagreement_table": "sentiment", "tone_reading": "sentiment", "strongest_reading": "sentiment",
    "NEUTRAL_BAND": "sentiment", "sign": "sentiment", "actor_sentences": "toward", "actor_table": "toward",
    "labelled_sentences": "validation", "validation_table": "validation", "sign_accuracy": "validation",
    "accuracy_reading": "validation"
}
__all__ = [
    "ToneLexicon", "ToneEntry", "ToneMatch", "DocumentTone", "load_tone_lexicon", "sentence_matches",
    "statement_matches", "sentence_tone", "tone_table", "document_tone", "statement_tone", "describe_tone",
    "NEGATION_WINDOW", "NEUTRAL_BELOW", "MIXED_WEIGHT", "MIXED_SHARE", "tone_label", "FULL_WEIGHT", "TONE_LABELS",
    "INTENSIFIER_WINDOW", "LeakLexicon", "load_leak_lexicon", "name_spans", "leak_reason", "SentenceSentiment",
    "Hit", "score_sentence", "score_statement", "sentence_table", "paragraph_table", "document_table",
    "evidence_table", "leak_table", "agreement", "strongest", "coverage_table", "disagreement_table",
    "tone_reading", "strongest_reading", "NEUTRAL_BAND", "sign", "actor_sentences", "actor_table",
    "labelled_sentences", "validation_table", "sign_accuracy", "accuracy_reading"
]

__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF)
