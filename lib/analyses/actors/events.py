"""Who does what to whom, and who promises what? Events in PLOVER's categories, read from syntax.

An **event** is a clause in which an actor does something to another, or commits itself to do
something: its actor, its category in the scheme (``data/actions.yaml``: the sixteen categories of
PLOVER, each with its quad), its recipient, its **mode** (done, future, negated, hoped,
conditional), the **commitment** it is (firm, soft, or none) and the words that carry it (the
cue). The actors are read from the dependency parse of the sentence (:mod:`readout.text.parse`)
and the references of :mod:`.references` (names, and "we", "its", "the regime" resolved):

* **The cue.** A verb whose dictionary form the scheme lists ("condemns", "is imposing"; with its
  particle or preposition where the scheme writes one: "calls on", "cracked down", "stands with");
  a light verb with a listed noun as its object ("expressed concern", "imposing sanctions", "held
  talks", "reaffirmed U.S. support"); or a listed adjective said of the subject ("We are deeply
  concerned"). The light verb may be passive, its cue noun the subject ("Sanctions were imposed on
  Iran by the EU"). "X will face consequences" and "hold X accountable" are the speaker's THREATEN to X.
* **The actor** is the verb's subject, with the actors coordinated with it acting together ("The
  United States, the Republic of Korea and Japan condemn": all three); a verb conjoined with an
  earlier one shares its subject ("We will never accept X, and will maintain Y": both We); a
  passive's actor follows "by"; an infinitive's actor is the subject of the verb it completes ("We
  commit to strengthen": We), or its object when that verb asks something of someone ("call on X to
  ..."). "X is committed to ..." (also "determined to", "prepared to") is a state of X, not a
  passive; "is engaged in" a war is no consultation. A participle describing a noun says what the noun does ("a network funding the Houthis":
  the network) or, past, what was done to it ("the prisons designated today": by its "by", else a
  designation is the speaker's); a modifier ("shared values", "a negotiated solution") is no event
  unless it names its actor ("Kremlin-backed"). A pronoun subject ("it", "he", "she", "they") that
  the references leave open stands for the actor named as the subject of the clause before it in
  the sentence (not a relative clause), when that subject names one actor of a kind it can stand for ("While Russia derided our warnings, they were
  amassing troops"). A noun phrase names its actor by its head ("the United States"), a modifier ("U.S.
  officials", "Russian forces"), its possessor ("Russia's forces") or, after a head such as
  "government" or "people", its "of" ("the Government of Ethiopia").
* **The recipient** is the actor of the verb's object ("condemns Russia"; a possessor counts:
  "condemns Russia's war"), of a prepositional phrase on the verb or on the cue noun ("sanctions on
  X", "support for X", "talks with X", "concern about X"), or the passive's subject ("Honduras was
  congratulated"; a light verb's cue noun is never its own recipient). The doer of an act of
  aggression that a cooperative act is about is not its recipient ("finance Russia's war": no aid to
  Russia; the rule cannot tell a war of defence, so "fund Ukraine's war of self-defence" loses Ukraine
  too), and what an object is "against" is no recipient ("condemn the war against Ukraine" accuses no
  Ukraine).
* **Mode.** ``negated`` with "not", "n't", "never"; ``hoped`` when the act is asked of or hoped for
  from someone else (the verbs under ``hoping verbs``): then the event is the asker's REQUEST to
  them, and the act asked for is not coded apart, nor is an act someone is let, helped or made to
  do, under a verb that is an event itself ("will not allow Russia to attack", "help Ukraine to
  defend itself": the speaker's act only); ``conditional`` in a clause under "if" or "unless",
  or one that has such a clause; ``future`` with a modal ("will", "can") or under a verb of
  commitment ("is committed to", "seeks to"); else ``done``. A cooperative act stated in the future
  (consult, support, cooperate, aid) is AGREE, as PLOVER codes promises; a negated act of verbal
  cooperation ("will never recognize", "did not agree") is REJECT. One sentence gives one event per
  actor, category, recipient and mode; an event aimed at no one is dropped beside the same actor's
  same event, with a recipient, of the verb it governs ("committed to supporting Ukraine" is one
  promise, to Ukraine).
* **Commitment**: an actor's own future act, ``firm`` with "will", "shall" or a verb of commitment
  ("commit", "pledge", "intend", "is determined to"), ``soft`` with "can", "could", "may", "would"
  or a verb of aim ("seek", "aim", "hope to", "look forward to"). A negated one is kept ("will never
  recognize" is a firm commitment, mode negated). Another actor's hoped-for or demanded act is never
  that actor's commitment.

Each event says which of these rules read its actor (``rule``). An event whose subject names no
actor the tool recognises ("The resolution condemns ...") keeps its subject as written and has no
actor: it is counted, and shown as not attributed. These are rules over a statistical parse: the
parser is right about nine arcs in ten, and the validation figures (``python -m readout validate``)
say how often the events are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from readout.datafiles import read_yaml_mapping, require_keys, word_list
from readout.errors import BadInputError
from readout.text.language import require_english
from readout.text.parse import LIST_LABELS, OBJECT_CONTROL, SUBJECTS, ParsedSentence, dependency_parse
from readout.text.statement import Statement

from .references import Reference, joint_agent, joint_name, parties, people_of, references
from .speaker import speaker_of

if TYPE_CHECKING:  # imported where a table is made: the runner's checks load these modules without it
    import pandas as pd

__all__ = ["SCHEME_KEYS", "COMMITMENT_KEYS", "CATEGORIES", "QUADS", "COOPERATION", "CONFLICT", "MODES", "EventScheme",
           "Event", "load_event_scheme",
           "extract_events", "event_table"]

#: The keys of an event scheme besides ``categories`` (which must list at least one), and those of its
#: ``commitments`` when it lists any: each required (:func:`readout.datafiles.require_keys`).
SCHEME_KEYS = ("light verbs", "commitments", "hoping verbs")
COMMITMENT_KEYS = ("firm modals", "soft modals", "firm verbs", "soft verbs")
#: PLOVER's sixteen categories (the current manual), in its order.
CATEGORIES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
              "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
#: The four quads: verbal or material, cooperation or conflict.
QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
#: The quads whose events credit their recipient, and those whose events press it.
COOPERATION = frozenset({"verbal cooperation", "material cooperation"})
CONFLICT = frozenset({"verbal conflict", "material conflict"})
MODES = ("done", "future", "negated", "hoped", "conditional")

#: Heads of a noun phrase that stand for an actor named after "of" ("the Government of Ethiopia").
_OF_HEADS = frozenset({"government", "regime", "authorities", "people", "peoples", "forces", "military", "army",
                       "ministry", "leadership", "leaders", "president", "citizens", "population", "members",
                       "officials", "security", "services", "council", "state", "states", "republic"})
#: Heads a nationality or country names the state of ("Russian forces", "U.S. officials", "the Nicaraguan
#: government"); before another head it names no actor ("Syrian opposition group", "Russian media").
_STATE_HEADS = frozenset({"government", "regime", "authorities", "forces", "force", "troops", "military", "army", "navy",
                          "police", "officials", "official", "security", "services", "leadership", "leader", "leaders",
                          "president", "minister", "ministry", "delegation", "embassy", "administration", "state",
                          "soldiers", "diplomats", "intelligence", "junta", "helicopters", "aircraft", "planes",
                          "jets", "warships", "ships", "tanks", "artillery", "units", "agents", "peacekeepers"})
#: Heads that name a group of their own, not its country's state ("Syrian opposition group", "Afghan rebels").
_GROUP_HEADS = frozenset({"group", "groups", "opposition", "rebel", "rebels", "militia", "militias", "refugee",
                          "refugees", "migrant", "migrants", "journalist", "journalists", "activist", "activists",
                          "media", "party", "movement", "organization", "organisation", "community", "communities",
                          "diaspora", "minority", "minorities", "prisoner", "prisoners", "detainee", "detainees"})
#: Heads that name a country's people ("the Belarusian people", "the people of Cuba"): an actor apart.
_PEOPLE_HEADS = frozenset({"people", "peoples", "citizens", "population", "civilians"})
#: Prepositions whose object can be the recipient of an act.
_RECIPIENT_PREPOSITIONS = frozenset({"to", "for", "with", "on", "upon", "against", "toward", "towards", "at", "over",
                                     "about", "regarding", "into", "from", "by", "of", "in"})
#: Prepositions after a verb whose object is the verb's recipient (narrower: "in" and "by" name places and means).
_VERB_PREPOSITIONS = frozenset({"to", "for", "with", "on", "upon", "against", "toward", "towards", "at", "over",
                                "about", "regarding", "into", "from"})
_CONDITIONS = frozenset({"if", "unless", "should"})
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
#: Words of a state of commitment: "we are committed to", "determined to", "resolved to".
_COMMITTED = frozenset({"committed", "determined", "resolved"})
#: Participles that, after "be", with no "by" and with "to" after them, say a state of their subject, not what
#: was done to it: "is committed to", "is determined to", "is prepared to" ("war crimes were committed" is a
#: passive).
_STATIVE = frozenset({"commit", "engage", "determine", "dedicate", "prepare", "devote"})
#: Pronouns of the third person, and the actor kinds each can stand for.
_THIRD_PERSON = {"it": ("country", "organization", "institution", "group"), "he": ("person",),
                 "she": ("person",), "they": ("country", "organization", "institution", "group")}
_FIRST_SECOND = frozenset({"i", "we", "you", "me", "us"})
#: Acts of aggression: when one is what a cooperative act is about ("finance Russia's war"), its doer is not
#: who the cooperation goes to.
_AGGRESSION = frozenset({"war", "aggression", "invasion", "attack", "offensive", "assault", "occupation",
                         "annexation", "repression", "crackdown", "atrocity"})


@dataclass(frozen=True)
class EventScheme:
    """The event scheme, loaded: each cue (a lemma, or "lemma particle") → its category; light verbs;
    each category's quad; the words of commitment and of hoping."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    adjectives: dict[str, str]
    quads: dict[str, str]
    light: frozenset[str]
    firm_modals: frozenset[str]
    soft_modals: frozenset[str]
    firm_verbs: frozenset[str]
    soft_verbs: frozenset[str]
    hoping: frozenset[str]
    source: str


def _parse_scheme(path: str | Path | None) -> EventScheme:
    data, label = read_yaml_mapping(path, "actions.yaml", "action scheme")
    categories = data.get("categories")
    if not isinstance(categories, dict) or not categories:
        raise BadInputError(label, "action scheme needs 'categories:', each PLOVER category with its quad and words")
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    quads: dict[str, str] = {}
    for name, spec in categories.items():
        if name not in CATEGORIES:
            raise BadInputError(label, f"action scheme: {name!r} is not a PLOVER category (use one of "
                                       f"{', '.join(CATEGORIES)})")
        if not isinstance(spec, dict) or spec.get("quad") not in QUADS:
            raise BadInputError(label, f"action scheme: category {name} needs 'quad:', one of {', '.join(QUADS)}")
        unknown = sorted(set(spec) - {"quad", "verbs", "nouns", "adjectives"})
        if unknown:
            raise BadInputError(label, f"action scheme: category {name}: unknown key(s) {', '.join(unknown)} "
                                       "(use verbs, nouns, adjectives)")
        quads[name] = spec["quad"]
        for key, into in (("verbs", verbs), ("nouns", nouns), ("adjectives", adjectives)):
            for word in word_list(spec, key, label, f"action scheme, category {name}"):
                cue = " ".join(word.lower().split())
                if cue in into and into[cue] != name:
                    raise BadInputError(label, f"action scheme: {cue!r} is listed under both {into[cue]} and {name}")
                into[cue] = name
    commitments = data.get("commitments") or {}
    if not isinstance(commitments, dict):
        raise BadInputError(label, "action scheme: 'commitments' must map firm/soft modals and verbs to word lists")
    words = {k: word_list(commitments, k, label, "action scheme, commitments") for k in COMMITMENT_KEYS}
    light, hoping = (word_list(data, k, label, "action scheme") for k in ("light verbs", "hoping verbs"))
    require_keys(data, SCHEME_KEYS, label, "action scheme")
    if commitments:  # written empty: no commitments read
        require_keys(commitments, COMMITMENT_KEYS, label, "action scheme, commitments")
    return EventScheme(verbs, nouns, adjectives, quads, light, words["firm modals"], words["soft modals"],
                       words["firm verbs"], words["soft verbs"], hoping, label)


@cache
def _shipped() -> EventScheme:
    return _parse_scheme(None)


def load_event_scheme(path: str | Path | None = None) -> EventScheme:
    """The shipped scheme (``data/actions.yaml``), or the file at ``path`` (same layout) instead.
    Raises :class:`~readout.errors.BadInputError` naming the file and the problem."""
    return _parse_scheme(path) if path else _shipped()


class Event(NamedTuple):
    """One event (see the module note). ``actor`` and ``recipient`` are actor names (actors acting
    together joined as :func:`~readout.analyses.actors.references.joint_agent` joins them; "" when
    none is known); ``actors`` and ``recipients`` their members; ``actor_words`` and ``recipient_words``
    the subject and the object as written when they name no actor the tool knows ("The resolution",
    "three entities")."""

    sentence: str
    actor: str
    actors: tuple[str, ...]
    event: str
    quad: str
    recipient: str
    recipients: tuple[str, ...]
    mode: str
    commitment: str
    cue: str
    rule: str
    actor_words: str = ""
    recipient_words: str = ""
    main: bool = False

    @property
    def attributed(self) -> bool:
        """True when a parse relation names the actor."""
        return bool(self.actors)


# --- reading actors off the parse ---------------------------------------------------------------

class _Sentence:
    """A parsed sentence with its references placed on its tokens."""

    def __init__(self, parsed: ParsedSentence, refs: list[Reference], joint: str, both: tuple[str, ...],
                 kinds: dict[str, str]) -> None:
        self.p = parsed
        self.kinds = kinds
        self.refs = refs
        self.joint, self.both = joint, both
        self.at: dict[int, Reference] = {}
        for r in refs:
            for i, t in enumerate(parsed.tokens):
                if r.start <= t.token.start < r.end:
                    self.at.setdefault(i, r)

    def lemma(self, i: int) -> str:
        return self.p.tokens[i].lemma.lower()

    def text(self, i: int) -> str:
        return self.p.tokens[i].token.text

    def actors_of(self, heads: Iterable[int], possessors: bool = True) -> list[str]:
        """The actors the noun phrases headed by ``heads`` name (the module note's rule), in order."""
        out: list[str] = []
        for h in heads:
            for a in self._actors_of(h, possessors):
                # both parties, or actors a reference joins ("we" of a joint statement): their members
                for member in (self.both if a == self.joint and self.both else a.split(" + ")):
                    if member not in out:
                        out.append(member)
        return out

    def _actors_of(self, i: int, possessors: bool) -> list[str]:
        ref = self.at.get(i)
        if ref is not None:
            return [ref.actor] if ref.actor else []
        p = self.p
        lemma = self.lemma(i)
        if lemma in _STATE_HEADS or lemma in _PEOPLE_HEADS:  # "U.S. and AUC officials", "Russian forces"
            found = []
            for c in p.children(i, "compound", "amod", "nmod"):
                for m in p.group(c):
                    r = self.at.get(m)
                    if r is not None and r.actor:
                        found.append(people_of(r.actor) if lemma in _PEOPLE_HEADS and self.kind(r.actor) == "country"
                                     else r.actor)
            if found:
                return list(dict.fromkeys(found))
        if possessors:
            for c in p.children(i, "poss"):
                r = self.at.get(c)
                if r is not None and r.actor:
                    return [r.actor]
        if lemma in _OF_HEADS or lemma in _PEOPLE_HEADS:
            for prep in p.children(i, "prep"):
                if self.lemma(prep) == "of":
                    found = self.actors_of(p.children(prep, "pobj"), possessors)
                    if found:
                        return [people_of(a) if lemma in _PEOPLE_HEADS and self.kind(a) == "country" else a
                                for a in found]
        return []

    def kind(self, actor: str) -> str:
        return self.kinds.get(actor, "")

    def owners(self, heads: Iterable[int]) -> list[str]:
        """The actors that own what ``heads`` name, by a modifier or possessor ("a U.S. request", "Israeli air
        raids", "Serbia's suppression"), where the head is no group or people of its own ("Syrian
        opposition group" is not Syria's)."""
        out: list[str] = []
        for h in heads:
            if self.lemma(h) in _PEOPLE_HEADS or self.lemma(h) in _GROUP_HEADS:
                continue
            for c in self.p.children(h, "compound", "amod", "poss", "nmod"):
                r = self.at.get(c)
                if r is not None and r.actor and r.actor not in out:
                    out.append(r.actor)
        return out

    def agents_inside(self, heads: Iterable[int]) -> list[int]:
        """The "by" agents of participles that describe ``heads`` ("the actions announced by the AU")."""
        p = self.p
        return [o for h in heads for acl in p.children(h, "acl") for o in p.agents(acl)]

    def unresolved(self, heads: Iterable[int]) -> bool:
        """True when one of ``heads`` is a reference (a pronoun) the rules left unresolved."""
        return any(i in self.at and not self.at[i].actor for i in heads)


def _joined(statement: Statement, actors: list[str]) -> str:
    if not actors:
        return ""
    return actors[0] if len(actors) == 1 else joint_agent(statement, *actors)


# --- the events --------------------------------------------------------------------------------

class _Cue(NamedTuple):
    category: str
    verb: int  # the clause's verb (for an adjective, the verb "be"; for a noun, its light verb)
    words: tuple[int, ...]  # the tokens that carry it
    noun: int | None  # the cue noun of a light verb, whose own phrase may name the recipient
    special: str  # "" or "threat": "X will face consequences", "hold X accountable"


def _particles(s: _Sentence, i: int) -> list[tuple[str, int]]:
    """The particles and prepositions right on verb ``i``, as (word, index)."""
    p = s.p
    return [(s.lemma(c), c) for c in p.children(i, "prt", "prep", "advmod", "dative")]


def _cue(s: _Sentence, i: int, scheme: EventScheme) -> _Cue | None:
    """The event cue that verb or adjective ``i`` carries, if any."""
    p = s.p
    tok = p.tokens[i]
    lemma = s.lemma(i)
    if tok.tag.startswith("VB") and tok.dep not in ("aux", "auxpass"):
        if p.modal(i) in ("must", "should") and p.subjects(i) and not p.passive(i) \
                and not any(s.lemma(x) in ("we", "i", "us") for x in p.subjects(i)):
            return _Cue("REQUEST", i, (*[a for a in p.auxiliaries(i) if s.lemma(a) in ("must", "should")], i), None,
                        "must")  # "Pyongyang must cease ...": asked of Pyongyang
        for word, c in [*_particles(s, i), *((s.lemma(o), o) for o in p.children(i, "dobj"))]:
            phrase = f"{lemma} {word}"  # "call on", "crack down"; with the object: "open fire", "block roads"
            if phrase in scheme.verbs:
                return _Cue(scheme.verbs[phrase], i, (i, c), None, "")
        if lemma == "face" and any(s.lemma(o) in ("consequence", "cost", "price", "accountability")
                                   for o in p.children(i, "dobj")):
            return _Cue("THREATEN", i, (i, *p.children(i, "dobj")), None, "threat")
        if lemma == "hold" and any(s.lemma(c) in ("accountable", "responsible")
                                   for c in p.children(i, "oprd", "acomp", "xcomp", "ccomp", "advmod")):
            words = (i, *(c for c in p.children(i, "oprd", "acomp", "xcomp", "ccomp", "advmod")
                          if s.lemma(c) in ("accountable", "responsible")))
            return _Cue("THREATEN", i, words, None, "hold")
        if lemma in scheme.light:  # the object, or another of a list of objects ("launched artillery ... and fire");
            # in the passive, the subject ("sanctions were imposed on Iran")
            for o in (m for d in p.children(i, "dobj", "nsubjpass") for m in p.group(d)):
                if s.lemma(o) in scheme.nouns:
                    return _Cue(scheme.nouns[s.lemma(o)], i, (i, o), o, "")
            if lemma == "carry":  # "carried out attacks"
                for o in p.children(i, "dobj"):
                    if s.lemma(o) in scheme.nouns:
                        return _Cue(scheme.nouns[s.lemma(o)], i, (i, o), o, "")
        if lemma in scheme.verbs:
            return _Cue(scheme.verbs[lemma], i, (i,), None, "")
    if tok.tag.startswith("VB") and _hoping(s, i, scheme) and any(p.subjects(c) for c in p.complements(i)):
        return _Cue("REQUEST", i, (i,), None, "")  # "we hope the DPRK will return": asked of the DPRK
    if tok.pos == "ADJ" and lemma in ("responsible", "culpable", "guilty") and tok.dep == "acomp" \
            and any(s.lemma(c) == "for" for c in p.children(i, "prep")):
        return _Cue("ACCUSE", tok.head, (i,), None, "blame")  # "Russia is responsible for ...": the speaker's charge
    if lemma == "blame" and tok.dep in ("xcomp", "ccomp") and s.lemma(tok.head) == "be" \
            and not p.children(i, "dobj"):
        return _Cue("ACCUSE", tok.head, (tok.head, i), None, "blame")  # "Russia is to blame"
    if lemma == "look" and any(s.lemma(c) == "forward" for c in p.children(i, "prt", "advmod")):
        for prep in p.children(i, "prep"):
            for o in p.children(prep, "pobj"):
                if s.lemma(o) in scheme.nouns:  # "look forward to a meeting": a soft promise of one
                    return _Cue(scheme.nouns[s.lemma(o)], i, (i, o), o, "")
    if tok.pos == "ADJ" and tok.dep in ("acomp", "ROOT", "xcomp") and lemma in scheme.adjectives:
        verb = tok.head if tok.dep != "ROOT" else i
        judged = not (lemma.endswith("ed") or lemma in _FELT)  # "is deeply concerning": the speaker judges it
        return _Cue(scheme.adjectives[lemma], verb, (i,), None, "judge" if judged else "")
    return None


def _contracted_subject(s: _Sentence, v: int) -> int | None:
    """A token of verb ``v``'s clause that is a pronoun and its verb in one ("we’re", "they’ve"): the
    verb itself, its auxiliaries, or the verb an adjective or infinitive of it hangs on."""
    p = s.p
    chain = [v]
    k = v
    for _ in range(3):
        if p.tokens[k].dep in ("acomp", "xcomp", "oprd") and p.tokens[k].head != k:
            k = p.tokens[k].head
            chain.append(k)
    for k in chain:
        for t in (k, *p.auxiliaries(k)):
            if "’" in s.text(t) or "'" in s.text(t):
                ref = s.at.get(t)
                if ref is not None and ref.actor:
                    return t
    return None


def _controller(s: _Sentence, i: int, scheme: EventScheme) -> tuple[list[int], str]:
    """The tokens standing for the understood subject of infinitive ``i`` and the rule: the object
    of the verb it completes when that verb asks or lets someone act ("call on X to", "allow X to"),
    else that verb's subject; through an adjective ("we are eager to work": we)."""
    p = s.p
    head = p.tokens[p.first_conjunct(i)].head
    while (p.tokens[head].dep in ("acomp", "oprd", "amod") or p.tokens[head].tag in ("IN", "TO")) \
            and p.tokens[head].head != head:
        head = p.tokens[head].head  # "are eager to", "stand ready to", "look forward to [working]"
    if s.lemma(head) in OBJECT_CONTROL or _hoping(s, head, scheme):
        asked = list(p.objects(head)) + [o for prep, o in p.prepositional_objects(head) if prep in ("on", "upon")]
        if asked:
            return asked, "the object of the verb it completes ('call on X to ...')"
    subject = list(p.subjects(head))
    if not subject and p.tokens[p.first_conjunct(head)].dep in ("xcomp", "advcl", "pcomp") and head != i:
        return _controller(s, head, scheme)
    return subject, "the subject of the verb it completes"


def _governor(s: _Sentence, i: int) -> int | None:
    """The verb whose complement verb ``i``'s clause is (``xcomp``/``ccomp``), or None."""
    p = s.p
    first = p.first_conjunct(i)
    if p.tokens[first].dep in ("xcomp", "ccomp") or (
            p.tokens[first].dep == "advcl" and any(s.lemma(a) == "to" for a in p.auxiliaries(first))
            and not p.children(first, *SUBJECTS)):  # "commit to strengthen" read as a clause of purpose
        return p.tokens[first].head
    if p.tokens[first].dep in ("pcomp",):  # "committed to strengthening", "look forward to working"
        prep = p.tokens[first].head
        head = p.tokens[prep].head
        return head if p.tokens[prep].dep in ("prep",) else None
    return None


def _hoping(s: _Sentence, i: int, scheme: EventScheme) -> bool:
    """True if verb ``i`` asks or hopes something of someone (a verb under ``hoping verbs``)."""
    lemma = s.lemma(i)
    if lemma in scheme.hoping:
        return True
    return any(f"{lemma} {w}" in scheme.hoping for w, _ in _particles(s, i))


def _commitment_word(s: _Sentence, v: int, scheme: EventScheme) -> tuple[str, str]:
    """("firm"/"soft", the words) when verb ``v`` is put as its actor's own future act; ("", "")."""
    p = s.p
    if s.lemma(v) in scheme.firm_verbs and (p.complements(v) or any(
            p.children(prep, "pcomp") for prep in p.children(v, "prep")) or any(
            any(s.lemma(a) == "to" for a in p.auxiliaries(c)) for c in p.children(v, "advcl"))):
        return "firm", s.text(v)  # "commit to strengthen", "pledged to provide"
    if s.lemma(v) in scheme.firm_verbs and s.lemma(v) in _STATIVE and (
            p.passive(v) or p.tokens[v].dep == "acomp") and any(s.lemma(c) == "to" for c in p.children(v, "prep")):
        return "firm", s.text(v)  # "is committed to diplomacy": a state of commitment held now
    for verb in (v, p.first_conjunct(v)):
        modal = p.modal(verb)
        if modal in scheme.firm_modals:
            return "firm", modal
        if modal in scheme.soft_modals:
            return "soft", modal
    governor = _governor(s, v)
    if governor is not None:
        g = s.lemma(governor)
        if g in ("be",):  # "is committed to", "are determined to", "stand ready to"
            for c in p.children(governor, "acomp"):
                if s.lemma(c) in _COMMITTED:
                    return "firm", s.text(c)
                if s.lemma(c) in scheme.soft_verbs:
                    return "soft", s.text(c)
        words = [g] + [f"{g} {w}" for w, _ in _particles(s, governor)]
        if g in _COMMITTED:
            return "firm", s.text(governor)  # "are committed to strengthening"
        if any(w in scheme.firm_verbs for w in words):
            return "firm", s.text(governor)
        if any(w in scheme.soft_verbs for w in words):
            return "soft", s.text(governor)
        for c in p.children(governor, "acomp", "oprd"):
            if s.lemma(c) in _COMMITTED:
                return "firm", s.text(c)
            if s.lemma(c) in scheme.soft_verbs:
                return "soft", s.text(c)
        if p.modal(governor) or _governor(s, governor) is not None:
            return _commitment_word(s, governor, scheme) if governor != v else ("", "")
    return "", ""


def _conditional(s: _Sentence, v: int) -> bool:
    """True if verb ``v``'s clause is under "if"/"unless", or has such a clause."""
    p = s.p
    verb = p.first_conjunct(v)
    marks = [s.lemma(m) for m in p.children(verb, "mark")]
    if p.tokens[verb].dep == "advcl" and any(m in _CONDITIONS for m in marks):
        return True
    return any(p.tokens[c].dep == "advcl" and any(s.lemma(m) in _CONDITIONS for m in p.children(c, "mark"))
               for c in p.children(verb, "advcl"))


def _inside_hope(s: _Sentence, v: int, scheme: EventScheme) -> bool:
    """True if verb ``v`` is an act another actor is asked or hoped to do, under a hoping verb ("hope the
    DPRK will return", "call on X to withdraw"): not coded apart. The hoper's own act ("we hope to
    expand", "look forward to working") is not one: it is the hoper's soft commitment."""
    p = s.p
    g, k, seen = _governor(s, v), v, 0
    while g is not None and seen < 5:
        first = p.first_conjunct(k)
        if s.lemma(g) in OBJECT_CONTROL and first in p.complements(g) and (p.objects(g) or p.subjects(first)) and (
                p.tokens[first].tag == "VB") and _cue(s, g, scheme) is not None:
            # an infinitive ("told AFP that ..." is a clause reported), under a verb that is an event itself
            return True  # "will not allow Russia to attack", "help Ukraine to defend itself": the act let or helped
        if _hoping(s, g, scheme):
            own = p.children(p.first_conjunct(k), *SUBJECTS)
            asked_someone = bool(p.objects(g)) or any(prep in ("on", "upon") for prep, _ in p.prepositional_objects(g))
            return bool(own) or (asked_someone and s.lemma(g) in OBJECT_CONTROL)
        g, k, seen = _governor(s, g), g, seen + 1
    return False


def extract_events(statement: Statement, scheme: EventScheme | None = None) -> list[Event]:
    """Every event in the body, in text order (the module note's rules), worked out once per statement
    and scheme. Raises :class:`~readout.errors.NotComputable` for text that is not English."""
    require_english(statement, "Events")  # before the parse, which would say the same of itself
    scheme = scheme or load_event_scheme()
    memo: dict = statement.derived("events.by_scheme", lambda st: {})
    if id(scheme) not in memo:
        memo[id(scheme)] = (scheme, tuple(_events(statement, scheme)))
    return list(memo[id(scheme)][1])


def _events(statement: Statement, scheme: EventScheme) -> list[Event]:
    parsed = dependency_parse(statement)
    refs = references(statement)
    speaker = speaker_of(statement)
    speaker_actors = tuple(speaker.actors)
    joint, both = joint_name(statement), parties(statement)
    kinds = {name: actor.kind for name, actor in statement.actors.items()}
    by_sentence: dict[str, list[Reference]] = {}
    for r in refs:
        by_sentence.setdefault(r.sentence, []).append(r)
    out: list[Event] = []
    for ps in parsed.sentences:
        s = _Sentence(ps, by_sentence.get(ps.sentence.id, []), joint, both, kinds)
        seen: set[tuple[str, str, str]] = set()
        found: list[tuple[Event, _Cue]] = []
        for i in range(len(ps.tokens)):
            cue = _cue(s, i, scheme)
            if cue is None:
                continue
            event = _event(statement, s, cue, scheme, speaker_actors)
            if event is None:
                continue
            key = (event.actor or event.actor_words, event.event, event.recipient, event.mode)  # one per who, what, whom
            if key in seen:
                continue
            seen.add(key)
            found.append((event, cue))
        # "committed to supporting Ukraine": one promise, with its recipient, not also one aimed at no one
        governing = {(e.actor, e.event, e.mode, _governor(s, c.verb)) for e, c in found if e.recipients and e.actors}
        out += [e for e, c in found if e.recipients or not e.actors or not any(
            (e.actor, e.event, e.mode, w) in governing for w in (c.verb, *c.words))]
    return out


def _event(statement: Statement, s: _Sentence, cue: _Cue, scheme: EventScheme, speaker: tuple[str, ...],
           ) -> Event | None:
    p, v = s.p, cue.verb
    if _not_coded(s, cue, scheme):
        return None
    if p.tokens[v].dep == "amod" and not cue.noun:
        return _modifier_event(statement, s, cue, scheme)
    heads, recipient_heads, rule = _who_acts(s, cue, scheme, speaker)
    actors, heads, rule = _actors(statement, s, cue, heads, rule, speaker)
    actor_words = p.phrase(heads[0], LIST_LABELS | {"relcl", "acl"}) if heads else ""
    recipients, recipient_words = _recipients(s, cue, scheme, actors, recipient_heads)
    category, mode, commitment, cue_text = _mode(s, cue, scheme, actors)
    return Event(p.sentence.id, _joined(statement, actors), tuple(actors), category, scheme.quads[category],
                 _joined(statement, recipients), tuple(recipients), mode, commitment, cue_text, rule, actor_words,
                 recipient_words, _main(s, v))


def _not_coded(s: _Sentence, cue: _Cue, scheme: EventScheme) -> bool:
    """True if the cue names no act of its own here: an act asked for, let or helped (the asker's act is
    the event), an act only named ("its ability to wage war"), something released that frees no one,
    or "engaged in" a war."""
    p, v = s.p, cue.verb
    if cue.special != "must" and _inside_hope(s, v, scheme) and not _hoping(s, v, scheme):
        return True  # the act asked for: the asker's REQUEST is the event
    if p.tokens[p.first_conjunct(v)].dep == "acl" and any(s.lemma(a) == "to" for a in p.auxiliaries(v)):
        return True  # "its ability to wage war", "efforts to normalize relations": named, not done
    if s.lemma(v) in ("release", "issue") and any(s.lemma(o) in _PUBLISHED for o in p.children(v, "dobj")):
        return True  # "released information", "issued a statement": no one is freed
    if s.lemma(v) == "engage" and any(s.lemma(c) == "in" for c in p.children(v, "prep")) and not any(
            s.lemma(c) == "with" for c in p.children(v, "prep")):
        return True  # "is engaged in a war": no consultation (the war, as an act, is a noun the rules do not read)
    return False


def _who_acts(s: _Sentence, cue: _Cue, scheme: EventScheme, speaker: tuple[str, ...],
              ) -> tuple[list[int], list[int], str]:
    """The tokens standing for the actor, those standing for the recipient when the construction names
    it (a passive's subject, "X must ..."), and the rule that read them (the module note's list)."""
    p, v, category = s.p, cue.verb, cue.category
    rule = ""
    heads: list[int] = []
    recipient_heads: list[int] = []
    if cue.special == "threat":  # "X will face consequences": the speaker threatens X
        rule = "'X will face consequences': the speaker's threat to X"
        recipient_heads = list(p.subjects(v))
    elif cue.special == "blame":  # "Russia is responsible for ...": the speaker (or whoever says so) charges it
        sayer = _sayer(s, v)
        heads = [sayer] if sayer is not None else []
        rule = "'X is responsible for ...': a charge against X by " + ("whoever says so" if sayer is not None
                                                                      else "the speaker")
        recipient_heads = list(p.subjects(v))
    elif cue.special == "judge":  # "X is unacceptable", "is deeply concerning": the speaker's judgement of X
        sayer = _sayer(s, v)
        heads = [sayer] if sayer is not None else []
        rule = "'X is unacceptable': a judgement of X by " + ("whoever says so" if sayer is not None else "the speaker")
        recipient_heads = list(p.subjects(v))
    elif cue.special == "must":  # "X must withdraw": the speaker (or whoever says so) asks it of X
        sayer = _sayer(s, v)
        heads = [sayer] if sayer is not None else []
        rule = "'X must ...': asked of X by " + ("whoever says so" if sayer is not None else "the speaker")
        recipient_heads = list(p.subjects(v))
    elif p.tokens[p.first_conjunct(v)].dep == "acl" and p.tokens[v].tag == "VBN" and not p.subjects(v):
        noun = p.tokens[p.first_conjunct(v)].head  # "the prisons designated today", "leaders arrested last week"
        heads = list(p.agents(v))  # the recipient: "the aid provided to Ukraine" Ukraine, "leaders arrested" them
        recipient_heads = [o for prep, o in p.prepositional_objects(v) if prep in _VERB_PREPOSITIONS and prep != "against"
                           and not _when(s, o)] or list(p.group(noun))
        rule = "a participle describing what was done to a noun: the actor follows 'by'"
        if not heads and category == "SANCTION" and speaker:
            rule = "a designation or sanction with no 'by': the speaker's"
    elif p.tokens[p.first_conjunct(v)].dep == "acl" and p.tokens[v].tag == "VBG" and not p.subjects(v):
        heads = list(p.group(p.tokens[p.first_conjunct(v)].head))  # "a network funding the Houthis": the network
        rule = "a participle describing a noun: that noun ('a network funding X')"
    elif p.passive(v) and s.lemma(v) in _STATIVE and not p.agents(v) and (
            any(s.lemma(c) == "to" for c in p.children(v, "prep")) or p.children(v, "xcomp")):
        heads = list(p.subjects(v))  # "the United States and its allies are committed to supporting Ukraine"
        rule = "'X is committed to ...' (a state, not a passive): X"
    elif p.passive(v):
        heads = list(p.agents(v))
        rule = "passive: the actor follows 'by'"
        recipient_heads = [h for h in p.subjects(v) if h != cue.noun]  # "Sanctions were imposed on Iran": not them
        if not heads and category == "SANCTION" and speaker:  # "X was designated today": by the speaker
            rule = "a designation or sanction with no 'by': the speaker's"
    elif p.tokens[p.first_conjunct(v)].dep == "xcomp" or (not p.subjects(v) and (
            p.tokens[p.first_conjunct(v)].dep == "pcomp" or (p.tokens[p.first_conjunct(v)].dep == "advcl" and (
                any(s.lemma(a) == "to" for a in p.auxiliaries(v)) or p.tokens[v].tag == "VBG")))):
        heads, rule = _controller(s, v, scheme)
    else:
        heads = list(p.subjects(v))
        if not heads and p.tokens[v].dep in ("acomp", "oprd") and s.lemma(p.tokens[v].head) == "be":
            heads = list(p.subjects(p.tokens[v].head))  # "The United States is committed to ..."
        rule = "the verb's subject" if p.children(p.first_conjunct(v), *SUBJECTS) or p.tokens[v].dep != "conj" \
            else "a conjoined verb: the subject of the first"
    return heads, recipient_heads, rule


def _actors(statement: Statement, s: _Sentence, cue: _Cue, heads: list[int], rule: str,
            speaker: tuple[str, ...]) -> tuple[list[str], list[int], str]:
    """The actors ``heads`` name, through a contracted pronoun, the one who says so, an earlier subject,
    the cue noun's owner, officials and both parties, or the speaker; with the heads and the rule."""
    p, v = s.p, cue.verb
    if all(p.tokens[h].tag in ("WDT", "WP") for h in heads):  # "that we’re prepared to", "we’re committed to"
        own = _contracted_subject(s, v)
        if own is not None:
            heads, rule = [own], "the pronoun contracted with the verb ('we’re', 'they’ve')"
    actors = s.actors_of(heads, possessors=True)
    if not actors and heads and (s.unresolved(heads) or heads[0] not in s.at and s.lemma(heads[0]) in _THIRD_PERSON):
        # "NATO confirmed it would ...": "it" is the one who says so
        sayer = _sayer(s, v)
        if sayer is not None and s.lemma(heads[0]) in _THIRD_PERSON:
            actors = s.actors_of([sayer], possessors=True)
            rule = "a pronoun reporting the speaker's own words ('X said it would ...'): X" if actors else rule
        if not actors:
            actors, why = _earlier_subject(s, heads[0])
            rule = why or rule
    if cue.noun is not None and not actors:  # "reaffirmed U.S. support for X": the support is the U.S.'s
        owners = s.actors_of([c for c in p.children(cue.noun, "compound", "amod", "poss")], possessors=True)
        if owners:
            actors, rule = owners, "the owner of the cue noun ('U.S. support')"
    if not actors and heads and not s.unresolved(heads):
        actors, why = _stand_ins(statement, s, heads, speaker)
        rule = why or rule
    if (cue.special in ("threat", "must", "blame", "judge") and not heads) or (
            rule.startswith("a designation or sanction with no 'by'")):
        actors = list(speaker)
    return actors, heads, rule


def _recipients(s: _Sentence, cue: _Cue, scheme: EventScheme, actors: list[str], recipient_heads: list[int],
                ) -> tuple[list[str], str]:
    """The actors the act goes to (none of its own actors) and the recipient as written."""
    p, v, category = s.p, cue.verb, cue.category
    if cue.special == "hold":
        recipient_heads = list(p.objects(v))
    elif not recipient_heads:
        recipient_heads = list(p.objects(v))
        if cue.noun is not None:
            recipient_heads = [h for h in recipient_heads if h != cue.noun]
            recipient_heads += [o for prep, o in p.prepositional_objects(cue.noun) if prep in _RECIPIENT_PREPOSITIONS]
            recipient_heads += list(p.children(cue.noun, "poss"))
        recipient_heads += [o for prep, o in p.prepositional_objects(v) if prep in _VERB_PREPOSITIONS]
        for _, c in _particles(s, v):  # "call on X": a particle's object
            recipient_heads += list(p.children(c, "pobj"))
    if cue.special != "must":
        for comp in p.complements(v):  # "call on X to", "urge X to", "hope the DPRK will"
            recipient_heads += list(p.subjects(comp))
    recipient_heads = [h for h in recipient_heads if not _when(s, h)]
    if not recipient_heads and cue.special == "":  # "agreed to set up a centre in Tokyo", "threatened to cut off X"
        recipient_heads = _complement_recipients(s, v)
    # an act of conflict as the object of a cooperative one ("finance Russia's war"): its doer is not who the
    # cooperation goes to; and what an act is "against" is not the recipient of an act about it ("condemn the
    # war against Ukraine" accuses no Ukraine)
    wars = {h for h in recipient_heads if "cooperation" in scheme.quads[category] and s.lemma(h) in _AGGRESSION}
    recipient_heads += [o for h in list(recipient_heads) if h in p.objects(v) and h not in wars
                        for prep, o in p.prepositional_objects(h)
                        if prep in ("to", "for") and not _when(s, o)]  # "provide aid [to X]" on the object
    recipients = [a for a in s.actors_of([h for h in recipient_heads if h not in wars], possessors=True)
                  + s.actors_of(wars, possessors=False) if a not in actors]
    if not recipients:  # "supports the actions announced by the African Union": the AU's
        recipients = [a for a in s.actors_of(s.agents_inside(recipient_heads)) if a not in actors]
    if not recipients:  # "welcome the applications from Finland and Sweden", "the release of the prisoners"
        inner = [o for h in recipient_heads for prep, o in p.prepositional_objects(h)
                 if prep in ("from", "of", "by", "between", "with") and not _when(s, o)]
        recipients = [a for a in s.actors_of(inner, possessors=True) if a not in actors]
    if cue.noun is not None and not recipients:
        recipients = [a for a in s.actors_of([cue.noun], possessors=True) if a not in actors]
    if not recipients:  # "rejected a U.S. request", "denounced Serbia's suppression": the thing's owner
        recipients = [a for a in s.owners(h for h in recipient_heads if h not in wars) if a not in actors]
    recipient_words = _named_first(s, recipient_heads)
    return recipients, recipient_words


def _mode(s: _Sentence, cue: _Cue, scheme: EventScheme, actors: list[str]) -> tuple[str, str, str, str]:
    """(category, mode, commitment, cue text): the mode and the commitment the module note describes, and
    the category as PLOVER codes it in that mode (a promised cooperation is AGREE, a refused one REJECT)."""
    p, v, category = s.p, cue.verb, cue.category
    strength, marker = _commitment_word(s, v, scheme) if cue.special != "must" else ("", "")
    adjective = next((w for w in cue.words if p.tokens[w].pos == "ADJ"), None)
    if not strength and adjective is not None and cue.special == "":
        if s.lemma(adjective) in _COMMITTED:
            strength, marker = "firm", ""  # "we are committed to strengthening ..."
        elif s.lemma(adjective) in scheme.soft_verbs:
            strength, marker = "soft", ""  # "we are ready to", "eager to"
    if not strength and s.lemma(v) == "look" and cue.noun is not None:
        strength, marker = "soft", "look forward to"
    if not strength and cue.noun is not None and s.lemma(cue.noun) in _COMMITMENT_NOUNS:
        strength, marker = "firm", ""  # "reaffirmed their commitment to ...": a promise renewed
    hoped = cue.special == "must" or category == "REQUEST"
    if _conditional(s, v):
        mode = "conditional"
    elif p.negated(v):
        mode = "negated"
    elif strength or cue.special == "threat":
        mode = "future"
    elif hoped:
        mode = "hoped"
    else:
        mode = "done"
    if hoped:
        category = "REQUEST"
    if mode == "future" and category in _COOPERATIVE:
        category = "AGREE"  # a cooperative act promised
    if mode in ("future", "conditional") and strength == "soft" and scheme.quads[category] == "material conflict":
        category = "THREATEN"  # "may halt", "would tighten", "is prepared to impose": held out, not done
    if mode == "negated" and scheme.quads[category] == "verbal cooperation":
        category = "REJECT"  # "will never recognize", "did not agree"
    commitment = strength if mode in ("future", "negated", "conditional") and strength and actors else ""
    words = sorted(set(cue.words) | ({p.children(v, "neg")[0]} if p.negated(v) else set()))
    cue_text = " ".join(s.text(w) for w in words)
    if marker and marker.lower() not in cue_text.lower():
        cue_text = f"{marker} {cue_text}"
    return category, mode, commitment, cue_text


def _earlier_subject(s: _Sentence, pronoun: int) -> tuple[list[str], str]:
    """The actor an unresolved "it", "he", "she" or "they" subject stands for, read from the subject of
    the nearest earlier clause of the same sentence (not a relative clause or one inside a noun; "we",
    "I" or "you" is no antecedent of a third person):
    "while Russia has derided our warnings, they have been amassing troops". Only when that subject
    names exactly one actor, of a kind the pronoun can stand for, and no earlier subject names another
    ("while Russia derides our warnings and NATO waits, it ..." is not guessed); else ([], "")."""
    p = s.p
    kinds = _THIRD_PERSON.get(s.lemma(pronoun))
    if kinds is None:
        return [], ""
    earlier = [i for i in range(pronoun) if p.tokens[i].dep in SUBJECTS and s.lemma(i) not in _FIRST_SECOND
               and p.tokens[p.first_conjunct(p.tokens[i].head)].dep not in ("relcl", "acl")]
    if not earlier:
        return [], ""
    nearest = s.actors_of([earlier[-1]], possessors=False)
    named = {a for i in earlier for a in s.actors_of([i], possessors=False)}
    if len(nearest) == 1 and named == set(nearest) and s.kind(nearest[0]) in kinds:
        return nearest, "a pronoun subject: the one actor named as the subject of the clause before it"
    return [], ""


def _modifier_event(statement: Statement, s: _Sentence, cue: _Cue, scheme: EventScheme) -> Event | None:
    """An event cue that modifies a noun ("the Kremlin-backed Wagner Group", "Iranian-supplied drones"): an
    event only when the modifier names its actor (in the word, or a name right on it); the noun is
    its recipient. "Shared values", "designated terrorist group", "a negotiated solution" name a thing,
    not an act someone did: None."""
    p = s.p
    v = cue.verb
    ref = s.at.get(v)
    actors = [ref.actor] if ref is not None and ref.actor else s.actors_of(
        p.children(v, "npadvmod", "compound", "nmod"), possessors=False)
    if not actors:
        return None
    noun = p.tokens[v].head
    recipients = [a for a in s.actors_of([noun], possessors=False) if a not in actors]
    return Event(p.sentence.id, _joined(statement, actors), tuple(actors), cue.category,
                 scheme.quads[cue.category], _joined(statement, recipients), tuple(recipients), "done", "",
                 " ".join(s.text(w) for w in cue.words), "a modifier naming its actor ('Kremlin-backed')",
                 p.phrase(v), _named_first(s, [noun]), False)


def _main(s: _Sentence, v: int) -> bool:
    """True if verb ``v`` heads the sentence's main clause, or a clause that completes it ("X said Y",
    "agreed to Y", "will continue to Y"), rather than a clause inside a noun or an adverbial aside."""
    p = s.p
    k = v
    for _ in range(6):
        first = p.first_conjunct(k)
        dep = p.tokens[first].dep
        if dep == "ROOT":
            return True
        if dep not in ("xcomp", "ccomp", "acomp", "pcomp", "prep") and p.tokens[k].tag not in ("IN", "TO"):
            return False
        k = p.tokens[first].head
    return False


#: Nouns that are a promise: a light verb with one of them renews a firm commitment.
_COMMITMENT_NOUNS = frozenset({"commitment", "pledge", "promise", "undertaking"})
#: What is "released" when nothing is freed.
_PUBLISHED = frozenset({"information", "statement", "report", "data", "detail", "finding", "video", "image",
                        "document", "text", "readout", "transcript", "assessment", "analysis", "plan"})
#: Adjectives of feeling, said of whoever feels them ("we are grateful", "ready"); the others judge what
#: they are said of ("is unacceptable", "deeply concerning"), and the judge is the speaker.
_FELT = frozenset({"grateful", "proud", "ready", "eager", "willing", "sympathetic", "hopeful", "confident",
                   "committed", "determined", "prepared", "pleased", "delighted", "concerned", "alarmed"})
#: Words of time: "on Saturday", "last year" name no recipient.
_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                         "yesterday", "tomorrow", "tonight", "week", "month", "year", "day", "morning", "evening",
                         "night", "weekend", "time", "last", "january", "february", "march", "april", "may", "june",
                         "july", "august", "september", "october", "november", "december", "decade", "period"})


def _when(s: _Sentence, i: int) -> bool:
    """True for a word of time ("Saturday", "last year") or an adverbial noun: no recipient."""
    return s.lemma(i) in _TIME_WORDS or s.p.tokens[i].dep in ("npadvmod", "tmod") or s.p.tokens[i].tag == "CD"


def _named_first(s: _Sentence, heads: list[int]) -> str:
    """The recipient as written: the first of ``heads`` whose phrase holds a capitalised word after its
    first (a named group or place: "Kampuchean guerrilla camps" before "artillery"), else the first."""
    p = s.p
    phrases = [p.phrase(h, LIST_LABELS | {"relcl", "acl"}) for h in heads]
    named = [x for x in phrases if any(w[:1].isupper() for w in x.split()[1:]) or x[:1].isupper()]
    return (named or phrases or [""])[0]


def _complement_recipients(s: _Sentence, v: int, depth: int = 2) -> list[int]:
    """The objects and prepositional objects of the infinitives that complete verb ``v`` ("agreed to set
    up a centre in Tokyo": Tokyo; "threatened to cut off electricity to X": X), two levels down."""
    p = s.p
    out: list[int] = []
    for c in p.children(v, "xcomp", "advcl", "ccomp"):
        if p.children(c, *SUBJECTS) and p.tokens[c].dep != "xcomp":
            continue  # another clause with its own subject
        heads = list(p.objects(c)) + [o for prep, o in p.prepositional_objects(c) if prep in _RECIPIENT_PREPOSITIONS]
        heads += [o for h in p.objects(c) for prep, o in p.prepositional_objects(h) if prep in ("to", "for", "in")]
        out += [h for h in heads if not _when(s, h)]
        if not out and depth > 1:
            out += _complement_recipients(s, c, depth - 1)
    return out


#: Verbs of saying: the subject of "X must ..." under one of them is the one who asks it.
_SAYING = frozenset({"say", "state", "declare", "reiterate", "stress", "insist", "add", "remind", "note", "announce",
                     "tell", "emphasize", "emphasise", "underscore", "affirm", "reaffirm", "clear", "warn", "believe",
                     "confirm", "report", "indicate", "signal", "explain", "argue", "claim", "write", "quote"})


def _sayer(s: _Sentence, v: int) -> int | None:
    """The subject of the verb of saying that ``v``'s clause reports ("X said Y must ..."), or None."""
    p = s.p
    first = p.first_conjunct(v)
    if p.tokens[first].dep != "ccomp":
        return None
    head = p.tokens[first].head
    if s.lemma(head) not in _SAYING and not (s.lemma(head) == "make" and p.children(head, "ccomp")):
        return None
    subjects = p.subjects(head)
    return subjects[0] if subjects else None


#: Subjects that stand for the speaker's own officials ("The President reaffirmed ...", "Officials
#: discussed ...") and those that stand for both parties ("The two leaders discussed ...").
_OFFICIALS = frozenset({"president", "secretary", "official", "officials", "minister", "ambassador", "delegation",
                        "administration", "government", "department", "spokesperson", "envoy", "representative"})
_BOTH = frozenset({"participant", "participants", "leader", "leaders", "side", "sides", "delegations", "parties",
                   "partners", "both"})


def _stand_ins(statement: Statement, s: _Sentence, heads: list[int], speaker: tuple[str, ...],
               ) -> tuple[list[str], str]:
    """The actor a subject naming no actor stands for: "The President", "Officials" (with no
    nationality or "of"): the speaker; "the two leaders", "participants", "both sides": the speaker's
    two parties together. ([], "") otherwise."""
    p = s.p
    head = heads[0]
    lemma = s.lemma(head)
    if len(heads) != 1 or p.children(head, "poss", "compound", "amod", "prep") and lemma not in _BOTH:
        return [], ""
    if lemma in _BOTH:
        both = parties(statement)
        if len(both) == 2:
            return list(both), "both parties named by a common noun ('the two leaders', 'participants')"
    if lemma in _OFFICIALS and speaker:
        return list(speaker), "an official named by title alone: the speaker's"
    return [], ""


def event_table(statement: Statement, events: list[Event]) -> pd.DataFrame:
    """One row per event: sentence id, actor, event, quad, recipient, mode, commitment, cue, rule,
    and the sentence quoted."""
    import pandas as pd

    text = {s.id: s.text for s in statement.sentences}
    rows = [(e.sentence, e.actor or (f"({e.actor_words})" if e.actor_words else "(unresolved)"), e.event, e.quad,
             e.recipient or (f"({e.recipient_words})" if e.recipient_words else ""), e.mode, e.commitment, e.cue,
             e.rule, text[e.sentence]) for e in events]
    return pd.DataFrame(rows, columns=["sentence", "actor", "event", "quad", "recipient", "mode", "commitment", "cue",
                                       "rule", "text"])
