"""Does the statement praise and agree, or press and condemn? A diplomatic-tone measure.

General sentiment lexicons read the words of diplomatic statements as if they
were product reviews: "criminal organizations" is negative, "United" positive.
The genre speaks through its verbs instead: congratulated, agreed, welcomed,
reaffirmed versus urged, condemned, expressed concern, called on, sanctioned.
This measure counts those, from an editable lexicon
(``data/diplomatic_tone.yaml``), and shows every match as evidence.

Per sentence: tone = (cooperation weight - pressure weight) / (their sum),
from -1 (only pressure) to +1 (only cooperation); 0 when the sentence has no
match, or as much of each. A match preceded within three words of the same
clause by a negator ("did not agree", "didn't agree", "failed to support";
not "not only") counts with the opposite sign.
Document tone: the same ratio over all matches of all sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from readout.analyses.phrases import PhraseLexicon
from readout.datafiles import read_yaml_mapping
from readout.errors import BadInputError
from readout.text.statement import Sentence, Statement

if TYPE_CHECKING:  # imported where a table is made: the runner's checks load these modules without it
    import pandas as pd

__all__ = ["ToneLexicon", "ToneMatch", "load_tone_lexicon", "sentence_matches", "sentence_tone", "tone_table",
           "document_tone", "NEGATION_WINDOW"]

#: Words before a match that are searched for a negator.
NEGATION_WINDOW = 3
_WORD = re.compile(r"\w+(?=n't)|n't|[\w']+")  # "didn't" -> "did", "n't"
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


@dataclass(frozen=True)
class ToneLexicon(PhraseLexicon):
    """Phrases (tuples of word patterns) with weights, the negators, and the file they came from."""

    entries: tuple[tuple[tuple[str, ...], int], ...]
    negators: frozenset[str]
    source: str


@dataclass(frozen=True)
class ToneMatch:
    """One lexicon match in a sentence: the phrase as written, its weight after negation, and why."""

    sentence: str
    text: str
    weight: int
    negated_by: str


def _parse(path: str | Path | None) -> ToneLexicon:
    data, label = read_yaml_mapping(path, "diplomatic_tone.yaml", "tone lexicon")
    if not ({"cooperation", "pressure"} & set(data)):
        raise BadInputError(label, "tone lexicon needs 'cooperation:' and/or 'pressure:' mappings of phrase: weight")
    entries = []
    for section in ("cooperation", "pressure"):
        phrases = data.get(section) or {}
        if not isinstance(phrases, dict):
            raise BadInputError(label, f"tone lexicon: '{section}' must map each phrase to a weight")
        for phrase, weight in phrases.items():
            if not isinstance(weight, int) or isinstance(weight, bool) or weight == 0:
                raise BadInputError(label, f"tone lexicon: weight of {phrase!r} must be a non-zero whole number")
            entries.append((tuple(str(phrase).lower().split()), weight))
    negators = frozenset(str(n).lower() for n in data.get("negators") or [])
    # Longest phrases first, so "expressed concern" wins over "concern".
    entries.sort(key=lambda e: -len(e[0]))
    return ToneLexicon(tuple(entries), negators, label)


def load_tone_lexicon(path: str | Path | None = None) -> ToneLexicon:
    """The shipped lexicon, or the file at ``path`` (same layout) instead of it."""
    return _parse(path) if path else _shipped()


@cache
def _shipped() -> ToneLexicon:
    return _parse(None)


def _clause_words_before(text: str, end: int, reach: int = 120) -> list[str]:
    """The lower-cased words of the clause that runs up to ``end`` ("didn't" gives "did", "n't").

    The negation window stays inside the clause: "who could not attend, welcomed" is no negation.
    Only the last ``reach`` characters are read when they settle it (a clause break inside them,
    or more words than the negation window needs); otherwise the whole text before ``end``.
    """
    if end > reach:
        pieces = _CLAUSE_BREAK.split(text[end - reach : end].replace("’", "'"))
        words = _WORD.findall(pieces[-1])
        if len(pieces) > 1 or len(words) > NEGATION_WINDOW + 1:
            return [w.lower() for w in words]
    clause = _CLAUSE_BREAK.split(text[:end].replace("’", "'"))[-1]
    return [w.lower() for w in _WORD.findall(clause)]


def sentence_matches(sentence: Sentence, lexicon: ToneLexicon) -> list[ToneMatch]:
    """Every lexicon phrase in the sentence, longest first where phrases overlap; negation applied."""
    found = []
    text = sentence.text
    for k, m in lexicon.matcher.find(text):
        weight = lexicon.entries[k][1]
        before = _clause_words_before(text, m.start())
        negator = ""
        for k in range(len(before) - 1, max(-1, len(before) - 1 - NEGATION_WINDOW), -1):
            if before[k] in lexicon.negators and not (k + 1 < len(before) and before[k + 1] == "only"):
                negator = before[k]  # "not only welcomed ... but also" is no negation
                break
        found.append(ToneMatch(sentence.id, m.group(), -weight if negator else weight, negator))
    return found


def _ratio(matches: list[ToneMatch]) -> float:
    pos = sum(m.weight for m in matches if m.weight > 0)
    neg = -sum(m.weight for m in matches if m.weight < 0)
    return (pos - neg) / (pos + neg) if pos + neg else 0.0


def sentence_tone(sentence: Sentence, lexicon: ToneLexicon) -> tuple[float, list[ToneMatch]]:
    """(tone from -1 to +1, the matches behind it) for one sentence; 0.0 and [] when nothing matches."""
    matches = sentence_matches(sentence, lexicon)
    return _ratio(matches), matches


def tone_table(statement: Statement, lexicon: ToneLexicon | None = None) -> pd.DataFrame:
    """One row per sentence: tone (-1 to +1), cooperation and pressure weights, the matched words."""
    import pandas as pd

    lexicon = lexicon or load_tone_lexicon()
    rows = []
    for s in statement.sentences:
        tone, matches = sentence_tone(s, lexicon)
        evidence = "; ".join(f"{m.text} ({m.weight:+d}{', negated by ' + repr(m.negated_by) if m.negated_by else ''})"
                             for m in matches)
        rows.append((s.id, tone, sum(m.weight for m in matches if m.weight > 0),
                     -sum(m.weight for m in matches if m.weight < 0), evidence))
    return pd.DataFrame(rows, columns=["sentence", "tone", "cooperation", "pressure", "evidence"]).set_index("sentence")


def document_tone(statement: Statement, lexicon: ToneLexicon | None = None) -> float:
    """The tone ratio over every match in the body, -1 to +1 (0 with no match)."""
    lexicon = lexicon or load_tone_lexicon()
    return _ratio([m for s in statement.sentences for m in sentence_matches(s, lexicon)])
