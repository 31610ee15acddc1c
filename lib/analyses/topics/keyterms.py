"""Which terms and phrases characterise the statement? Key terms scored by TF-IDF over its sentences.

Terms are content words as in :mod:`readout.analyses.terms`: stop words left out, case
and plurals folded ("Smugglers" → "smuggler"), names, numbers and hyphenated
forms kept whole ("U.S.-Honduras", "MS-13", "2024"). Actor names are left out
by default (the anatomy notebook counts actors).

Phrases are runs of two to four content words inside a sentence, with no stop
word, punctuation or actor name between them: the candidate-phrase rule of
RAKE (Rose, Engel, Cramer & Cowley 2010), cut to n-grams of two to four
words and counted wherever they occur ("human rights" inside "human rights
defenders" counts too). So that phrases name things rather than actions, a
word whose most frequent tag in the offline tagger's lexicon is a finite verb,
a modal or an adverb also ends a run ("discussed", "met"), and a phrase may
not begin with a participle nor end with a past participle ("organized crime"
is left to "transnational organized crime"; "crime prevention efforts focused"
is cut). A phrase that never occurs outside one longer listed
phrase is left out in favour of it. Phrases with the same score are ranked by
the mean score of their words, so phrases of key terms come first.

Score, with the statement's N sentences as documents (Spärck Jones 1972; the
smoothing is scikit-learn's default):

    idf(t)   = ln((1 + N) / (1 + df(t))) + 1      df = sentences containing t
    score(t) = count(t) × idf(t)                   = Σ over sentences of tf × idf

A term used often but spread over every sentence scores about its count; one
concentrated in few sentences scores up to ln((1 + N) / 2) + 1 times its
count. Scores compare terms within one statement only.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

import pandas as pd

from readout.analyses.terms import term_occurrences, word_occurrences
from readout.errors import NotComputable
from readout.text.statement import Statement

__all__ = ["idf", "term_scores", "phrase_scores", "key_terms_table"]


@lru_cache(maxsize=65536)
def idf(df: int, n: int) -> float:
    """Smoothed inverse document frequency: ln((1 + n) / (1 + df)) + 1, from 1 (df = n) up to ln((1+n)/2) + 1."""
    return math.log((1 + n) / (1 + df)) + 1


def _score_rows(occurrences: list[tuple[str, str, str]], n: int) -> list[tuple[str, int, int, float, float, str, str]]:
    """(term, count, sentences, idf, score, most common written form, first sentence) from (term, written, sid).

    Rows come in order of first occurrence; the written form is the most frequent (ties: the first seen).
    """
    counts = Counter(t for t, _, _ in occurrences)  # insertion order: first occurrence
    dfs = Counter(t for t, _ in dict.fromkeys((t, sid) for t, _, sid in occurrences))
    first = {t: sid for t, _, sid in reversed(occurrences)}  # the earliest occurrence is written last
    written: dict[str, tuple[int, str]] = {}
    for (t, w), k in Counter((t, w) for t, w, _ in occurrences).items():  # first seen wins a tie
        if t not in written or k > written[t][0]:
            written[t] = (k, w)
    rows = []
    for term, count in counts.items():
        weight = idf(dfs[term], n)
        rows.append((term, count, dfs[term], weight, count * weight, written[term][1], first[term]))
    return rows


def term_scores(statement: Statement, exclude_actors: bool = True) -> list[tuple[str, int, int, float, float, str, str]]:
    """Every content term: (term, count, sentences, idf, score, as written, first sentence), unsorted."""
    occ = [(t, written, sid) for t, _, written, sid in term_occurrences(statement, exclude_actors)]
    return _score_rows(occ, len(statement.sentences))


_BREAKING_TAGS = ("VB", "VBD", "VBZ", "VBP", "MD", "RB", "RBR", "RBS")


@lru_cache(maxsize=65536)
def _tag(word: str) -> str:
    """The most frequent Penn tag of a word in the offline tagger's lexicon ("" if unknown)."""
    from textblob.en import lexicon

    return lexicon.get(word) or lexicon.get(word.lower()) or ""


def _runs(statement: Statement, exclude_actors: bool) -> list[list[tuple[str, str, str]]]:
    """Runs of consecutive content words (term, written, sentence id): a stop word, punctuation, a
    sentence end, a verb or adverb (by its lexicon tag) or (with ``exclude_actors``) an actor name
    breaks a run."""
    words = word_occurrences(statement)
    text = statement.text
    runs: list[list[tuple[str, str, str]]] = []
    run: list[tuple[str, str, str]] = []
    last = -2  # word position of the run's last word
    for term, position, written, sid in term_occurrences(statement, exclude_actors):
        if _tag(written) in _BREAKING_TAGS:
            continue
        # joined: the very next word, in the same sentence, with only white space between
        if not (position == last + 1 and run[-1][2] == sid
                and not text[words[last].end : words[position].start].strip()) and run:
            runs.append(run)
            run = []
        run.append((term, written, sid))
        last = position
    if run:
        runs.append(run)
    return runs


def phrase_scores(statement: Statement, exclude_actors: bool = True,
                  sizes: tuple[int, ...] = (2, 3, 4)) -> list[tuple[str, int, int, float, float, str, str]]:
    """Every candidate phrase (see the module note): rows as for :func:`term_scores`, unsorted.

    Phrases that occur only inside one longer phrase, as often as it, are left out.
    """
    occ: list[tuple[str, str, str]] = []
    for run in _runs(statement, exclude_actors):
        if len(run) < 2:
            continue
        terms = [t for t, _, _ in run]
        written = [w for _, w, _ in run]
        tags = [_tag(w) for w in written]
        sid = run[0][2]
        for size in sizes:
            for i in range(len(run) - size + 1):
                if tags[i] in ("VBN", "VBG") or tags[i + size - 1] == "VBN":
                    continue
                occ.append((" ".join(terms[i : i + size]), " ".join(written[i : i + size]), sid))
    rows = _score_rows(occ, len(statement.sentences))
    counts = {r[0]: r[1] for r in rows}
    covered = set()  # phrases found inside a longer phrase that occurs exactly as often
    for phrase, count in counts.items():
        words = phrase.split()
        for size in range(2, len(words)):
            for i in range(len(words) - size + 1):
                part = " ".join(words[i : i + size])
                if counts.get(part) == count:
                    covered.add(part)
    return [r for r in rows if r[0] not in covered]


def _mean_score(phrase: str, word_score: dict[str, float]) -> float:
    """The mean score of a phrase's words (0 for a single word not scored)."""
    words = phrase.split()
    return sum(word_score.get(w, 0.0) for w in words) / len(words)


def key_terms_table(statement: Statement, n: int = 10, exclude_actors: bool = True) -> pd.DataFrame:
    """The ``n`` top-scoring terms and the ``n`` top-scoring phrases, each sorted by score (ties: count,
    then, for phrases, the mean score of their words, then first appearance): kind, count,
    sentences, idf, score, as written, first sentence."""
    if n < 1:
        raise NotComputable(f"key terms not computed: the number of terms to show must be at least 1 (got {n})")
    order = {s.id: s.index for s in statement.sentences}
    terms = term_scores(statement, exclude_actors)
    word_score = {r[0]: r[4] for r in terms}

    def top(rows: list, kind: str) -> list:
        ranked = sorted(rows, key=lambda r: (-round(r[4], 9), -r[1], -round(_mean_score(r[0], word_score), 9),
                                             order[r[6]], r[0]))
        return [(r[0], kind, r[1], r[2], r[3], r[4], r[5], r[6]) for r in ranked[:n]]

    rows = top(terms, "term") + top(phrase_scores(statement, exclude_actors), "phrase")
    table = pd.DataFrame(rows, columns=["term", "kind", "count", "sentences", "idf", "score", "as_written", "first"])
    return table.set_index("term")
