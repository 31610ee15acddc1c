"""Where in the statement does each term appear, and in what company?

Lexical dispersion ("x-ray"): the word position of every occurrence of each
actor and each chosen term. Keyword in context (KWIC): each occurrence with
the words around it, aligned on the keyword. Terms are matched in their
folded form (:func:`readout.terms.fold`), so "smuggler" finds "smugglers";
a term of several words ("human rights") is matched as a phrase, ignoring case.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

import pandas as pd

from .statement import Statement
from .terms import fold, term_occurrences

__all__ = ["term_positions", "dispersion_table", "kwic", "kwic_lines", "KWIC_WIDTH"]

#: Characters of context shown on each side of a keyword.
KWIC_WIDTH = 45


def _word_index(statement: Statement) -> list[tuple[int, int, int, str]]:
    """(position, start, end, sentence id) of every body word token."""
    out = []
    for s in statement.sentences:
        for t in s.tokens:
            if t.kind != "punct":
                out.append((len(out), t.start, t.end, s.id))
    return out


def _folded_index(statement: Statement) -> dict[str, list[tuple[int, int, str]]]:
    """Folded word → (start, end, sentence id) of each of its occurrences, in text order."""
    index: dict[str, list[tuple[int, int, str]]] = {}
    for s in statement.sentences:
        first = True
        for t in s.tokens:
            if t.kind != "punct":
                index.setdefault(fold(t.text, first), []).append((t.start, t.end, s.id))
                first = False
    return index


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
    words = _word_index(statement)
    starts = [w[1] for w in words]
    rows = []
    if terms is None:
        for m in statement.mentions:
            pos = bisect.bisect_left(starts, m.start)
            rows.append((m.actor, pos, words[pos][3]))
        occurrences = term_occurrences(statement, exclude_actors=True)
        counts = Counter(t for t, *_ in occurrences)
        first = {}
        for i, (t, *_) in enumerate(occurrences):
            first.setdefault(t, i)
        chosen = sorted(counts, key=lambda t: (-counts[t], first[t]))[:8]
        rank = {t: k for k, t in enumerate(chosen)}
        found = sorted((rank[t], pos) for t, pos, _, _ in occurrences if t in rank)
        return rows + [(chosen[k], pos, words[pos][3]) for k, pos in found]
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
    table.insert(2, "share", (table["position"] / max(1, n_words - 1)).round(3))
    return table


def kwic(statement: Statement, terms: list[str], width: int = KWIC_WIDTH, per_term: int | None = None) -> pd.DataFrame:
    """One row per occurrence: term, sentence, left context, keyword (as written), right context.

    Context is taken from the same sentence only, up to ``width`` characters each side.
    ``per_term`` keeps only the first occurrences of each term.
    """
    rows = []
    by_id = {s.id: s for s in statement.sentences}
    index = _folded_index(statement)
    for term in terms:
        for start, end, sid in _matches(statement, term, index)[:per_term]:
            s = by_id[sid]
            left = " ".join(statement.text[max(s.start, start - width) : start].split())
            if start - width > s.start and " " in left:
                left = left.split(" ", 1)[1]  # no word cut in half at the left edge
            right = " ".join(statement.text[end : min(s.end, end + width)].split())
            if end + width < s.end and " " in right:
                right = right.rsplit(" ", 1)[0]
            rows.append((term, sid, left, " ".join(statement.text[start:end].split()), right))
    return pd.DataFrame(rows, columns=["term", "sentence", "left", "keyword", "right"])


def kwic_lines(table: pd.DataFrame, width: int = KWIC_WIDTH) -> str:
    """The KWIC table as plain text, keywords in one column (for a monospace display)."""
    if table.empty:
        return "No occurrences of the chosen terms."
    kw = max(len(k) for k in table["keyword"])
    return "\n".join(
        f"{r.sentence:<6} {r.left[-width:]:>{width}}  {r.keyword:<{kw}}  {r.right[:width]}"
        for r in table.itertuples()
    )
