"""Which words does the statement use most? Content terms, case and plurals folded.

A term is a body word token, lower-cased, that is not an English function
word (``data/stopwords_en.txt``) and has more than one character. Names,
numbers and hyphenated forms stay whole ("U.S.-Honduras", "MS-13", "2024").
Plurals are folded to the singular ("smugglers" → "smuggler") only for words
written in lower case (or capitalised only because they open a sentence) whose
singular is a dictionary word, so names such as "Honduras" or "United States"
are never cut.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict

import pandas as pd
from textblob.en.inflect import singularize

from .language import stopwords
from .statement import Statement
from .syllables import syllable_table

__all__ = ["fold", "term_occurrences", "term_counts", "top_terms"]


@functools.lru_cache(maxsize=65536)
def fold(word: str, sentence_start: bool = False) -> str:
    """The counting form of a word: lower case; a plural common noun becomes its dictionary singular.

    A word is taken as a common noun if it is written in lower case, or is
    capitalised only because it opens a sentence (``sentence_start``);
    "Smugglers" mid-sentence is a name and is not cut.
    """
    w = word.lower()
    common = word.islower() or (sentence_start and word[:1].isupper() and word[1:].islower())
    if common and w.endswith("s") and len(w) > 3:
        single = singularize(w)
        if single != w and single in syllable_table():
            return single
    return w


def term_occurrences(statement: Statement, exclude_actors: bool = False) -> list[tuple[str, int, str, str]]:
    """Every content-word occurrence: (term, word position, as written, sentence id).

    Word positions count body word tokens from 0, across the whole statement.
    With ``exclude_actors``, words inside an actor mention ("the United States") are left out.
    """
    stop = stopwords()
    inside = {t.start for m in statement.mentions for s in statement.sentences if s.start <= m.start < s.end
              for t in s.tokens if m.start <= t.start < m.end} if exclude_actors else set()
    out, position = [], 0
    for sentence in statement.sentences:
        first = True
        for token in sentence.tokens:
            if token.kind == "punct":
                continue
            w = token.text.lower()
            if len(w) > 1 and w not in stop and token.start not in inside:
                out.append((fold(token.text, first), position, token.text, sentence.id))
            position += 1
            first = False
    return out


def term_counts(statement: Statement, exclude_actors: bool = False) -> Counter[str]:
    """How often each term occurs (see :func:`term_occurrences`)."""
    return Counter(t for t, *_ in term_occurrences(statement, exclude_actors))


def top_terms(statement: Statement, n: int = 10, exclude_actors: bool = False) -> pd.DataFrame:
    """The ``n`` most frequent terms: count, sentences that use it, most common written form, first sentence.

    Ties are broken by first appearance. Counts are raw frequencies (a
    single statement has no reference corpus for weighting). With
    ``exclude_actors``, the names of actors found by the statement model are left out.
    """
    occ = term_occurrences(statement, exclude_actors)
    counts = Counter(t for t, *_ in occ)
    forms: dict[str, Counter] = defaultdict(Counter)
    sentences: dict[str, list[str]] = defaultdict(list)
    for term, _, written, sid in occ:
        forms[term][written] += 1
        if sid not in sentences[term]:
            sentences[term].append(sid)
    first_seen: dict[str, int] = {}
    for i, o in enumerate(occ):
        first_seen.setdefault(o[0], i)
    order = sorted(counts, key=lambda t: (-counts[t], first_seen[t]))[:n]
    rows = [(t, counts[t], len(sentences[t]), forms[t].most_common(1)[0][0], sentences[t][0]) for t in order]
    return pd.DataFrame(rows, columns=["term", "count", "sentences", "as written", "first"]).set_index("term")
