"""Is this statement in English? The English-only measures ask before they compute.

Readability formulas, the part-of-speech tagger and the noun-phrase chunker
are built for English. A statement in another language gets a clear "not
computed" with the reason instead of meaningless numbers.
"""

from __future__ import annotations

from readout.errors import NotComputable

from .statement import Statement
from .stopwords import stopwords

__all__ = ["english_share", "dictionary_share", "looks_english", "require_english",
           "language_reading", "MIN_ENGLISH_SHARE", "MIN_DICTIONARY_SHARE"]

#: English prose is about 35-55% function words; Spanish or French text scores under
#: 10% on this list. Below this share a text is taken as not English.
MIN_ENGLISH_SHARE: float = 0.2
#: Failing that, a text whose words are nearly all in the CMU Pronouncing Dictionary (an English
#: dictionary) is English too: "International cooperation strengthens democratic institutions."
MIN_DICTIONARY_SHARE: float = 0.9


def dictionary_share(statement: Statement) -> float:
    """Share of the body's words written in lower case (letters only) found in the CMU Pronouncing
    Dictionary, 0-1. Capitalised words are left out: names ("Haroon Rashid Aswad") say nothing of the
    language, and a short news sentence is mostly names."""
    from .syllables import syllable_table

    def compute(st: Statement) -> float:
        words = [w for s in st.sentences for w in s.words if w.isalpha() and w.islower()]
        if not words:
            return 0.0
        table = syllable_table()
        return sum(w in table for w in words) / len(words)

    return statement.derived("language.dictionary_share", compute)


def english_share(statement: Statement) -> float:
    """Share of body word tokens that are English function words, 0-1 (0 for no words)."""
    def compute(st: Statement) -> float:
        words = [w.lower() for s in st.sentences for w in s.words]
        if not words:
            return 0.0
        stop = stopwords()
        return sum(w in stop for w in words) / len(words)

    return statement.derived("language.english_share", compute)


def looks_english(statement: Statement) -> bool:
    """English function words make up at least :data:`MIN_ENGLISH_SHARE` of the words, or (for a
    short or telegraphic text) at least :data:`MIN_DICTIONARY_SHARE` of its words are English dictionary words."""
    return english_share(statement) >= MIN_ENGLISH_SHARE or dictionary_share(statement) >= MIN_DICTIONARY_SHARE


def require_english(statement: Statement, measure: str) -> None:
    """Raise :class:`NotComputable` if the statement has no words with letters, or does not look like English."""
    if not any(c.isalpha() for s in statement.sentences for w in s.words for c in w):
        raise NotComputable(f"{measure} not computed: the statement has no words with letters to read")
    if not looks_english(statement):
        raise NotComputable(
            f"{measure} not computed: it is built for English, and only {english_share(statement):.0%} of this "
            f"statement's words are English function words (typical English prose: about 35-55%) and "
            f"{dictionary_share(statement):.0%} are English dictionary words"
        )


def language_reading(statement: Statement) -> str:  # plain text: callers combine it with other sentences
    """One sentence: does the statement look like English, and so do the English-only measures apply?"""
    share = english_share(statement)
    if looks_english(statement):
        return (f"English function words make up {share:.0%} of the body's words (typical English prose: about "
                f"35-55%) and {dictionary_share(statement):.0%} are English dictionary words, so the English-only "
                "measures below apply.")
    return (f"English function words make up only {share:.0%} of the body's words and "
            f"{dictionary_share(statement):.0%} are English dictionary words: this does not look like English, "
            "so readability, tagging and noun phrases are not computed, and the top terms and collocations, "
            "which leave out English function words only, will include this language's function words.")
