"""Who promises what? A ledger of the commitments a statement records, firm and soft.

A commitment is a marker of promise in a body sentence, with its strength:

* firm: "will", "shall", "committed to", "commits to", "agreed to", "pledged",
  "vowed", "reiterated / reaffirmed (its, their, our) commitment";
* soft: "seek to", "aim to", "hope to", "intend to", "explore", "can (continue
  to)", "could", "may", "would", "discussed ways / how / areas".

For each: who commits (the subject before the marker, by the rule actions use,
:mod:`readout.analyses.actors.subjects`: pronouns resolved, actors joined by "and"
together), to what (the words after the marker up to the end of the clause,
at most 25 words), and any date ("by 2025", "in March", "next year", "within
six months"), amount ("$5 million", "20 percent") or other party named in it.
A negated marker ("will not") is kept, marked negated. Nouns are not markers:
"the will of the people", "political will", "its commitment to the region"
(unless reiterated or reaffirmed); nor is a conditional ("whether it will
attend") or a courtesy ("would like to thank"). "Discussed ways ..."
counts only when no other marker follows it in the sentence ("discussed ways
in which X can support Y" is X's soft commitment, counted once). The markers are a list,
not understanding: "may" in "May 2024" is a month, not a commitment, and is
skipped; other idioms may slip through, which the sentence quoted beside each
row lets a reader check.
"""

from __future__ import annotations

import re

import pandas as pd

from readout.analyses.readings import Reading
from readout.text.language import require_english
from readout.text.statement import Statement
from readout.text.tagging import tag_statement

from .references import references
from .subjects import subject_before

__all__ = ["FIRM", "SOFT", "commitment_table", "commitment_reading"]

FIRM = [r"\bwill\b", r"\bshall\b", r"\bcommit(?:ted|s)? to\b", r"\bagreed to\b", r"\bpledg(?:e|ed|es)\b",
        r"\bvow(?:ed|s)?\b", r"\b(?:reiterat|reaffirm)\w* (?:its|their|our|his|her) (?:strong |firm |full |shared )?"
        r"commitment\b"]
SOFT = [r"\bseek(?:s)? to\b", r"\baim(?:s|ed)? to\b", r"\bhope(?:s|d)? to\b", r"\bintend(?:s|ed)? to\b",
        r"\bexplor(?:e|es|ed|ing)\b", r"\bcan (?:continue to )?\w+", r"\bcould\b", r"\bmay\b(?! \d)", r"\bwould\b",
        r"\bdiscussed (?:ways|how|areas)\b"]
_MARKERS = re.compile("|".join(f"(?P<f{k}>{p})" for k, p in enumerate(FIRM)) + "|"
                      + "|".join(f"(?P<s{k}>{p})" for k, p in enumerate(SOFT)))
_NEGATED = re.compile(r"^\s*(?:not|never|n't)\b")
# Within a sentence (the segmenter has already cut at sentence ends, so "U.S." and "$2.5" stay whole).
_CLAUSE_END = re.compile(r"[;:!?]|,\s+(?:and|but|while|which)\b|\s[-\u2013\u2014]\s|\s+and\s+(?:how|where|whether)\b")
_NOT_A_MARKER_BEFORE = {"the", "political", "good", "free", "popular", "its", "their", "his", "her", "our", "whose",
                        "whether", "if", "a"}
_DATE = re.compile(r"\bmid-\d{4}\b|\b(?:by|before|until)\s+the\s+end\s+of\s+(?:the\s+)?(?:year|month|\d{4})\b"
                   r"|\b(?:by|in|before|until|from|starting|through)\s+(?:(?:early|mid|late|the end of)\s+)?"
                   r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                   r"(?:\s+\d{1,2},?)?(?:\s+\d{4})?|\d{4}|(?:the\s+)?(?:next|coming)\s+(?:year|month|weeks?|months?))\b"
                   r"|\bwithin\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?)\b|\bnext\s+(?:year|month|week)\b", re.I)
_AMOUNT = re.compile(r"(?:\b(?:US\$|USD|EUR)\s?\d[\d,.]*(?:\s?(?:million|billion|thousand))?"
                     r"|[$€£]\s?\d[\d,.]*(?:\s?(?:million|billion|thousand))?"
                     r"|\b\d[\d,.]*\s?(?:million|billion|thousand)?\s?(?:dollars|euros|lempiras|percent|per cent|%))", re.I)


def commitment_table(statement: Statement) -> pd.DataFrame:
    """One row per commitment marker: sentence, strength (firm/soft), marker, who commits, to what, date,
    amount, other parties named, negated, and the sentence quoted.

    Raises :class:`~readout.errors.NotComputable` for text that is not English.
    """
    require_english(statement, "Commitments")
    rows = []
    by_sentence: dict[str, list] = {}
    for r in references(statement):
        by_sentence.setdefault(r.sentence, []).append(r)
    tagged = {ts.sentence.id: ts for ts in tag_statement(statement).sentences}
    for s in statement.sentences:
        found = list(_MARKERS.finditer(s.text))
        mine = by_sentence.get(s.id, [])
        for n, m in enumerate(found):
            if m.group().lower().startswith("discussed") and any(x.start() > m.start() for x in found[n + 1:]):
                continue  # "discussed ways in which X can support Y": the commitment is X's, counted there
            before = s.text[: m.start()].split()[-3:]
            after = s.text[m.end():].split()[:1]
            if before and before[-1].lower().strip(",") in _NOT_A_MARKER_BEFORE \
                    or any(w.lower() in ("whether", "if") for w in before) \
                    or (after and after[0].lower() in ("of", "like")):
                continue  # a noun ("the will of the people"), a conditional, a courtesy ("would like to")
            marker = m.group()
            strength = "firm" if m.lastgroup.startswith("f") else "soft"  # type: ignore[union-attr]
            rest = s.text[m.end():]
            negated = bool(_NEGATED.match(rest))
            end = _CLAUSE_END.search(rest)
            what = " ".join(rest[: end.start() if end else len(rest)].split()[:25])
            if strength == "soft" and marker.lower().startswith("can ") and not what and " " not in marker:
                continue
            who, _, who_words = subject_before(statement, s, mine, s.start + m.start(), tagged[s.id])
            span = (s.start + m.end(), s.start + m.end() + len(what))
            others = sorted({r.actor for r in mine if span[0] <= r.start < span[1]
                             and r.actor and r.actor not in who.split(" + ")})
            dates = "; ".join(d.group() for d in _DATE.finditer(what))
            amounts = "; ".join(a.group() for a in _AMOUNT.finditer(what))
            rows.append((s.id, strength, marker, who or "(unresolved)", who_words, what, dates, amounts,
                         ", ".join(others), negated, s.text))
    return pd.DataFrame(rows, columns=["sentence", "strength", "marker", "who", "who_as_written", "to_what",
                                       "date", "amount", "other_parties", "negated", "text"])


def commitment_reading(table: pd.DataFrame) -> Reading:
    """One or two sentences: how many commitments, how firm, and who makes them."""
    return Reading(_commitment_text(table))


def _commitment_text(table: pd.DataFrame) -> str:
    if table.empty:
        return "The statement records no commitment: none of the firm or soft markers occurs."
    live = table[~table["negated"]]
    if live.empty:
        return (f"The statement records no commitment: its {len(table)} marker{'s are' if len(table) != 1 else ' is'} "
                "negated (\"will not ...\").")
    firm, soft = int((live["strength"] == "firm").sum()), int((live["strength"] == "soft").sum())
    by = live["who"].value_counts()
    who = ", ".join(f"{a} ({n})" for a, n in by.items())
    text = (f"{len(live)} commitment{'s' if len(live) != 1 else ''}: {firm} firm and {soft} soft. "
            f"Made by: {who}.")
    if len(live) < len(table):
        text += f" {len(table) - len(live)} more are negated."
    dated = int((live["date"] != "").sum())
    text += (f" {dated} name{'s' if dated == 1 else ''} a date" if dated else " None names a date") + (
        f", {int((live['amount'] != '').sum())} an amount." if (live["amount"] != "").any() else ", none an amount.")
    return text
