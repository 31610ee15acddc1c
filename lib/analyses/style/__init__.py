"""How is the statement written? Readability, lexical diversity, parts of speech, passives,
noun phrases, dispersion and keyword in context, collocations and acronyms: one module per
measure family, one function per measure.

The names below are imported from their modules on first use, so importing the package costs
nothing until a name is needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readout._lazy import lazy_exports

if TYPE_CHECKING:
    from .acronyms import acronym_table, find_acronyms
    from .collocations import MIN_FREQ, bigram_scores, bigrams, trigram_scores, trigrams
    from .concordance import KWIC_WIDTH, KwicLine, dispersion_table, kwic, kwic_lines, kwic_rows, term_positions
    from .diversity import (
        MATTR_WINDOW,
        MTLD_THRESHOLD,
        diversity_scores,
        diversity_table,
        mattr,
        mtld,
        ttr,
        word_tokens,
    )
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

#: Each public name and the module (in this package) that defines it.
_MODULE_OF = {
    "find_acronyms": "acronyms", "acronym_table": "acronyms", "bigram_scores": "collocations", "trigram_scores":
    "collocations", "bigrams": "collocations", "trigrams": "collocations", "MIN_FREQ": "collocations",
    "term_positions": "concordance", "dispersion_table": "concordance", "KwicLine": "concordance", "kwic_rows":
    "concordance", "kwic": "concordance", "kwic_lines": "concordance", "KWIC_WIDTH": "concordance", "word_tokens":
    "diversity", "ttr": "diversity", "mattr": "diversity", "mtld": "diversity", "diversity_scores": "diversity",
    "diversity_table": "diversity", "MATTR_WINDOW": "diversity", "MTLD_THRESHOLD": "diversity", "pos_counts":
    "grammar", "pos_profile": "grammar", "passive_constructions": "grammar", "passive_sentences": "grammar",
    "noun_phrases": "grammar", "noun_phrase_table": "grammar", "grammar_reading": "grammar", "POS_CLASSES":
    "grammar", "TextCounts": "readability", "text_counts": "readability", "flesch_reading_ease": "readability",
    "flesch_kincaid_grade": "readability", "gunning_fog": "readability", "smog_index": "readability",
    "coleman_liau_index": "readability", "automated_readability_index": "readability", "dale_chall": "readability",
    "readability_scores": "readability", "readability_table": "readability", "textstat_comparison": "readability",
    "familiar_words": "readability", "counts_table": "readability", "readability_reading": "readability",
    "comparison_reading": "readability"
}
__all__ = [
    "find_acronyms", "acronym_table", "bigram_scores", "trigram_scores", "bigrams", "trigrams", "MIN_FREQ",
    "term_positions", "dispersion_table", "KwicLine", "kwic_rows", "kwic", "kwic_lines", "KWIC_WIDTH",
    "word_tokens", "ttr", "mattr", "mtld", "diversity_scores", "diversity_table", "MATTR_WINDOW", "MTLD_THRESHOLD",
    "pos_counts", "pos_profile", "passive_constructions", "passive_sentences", "noun_phrases", "noun_phrase_table",
    "grammar_reading", "POS_CLASSES", "TextCounts", "text_counts", "flesch_reading_ease", "flesch_kincaid_grade",
    "gunning_fog", "smog_index", "coleman_liau_index", "automated_readability_index", "dale_chall",
    "readability_scores", "readability_table", "textstat_comparison", "familiar_words", "counts_table",
    "readability_reading", "comparison_reading"
]

__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF)
