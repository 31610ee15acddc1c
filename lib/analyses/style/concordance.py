"""Where in the statement does each term appear, and in what company?

Lexical dispersion ("x-ray"): the word position of every occurrence of each
actor and each chosen term. Keyword in context (KWIC): each occurrence with
the words around it, aligned on the keyword. Terms are matched in their
folded form (:func:`readout.analyses.terms.fold`), so "smuggler" finds "smugglers";
a term of several words ("human rights") is matched as a phrase, ignoring case.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import NamedTuple

import pandas as pd

from readout.analyses.terms import fold, term_occurrences, word_occurrences
from readout.text.statement import Statement

__all__ = ["term_positions", "dispersion_table", "KwicLine", "kwic_rows", "kwic", "kwic_lines", "KWIC_WIDTH"]

#: Characters of context shown on each side of a keyword.
KWIC_WIDTH = 45


def _folded_index(statement: Statement) -> dict[str, list[tuple[int, int, str]]]:
    """Folded word → (start, end, sentence id) of each of its occurrences, in text order (once per statement)."""

    def compute(st: Statement) -> dict[str, list[tuple[int, int, str]]]:
        index: dict[str, list[tuple[int, int, str]]] = {}
        for w in word_occurrences(st):
            index.setdefault(w.term, []).append((w.start, w.end, w.sentence_id))
        return index

    return statement.derived("concordance.folded_index", compute)


def _matches(statement: Statement, term: str, index: dict | None = None) -> list[tuple[int, int, str]]:
    """(start, end, sentence id) of each occurrence of ``term`` in the body."""
    if " " in term.strip():
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, term.split())) + r"(?!\w)", re.I)
        return [(s.start + m.start(), s.start + m.end(), s.id) for s in statement.sentences
                for m in pattern.finditer(s.text)]
    index = index if index is not None else _folded_index(statement)
    found = index.get(fold(term), [])
    if term[:1].isupper() and term[1:].islower():  # "Smugglers" asked for: the word, however written
        found = sorted({*found, *index.get(fold(term, sentence_start=True), [])})
    return found


def term_positions(statement: Statement, terms: list[str] | None = None) -> list[tuple[str, int, str]]:
    """(term, word position, sentence id) for each occurrence; 0 is the first body word.

    Default terms: every actor named (from the statement model's mentions), then the top 8
    terms other than actor names.
    """
    words = word_occurrences(statement)
    starts = [w.start for w in words]
    rows = []
    if terms is None:
        for m in statement.mentions:
            pos = bisect.bisect_left(starts, m.start)
            rows.append((m.actor, pos, words[pos].sentence_id))
        occurrences = term_occurrences(statement, exclude_actors=True)
        counts = Counter(t for t, *_ in occurrences)
        first = {}
        for i, (t, *_) in enumerate(occurrences):
            first.setdefault(t, i)
        chosen = sorted(counts, key=lambda t: (-counts[t], first[t]))[:8]
        rank = {t: k for k, t in enumerate(chosen)}
        found = sorted((rank[t], pos) for t, pos, _, _ in occurrences if t in rank)
        return rows + [(chosen[k], pos, words[pos].sentence_id) for k, pos in found]
    index = _folded_index(statement)
    for term in terms:
        for start, _, sid in _matches(statement, term, index):
            pos = bisect.bisect_left(starts, start)
            rows.append((term, pos, sid))
    return rows


def dispersion_table(statement: Statement, terms: list[str] | None = None) -> pd.DataFrame:
    """One row per occurrence: term, word position (0 = first body word), share of the way through (0-1), sentence.

    Default terms as for :func:`term_positions`.
    """
    n_words = statement.n_words
    table = pd.DataFrame(term_positions(statement, terms), columns=["term", "position", "sentence"])
    table.insert(2, "share", table["position"] / max(1, n_words - 1))
    return table


class KwicLine(NamedTuple):
    """One keyword occurrence: the term asked for, its sentence, left context, keyword as written, right context."""

    term: str
    sentence: str
    left: str
    keyword: str
    right: str


def kwic_rows(statement: Statement, terms: list[str], width: int = KWIC_WIDTH,
              per_term: int | None = None) -> list[KwicLine]:
    """One line per occurrence of each term, in the order of ``terms`` then of the text.

    Context is taken from the same sentence only, up to ``width`` characters each side,
    without cutting a word in half. ``per_term`` keeps only the first occurrences of each term.
    """
    rows = []
    by_id = {s.id: s for s in statement.sentences}
    index = _folded_index(statement)
    text = statement.text
    for term in terms:
        for start, end, sid in _matches(statement, term, index)[:per_term]:
            s = by_id[sid]
            left = " ".join(text[max(s.start, start - width) : start].split())
            if start - width > s.start and " " in left:
                left = left.split(" ", 1)[1]  # no word cut in half at the left edge
            right = " ".join(text[end : min(s.end, end + width)].split())
            if end + width < s.end and " " in right:
                right = right.rsplit(" ", 1)[0]
            rows.append(KwicLine(term, sid, left, " ".join(text[start:end].split()), right))
    return rows


def kwic(statement: Statement, terms: list[str], width: int = KWIC_WIDTH, per_term: int | None = None) -> pd.DataFrame:
    """:func:`kwic_rows` as a table: term, sentence, left context, keyword (as written), right context."""
    return pd.DataFrame(kwic_rows(statement, terms, width, per_term), columns=list(KwicLine._fields))


def kwic_lines(table: pd.DataFrame, width: int = KWIC_WIDTH) -> str:
    """The KWIC table as plain text, keywords in one column (for a monospace display)."""
    if table.empty:
        return "No occurrences of the chosen terms."
    kw = max(len(k) for k in table["keyword"])
    return "\n".join(
        f"{r.sentence:<6} {r.left[-width:]:>{width}}  {r.keyword:<{kw}}  {r.right[:width]}"
        for r in table.itertuples()
    )
