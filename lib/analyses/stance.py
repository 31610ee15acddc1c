"""Whom does the statement press, and whom does it praise? The tone directed at each actor.

A statement that condemns Russia and supports Ukraine is not "neutral" on balance: its tone has
directions. Each match of the diplomatic-tone lexicon (:mod:`readout.analyses.tone.diplomatic`) is
given to the actor it is aimed at, read from the actor references of the sentence (names, and the
pronouns and phrases :func:`readout.analyses.actors.references.references` resolves), by its category's
``toward``:

* **target** (praise, support, condemnation, demands, sanctions): the actor the act is aimed at —
  the first reference after the word in its clause ("condemns Russia", "sanctions on X", "calls on
  the regime", "hold Russia accountable"), with those listed after it ("X, Y and Z"); where a word
  of the lexicon comes first ("condemns the brutal attack by Russia"), the actor that word is
  given; no actor when the words between make it the one spoken for ("calls for the release of X",
  "concern for X"); with nothing after it, the nearest reference before it that is no object of a preposition
  ("X was designated", "X's designation").
* **holder** (accusations, words that deny legitimacy, achievement): the actor the word describes
  or whose act it names — a name the word is part of ("the Assad regime"), else the actor whose it
  is ("Russia's brutal war"), else the nearest reference before it in its clause that is no object of a preposition ("Russia's brutal
  war", "the regime's crackdown"), unless the actor after "by" follows it closely ("an attack by
  Russian forces").
* **none**: no one.

Clauses end at ``;``, ``:``, brackets and dashes. A match aimed at the speaker (its own "our
partners"), at an institution or official of the speaker's country, or at both parties together, is
no tone toward another; actors acting together ("Canada + Germany") are counted one by one. A
country's people ("the Cuban people", "the people of Ukraine") are an actor apart from the country
("people of Cuba"): standing with a people and sanctioning its government aim at two actors. Per actor: ``praise`` and ``pressure`` are the sums of the weights given to it
(0 or more); **tone = (praise − pressure) / (praise + pressure)**, −1 (only pressed) to +1 (only
praised); and its sentences. The **most pressed** actor has the largest pressure among those with
more pressure than praise (ties: more sentences, then the first aimed at); the **most praised**
likewise. These are positional rules, not a parse: every number comes with its sentences, and the
corpus figures (README) say how often the most pressed and praised actors match a careful reader's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from readout.analyses.actors.references import Reference, joint_name, people_of, references
from readout.analyses.actors.speaker import speaker_of
from readout.analyses.tone.diplomatic import (
    DocumentTone,
    ToneLexicon,
    ToneMatch,
    load_tone_lexicon,
    statement_matches,
    statement_tone,
    tone_table,
)
from readout.errors import NotComputable
from readout.text.statement import Sentence, Statement
from readout.text.tagging import tag_statement

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["statement_stance", "stance_document_reading", "Stance", "Directed", "ActorTone", "directed_matches", "actor_tones", "stance_table", "most_pressed",
           "most_praised", "stance_reading", "MAX_GAP_WORDS"]

#: Words that may stand between a target word and its actor ("calls on all parties to ...": too far).
MAX_GAP_WORDS = 4
_BREAK = re.compile(r"[;:()\u2013\u2014\[\]]|\s-\s")
_PREPOSITION = re.compile(r"\b(?:to|of|in|on|at|for|with|from|by|about|against|between|among|into|toward|towards|"
                          r"over|under|across|within|throughout)\s+(?:the\s+|both\s+|all\s+)?$", re.I)
_LIST_GAP = re.compile(r"^[\s,]*(?:(?:and|or|as well as|along with)\s+)?(?:the\s+)?$", re.I)
_POSSESSIVE = re.compile(r"['’]s?\b|['’]")
_PEOPLE_AFTER = re.compile(r"\s+(?:people|peoples|citizens|protesters|protestors|population|civilians|activists)\b", re.I)
_PEOPLE_BEFORE = re.compile(r"\b(?:people|peoples|citizens|population|civilians)\s+of\s+(?:the\s+)?$", re.I)
_STOP_WORDS = {"in", "against", "from", "between", "among", "within", "over", "after", "before", "during",
               "that", "which", "who", "whose", "while", "because", "as", "to"}
#: Words between a word of pressure and an actor that make the actor the one it is on behalf of
#: ("calls for the release of X", "concern for X's family").
_BENEFICIARY = {"release", "freedom", "safety", "return", "rights", "family", "families", "welfare", "well-being"}
_BE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.I)


@dataclass(frozen=True)
class Directed:
    """One tone match and the actor it is aimed at ("" when none), with the rule that found it."""

    match: ToneMatch
    actor: str
    rule: str


@dataclass
class ActorTone:
    """Tone aimed at one actor: praise and pressure (sums of weights, 0 or more), its sentences, the evidence."""

    actor: str
    praise: int = 0
    pressure: int = 0
    sentences: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    @property
    def tone(self) -> float:
        """(praise − pressure) / (praise + pressure): −1 only pressed, +1 only praised; 0 if neither."""
        total = self.praise + self.pressure
        return (self.praise - self.pressure) / total if total else 0.0


def _clause(sentence: Sentence, at: int) -> tuple[int, int]:
    """The statement offsets of the clause around offset ``at`` (breaks: ; : brackets, dashes)."""
    text = sentence.text
    rel = at - sentence.start
    start = max((m.end() for m in _BREAK.finditer(text, 0, rel)), default=0)
    nxt = _BREAK.search(text, rel)
    return sentence.start + start, sentence.start + (nxt.start() if nxt else len(text))


def _after_preposition(sentence: Sentence, start: int) -> bool:
    return bool(_PREPOSITION.search(sentence.text[max(0, start - sentence.start - 24): start - sentence.start]))


def _excluded(statement: Statement, speakers: frozenset[str], joint: str) -> set[str]:
    """The speaker, the joint name of both parties, and the speaker's own institutions and officials (its
    Department, its Secretary): what a statement says of them is no tone toward another."""
    out = set(speakers) | {joint}
    for name, actor in statement.actors.items():
        if actor.kind in ("institution", "person") and actor.country in speakers:
            out.add(name)
    return out


def directed_matches(statement: Statement, lexicon: ToneLexicon | None = None) -> list[Directed]:
    """Every tone match of the body (weight ≠ 0) with the actor it is aimed at, by the rules of the module note."""
    lexicon = lexicon or load_tone_lexicon()
    refs = references(statement)
    speaker = frozenset(speaker_of(statement).actors)
    excluded = _excluded(statement, speaker, joint_name(statement))
    found = statement_matches(statement, lexicon)
    out: list[Directed] = []
    by_sentence: dict[str, list[Reference]] = {}
    for r in refs:
        by_sentence.setdefault(r.sentence, []).append(_people(statement, r))
    for s in statement.sentences:
        matches = [m for m in found[s.id] if m.weight]
        mine = by_sentence.get(s.id, [])
        given: dict[int, tuple[list[str], str]] = {}
        for i in range(len(matches) - 1, -1, -1):  # right to left: a target word may take the actor of a later match
            given[i] = _aim(statement, s, matches, i, mine, given, excluded)
        for i, m in enumerate(matches):
            actors, rule = given[i]
            members = [x for a in actors for x in a.split(" + ")]  # actors acting together, one by one
            kept = list(dict.fromkeys(a for a in members if a and a not in excluded))
            if not kept:
                out.append(Directed(m, "", rule if not actors else "aimed at the speaker or its own"))
            for a in kept:
                out.append(Directed(m, a, rule))
    return out


def _people(statement: Statement, r: Reference) -> Reference:
    """A reference to a country's people ("the Cuban people", "the people of Ukraine") as the people, not the
    country: solidarity with a people and sanctions on its government are aimed at two actors."""
    if not r.actor or statement.kind_of(r.actor) != "country":
        return r
    text = statement.text
    actor = statement.actors.get(r.actor)
    bare = re.sub(r"^[Tt]he\s+", "", r.text)
    plural = (actor is not None and bare.endswith("s") and bare[:-1] in actor.demonyms  # "Ecuadorians", not
              and bare not in (actor.name, *actor.aliases))  # "the Philippines", a name itself
    if plural or _PEOPLE_AFTER.match(text, r.end) or _PEOPLE_BEFORE.search(text[max(0, r.start - 24):r.start]):
        return r._replace(actor=people_of(r.actor))
    return r


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


def _verbs(statement: Statement) -> dict[str, list[int]]:
    """Sentence id → the start offsets of its verbs and modals (by the offline tagger; none if it cannot run)."""
    def compute(st: Statement) -> dict[str, list[int]]:
        try:
            tagged = tag_statement(st)
        except NotComputable:
            return {}
        return {ts.sentence.id: [tt.token.start for tt in ts.tokens if tt.tag.startswith(("VB", "MD"))]
                for ts in tagged.sentences}
    return statement.derived("stance.verbs", compute)


def _verb_between(verbs: list[int], a: int, b: int) -> bool:
    return any(a <= v < b for v in verbs)


def _is_demonym(statement: Statement, r: Reference) -> bool:
    actor = statement.actors.get(r.actor)
    return actor is not None and actor.kind == "country" and r.text in actor.demonyms


def _aim(statement: Statement, s: Sentence, matches: list[ToneMatch], i: int, refs: list[Reference],
         given: dict[int, tuple[list[str], str]], excluded: set[str]) -> tuple[list[str], str]:
    """The actors match ``i`` is aimed at, and the rule (see the module note)."""
    m = matches[i]
    if m.toward == "none":
        return [], "no direction (its category aims at no one)"
    lo, hi = _clause(s, m.start)
    first_end = s.tokens[m.first].end
    inside = [r for r in refs if r.start <= m.start < r.end and r.actor]  # "the Ortega-Murillo regime's"
    if inside:
        return [inside[0].actor], "the name the word is part of"
    text = statement.text
    verbs = _verbs(statement).get(s.id, [])
    subject = [r for r in refs if lo <= r.start and r.end <= m.start and r.actor and not r.possessive
               and not _after_preposition(s, r.start) and not _POSSESSIVE.match(text, r.end)]
    if m.toward == "target":
        if subject and subject[-1].actor not in excluded and _verb_between(verbs, subject[-1].end, m.end) \
                and not _BE.search(text[max(lo, m.start - 30):m.start]) \
                and not re.search(r"\bto\s+$", text[max(lo, m.start - 4):m.start]):  # "spoke with X to congratulate him"
            return [], f"an act of {subject[-1].actor}, not of the speaker"
        after = [r for r in refs if first_end <= r.start < hi and r.actor and not (r.start < m.end and r.end > m.end)
                 and not (r.actor in excluded and (r.possessive or _after_preposition(s, r.start)))]
        nxt_match = next((j for j in range(i + 1, len(matches)) if matches[j].start < hi), None)
        first_ref = after[0] if after else None
        if nxt_match is not None and (first_ref is None or matches[nxt_match].start < first_ref.start) \
                and matches[nxt_match].toward == "holder" and len(_words(text[m.end:matches[nxt_match].start])) <= 3:
            actors = [a for a in given[nxt_match][0] if a not in excluded]
            if actors:
                return actors, "the actor of the word it is aimed at"
        gap = _words(text[m.end:first_ref.start]) if first_ref is not None and first_ref.start >= m.end else []
        if first_ref is not None and _is_demonym(statement, first_ref) and len(after) > 1 \
                and len(_words(text[first_ref.end:after[1].start])) <= 3:
            first_ref, after = after[1], after[1:]  # "former Paraguayan President Horacio Cartes": the person
        if first_ref is not None:
            if m.weight < 0 and (_BENEFICIARY & {w.lower() for w in gap} or (gap and gap[0].lower() == "for")):
                return [], "the actor after it is the one it speaks for (\"the release of X\", \"concern for X\")"
            if len(gap) <= MAX_GAP_WORDS and not (_STOP_WORDS & {w.lower() for w in gap[1:]}) \
                    and not (gap and gap[0].lower() == "by"):
                chosen = [first_ref.actor]
                last = first_ref
                for r in after[1:]:
                    if _LIST_GAP.match(text[last.end:r.start]) and not _verb_after(verbs, r.end, hi):
                        chosen.append(r.actor)
                        last = r
                    else:
                        break
                return chosen, "the actor after it (and those listed with it)"
            if len(gap) > MAX_GAP_WORDS or _STOP_WORDS & {w.lower() for w in gap[1:]}:
                return [], "the words after it name no actor near enough"
        owner = _owner(refs, text, lo, m.start)
        if owner is not None:
            return [owner.actor], "nothing after it: the actor whose it is ('X's designation')"
        if subject and _BE.search(text[max(lo, m.start - 30):m.start]):
            return [subject[-1].actor], "a passive ('X was designated'): its subject"
        return [], "no actor it is aimed at in its clause"
    # holder
    by = next((r for r in refs if m.end <= r.start < hi and r.actor and len(_words(text[m.end:r.start])) <= 6
               and re.search(r"\bby\s+(?:the\s+)?$", text[max(m.end, r.start - 12):r.start], re.I)), None)
    if by is not None:
        return [by.actor], "the actor after 'by'"
    such = next((r for r in refs if m.end <= r.start < hi and r.actor
                 and re.match(r"^\W*(?:\w+\W+)?(?:such as|like|including)\s+(?:the\s+)?$", text[m.end:r.start], re.I)), None)
    if such is not None:
        return [such.actor], "the actor named after 'such as' ('authoritarian regimes such as Iran')"
    if _BE.search(text[max(lo, m.start - 30):m.start]):
        return [], "a passive ('who are detained'): its subject suffers it, and no 'by' names who did it"
    owner = _owner(refs, text, lo, m.start)
    if owner is not None:
        return [owner.actor], "the actor whose it is ('Russia's brutal war')"
    if subject and not _verb_between(verbs, subject[-1].end, m.start) and subject[-1].actor:
        return [subject[-1].actor], "the actor it describes, before it with no verb between"
    if subject and subject[-1].actor and _verb_between(verbs, subject[-1].end, m.start) \
            and s.tokens[m.first].start in verbs:
        return [subject[-1].actor], "the subject of the verb ('Russia attacked')"
    return [], "no holder in its clause"


def _verb_after(verbs: list[int], at: int, hi: int) -> bool:
    """True if a verb follows ``at`` closely (within 20 characters, before ``hi``): a new clause, not a list."""
    return any(at <= v < min(hi, at + 20) for v in verbs)


def _owner(refs: list[Reference], text: str, lo: int, at: int) -> Reference | None:
    """The actor with a possessive ending a few words before offset ``at`` ("Russia's brutal war")."""
    return next((r for r in reversed(refs) if lo <= r.start and r.end <= at and r.actor
                 and _POSSESSIVE.match(text, r.end) and len(_words(text[r.end:at])) <= 4), None)


def actor_tones(statement: Statement, lexicon: ToneLexicon | None = None,
                directed: list[Directed] | None = None) -> dict[str, ActorTone]:
    """Actor → the tone aimed at it (praise, pressure, sentences, evidence), in order of first aim."""
    directed = directed_matches(statement, lexicon) if directed is None else directed
    out: dict[str, ActorTone] = {}
    for d in directed:
        if not d.actor:
            continue
        t = out.setdefault(d.actor, ActorTone(d.actor))
        if d.match.weight > 0:
            t.praise += d.match.weight
        else:
            t.pressure -= d.match.weight
        if d.match.sentence not in t.sentences:
            t.sentences.append(d.match.sentence)
        t.evidence.append(f"{d.match.sentence}: {d.match.text} ({d.match.weight:+d})")
    return out


def _top(tones: dict[str, ActorTone], side: str) -> ActorTone | None:
    order = list(tones)
    if side == "pressure":
        pool = [t for t in tones.values() if t.pressure > t.praise]
        key = lambda t: (t.pressure, len(t.sentences), -order.index(t.actor))  # noqa: E731
    else:
        pool = [t for t in tones.values() if t.praise > t.pressure]
        key = lambda t: (t.praise, len(t.sentences), -order.index(t.actor))  # noqa: E731
    return max(pool, key=key) if pool else None


def most_pressed(tones: dict[str, ActorTone]) -> ActorTone | None:
    """The actor with the most pressure aimed at it, among those pressed more than praised; None if none."""
    return _top(tones, "pressure")


def most_praised(tones: dict[str, ActorTone]) -> ActorTone | None:
    """The actor with the most praise aimed at it, among those praised more than pressed; None if none."""
    return _top(tones, "praise")


def stance_table(tones: dict[str, ActorTone]) -> pd.DataFrame:
    """One row per actor aimed at: tone (−1 to +1), praise and pressure (weights), sentences, and the
    evidence; the most pressed first, then by tone."""
    import pandas as pd

    rows = [(t.actor, t.tone, t.praise, t.pressure, len(t.sentences), ", ".join(t.sentences), "; ".join(t.evidence))
            for t in tones.values()]
    table = pd.DataFrame(rows, columns=["actor", "tone", "praise", "pressure", "sentences", "sentence_ids", "evidence"])
    return table.sort_values(["tone", "pressure"], ascending=[True, False], kind="stable").set_index("actor")


def stance_reading(tones: dict[str, ActorTone]) -> str:
    """"presses Russia (−0.85, 6 sentences), praises Ukraine (+1.00, 3 sentences)", or what is missing."""
    parts = []
    pressed, praised = most_pressed(tones), most_praised(tones)
    if pressed is not None:
        parts.append(f"presses {pressed.actor} most ({pressed.tone:+.2f}, pressure {pressed.pressure} in "
                     f"{len(pressed.sentences)} sentence{'s' if len(pressed.sentences) != 1 else ''})")
    if praised is not None:
        parts.append(f"praises or supports {praised.actor} most ({praised.tone:+.2f}, praise {praised.praise} in "
                     f"{len(praised.sentences)} sentence{'s' if len(praised.sentences) != 1 else ''})")
    if not parts:
        return "aims its tone at no actor the tool recognises"
    return "; ".join(parts)


@dataclass(frozen=True)
class Stance:
    """A statement's tone (:class:`~readout.analyses.tone.diplomatic.DocumentTone`, its label read with the
    directed tone) and the tone aimed at each actor."""

    tone: DocumentTone
    actors: dict[str, ActorTone]

    @property
    def most_pressed(self) -> ActorTone | None:
        """The most pressed actor (see :func:`most_pressed`), or None."""
        return most_pressed(self.actors)

    @property
    def most_praised(self) -> ActorTone | None:
        """The most praised actor (see :func:`most_praised`), or None."""
        return most_praised(self.actors)


def statement_stance(statement: Statement, lexicon: ToneLexicon | None = None,
                     table: pd.DataFrame | None = None) -> Stance:
    """The statement's tone score and label, and the tone aimed at each actor (worked out from its
    :func:`~readout.analyses.tone.diplomatic.tone_table`, made here unless given)."""
    lexicon = lexicon or load_tone_lexicon()
    table = tone_table(statement, lexicon) if table is None else table
    tones = actor_tones(statement, lexicon)
    praised = max((t.praise for a, t in tones.items() if t.praise > t.pressure and not a.startswith("people of ")),
                  default=0)
    pressed = max((t.pressure for t in tones.values() if t.pressure > t.praise), default=0)
    return Stance(statement_tone(statement, lexicon, table, praised, pressed), tones)


def stance_document_reading(stance: Stance) -> str:
    """The statement's tone label, its registers and the formula, and whom it presses and praises most."""
    t = stance.tone
    from readout.analyses.tone.diplomatic import describe_tone

    return (f"The diplomatic tone reads {describe_tone(t)}: tone score {t.score:+.2f} (cooperation − pressure, −1 to "
            f"+1). Cooperation carries {t.cooperation:.0%} of the statement ({t.cooperative_sentences} of "
            f"{t.sentences} sentences have a word of it), pressure {t.pressure:.0%} ({t.pressing_sentences} "
            f"sentences). Toward actors, it {stance_reading(stance.actors)}.")
