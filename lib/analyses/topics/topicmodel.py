"""An exploratory topic model: non-negative matrix factorisation (NMF) over the statement's sentences.

The sentence × term matrix X holds TF-IDF weights (tf × idf as in
:mod:`readout.analyses.topics.keyterms`, content terms, actor names left out), each sentence's
row scaled to unit length. NMF finds non-negative W (sentences × k topics) and
H (k topics × terms) with X ≈ W H, minimising the squared error
||X - W H||², by the multiplicative updates of Lee & Seung (2001), from a
random start drawn with a fixed seed (same statement, k and seed: same
topics). Each topic's row of H is then scaled to sum to 1 (a distribution over
terms) and W takes the scale, so W H is unchanged and the weights mean the same
whatever the start. A topic is read from its heaviest terms in H; a sentence's
topic weights are its row of W, scaled to shares that sum to 1. A sentence the
updates leave with no weight at all (they cannot revive a zero) is refitted
against the final topics; a sentence with no content term, or none that any
topic uses, has no main topic ("none").

This is exploratory. On a statement of a dozen sentences every term occurs
once or twice, so the topics follow a few repeated words and change with k
and the seed; compare them with the theme lexicon's reading, which is
transparent, before believing either.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from readout.analyses.readings import Reading
from readout.analyses.terms import term_occurrences
from readout.errors import NotComputable
from readout.text.statement import Statement

from .keyterms import idf
from .themes import StatementThemes

__all__ = ["nmf", "TopicModel", "fit_topics", "topic_terms_table", "sentence_topic_table", "topic_theme_table",
           "topic_reading", "scale_reading", "MAX_ITER", "TOL"]

#: Iteration cap and relative-improvement stopping rule of the NMF updates.
MAX_ITER = 1000
TOL = 1e-6
_EPS = 1e-12


def nmf(x: np.ndarray, k: int, seed: int = 0, max_iter: int = MAX_ITER, tol: float = TOL
        ) -> tuple[np.ndarray, np.ndarray, int, float]:
    """Factor non-negative ``x`` (n × m) as W (n × k) H (k × m); return W, H, iterations run and the
    final Frobenius error ||x - W H||. Lee & Seung (2001) multiplicative updates from a seeded
    random start scaled to x's mean (as scikit-learn's "random" initialisation); stops when the
    error improves by less than ``tol`` (relative) over 10 iterations, or after ``max_iter``."""
    if x.ndim != 2 or (x < 0).any():
        raise ValueError("nmf needs a non-negative matrix")
    n, m = x.shape
    rng = np.random.default_rng(seed)
    scale = np.sqrt(x.mean() / k) if x.size and x.mean() > 0 else 1.0
    w = scale * rng.random((n, k))
    h = scale * rng.random((k, m))
    error = previous = float(np.linalg.norm(x - w @ h))
    it = 0
    for it in range(1, max_iter + 1):
        h *= (w.T @ x) / (w.T @ w @ h + _EPS)
        w *= (x @ h.T) / (w @ h @ h.T + _EPS)
        if it % 10 == 0:
            error = float(np.linalg.norm(x - w @ h))
            if previous - error < tol * max(previous, _EPS):
                break
            previous = error
    error = float(np.linalg.norm(x - w @ h))
    return w, h, it, error


@dataclass(frozen=True)
class TopicModel:
    """A fitted model: the sentence ids and terms that index W and H, the factors, and how the fit went."""

    k: int
    seed: int
    sentence_ids: tuple[str, ...]
    terms: tuple[str, ...]
    w: np.ndarray  # sentences × topics, non-negative
    h: np.ndarray  # topics × terms, non-negative, each row summing to 1
    iterations: int
    error: float  # ||X - W H|| / ||X|| (Frobenius): the share of X the topics leave unexplained, 0-1

    @property
    def labels(self) -> list[str]:
        """ "topic 1" ... "topic k"."""
        return [f"topic {j + 1}" for j in range(self.k)]


def _matrix(statement: Statement) -> tuple[tuple[str, ...], tuple[str, ...], np.ndarray]:
    """Sentence ids, terms (first-appearance order) and the row-normalised TF-IDF sentence × term matrix."""
    occ = term_occurrences(statement, exclude_actors=True)
    ids = tuple(s.id for s in statement.sentences)
    terms = tuple(dict.fromkeys(t for t, *_ in occ))
    col = {t: j for j, t in enumerate(terms)}
    row = {sid: i for i, sid in enumerate(ids)}
    x = np.zeros((len(ids), len(terms)))
    for t, _, _, sid in occ:
        x[row[sid], col[t]] += 1.0
    df = Counter(t for t, sid in {(t, sid) for t, _, _, sid in occ})
    weights = np.array([idf(df[t], len(ids)) for t in terms])
    x *= weights
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    x = np.divide(x, norms, out=np.zeros_like(x), where=norms > 0)
    return ids, terms, x


def _refit_empty_rows(x: np.ndarray, w: np.ndarray, h: np.ndarray, iterations: int = 500) -> np.ndarray:
    """Sentences whose row of W fell to 0 although they have content terms: fit each such row alone
    against the fixed topics H, from an even positive start (the same multiplicative update)."""
    w = w.copy()
    for i in np.flatnonzero((w.sum(axis=1) <= 1e-12) & (x.sum(axis=1) > 0)):
        target = x[i] @ h.T
        if not (target > 0).any():
            continue  # no topic uses its terms: it stays without a topic
        row = np.full(h.shape[0], float(np.sqrt(x[i].mean() / h.shape[0])) or 1.0)
        gram = h @ h.T
        for _ in range(iterations):
            row *= target / (row @ gram + _EPS)
        w[i] = row
    return w


def fit_topics(statement: Statement, k: int = 3, seed: int = 2024) -> TopicModel:
    """Fit ``k`` topics over the statement's sentences (see the module note).

    Raises :class:`~readout.errors.NotComputable` for an unusable ``k`` or ``seed``, or when the
    statement is too small for ``k`` topics: fewer than ``k + 1`` different sentences with content
    words, or fewer than ``2k`` distinct terms.
    """
    if k < 1:
        raise NotComputable(f"topic model not computed: the number of topics must be at least 1 (got {k})")
    if seed < 0:
        raise NotComputable(f"topic model not computed: the seed must be a whole number of 0 or more (got {seed})")
    ids, terms, x = _matrix(statement)
    usable = len({tuple(row) for row in x.round(9) if row.sum() > 0})
    if usable < k + 1:
        raise NotComputable(f"topic model not computed: {usable} different sentence{'s' if usable != 1 else ''} with "
                            f"content words {'is' if usable == 1 else 'are'} too few for {k} "
                            f"topic{'s' if k != 1 else ''} (needs at least {k + 1})")
    if len(terms) < 2 * k:
        raise NotComputable(f"topic model not computed: {len(terms)} distinct terms is too few for {k} topics "
                            f"(needs at least {2 * k})")
    w, h, iterations, error = nmf(x, k, seed)
    scale = h.sum(axis=1)
    scale[scale <= 1e-12] = 1.0
    h, w = h / scale[:, None], w * scale[None, :]
    w = _refit_empty_rows(x, w, h)
    norm = float(np.linalg.norm(x))
    return TopicModel(k, seed, ids, terms, w, h, iterations, float(np.linalg.norm(x - w @ h)) / norm if norm else 0.0)


def topic_terms_table(model: TopicModel, n: int = 6) -> pd.DataFrame:
    """One row per topic: its ``n`` heaviest terms with their weights (H, each topic's weights summing to 1;
    largest first; ties by first appearance), and the topic's share of all sentence weight (0-1)."""
    total = model.w.sum()
    rows = []
    for j, label in enumerate(model.labels):
        order = sorted(range(len(model.terms)), key=lambda c: (-round(float(model.h[j, c]), 9), c))[:n]
        top = ", ".join(f"{model.terms[c]} ({model.h[j, c]:.3f})" for c in order if model.h[j, c] > 1e-9)
        rows.append((label, top, float(model.w[:, j].sum() / total) if total > 0 else 0.0))
    return pd.DataFrame(rows, columns=["topic", "top_terms_weight", "weight_share"]).set_index("topic")


def sentence_topic_table(model: TopicModel) -> pd.DataFrame:
    """One row per sentence: each topic's share of its weight (0-1, rows sum to 1) and its main topic
    ("none" for a sentence without content words, or whose words no topic uses)."""
    sums = model.w.sum(axis=1, keepdims=True)
    shares = np.divide(model.w, sums, out=np.zeros_like(model.w), where=sums > 1e-12)
    table = pd.DataFrame(shares, index=pd.Index(model.sentence_ids, name="sentence"), columns=model.labels)
    table["main_topic"] = [model.labels[int(r.argmax())] if s > 1e-12 else "none"
                           for r, s in zip(shares, sums[:, 0], strict=True)]
    return table


def topic_theme_table(model: TopicModel, themes: StatementThemes) -> pd.DataFrame:
    """Topics against the theme lexicon. For each topic: the sentences whose main topic it is, the themes
    those sentences carry (counts), and its closest theme: the one whose share among these sentences most
    exceeds its share among all sentences (ties: the larger count, then lexicon order), with both shares
    (0-1). A topic where no theme is more common than in the statement as a whole has none."""
    main = sentence_topic_table(model)["main_topic"]
    n_all = len(main)
    overall = Counter(t for sid in main.index for t in themes.of_sentence(sid))
    rows = []
    for label in model.labels:
        sids = [sid for sid, t in main.items() if t == label]
        counts = Counter(t for sid in sids for t in themes.of_sentence(sid))
        order = {t: i for i, t in enumerate(themes.lexicon.themes)}
        lift = {t: counts[t] / len(sids) - overall[t] / n_all for t in counts}
        over = [t for t in counts if lift[t] > 1e-9]
        if over:
            best = min(over, key=lambda t: (-round(lift[t], 9), -counts[t], order[t]))
            here, everywhere = counts[best] / len(sids), overall[best] / n_all
        else:
            best, here, everywhere = "(none)", 0.0, 0.0
        rows.append((label, len(sids), ", ".join(sids), ", ".join(f"{t} ({n})" for t, n in counts.most_common()),
                     best, here, everywhere))
    return pd.DataFrame(rows, columns=["topic", "sentences", "sentence_ids", "themes_of_those_sentences",
                                       "closest_theme", "share_carrying_it", "share_of_all_sentences"]
                        ).set_index("topic")


def topic_reading(model: TopicModel, comparison: pd.DataFrame) -> Reading:
    """Where the topics and the theme lexicon agree or part ways, from the comparison table."""
    parts = []
    for label, row in comparison.iterrows():
        if row["sentences"] == 0:
            parts.append(f"{label} is the main topic of no sentence")
        elif row["closest_theme"] == "(none)":
            parts.append(f"{label}'s {row['sentences']} sentence{'s' if row['sentences'] != 1 else ''} carry no "
                         "theme more often than the statement as a whole")
        else:
            parts.append(f"{label} lines up best with {row['closest_theme']} ({row['share_carrying_it']:.0%} of "
                         f"its {row['sentences']} sentences carry it, against {row['share_of_all_sentences']:.0%} "
                         "of all sentences)")
    distinct = {r["closest_theme"] for _, r in comparison.iterrows() if r["sentences"] and r["closest_theme"] != "(none)"}
    summary = (f" The {model.k} topics map onto {len(distinct)} distinct theme{'s' if len(distinct) != 1 else ''}"
               f"; the topics leave {model.error:.0%} of the sentence-term matrix unexplained (relative error "
               f"after {model.iterations} iterations; 0% would be a perfect fit).")
    return Reading("; ".join(parts) + "." + summary)


def scale_reading(statement: Statement) -> Reading:
    """How much evidence a topic model has here: sentences, distinct terms, and the share of terms used once."""
    occ = term_occurrences(statement, exclude_actors=True)
    counts = Counter(t for t, *_ in occ)
    once = sum(1 for c in counts.values() if c == 1)
    n = len(statement.sentences)
    if not counts:
        return Reading(f"The statement has {n} sentence{'s' if n != 1 else ''} and no content terms: there is "
                       "nothing for a topic model to work from.")
    return Reading(
        f"The model has {n} sentence{'s' if n != 1 else ''} and {len(counts)} distinct content terms to work from, "
        f"and {once / len(counts):.0%} of those terms occur only once. "
        + ("With so little repetition the topics follow a handful of repeated words and shift with the number "
           "of topics and the seed: treat them as a prompt for reading, not a finding."
           if n < 50 else
           "That is enough repetition for the topics to be worth a look, but they still shift with the number "
           "of topics and the seed: check them against the theme lexicon below.")
    )
