"""Who speaks? The actor (or actors, together) that "we", "our", "us" and "I" stand for.

Read from the statement's wrapping and opening, by these rules in this order; the first that
settles it wins, and the words it was read from are kept as the evidence:

1. **Joint release**: "The following statement was released by France, Germany, Italy, the United
   Kingdom, and the United States", "released by the Governments of the United States of America
   and Japan", "Joint Statement by the United States and Mexico" (in the header or the first
   sentences): every country and organisation it lists, together.
2. **"We, the …"**: "We, the Leaders of the G7", "We, the Foreign Ministers of Canada, France, …":
   the countries named, or the grouping named first with the members listed after it ("We, the G7
   Foreign Ministers of Canada, France, … and the High Representative of the European Union": the
   G7, shown as "G7 (7 members and European Union)"). The whole apposition is read from the parse,
   list and all.
3. **Joint subject**: the first body sentence speaks in the present for actors joined as its subject
   ("The United States, the Republic of Korea and Japan condemn …", "The United States and Japan are
   deeply concerned …"): those actors together, each member read from the parse's coordination
   (:meth:`readout.text.parse.ParsedSentence.group`). A sentence that tells what they did ("The United
   States and Honduras held a dialogue", "have built") is a readout, not their joint voice. What the
   text says this way wins over a header naming one office ("Office of the Spokesperson"): the
   office published a statement the actors issued together.
4. **Signature or office line**: a header line (or the body's last line) naming an office the actor
   file lists under ``offices:`` ("Antony J. Blinken, Secretary of State", "Office of the
   Spokesperson", "Ned Price, Department Spokesperson"): the government it speaks for; or naming an
   institution or a country ("Ministry of Foreign Affairs of Japan"): that country.
5. **"On behalf of …"** in the first paragraph: that actor.
6. **Dateline**: a capital in the dateline ("WASHINGTON —"): its country.
7. **Opening**: the first sentence opens with an actor as its subject — a country or organisation
   ("The United States strongly condemns …") or a person or institution whose country the actor file
   or the text gives ("President Joseph R. Biden, Jr. spoke today with …", "National Security Advisor
   Jake Sullivan met …"): that actor, or that person's country.
8. **First person**: the first sentence that speaks as "we", "our", "us" or "I" and names, as a
   subject ("the United States will …"), a country or organisation; or names one of the actor file's
   people or institutions other than as the object of a verb ("As President Biden and our Allies
   have made clear, we …", "I will be monitoring the situation from the White House"): that actor,
   or that person's or institution's country.
9. **Our two countries**: "our two countries", "both our governments" with exactly two countries
   named: both.

Anything else leaves the speaker unknown: "we" then stays "(unresolved)", and the page says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readout.errors import NotComputable
from readout.text.mentions import ActorMention, find_mentions
from readout.text.parse import dependency_parse
from readout.text.statement import Statement

__all__ = ["Speaker", "find_speaker", "speaker_of", "speaker_reading", "SPEAKER_RULES"]

#: The rules, by the name each reading records.
SPEAKER_RULES = ("joint release", "we, the", "joint subject", "signature or office", "on behalf of", "dateline",
                 "opening", "first person", "our two countries")

_RELEASED = re.compile(
    r"(?:released|issued|adopted|made)\s+(?:jointly\s+)?by\s+(?P<who>.+?)(?:\s+on the occasion\b|\s+at the\b|"
    r"\s+following\b|\s+after\b|\s+in\s+(?:the\s+)?(?:context|wake|light)\b|[.:;]|$)"
    r"|\bjoint\s+statement\s+(?:by|of|from|between)\s+(?P<who2>.+?)(?:\s+on\b|\s+regarding\b|[.:;]|$)", re.I)
_WE_THE = re.compile(r"\bWe,\s+the\s+(?P<who>[^,]{3,200}?),")
_BEHALF = re.compile(r"\bon behalf of\s+(?P<who>.{3,80}?)(?:,|\.|;|$)", re.I)
_OUR_TWO = re.compile(r"\b(?:our\s+two|both\s+our)\s+(?:countries|nations|governments|peoples)\b", re.I)
#: What follows a subject: an adverb or two, then a verb (a lower-case word that is no preposition,
#: article or conjunction).
_VERB_AFTER = re.compile(r"^\s*(?:(?:today|tonight|also|strongly|deeply|warmly|firmly|\w+ly)\s+)*"
                         r"(?!(?:of|and|or|to|in|for|with|from|on|at|by|the|a|an|as|that|which|who|whose)\b)[a-z]+\b")
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|I|We|Our)\b")
_OBJECT_BEFORE = re.compile(r"\b(?!(?:as|and|from|of|with|at|in|the)\b)[a-z]+\s+(?:the\s+)?$")


@dataclass(frozen=True)
class Speaker:
    """Who speaks: ``actors`` (canonical names, several for a joint statement; a grouping speaking as
    one, "G7", is one actor; empty if unknown), the ``rule`` that read it (one of :data:`SPEAKER_RULES`,
    "" if none did) and the ``evidence``, the words it was read from. ``members`` are the countries a
    grouping's statement lists with it, ``others`` the other actors it lists ("the High
    Representative of the European Union")."""

    actors: tuple[str, ...]
    rule: str
    evidence: str
    members: tuple[str, ...] = ()
    others: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The speaker as a reader names it, once and compactly: "United States", "United States and
        Japan", "France, Germany and Italy" (each member once), "G7 (7 members and European Union)" (a
        grouping and how many of its members the text lists); "" when unknown."""
        if (self.members or self.others) and len(self.actors) == 1:
            parts = [f"{len(self.members)} member{'s' if len(self.members) != 1 else ''}"] if self.members else []
            return f"{self.actors[0]} ({_listed(parts + list(self.others))})"
        return _listed(self.actors)

    @property
    def known(self) -> bool:
        """True if a rule found the speaker."""
        return bool(self.actors)


def speaker_of(statement: Statement) -> Speaker:
    """The statement's speaker, worked out once per statement (see the module note)."""
    return statement.derived("actors.speaker", find_speaker)


def _parties(statement: Statement, text: str, offset: int | None = None) -> tuple[str, ...]:
    """The countries and organisations (and the countries of institutions) named in ``text``, in order."""
    if offset is not None:
        mentions = [m for m in statement.mentions if offset <= m.start < offset + len(text)]
    else:
        mentions = find_mentions(text, statement.actor_lexicon)
    out = []
    for m in mentions:
        actor = statement.actors.get(m.actor)
        if actor is None or actor.kind == "joint":
            continue
        if actor.kind in ("institution", "person"):
            if actor.country:
                out.append(actor.country)
            continue
        out.append(actor.name)
    return tuple(dict.fromkeys(out))


def _opening_lines(statement: Statement) -> list[tuple[str, int | None]]:
    """The header lines (no offsets into the body) and the first three body sentences, as (text, offset)."""
    lines: list[tuple[str, int | None]] = [(line.text, None) for line in statement.header]
    lines += [(s.text, s.start) for s in statement.sentences[:3]]
    return lines


def _office(statement: Statement, line: str) -> str:
    """The country of an office the actor file lists, named in ``line``; "" if none."""
    for office, country in statement.actor_lexicon.offices:
        if re.search(rf"(?<!\w){re.escape(office)}(?!\w)", line):
            return country
    return ""


def _signature_lines(statement: Statement) -> list[str]:
    """Header lines that sign or head the statement, and the body's last line when it reads as a
    signature ("Name, Title", at most twelve words)."""
    lines = [line.text for line in statement.header if line.role in ("person", "office", "title")]
    if statement.sentences:
        last = statement.sentences[-1].text.strip()
        if "," in last and len(last.split()) <= 12 and not last.endswith((".", "!", "?")):
            lines.append(last)
    return lines


def find_speaker(statement: Statement) -> Speaker:
    """Who "we" are in ``statement``, by the first of the module's rules that settles it."""
    opening = _opening_lines(statement)
    for text, offset in opening:  # 1. a joint release
        m = _RELEASED.search(text)
        if m:
            who = m.group("who") or m.group("who2") or ""
            parties = _parties(statement, who, None if offset is None else offset + m.start("who" if m.group("who")
                                                                                                else "who2"))
            if parties:
                return Speaker(parties, "joint release", m.group(0).strip())
    for found in (_we_the(statement, opening), _joint_subject(statement)):  # 2. "We, the ...", 3. a joint subject
        if found.known:
            return found
    for line in _signature_lines(statement):  # 4. a signature or office
        country = _office(statement, line)
        if country:
            return Speaker((country,), "signature or office", line)
    for line in statement.header:
        if line.role in ("person", "office"):
            parties = _parties(statement, line.text)
            if len(parties) == 1:
                return Speaker(parties, "signature or office", line.text)
    first = statement.paragraphs[0] if statement.paragraphs else None
    if first is not None:  # 5. "On behalf of the United States"
        m = _BEHALF.search(first.text)
        if m:
            parties = _parties(statement, m.group("who"), first.start + m.start("who"))
            if len(parties) == 1:
                return Speaker(parties, "on behalf of", m.group(0).strip(" ,.;"))
    if statement.dateline is not None:  # 6. the dateline's capital
        place = statement.dateline.place.lower()
        for actor in statement.actor_lexicon.actors:
            if actor.kind == "country" and any(c.lower() in place for c in actor.capitals if len(c) > 3):
                return Speaker((actor.name,), "dateline", statement.dateline.text.strip())
    for found in (_opening(statement), _first_person(statement)):  # 7. the opening's subject, 8. first person
        if found.known:
            return found
    for s in statement.sentences:  # 9. "our two countries"
        m = _OUR_TWO.search(s.text)
        if m:
            named = [c for c in _parties(statement, statement.text, 0) if statement.kind_of(c) == "country"]
            if len(named) == 2:
                return Speaker(tuple(named), "our two countries", m.group(0))
            break
    return Speaker((), "", "")


def _listed(names: list[str] | tuple[str, ...]) -> str:
    """"A", "A and B", "A, B and C"."""
    return " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]


_NONE = Speaker((), "", "")


def _we_the(statement: Statement, opening: list[tuple[str, int | None]]) -> Speaker:
    """Rule 2: "We, the ..." in the opening lines. In a body sentence the apposition to "We" is read
    whole from the parse ("We, the Foreign Ministers of Canada, France, ..., and the High Representative
    of the European Union,"); a header line, or a statement without a parse, up to the first comma. A
    grouping named before any country (a non-country actor first: "the G7 Foreign Ministers of ...",
    "the Leaders of the G7") is the speaker, and the countries and others listed after it its members."""
    for text, offset in opening:
        m = _WE_THE.search(text)
        if not m:
            continue
        start, end = m.start("who"), m.end("who")
        if offset is not None:
            widened = _apposition(statement, offset + m.start())
            if widened is not None:
                start, end = widened[0] - offset, widened[1] - offset
        who = text[start:end]
        parties = _parties(statement, who, None if offset is None else offset + start)
        if not parties:
            continue
        evidence = (text[m.start():end] + ",").strip()
        if len(parties) > 1 and statement.kind_of(parties[0]) != "country":
            rest = parties[1:]
            return Speaker(parties[:1], "we, the", evidence,
                           tuple(a for a in rest if statement.kind_of(a) == "country"),
                           tuple(a for a in rest if statement.kind_of(a) != "country"))
        return Speaker(parties, "we, the", evidence)
    return _NONE


def _apposition(statement: Statement, at: int) -> tuple[int, int] | None:
    """The character span of the phrase in apposition to the "We" at offset ``at``, None without one."""
    try:
        found = dependency_parse(statement).token_at(at)
    except NotComputable:
        return None
    if found is None:
        return None
    sentence, i = found
    appositions = sentence.children(i, "appos")
    return sentence.span(appositions[0], frozenset({"punct"})) if appositions else None


def _joint_subject(statement: Statement) -> Speaker:
    """Rule 3: the first body sentence's main verb in the present, with no auxiliary ("condemn",
    "reaffirm", "are"), and as its subject two or more phrases joined, each naming an actor ("The
    United States, the Republic of Korea and Japan"): those actors."""
    if not statement.sentences:
        return _NONE
    try:
        sentence = dependency_parse(statement).sentences[0]
    except NotComputable:
        return _NONE
    root = next((i for i, t in enumerate(sentence.tokens) if t.dep == "ROOT"), None)
    if root is None:
        return _NONE
    verb = sentence.tokens[root]
    word = verb.token.text.lower()
    if not verb.tag.startswith("VB") or sentence.auxiliaries(root) or word not in (verb.lemma.lower(), "are"):
        return _NONE
    heads = sentence.subjects(root)
    actors: list[str] = []
    for h in heads:
        start, end = sentence.span(h)
        named = _parties(statement, statement.text[start:end], start)
        if not named:
            return _NONE  # "The United States and our partners condemn": not all of them named
        actors.append(named[0])
    actors = list(dict.fromkeys(actors))
    if len(actors) < 2:
        return _NONE
    return Speaker(tuple(actors), "joint subject", statement.text[sentence.sentence.start:verb.token.end])


def _opening(statement: Statement) -> Speaker:
    """Rule 7: an actor that opens the first sentence as its subject, followed by a verb."""
    if not statement.sentences:
        return Speaker((), "", "")
    s = statement.sentences[0]
    lead = re.match(r"\s*(?:(?:The|Today|Tonight|Yesterday|This\s+\w+),?\s+)?", s.text)
    at = s.start + (lead.end() if lead else 0)
    mine = [m for m in statement.mentions if s.start <= m.start < s.end]
    first: ActorMention | None = next((m for m in mine if m.start <= at + 60), None)
    if first is None:
        return Speaker((), "", "")
    before = statement.text[at:first.start]
    if not _title_only(statement, before):
        return Speaker((), "", "")
    after = statement.text[first.end:s.end]
    after = re.sub(r"^\.?(?:,\s*(?:Jr\.|Sr\.|[^,]{0,60}),)?", "", after)
    if not _VERB_AFTER.match(after):
        return Speaker((), "", "")
    actor = statement.actors.get(first.actor)
    if actor is None or actor.kind == "joint":
        return Speaker((), "", "")
    evidence = statement.text[s.start:first.end]
    if actor.kind in ("person", "institution"):
        country = actor.country or _office(statement, before)
        return Speaker((country,), "opening", evidence) if country else Speaker((), "", "")
    return Speaker((actor.name,), "opening", evidence)


def _first_person(statement: Statement) -> Speaker:
    """Rule 8: the first sentence in the first person that names its speaker as a subject, or names a
    person or institution of the actor file other than as the object of a verb."""
    for s in statement.sentences:
        persons = [s.start + f.start() for f in _FIRST_PERSON.finditer(s.text)]
        if not persons:
            continue
        for m in (m for m in statement.mentions if s.start <= m.start < s.end):
            actor = statement.actors.get(m.actor)
            if actor is None or actor.kind == "joint" or m.form != "name":
                continue
            before = statement.text[s.start:m.start]
            if actor.kind in ("person", "institution"):
                if actor.country and actor.name in statement.actor_lexicon.by_name \
                        and not _OBJECT_BEFORE.search(before):
                    return Speaker((actor.country,), "first person", s.text.strip())
            elif (min(persons) < m.start or re.search(r"\bour\b", statement.text[m.end:m.end + 60])) \
                    and _VERB_AFTER.match(statement.text[m.end:s.end]) and not _OBJECT_BEFORE.search(before) \
                    and not re.search(
                    r"\b(?:of|to|in|on|at|for|with|from|by|against|toward|towards)\s+(?:the\s+)?$", before):
                return Speaker((actor.name,), "first person", s.text.strip())
        if s.index >= 12:
            break
    return Speaker((), "", "")


def _title_only(statement: Statement, before: str) -> bool:
    """True if only a title (capitalised words, "of", "the", "and") or nothing stands before the subject."""
    words = before.split()
    return all(w[:1].isupper() or w in ("of", "the", "and", "for", "U.S.") for w in words) and len(words) <= 8


def speaker_reading(statement: Statement) -> str:
    """One or two plain sentences: who speaks, the rule and the words it was read from; or that no rule found it."""
    speaker = speaker_of(statement)
    if not speaker.known:
        return ("No header, signature, dateline or opening line names the speaker: \"we\", \"our\" and \"us\" "
                "are left unresolved below, and the actions they do have no agent.")
    return (f"The speaker is {speaker.name}, read from the {speaker.rule}: “{speaker.evidence}”. "
            "\"We\", \"our\", \"us\" and \"I\" stand for "
            + ("the speakers together." if len(speaker.actors) > 1 else "the speaker."))
