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

import bisect
import functools
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, NamedTuple

from readout.text.language import stopwords
from readout.text.statement import Statement
from readout.text.syllables import syllable_table

if TYPE_CHECKING:  # imported where a table is made: the runner's checks load these modules without it
    import pandas as pd

__all__ = ["PLURAL_SENSES", "fold", "WordOccurrence", "word_occurrences", "term_occurrences", "term_counts", "top_terms"]


#: Plurals whose sense differs from the singular's in policy prose: never folded
#: ("human rights" are not "human right", "talks" are not "talk").
PLURAL_SENSES = frozenset({"rights", "talks", "relations", "ties", "arms", "forces", "affairs", "goods", "means",
                           "customs", "remains", "proceeds", "headquarters", "savings", "minutes", "premises"})


@functools.lru_cache(maxsize=65536)
@functools.cache
def _singularize():  # TextBlob's singulariser, imported on first use
    from textblob.en.inflect import singularize

    return singularize


def fold(word: str, sentence_start: bool = False) -> str:
    """The counting form of a word: lower case, a possessive ending dropped ("region’s", "judges'"); a
    plural common noun becomes its dictionary singular.

    A word is taken as a common noun if it is written in lower case, or is
    capitalised only because it opens a sentence (``sentence_start``);
    "Smugglers" mid-sentence is a name and is not cut; nor are the plurals in
    :data:`PLURAL_SENSES` ("rights", "talks").
    """
    w = word.lower()
    for ending in ("'s", "’s", "s'", "s’"):  # possessives count with their noun: "region’s" is "region"
        if w.endswith(ending) and len(w) > len(ending) + 1:
            cut = 2 if ending[0] in "'’" else 1
            word, w = word[:-cut], w[:-cut]
            break
    common = word.islower() or (sentence_start and word[:1].isupper() and word[1:].islower())
    if common and w.endswith("s") and len(w) > 3 and w not in PLURAL_SENSES:
        single = _singularize()(w)
        if single != w and single in syllable_table():
            return single
    return w


class WordOccurrence(NamedTuple):
    """One body word token: its folded ``term``, ``position`` among body words (0 = first), ``text`` as
    written, its sentence's id and its character offsets into the statement text."""

    term: str
    position: int
    text: str
    sentence_id: str
    start: int
    end: int


def word_occurrences(statement: Statement) -> tuple[WordOccurrence, ...]:
    """Every body word token in text order, folded (:func:`fold`); computed once per statement."""

    def compute(st: Statement) -> tuple[WordOccurrence, ...]:
        terms: list[str] = []
        texts: list[str] = []
        sids: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for sentence in st.sentences:
            words = [t for t in sentence.tokens if t.kind != "punct"]
            if not words:
                continue
            written = [t.text for t in words]
            terms.append(fold(written[0], True))  # capitalised at a sentence start: maybe a common noun
            terms.extend(map(fold, written[1:]))
            texts.extend(written)
            sids.extend([sentence.id] * len(words))
            starts.extend([t.start for t in words])
            ends.extend([t.end for t in words])
        return tuple(map(WordOccurrence, terms, range(len(terms)), texts, sids, starts, ends))

    return statement.derived("terms.word_occurrences", compute)


def _actor_word_starts(statement: Statement) -> frozenset[int]:
    """Start offsets of the body words that lie inside an actor mention."""
    words = word_occurrences(statement)
    starts = [w.start for w in words]
    inside = set()
    for m in statement.mentions:
        k = bisect.bisect_left(starts, m.start)
        while k < len(starts) and starts[k] < m.end:
            inside.add(starts[k])
            k += 1
    return frozenset(inside)


def term_occurrences(statement: Statement, exclude_actors: bool = False) -> tuple[tuple[str, int, str, str], ...]:
    """Every content-word occurrence: (term, word position, as written, sentence id).

    Word positions count body word tokens from 0, across the whole statement.
    With ``exclude_actors``, words inside an actor mention ("the United States") are left out.
    """

    def compute(st: Statement) -> tuple[tuple[str, int, str, str], ...]:
        stop = stopwords()
        inside = _actor_word_starts(st) if exclude_actors else frozenset()
        return tuple((w.term, w.position, w.text, w.sentence_id) for w in word_occurrences(st)
                     if len(w.text) > 1 and w.text.lower() not in stop and w.start not in inside)

    return statement.derived(f"terms.term_occurrences.{exclude_actors}", compute)


def term_counts(statement: Statement, exclude_actors: bool = False) -> Counter[str]:
    """How often each term occurs (see :func:`term_occurrences`)."""
    return Counter(t for t, *_ in term_occurrences(statement, exclude_actors))


def top_terms(statement: Statement, n: int = 10, exclude_actors: bool = False) -> pd.DataFrame:
    """The ``n`` most frequent terms: count, sentences that use it, most common written form, first sentence.

    Ties are broken by first appearance. Counts are raw frequencies (a
    single statement has no reference corpus for weighting). With
    ``exclude_actors``, the names of actors found by the statement model are left out.
    """
    import pandas as pd

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
    return pd.DataFrame(rows, columns=["term", "count", "sentences", "as_written", "first"]).set_index("term")
