"""The vocabulary of the package's data: table fields and the labels a reader sees for them.

Tables carry ``snake_case`` fields (columns, index names and, in a table with one row per measure,
the index values): that is what code reads and the CSV files and corpus tables store. A page shows a
field by its reader label (:func:`label`): its entry in :data:`LABELS`, else the field with its
underscores made spaces ("agenda_rank" → "agenda rank"); numbers get the decimals of
:data:`DIGITS` (else 3). Readings written in prose use the same labels.
"""

from __future__ import annotations

from typing import Any

__all__ = ["LABELS", "DIGITS", "FIELD_INDEXES", "label", "digits"]

#: Reader labels of the fields whose label is not just the field with spaces for underscores.
LABELS: dict[str, str] = {
    # anatomy
    "words_body": "words (body)",
    # style
    "flesch_reading_ease": "Flesch Reading Ease", "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning Fog", "smog": "SMOG", "coleman_liau": "Coleman-Liau", "ari": "ARI",
    "dale_chall": "Dale-Chall", "ttr": "TTR", "mattr": "MATTR", "mtld": "MTLD", "pmi_bits": "PMI (bits)", "g2": "G²",
    "noun_verb_ratio": "noun/verb ratio", "sentence_count": "sentences (count)", "word_count": "words (count)",
    "syllable_count": "syllables (count)",
    # tone
    "textblob": "TextBlob", "textblob_polarity": "TextBlob polarity",
    "textblob_polarity_leak_free": "TextBlob polarity (leak-free)", "textblob_leak_free": "TextBlob (leak-free)",
    "textblob_subjectivity": "TextBlob subjectivity", "vader": "VADER", "vader_leak_free": "VADER (leak-free)",
    "leak_free": "leak-free", "vader_compound_mean": "VADER compound, mean of sentences", "words_scored": "words scored",
    # topics
    "top_terms_weight": "top terms (weight)", "weight_share": "share of weight",
    "sentence_share": "share of sentences", "word_share": "share of words",
    "content_words_matched": "content words matched by a theme phrase",
    # actors
    "who_as_written": "who (as written)", "lemma": "verb (dictionary form)", "rule": "how it was read", "speaker_rule": "speaker read from", "names_recognised": "names recognised",
    "unresolved_agents": "unresolved agents", "self_credit": "self-credit", "from_actor": "from", "to_actor": "to",
    "agent_annotated": "agent (annotated)", "agent_found": "agent (found)",
    "target_annotated": "target (annotated)", "target_found": "target (found)",
    "category_annotated": "category (annotated)", "category_found": "category (found)",
    # collection
    "fk_grade": "FK grade", "key_terms_g2": "key terms (G²)", "percentile_25": "25th percentile",
    "percentile_75": "75th percentile", "per_1000_here": "per 1,000 here", "per_1000_rest": "per 1,000 rest",
    "top_theme_share": "top theme's share", "top_agent_share": "top agent's share", "date_source": "date read from",
    "title_source": "title read from",
    "key_terms": "key terms (5% false discovery rate)", "terms_tested": "terms tested",
    "q": "q (adjusted p)", "firm_commitments": "firm commitments",
}

#: Decimals shown for fields that are not shown with 3.
DIGITS: dict[str, int] = {
    "words": 1, "mean": 1, "words_allocated": 1, "mtld": 1, "fk_grade": 1, "per_1000_here": 1, "per_1000_rest": 1,
    "flesch_reading_ease": 2, "flesch_kincaid_grade": 2, "gunning_fog": 2, "smog": 2, "coleman_liau": 2, "ari": 2,
    "dale_chall": 2, "readout": 2, "textstat": 2, "difference": 2, "pmi_bits": 2, "g2": 2, "noun_verb_ratio": 2,
    "log_ratio": 2, "polarity": 4,
}

#: Index names whose values are themselves fields (one row per measure).
FIELD_INDEXES = frozenset({"measure", "fact", "index", "counted", "field", "class"})


def label(field: Any) -> Any:
    """The reader's label of ``field``: :data:`LABELS`, else the field with its underscores made spaces
    (a value that is not text, such as a paragraph number, is returned as it is)."""
    if not isinstance(field, str):
        return field
    return LABELS.get(field, field.replace("_", " "))




def digits(field: Any) -> int:
    """Decimals a page shows for ``field`` (3 unless :data:`DIGITS` says otherwise)."""
    return DIGITS.get(field, 3) if isinstance(field, str) else 3
