"""Which words go together more often than chance? Bigrams and trigrams with association scores.

Word pairs (and triples) are counted inside sentences over lower-cased word
tokens; n-grams containing an English function word are left out, so the
lists show content collocations ("human rights"), not "of the".

Scores, for an n-gram seen ``f`` times among ``N`` word tokens:

* PMI, pointwise mutual information (Church & Hanks 1990), in bits:
  log2(f(xy) N / (f(x) f(y))) for a pair, log2(f(xyz) N^2 / (f(x) f(y) f(z)))
  for a triple. 0 = as often as chance; each extra bit doubles the ratio. PMI
  overrates rare pairs, so only n-grams seen at least ``min_freq`` times are scored.
* G², log-likelihood (Dunning 1993; :mod:`readout.analyses.significance`), for
  pairs: 2 Σ O ln(O/E) over the 2x2 table of the pair against all other pairs.
  Above 3.84 the association is unlikely (p < 0.05) to be chance, if the counts
  were independent draws, which words in a text are not: read G² as a ranking,
  not a test.
"""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd

from readout.analyses.significance import contingency_g2
from readout.text.statement import Statement
from readout.text.stopwords import stopwords

__all__ = ["bigram_scores", "trigram_scores", "bigrams", "trigrams", "MIN_FREQ"]

MIN_FREQ = 2


def _sentences(statement: Statement) -> list[list[str]]:
    """Each body sentence's words in lower case (computed once per statement)."""
    return statement.derived("collocations.sentences",
                             lambda st: [[w.lower() for w in s.words] for s in st.sentences])


def _unigrams(statement: Statement) -> Counter[str]:
    """How often each lower-cased word occurs in the body (computed once per statement; do not change it)."""
    return statement.derived("collocations.unigrams", lambda st: Counter(w for s in _sentences(st) for w in s))


def bigram_scores(statement: Statement, min_freq: int = MIN_FREQ) -> list[tuple[str, str, int, float, float]]:
    """(word, word, count, PMI in bits, G²) for content bigrams seen at least ``min_freq`` times."""
    sents = _sentences(statement)
    stop = stopwords()
    unigrams = _unigrams(statement)
    n = sum(unigrams.values())
    pairs = Counter(pair for s in sents for pair in zip(s, s[1:], strict=False))
    n_pairs = sum(pairs.values())
    out = []
    first: Counter[str] | None = None
    second: Counter[str] = Counter()
    for (a, b), f in pairs.items():
        if f < min_freq or a in stop or b in stop:
            continue
        if first is None:  # pairs starting with x, pairs ending with y: only when some pair is scored
            first = Counter()
            for (x, y), k in pairs.items():
                first[x] += k
                second[y] += k
        pmi = math.log2(f * n / (unigrams[a] * unigrams[b]))
        g2 = contingency_g2(f, first[a] - f, second[b] - f, n_pairs - first[a] - second[b] + f)
        out.append((a, b, f, pmi, g2))
    return out


def bigrams(statement: Statement, min_freq: int = MIN_FREQ) -> pd.DataFrame:
    """Content bigrams seen at least ``min_freq`` times: count, PMI (bits), G², sentences. Sorted by PMI."""
    sents = _sentences(statement)
    rows = []
    for a, b, f, pmi, g2 in bigram_scores(statement, min_freq):
        where = ", ".join(st.id for st, words in zip(statement.sentences, sents, strict=True)
                          if any(p == (a, b) for p in zip(words, words[1:], strict=False)))
        rows.append((f"{a} {b}", f, pmi, g2, where))
    table = pd.DataFrame(rows, columns=["bigram", "count", "pmi_bits", "g2", "sentences"])
    return table.sort_values(["pmi_bits", "count"], ascending=False, kind="stable").set_index("bigram")


def trigram_scores(statement: Statement, min_freq: int = MIN_FREQ) -> list[tuple[str, int, float]]:
    """("w1 w2 w3", count, PMI in bits) for content trigrams seen at least ``min_freq`` times."""
    sents = _sentences(statement)
    stop = stopwords()
    unigrams = _unigrams(statement)
    n = sum(unigrams.values())
    triples = Counter(t for s in sents for t in zip(s, s[1:], s[2:], strict=False))
    out = []
    for (a, b, c), f in triples.items():
        if f < min_freq or a in stop or b in stop or c in stop:
            continue
        out.append((f"{a} {b} {c}", f, math.log2(f * n * n / (unigrams[a] * unigrams[b] * unigrams[c]))))
    return out


def trigrams(statement: Statement, min_freq: int = MIN_FREQ) -> pd.DataFrame:
    """Content trigrams seen at least ``min_freq`` times: count and PMI (bits). Sorted by PMI."""
    rows = trigram_scores(statement, min_freq)
    table = pd.DataFrame(rows, columns=["trigram", "count", "pmi_bits"])
    return table.sort_values(["pmi_bits", "count"], ascending=False, kind="stable").set_index("trigram")
