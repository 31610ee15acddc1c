"""Does the statement praise and cooperate, or press and accuse? The diplomatic tone, and how strong.

General sentiment lexicons read the words of diplomatic statements as if they
were product reviews: "criminal organizations" is negative, "United" positive.
The genre speaks in two registers instead. Cooperation: congratulate, welcome,
support, stand with, partnership, agreement. Pressure: sanctions, designations,
visa restrictions; condemn, call on, urge; accusations (corruption, repression,
aggression, war crimes); words that deny legitimacy (regime, sham, autocratic).
This measure counts those, from an editable lexicon (``data/diplomatic_tone.yaml``)
whose words match in every form (call, calls, called, calling: :mod:`readout.text.lemmas`),
and shows every match as evidence, with its category.

A word of cooperation preceded within three words of its clause by a negator ("did
not agree", "didn't agree", "failed to support"; not "not only") counts as
pressure; a word of pressure so negated ("no violence", "did not condemn") weighs
0, since it presses no one for sure; an intensifier up to two words before it ("strongly condemns", "strong support") adds 1 to
its size. An accusation within three words after a word of acting against it
("to fight corruption", "combat terrorism") is what someone acts against, not
an accusation of anyone: shown, weighing 0.

**Per sentence**: cooperation ``c`` and pressure ``p`` are the sums of the weights
of its matches; tone = (c − p) / (c + p), from −1 (only pressure) to +1 (only
cooperation), 0 with no match or as much of each.

**The statement** (intensity, not a ratio that saturates): each sentence carries
cooperation min(1, c / 2) and pressure min(1, p / 2) — one plain word half, two
or a strong word (weight 2) fully. Cooperation ``C`` and pressure ``P`` are their
means over all sentences (0 to 1: the share of the statement that carries each
register), and **tone score = C − P**, from −1 (every sentence presses) to +1
(every sentence praises or cooperates). One cooperative word in a two-sentence
notice gives +0.25; unbroken praise +1. The **label**: *neutral* when neither C
nor P reaches :data:`NEUTRAL_BELOW`; *mixed* when the statement praises or
supports one actor (not a people: solidarity with "the Cuban people" leaves a
condemnation negative) and presses another, each with a weight of at least
:data:`MIXED_WEIGHT` (the tone toward each actor, :mod:`readout.analyses.stance`),
and the weaker register is at least :data:`MIXED_SHARE` of the stronger (one
condemnation in ten sentences of praise is no mixture); else *positive* or
*negative* by the larger register (equal registers: by the weights aimed at
actors, and mixed if those are equal too). The thresholds were chosen on the shared corpus of 60 labelled U.S.
statements (docs/validation.md, "Tone on real statements"): the neutral threshold lies in
a flat part of the range tried (0.05-0.2); the mixed weight of 2 reads more
mixed statements right than 3 (same section).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from readout.analyses.phrases import PhraseLexicon
from readout.datafiles import read_yaml_mapping, require_keys, word_list
from readout.errors import BadInputError
from readout.text.lemmas import forms_table
from readout.text.statement import Sentence, Statement

if TYPE_CHECKING:  # imported where a table is made: the runner's checks load these modules without it
    import pandas as pd

__all__ = ["TONE_KEYS", "ToneLexicon", "ToneEntry", "ToneMatch", "DocumentTone", "load_tone_lexicon",
           "sentence_matches",
           "statement_matches",
           "sentence_tone", "tone_table", "document_tone", "statement_tone", "describe_tone", "NEGATION_WINDOW",
           "NEUTRAL_BELOW", "MIXED_WEIGHT", "MIXED_SHARE", "tone_label", "FULL_WEIGHT", "TONE_LABELS", "INTENSIFIER_WINDOW"]

#: The sections of a tone lexicon, each required (:func:`readout.datafiles.require_keys`).
TONE_KEYS = ("cooperation", "pressure", "negators", "counters", "intensifiers", "verbs")
#: Words before a match that are searched for a negator (or, before an accusation, a counter).
NEGATION_WINDOW = 3
#: Words before a match searched for an intensifier ("strongly condemns", "strong continued support").
INTENSIFIER_WINDOW = 2
#: The weight with which a sentence carries a register fully (a strong word, or two plain ones).
FULL_WEIGHT = 2
#: Below this share of the statement carrying either register (C and P both), the tone is neutral.
NEUTRAL_BELOW = 0.1
#: Mixed when an actor (not a people) is praised and another pressed with at least this weight each...
MIXED_WEIGHT = 2
#: ... and the weaker register is at least this share of the stronger (both a substantial part).
MIXED_SHARE = 0.15
#: The document labels, in the order tables list them.
TONE_LABELS = ("positive", "neutral", "negative", "mixed")
_TOWARD = ("target", "holder", "none")
_WORD = re.compile(r"\w+(?=n't)|n't|[\w']+")  # "didn't" -> "did", "n't"
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


class ToneEntry(NamedTuple):
    """What a phrase of the lexicon means: its weight (cooperation +, pressure −), its category, whom it is
    aimed at ("target", "holder" or "none") and whether acting against it undoes it (``countered``)."""

    weight: int
    category: str
    toward: str
    countered: bool


@dataclass(frozen=True)
class ToneLexicon(PhraseLexicon):
    """Phrases with their :class:`ToneEntry`, the negators, the counters, and the file they came from."""

    entries: tuple[tuple[tuple[str, ...], ToneEntry], ...]
    negators: frozenset[str]
    source: str
    counters: frozenset[str] = frozenset()  # every form of each counter word
    intensifiers: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()

    @cached_property
    def categories(self) -> dict[str, str]:
        """Category → side ("cooperation" or "pressure"), in the file's order."""
        return {e.category: "cooperation" if e.weight > 0 else "pressure" for _, e in self.entries}


class ToneMatch(NamedTuple):
    """One lexicon match in a sentence: the words as written, the weight after negation (0 when countered),
    why it changed, its category and direction, and where it stands (characters and token indices)."""

    sentence: str
    text: str
    weight: int
    negated_by: str
    category: str = ""
    toward: str = "none"
    start: int = 0
    end: int = 0
    first: int = 0
    last: int = 0
    countered_by: str = ""


def _entries(section: str, phrases: object, category: str, toward: str, countered: bool, label: str) -> list:
    if not isinstance(phrases, dict):
        raise BadInputError(label, f"tone lexicon: '{category}' must map each phrase to a weight")
    out = []
    for phrase, weight in phrases.items():
        if not isinstance(weight, int) or isinstance(weight, bool) or weight == 0:
            raise BadInputError(label, f"tone lexicon: weight of {phrase!r} must be a non-zero whole number")
        words = tuple(str(phrase).lower().split())
        if not words or words[0] == "..." or words[-1] == "...":
            raise BadInputError(label, f"tone lexicon: phrase {phrase!r} must begin and end with a word")
        size = abs(weight)
        out.append((words, ToneEntry(size if section == "cooperation" else -size, category, toward, countered)))
    return out


def _parse(path: str | Path | None) -> ToneLexicon:
    data, label = read_yaml_mapping(path, "diplomatic_tone.yaml", "tone lexicon")
    unknown = set(data) - set(TONE_KEYS)
    if unknown:
        raise BadInputError(label, f"tone lexicon: unknown section(s) {', '.join(sorted(map(str, unknown)))}; "
                                   f"expected {', '.join(TONE_KEYS)}")
    entries = []
    for section in ("cooperation", "pressure"):
        body = data.get(section) or {}
        if not isinstance(body, dict):
            raise BadInputError(label, f"tone lexicon: '{section}' must be a mapping")
        if all(isinstance(v, int) for v in body.values()):  # a plain list of phrase: weight, one category
            entries += _entries(section, body, section, "none", False, label)
            continue
        for category, spec in body.items():
            if not isinstance(spec, dict) or not isinstance(spec.get("phrases"), dict):
                raise BadInputError(label, f"tone lexicon: category '{category}' needs 'phrases:' (phrase: weight)")
            toward = spec.get("toward", "none")
            if toward not in _TOWARD:
                raise BadInputError(label, f"tone lexicon: category '{category}' has toward: {toward!r}; "
                                           f"expected one of {', '.join(_TOWARD)}")
            extra = set(spec) - {"phrases", "toward", "countered"}
            if extra:
                raise BadInputError(label, f"tone lexicon: category '{category}' has unknown key(s) "
                                           f"{', '.join(sorted(map(str, extra)))}; expected phrases, toward, countered")
            entries += _entries(section, spec["phrases"], str(category), toward, bool(spec.get("countered")), label)
    seen: dict[tuple[str, ...], str] = {}
    for words, entry in entries:
        if words in seen:
            raise BadInputError(label, f"tone lexicon: {' '.join(words)!r} is listed twice ({seen[words]}, {entry.category})")
        seen[words] = entry.category
    negators = word_list(data, "negators", label, "tone lexicon")
    counters = word_list(data, "counters", label, "tone lexicon")
    counters = frozenset(f for forms in forms_table(counters).values() for f in forms)  # every form: "reducing"
    intensifiers = word_list(data, "intensifiers", label, "tone lexicon")
    verbs = word_list(data, "verbs", label, "tone lexicon")
    require_keys(data, TONE_KEYS, label, "tone lexicon")
    # Longest phrases first, so "expressed concern" wins over "concern"; the file's order otherwise.
    entries.sort(key=lambda e: -len([w for w in e[0] if w != "..."]))
    try:
        lexicon = ToneLexicon(tuple(entries), negators, label, counters, intensifiers, verbs)
        lexicon.matcher  # noqa: B018 - compiled now, so a bad phrase is refused here
    except ValueError as exc:
        raise BadInputError(label, f"tone lexicon: {exc}") from None
    return lexicon


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


def _counter(before: list[str], counters: frozenset[str]) -> str:
    """A word of acting against within the window before a match ("combat", "reducing"); "" if none.
    ``counters`` holds every form of the lexicon's counters."""
    return next((w for w in reversed(before[-NEGATION_WINDOW:]) if w in counters), "")


def sentence_matches(sentence: Sentence, lexicon: ToneLexicon) -> list[ToneMatch]:
    """Every lexicon phrase in the sentence, longest first where phrases overlap; negation and counters applied."""
    found = []
    text = sentence.text
    base = sentence.start
    for m in lexicon.matcher.find(sentence.tokens):
        phrase, entry = lexicon.entries[m.phrase]
        before = _clause_words_before(text, m.start - base)
        if len(phrase) > 1 and phrase[0] in lexicon.verbs and ({"a", "an"} & set(before[-2:]) or before[-1:] == ["the"]):
            continue  # a noun, not the act: "a courtesy call on the President"
        negator = ""
        for k in range(len(before) - 1, max(-1, len(before) - 1 - NEGATION_WINDOW), -1):
            if before[k] in lexicon.negators and not (k + 1 < len(before) and before[k + 1] == "only"):
                negator = before[k]  # "not only welcomed ... but also" is no negation
                break
        countered = _counter(before, lexicon.counters) if entry.countered else ""
        weight = entry.weight
        if lexicon.intensifiers.intersection(before[-INTENSIFIER_WINDOW:]):
            weight += 1 if weight > 0 else -1  # "strongly condemn", "strong support"
        if countered or (negator and weight < 0):
            weight = 0  # what someone acts against; a pressure word negated ("no violence") presses no one
        elif negator:
            weight = -weight  # cooperation negated ("did not agree", "failed to support") is friction
        found.append(ToneMatch(sentence.id, text[m.start - base : m.end - base], weight, negator, entry.category,
                               entry.toward, m.start, m.end, m.first, m.last, countered))
    return found


def statement_matches(statement: Statement, lexicon: ToneLexicon | None = None) -> dict[str, list[ToneMatch]]:
    """Sentence id → :func:`sentence_matches`, worked out once per statement and lexicon (the tone table and
    the tone aimed at each actor read the same matches)."""
    lexicon = lexicon or load_tone_lexicon()
    return statement.derived(f"tone.matches.{id(lexicon)}",
                             lambda st: {s.id: sentence_matches(s, lexicon) for s in st.sentences})


def _ratio(matches: list[ToneMatch]) -> float:
    pos = sum(m.weight for m in matches if m.weight > 0)
    neg = -sum(m.weight for m in matches if m.weight < 0)
    return (pos - neg) / (pos + neg) if pos + neg else 0.0


def sentence_tone(sentence: Sentence, lexicon: ToneLexicon, matches: list[ToneMatch] | None = None
                  ) -> tuple[float, list[ToneMatch]]:
    """(tone from -1 to +1, the matches behind it) for one sentence; 0.0 and [] when nothing matches."""
    matches = sentence_matches(sentence, lexicon) if matches is None else matches
    return _ratio(matches), matches


def _evidence(matches: list[ToneMatch]) -> str:
    def one(m: ToneMatch) -> str:
        why = (f", negated by {m.negated_by!r}" + (": weighs 0" if m.weight == 0 else "")) if m.negated_by else ""
        why = f", acted against ({m.countered_by!r}): no accusation" if m.countered_by else why
        return f"{m.text} ({m.weight:+d} {m.category}{why})"
    return "; ".join(one(m) for m in matches)


def tone_table(statement: Statement, lexicon: ToneLexicon | None = None) -> pd.DataFrame:
    """One row per sentence: tone (-1 to +1), cooperation and pressure weights (0 or more), and what they
    carry of the statement's tone (``carries_cooperation``, ``carries_pressure``: 0, 0.5 or 1), the matches."""
    import pandas as pd

    lexicon = lexicon or load_tone_lexicon()
    found = statement_matches(statement, lexicon)
    rows = []
    for s in statement.sentences:
        tone, matches = sentence_tone(s, lexicon, found[s.id])
        c = sum(m.weight for m in matches if m.weight > 0)
        p = -sum(m.weight for m in matches if m.weight < 0)
        rows.append((s.id, tone, c, p, min(1.0, c / FULL_WEIGHT), min(1.0, p / FULL_WEIGHT), _evidence(matches)))
    return pd.DataFrame(rows, columns=["sentence", "tone", "cooperation", "pressure", "carries_cooperation",
                                       "carries_pressure", "evidence"]).set_index("sentence")


@dataclass(frozen=True)
class DocumentTone:
    """The statement's tone: ``score`` = cooperation − pressure (−1 to +1), ``cooperation`` and ``pressure``
    (0 to 1, the share of the statement carrying each register), the ``label`` (positive, neutral,
    negative, mixed), and the sentences with any match of each side."""

    score: float
    cooperation: float
    pressure: float
    label: str
    sentences: int
    cooperative_sentences: int
    pressing_sentences: int


def tone_label(cooperation: float, pressure: float, praised: int = 0, pressed: int = 0) -> str:
    """The document label from the registers (C, P: 0-1) and, when known, the praise aimed at the most
    praised actor other than a people and the pressure aimed at the most pressed (weights, from
    :mod:`readout.analyses.stance`); see the module note."""
    high, low = max(cooperation, pressure), min(cooperation, pressure)
    if high < NEUTRAL_BELOW:
        return "neutral"
    if praised >= MIXED_WEIGHT and pressed >= MIXED_WEIGHT and low >= MIXED_SHARE * high:
        return "mixed"
    if cooperation == pressure:  # as much of each: the weights aimed at actors decide, else it is mixed
        return "negative" if pressed > praised else "positive" if praised > pressed else "mixed"
    return "positive" if cooperation > pressure else "negative"


def statement_tone(statement: Statement, lexicon: ToneLexicon | None = None, table: pd.DataFrame | None = None,
                   praised: int = 0, pressed: int = 0) -> DocumentTone:
    """The statement's tone score, registers and label (see the module note), from its :func:`tone_table`
    (made here unless given). ``praised`` and ``pressed`` are the weights aimed at the most praised
    actor (not a people) and the most pressed one; without them (0) no statement reads mixed: use
    :func:`readout.analyses.stance.statement_stance`, which supplies them."""
    table = tone_table(statement, lexicon) if table is None else table
    n = len(table)
    if not n:
        return DocumentTone(0.0, 0.0, 0.0, "neutral", 0, 0, 0)
    c = float(table["carries_cooperation"].sum()) / n
    p = float(table["carries_pressure"].sum()) / n
    return DocumentTone(c - p, c, p, tone_label(c, p, praised, pressed), n, int((table["cooperation"] > 0).sum()),
                        int((table["pressure"] > 0).sum()))


def document_tone(statement: Statement, lexicon: ToneLexicon | None = None) -> float:
    """The statement's tone score, −1 to +1 (:func:`statement_tone`'s ``score``)."""
    return statement_tone(statement, lexicon).score


def describe_tone(tone: DocumentTone) -> str:
    """The label in words with its strength: "strongly negative (−0.62)", "mixed", "neutral"."""
    if tone.label in ("neutral", "mixed"):
        return tone.label
    strength = "strongly" if abs(tone.score) >= 0.5 else "clearly" if abs(tone.score) >= 0.2 else "mildly"
    return f"{strength} {tone.label}"
