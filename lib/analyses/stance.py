"""Whom does the statement press, and whom does it praise? The tone directed at each actor.

A statement that condemns Russia and supports Ukraine is not "neutral" on balance: its tone has
directions. Each match of the diplomatic-tone lexicon (:mod:`readout.analyses.tone.diplomatic`) is
given to the actor it is aimed at, read from the sentence's dependency parse
(:mod:`readout.text.parse`, the parse the events of :mod:`readout.analyses.actors.events` are read
from) and its actor references (names, and the pronouns and phrases
:func:`readout.analyses.actors.references.references` resolves), by its category's ``toward``:

* **target** (praise, support, condemnation, demands, sanctions): the actor the act is aimed at —
  the verb's object ("condemns Russia", "hold Russia accountable"; with those listed with it:
  "Iran, Syria and Belarus"; names in apposition: "our ally, the Philippines"); a prepositional
  object of the verb, the cue noun or the cue adjective ("calls on X", "stands with X", "sanctions on
  X", "the designation of X", "support for X", "call for X to ...", "grateful to X", "concerned about
  X", "proud to partner with X"); in a passive, its subject ("X was designated"); a possessor of a
  designation or sanction when nothing else is named ("X's designation"); the subject of the clause
  it governs ("deplores that Russia has ..."); what a judging adjective is said of ("Russia's actions
  are unacceptable"). Where that phrase names no actor itself, the actor whose it is: its possessor
  ("condemns Russia's war"), the actor after "by" ("the attack by Russian forces", "the actions
  announced by the AU"), for pressure or a judgement a nationality or name before it ("sanctions on
  Russian banks", "the Houthi attacks"), and for praise its "of" ("commends the courage of the
  Ukrainian people"). An act done by another actor ("Russia pledged support to the regime",
  "Japan is grateful to ...", "their solidarity") is that actor's, not the statement's: aimed at no
  one, unless the statement's own word of praise or support takes it up ("we support their call for
  the regime to ...", "we welcome Japan's sanctions on Russia"). A word of pressure aims at no one
  whose good it asks for ("calls for the release of X", "demand his release", "concern for X").
* **holder** (accusations, words that deny legitimacy, achievement): the actor the word describes
  or whose act it names — a name the word is part of ("the Assad regime"), its possessor ("Russia's
  brutal war"), a nationality or name before it ("Russian aggression"), the actor after "by" ("an
  attack by Russian forces", "those unjustly detained by X"), the one "such as" names ("regimes such
  as Iran"), the noun an adjective describes ("the brutal regime"), the subject it is said of ("the
  regime is brutal", "Russia attacked", "the regime has committed atrocities", "Russia is engaged in
  a war", "fights with courage", "Russia is responsible for the abuses"), the one whose part in it
  is named ("his involvement in corruption") and, for achievement, its "of" ("the courage of the
  Ukrainian people"). A passive with no "by" has no holder: its subject suffers it ("who are
  detained").
* **none**: no one. A capitalised word of a name no reference covers ("Hay’at Tahrir al-Sham",
  "World War II", "Specially Designated Global Terrorist") aims at no one either.

A match aimed at the speaker (its own "our partners"), at an institution or official of the
speaker's country, or at both parties together, is no tone toward another; actors acting together
("Canada + Germany") are counted one by one. A country's people ("the Cuban people", "the people of
Ukraine", and "their" standing for them) are an actor apart from the country ("people of Cuba"):
standing with a people and sanctioning its government aim at two actors. Per actor: ``praise`` and
``pressure`` are the sums of the weights given to it (0 or more); **tone = (praise − pressure) /
(praise + pressure)**, −1 (only pressed) to +1 (only praised); and its sentences. The **most
pressed** actor has the largest pressure among those with more pressure than praise (ties: more
sentences, then the first aimed at); the **most praised** likewise. These are rules over a
statistical parse (right about nine arcs in ten): every number comes with its sentences and the
rule that aimed it, and the corpus figures (docs/validation.md, "Tone on real statements") say how
often the most pressed and praised actors match a careful reader's.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
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
from readout.text.parse import OBJECT_CONTROL, ParsedSentence, dependency_parse
from readout.text.statement import Statement

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["statement_stance", "stance_document_reading", "Stance", "Directed", "ActorTone", "directed_matches",
           "actor_tones", "stance_table", "most_pressed", "most_praised", "stance_reading"]

_PEOPLE_AFTER = re.compile(r"\s+(?:people|peoples|citizens|protesters|protestors|population|civilians|activists)\b",
                           re.I)
_PEOPLE_BEFORE = re.compile(r"\b(?:people|peoples|citizens|population|civilians)\s+of\s+(?:the\s+)?$", re.I)
#: Prepositions after a cue whose object the act is aimed at, by the cue's part of speech ("calls on X",
#: "sanctions on X", "support for X", "grateful to X", "concerned by X"). "for" is added for cooperation
#: only: a word of pressure "for" someone speaks for them ("concern for X").
_AT_VERB = frozenset({"on", "upon", "against", "to", "toward", "towards", "with", "at", "over", "about", "regarding"})
_AT_NOUN = _AT_VERB | {"of"}
_AT_ADJECTIVE = _AT_VERB | {"of", "by"}
#: Heads of a phrase (dictionary forms) that name the actor of their nationality, possessor or "of"
#: ("the Cuban government", "Cuba's military", "the Government of Ethiopia", "the people of Ukraine").
_HEADS = frozenset({"government", "regime", "authority", "junta", "military", "force", "troop", "army", "navy",
                    "police", "officer", "official", "leader", "leadership", "administration", "minister", "ministry",
                    "member", "president", "state", "republic", "security", "service", "delegation", "embassy",
                    "soldier", "intelligence", "people", "citizen", "population"})
#: Heads of the object of a word of pressure that make the actor in it the one it asks for ("calls for
#: the release of X", "demand his immediate release", "concern for X's safety").
_BENEFICIARY = frozenset({"release", "freedom", "safety", "return", "right", "family", "welfare", "well-being"})
#: Adjectives of a cue that are a feeling of their subject ("we are grateful", "Japan is concerned"); the
#: others judge what they are said of ("X's conduct is unacceptable").
_FELT = frozenset({"grateful", "proud", "pleased", "delighted", "concerned", "alarmed", "appalled", "troubled",
                   "disappointed"})
#: The category whose nouns take their possessor as the one acted on ("X's designation"); any other
#: cue noun's possessor is the one who acts ("ECOWAS's call", "their solidarity").
_DONE_TO = "sanctions and designations"
#: Passive verbs whose subject does what the phrase after "in" names ("Russia is engaged in a war").
_ENGAGED = frozenset({"engage", "involve", "implicate"})
#: Adjectives whose "for" names what the one they describe did ("actors responsible for violence").
_RESPONSIBLE = frozenset({"responsible", "accountable", "culpable", "guilty", "complicit"})


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


def _excluded(statement: Statement, speakers: frozenset[str], joint: str) -> set[str]:
    """The speaker, the joint name of both parties, and the speaker's own institutions and officials (its
    Department, its Secretary): what a statement says of them is no tone toward another."""
    out = set(speakers) | {joint}
    for name, actor in statement.actors.items():
        if actor.kind in ("institution", "person") and actor.country in speakers:
            out.add(name)
    return out


def directed_matches(statement: Statement, lexicon: ToneLexicon | None = None) -> list[Directed]:
    """Every tone match of the body (weight ≠ 0) with the actor it is aimed at, by the rules of the module
    note. A statement that is not English has no parse, and none is aimed (the lexicon is English too)."""
    lexicon = lexicon or load_tone_lexicon()
    found = statement_matches(statement, lexicon)
    try:
        parsed = dependency_parse(statement)
    except NotComputable:
        return []
    excluded = _excluded(statement, frozenset(speaker_of(statement).actors), joint_name(statement))
    by_sentence: dict[str, list[Reference]] = {}
    for r in references(statement):
        by_sentence.setdefault(r.sentence, []).append(_people(statement, r))
    out: list[Directed] = []
    for ps in parsed.sentences:
        matches = [m for m in found[ps.sentence.id] if m.weight]
        if not matches:
            continue
        aiming = _Aiming(ps, by_sentence.get(ps.sentence.id, []), matches, excluded)
        for m in matches:
            actors, rule = aiming.aim(m)
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
    if plural or _PEOPLE_AFTER.match(text, r.end) or _PEOPLE_BEFORE.search(text[max(0, r.start - 24):r.start]) \
            or r.rule.startswith("'they'/'their': the one people"):  # "their aspirations" after "the Cambodian people"
        return r._replace(actor=people_of(r.actor))
    return r


class _Aiming:
    """One parsed sentence, its references placed on its tokens, and its tone matches placed on their head words."""

    def __init__(self, parsed: ParsedSentence, refs: list[Reference], matches: list[ToneMatch],
                 excluded: set[str]) -> None:
        self.p = parsed
        self.excluded = excluded
        self.at: dict[int, Reference] = {}
        for r in refs:
            for i, t in enumerate(parsed.tokens):
                if r.start <= t.token.start < r.end:
                    self.at.setdefault(i, r)
        self.cues: dict[int, ToneMatch] = {}
        for m in matches:
            self.cues.setdefault(self.head(m), m)

    def lemma(self, i: int) -> str:
        return self.p.tokens[i].lemma.lower()

    def verb(self, i: int) -> bool:
        return self.p.tokens[i].tag.startswith("VB") and self.p.tokens[i].dep not in ("aux", "auxpass")

    def head(self, m: ToneMatch) -> int:
        """The word of a match that heads it in the parse ("restrictions" of "visa restrictions", "call" of
        "call on", "hold" of "hold Russia accountable")."""
        p = self.p
        return next((i for i in range(m.first, m.last + 1)
                     if not m.first <= p.tokens[i].head <= m.last or p.tokens[i].head == i), m.first)

    def after(self, i: int, prepositions: Iterable[str]) -> list[int]:
        """The objects of ``i``'s prepositional phrases with one of ``prepositions``, grouped."""
        return [o for prep, o in self.p.prepositional_objects(i) if prep in prepositions]

    # --- which actor a phrase names, and whose it is

    def named(self, heads: Iterable[int], depth: int = 3) -> list[str]:
        """The actors the phrases headed by ``heads`` name: a reference on the head ("Russia", "the
        regime", "its"), the names in apposition to it ("my friend, Sheikh Mohammed", "officials
        Alexander Manolev, Petar Haralampiev ..."), or, after a head such as "government" or "people",
        its nationality, possessor or "of" ("the Cuban government", "Cuba's military", "the people of Ukraine")."""
        p = self.p
        out: list[str] = []
        for i in heads:
            ref = self.at.get(i)
            if ref is not None:
                found = [ref.actor] if ref.actor else []
            else:
                found = self.named((m for a in p.children(i, "appos") for m in p.group(a)), depth - 1) if depth else []
                if not found and self.lemma(i) in _HEADS and depth:
                    found = (self.modifiers(i) or self.named(p.children(i, "poss"), depth - 1)
                             or self.named(self.after(i, ("of",)), depth - 1))
            out += [a for a in found if a not in out]
        return out

    def modifiers(self, i: int) -> list[str]:
        """The actors named by the words before noun ``i`` ("Russian forces", "U.S. and AUC officials")."""
        p = self.p
        return list(dict.fromkeys(self.at[m].actor for c in p.children(i, "compound", "amod", "nmod")
                                  for m in p.group(c) if m in self.at and self.at[m].actor))

    def whose(self, i: int, of: bool = False, before: bool = True) -> tuple[list[str], str]:
        """The actor whose act or quality noun ``i`` names, and how it was read: its possessor (or its
        first noun's: "Georgia's sovereignty and territorial integrity"), with ``before`` the
        nationality or name before it, the actor after "by" (or the "by" of a participle describing
        it: "the actions announced by the AU"), the one "such as" names, and with ``of`` its "of"."""
        p = self.p
        possessor = self.named(c for k in (i, *p.children(i, "nmod")) for c in p.children(k, "poss"))
        if possessor:
            return possessor, "its possessor ('Russia's war')"
        named_before = self.modifiers(i) if before else []
        if named_before:
            return named_before, "the nationality or name before it ('Russian aggression')"
        by = self.named(self.after(i, ("by",)) + [o for acl in p.children(i, "acl") for o in p.agents(acl)])
        if by:
            return by, "the actor after 'by' ('an attack by Russian forces')"
        such = [o for prep in p.children(i, "prep") if self.lemma(prep) in ("as", "like", "including")
                for o in (*p.children(prep, "pobj"), *(s for c in p.children(prep, "pcomp") for s in p.subjects(c)))]
        if self.named(such):
            return self.named(such), "the actor 'such as' names ('regimes such as Iran')"
        if of and self.named(self.after(i, ("of",))):
            return self.named(self.after(i, ("of",))), "the actor after 'of' ('the courage of the Ukrainian people')"
        return [], ""

    def phrase_actors(self, heads: list[int], weight: int) -> tuple[list[str], str]:
        """The actors the phrases an act is aimed at name, or whose they are (a nationality before it
        only for pressure, "sanctions on Russian banks", or a judgement, "the Houthi attacks": not
        "welcome Afghan evacuees"); none for the one a word of pressure asks something for ("the release of X")."""
        out: list[str] = []
        how = ""
        for h in heads:
            if weight < 0 and self.lemma(h) in _BENEFICIARY:
                how = how or "the one it asks for ('the release of X'), not the one it presses"
                continue
            found = self.named([h])
            if not found and h not in self.at:
                judged = weight < 0 or (h in self.cues and self.cues[h].toward == "holder")
                found, why = self.whose(h, of=weight > 0, before=judged)
                how = how or (f"the phrase it is aimed at: {why}" if found else "")
            out += [a for a in found if a not in out]
        return out, how

    # --- who does an act, and at whom it is aimed

    def doers(self, i: int, depth: int = 3) -> list[int]:
        """The words standing for whoever does act ``i``: a verb's subject (its "by" when passive; for an
        infinitive or participle without a subject, the subject of the verb it completes, or that verb's
        object when it asks someone to act: "call on X to"); a noun's is the verb it is the object of."""
        p = self.p
        tok = p.tokens[i]
        if self.verb(i):
            if p.passive(i) or (tok.dep == "acl" and tok.tag == "VBN"):  # "those detained", "the actions announced by"
                return list(p.agents(i))
            own = list(p.subjects(i))
            k = p.first_conjunct(i)
            link = p.tokens[k].dep
            if own or depth == 0 or link not in ("xcomp", "advcl", "ccomp", "pcomp", "acl"):
                return own
            governor = p.tokens[k].head
            if link == "pcomp":
                governor = p.tokens[governor].head
            if link == "acl" or not self.verb(governor):  # "their right to hold ...": the noun's owner
                return list(p.children(governor, "poss")) or (self.doers(governor, depth - 1) if link == "acl"
                                                               else [])
            if self.lemma(governor) in OBJECT_CONTROL and link == "xcomp":
                asked = list(p.objects(governor)) + [o for prep, o in p.prepositional_objects(governor)
                                                     if prep in ("on", "upon")]
                if asked:
                    return asked
            return self.doers(governor, depth - 1)
        k = p.first_conjunct(i)
        if p.tokens[k].dep == "dobj" and depth:
            return self.doers(p.tokens[k].head, depth - 1)
        return []

    def others(self, heads: list[int]) -> list[str]:
        """The actors ``heads`` name (or whose they are) when none is the speaker or its own ("the United
        States and Honduras held ...": the speaker acts too); [] otherwise."""
        found = self.named(heads) or [a for h in heads if h not in self.at for a in self.whose(h)[0]]
        members = [x for a in found for x in a.split(" + ")]
        return [] if any(x in self.excluded for x in members) else members

    def endorsed(self, i: int) -> bool:
        """True when act ``i`` (another actor's) is what the statement's own word of praise or support
        is aimed at ("we support their call for ...", "supports the Philippines in calling on ...")."""
        p = self.p
        k = p.first_conjunct(i)
        head = p.tokens[k].head
        if p.tokens[k].dep == "pcomp":
            head = p.tokens[head].head
        elif p.tokens[k].dep != "dobj":
            return False
        cue = self.cues.get(head)
        return cue is not None and cue.weight > 0 and cue.toward == "target" and not self.others(self.doers(head))

    def aim(self, m: ToneMatch) -> tuple[list[str], str]:
        """The actors match ``m`` is aimed at, and the rule (see the module note)."""
        if m.toward == "none":
            return [], "no direction (its category aims at no one)"
        h = self.head(m)
        ref = self.at.get(h)
        if ref is not None:  # "the Assad regime", "the regime"
            return ([ref.actor], "the name the word is part of") if ref.actor else ([], "an unresolved reference")
        if self.p.tokens[h].tag.startswith("NNP"):
            return [], "a word of a name the tool does not know ('Hay’at Tahrir al-Sham', 'World War II')"
        return self.target(m, h) if m.toward == "target" else self.holder(m, h)

    def verb_heads(self, v: int, inside: Iterable[int], cooperation: bool) -> tuple[list[int], str]:
        """The phrases an act done by verb ``v`` is aimed at (see the module note), and how they were read."""
        p = self.p
        if p.passive(v):
            return list(p.subjects(v)), "a passive ('X was designated'): its subject"
        heads = [o for c in inside for o in p.children(c, "pobj") for o in p.group(o)]  # "calls on X"
        heads = heads or list(p.objects(v))
        if heads:
            return heads, "its object ('condemns Russia', 'calls on X')"
        heads = self.after(v, _AT_VERB | ({"for"} if cooperation else set()))
        if heads:
            return heads, "the actor after it ('stands with X')"
        heads = [s for c in p.complements(v) for s in p.subjects(c)]
        return heads, "the subject of the clause it governs ('deplores that Russia has')" if heads else ""

    def target(self, m: ToneMatch, h: int) -> tuple[list[str], str]:
        p = self.p
        cooperation = m.weight > 0
        cue = h
        while p.tokens[h].dep in ("compound", "amod") and p.tokens[h].tag != "JJ" \
                and p.tokens[p.tokens[h].head].tag.startswith("NN") and not m.first <= p.tokens[h].head <= m.last:
            h = p.tokens[h].head  # "blocking sanctions on X", "U.S. assistance programs for X": the noun's
        tok = p.tokens[h]
        inside = [c for c in range(m.first, m.last + 1) if c != h and p.tokens[c].head == h]
        owner: list[str] = []
        if self.verb(h):
            owner = self.others(self.doers(h))
            heads, how = self.verb_heads(h, inside, cooperation)
        elif tok.pos == "ADJ" or tok.tag == "JJ":
            k = p.first_conjunct(h)  # "the brave and proud people"
            feeling = self.lemma(h) in _FELT
            said_of = list(p.subjects(p.tokens[k].head)) if p.tokens[k].dep in ("acomp", "attr") else []
            if feeling:
                owner = self.others(said_of)
            heads = self.after(h, _AT_ADJECTIVE | ({"for"} if cooperation else set()))
            how = "the actor after it ('grateful to X', 'concerned about X')" if heads else ""
            if not heads and feeling:  # "proud to partner with X", "pleased to welcome X"
                for c in p.children(h, "xcomp"):
                    heads, how = self.verb_heads(c, (), cooperation)
            if not heads and not feeling and said_of:
                heads, how = said_of, "what it is said of ('X's conduct is unacceptable')"
            if not heads and p.tokens[k].dep == "amod":
                heads, how = [p.tokens[k].head], "the phrase it describes"
            if not heads:
                heads = [s for v in (h, tok.head) for c in p.children(v, "ccomp") for s in p.subjects(c)]
                how = "the subject of the clause it governs ('concerned that X has')" if heads else ""
        else:  # a noun: "sanctions on X", "support for X", "call for X to ...", "X's designation"
            heads = [o for c in inside for o in p.children(c, "pobj") for o in p.group(o)]  # "call for X"
            members = p.group(h)
            heads = heads or [o for k in members for o in self.after(k, ("of",))]  # "the designation of X"
            prepositions = _AT_NOUN | ({"for"} if cooperation else set())
            heads = heads or [o for k in members for o in self.after(k, prepositions)]
            heads += [s for c in p.children(h, "acl") for s in p.subjects(c)]  # "call for X to take ..."
            how = "the actor after it ('sanctions on X', 'support for X')" if heads else ""
            k = p.first_conjunct(h)
            verb = p.tokens[k].head if p.tokens[k].dep in ("dobj", "nsubj", "pobj") else None
            if verb is not None and p.tokens[k].dep == "pobj":
                verb = p.tokens[verb].head  # "calls for accountability", "in support of X"
            if not heads and verb is not None and self.verb(verb):  # "impose sanctions on X", "support will go to X"
                heads = self.after(verb, _AT_VERB | ({"for"} if cooperation else set())) + [
                    d for d in p.children(verb, "dative") if not p.children(d, "pobj")]
                how = "the actor after its verb ('impose sanctions on X')" if heads else ""
            possessors = list(p.children(h, "poss"))
            if not heads and possessors and m.category == _DONE_TO and h == cue:
                heads, how = possessors, "its possessor ('X's designation')"
            else:
                owner = self.others(possessors + list(p.children(h, "compound", "amod"))) or \
                    self.others(self.doers(h))
        if owner and not self.endorsed(h):
            return [], f"an act of {' + '.join(dict.fromkeys(owner))}, not of the speaker"
        if not heads:
            return [], "names no actor it is aimed at"
        actors, why = self.phrase_actors(heads, m.weight)
        if not actors:
            return [], why or "the phrase it is aimed at names no actor"
        return actors, why or how

    def holder(self, m: ToneMatch, h: int) -> tuple[list[str], str]:
        p = self.p
        achievement = m.weight > 0
        if p.tokens[h].tag.startswith("RB") and p.tokens[h].head != h:  # "unjustly detained by X"
            h = p.tokens[h].head
        tok = p.tokens[h]
        if self.verb(h) and tok.dep != "amod":
            if p.passive(h) and not p.agents(h):
                return [], "a passive ('who are detained'): its subject suffers it, and no 'by' names who did it"
            doers = self.doers(h)
            found = self.named(doers) or [a for d in doers if d not in self.at for a in self.whose(d)[0]]
            return (found, "the one who does it ('Russia attacked', 'killed by X')") if found else \
                ([], "no one named does it")
        k = p.first_conjunct(h)  # "brutal and unprovoked", "war and aggression"
        if tok.pos == "ADJ" or tok.tag in ("JJ", "VBN"):
            if p.tokens[k].dep == "amod":
                noun = p.tokens[k].head
                found = self.named([noun])
                if found:
                    return found, "the actor it describes ('the brutal regime')"
                found, why = self.whose(noun, of=achievement)
                return (found, f"the phrase it describes: {why}") if found else self.clause_holder(noun)
            if p.tokens[k].dep in ("acomp", "attr"):
                said_of = list(p.subjects(p.tokens[k].head))
                found = self.named(said_of) or [a for d in said_of if d not in self.at for a in self.whose(d)[0]]
                return (found, "what it is said of ('the regime is brutal')") if found else ([], "no holder")
            return [], "no holder"
        for noun in dict.fromkeys((h, *p.group(k))):  # "the coup and the violence perpetrated by the regime"
            found, why = self.whose(noun, of=achievement)
            if found:
                return found, why
        return self.clause_holder(k)

    def clause_holder(self, k: int) -> tuple[list[str], str]:
        """The holder of judgement noun ``k`` read from the clause it stands in: what it is said of ("X is
        a terrorist group"), the subject of the verb whose object it is ("the regime has committed
        atrocities"), or of "in" or "with" after it ("Russia is engaged in a war", "fights with
        courage"), the one "responsible for" it, the owner of the act it is part of ("their involvement
        in corruption")."""
        p = self.p
        tok = p.tokens[k]
        if tok.dep == "attr":
            found = self.named(p.subjects(tok.head))
            if found:
                return found, "what it is said of ('X is a terrorist group')"
        if tok.dep == "dobj" and tok.head not in self.cues and not p.passive(tok.head):
            found = self.named(p.subjects(tok.head))
            if found:
                return found, "the subject of the verb whose object it is ('the regime has committed atrocities')"
        if tok.dep == "pobj" and tok.head != k:
            prep = tok.head
            above = p.tokens[prep].head
            word = self.lemma(prep)
            if word in ("in", "with") and self.verb(above) and above not in self.cues and (
                    not p.passive(above) or self.lemma(above) in _ENGAGED):
                found = self.named(p.subjects(above) if p.passive(above) else self.doers(above))
                if found:
                    return found, "the subject of the verb it follows ('Russia is engaged in a war')"
            if word == "for" and self.lemma(above) in _RESPONSIBLE:
                said_of = ([p.tokens[above].head] if p.tokens[above].dep == "amod"
                           else list(p.subjects(p.tokens[above].head)))
                found = self.named(said_of) or [a for d in said_of if d not in self.at for a in self.whose(d)[0]]
                if found:
                    return found, "the one responsible for it ('actors responsible for violence')"
            if word in ("in", "for", "of") and p.tokens[above].tag.startswith("NN"):
                found, _ = self.whose(above, before=False)
                if found:
                    return found, "the one whose part in it is named ('their involvement in corruption')"
        return [], "no holder"


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
