"""How is the statement written? Readability, lexical diversity, parts of speech, passives,
noun phrases, dispersion and keyword in context, collocations and acronyms: one module per
measure family, one function per measure.
"""

from __future__ import annotations

from .acronyms import acronym_table, find_acronyms
from .collocations import MIN_FREQ, bigram_scores, bigrams, trigram_scores, trigrams
from .concordance import KWIC_WIDTH, KwicLine, dispersion_table, kwic, kwic_lines, kwic_rows, term_positions
from .diversity import MATTR_WINDOW, MTLD_THRESHOLD, diversity_scores, diversity_table, mattr, mtld, ttr, word_tokens
from .grammar import (
    POS_CLASSES,
    grammar_reading,
    noun_phrase_table,
    noun_phrases,
    passive_constructions,
    passive_sentences,
    pos_counts,
    pos_profile,
)
from .readability import (
    TextCounts,
    automated_readability_index,
    coleman_liau_index,
    comparison_reading,
    counts_table,
    dale_chall,
    familiar_words,
    flesch_kincaid_grade,
    flesch_reading_ease,
    gunning_fog,
    readability_reading,
    readability_scores,
    readability_table,
    smog_index,
    text_counts,
    textstat_comparison,
)

__all__ = [
    "find_acronyms", "acronym_table", "bigram_scores", "trigram_scores", "bigrams", "trigrams", "MIN_FREQ",
    "term_positions", "dispersion_table", "KwicLine", "kwic_rows", "kwic", "kwic_lines", "KWIC_WIDTH",
    "word_tokens", "ttr", "mattr", "mtld", "diversity_scores", "diversity_table", "MATTR_WINDOW",
    "MTLD_THRESHOLD", "pos_counts", "pos_profile", "passive_constructions", "passive_sentences",
    "noun_phrases", "noun_phrase_table", "grammar_reading", "POS_CLASSES", "TextCounts", "text_counts",
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
    "automated_readability_index", "dale_chall", "readability_scores", "readability_table",
    "textstat_comparison", "familiar_words", "counts_table", "readability_reading", "comparison_reading"
]
