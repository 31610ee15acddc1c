"""Which actor does each "we", "they", "its" or "the regime" stand for? Every reference to an actor.

A sentence refers to an actor by name (a mention of the statement model: the gazetteer, an
organisation known by its form, a person found by title or role), or by a pronoun or phrase, resolved
by the rules below, each shown next to its resolution; what they cannot settle stays unresolved (a
wrong actor is worse than none).

* "we", "us", "our", "I", "me", "my": the speaker (:mod:`.speaker`: signature,
  header, dateline, opening), several speakers together in a joint statement;
  the speaker with others when the sentence's subject is both parties or actors
  joined by "and" that include the speaker; "our two countries", "our mutual
  …": both parties. Without a speaker, unresolved.
* "they", "them", "their": both parties after both parties as the subject; the
  actors joined by "and" that open the sentence, or that end just before it;
  "they" after a group named last ("the Houthis"); the one people named before
  it ("the Cuban people", "Syrians"); "they" opening a sentence of a joint
  statement: its speakers; else unresolved.
* "its", "it": the nearest country, organisation, institution or group named
  before it (a demonym is no antecedent), or the one single actor of the sentence
  before; unresolved when the sentence names something the tool does not
  recognise, or when the sentence before names several. "it" only as the subject
  of a verb; "it is / was ..." is left alone.
* "the regime", "the junta": the one regime the statement names (or the one
  country named with "regime" or "government"); "the government", "the
  authorities": the one country named with such a word; else unresolved.
* "both" standing alone as a subject: both parties.
Words in capitals ("US", "IT") are names or acronyms, never these pronouns.

Both parties (the "joint" actor of the actor list, e.g. "the two sides") are
the two co-issuers of a joint statement, or the speaker and the other country
the body names most; their names are shown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from readout.text.names import name_spans
from readout.text.statement import Sentence, Statement
from readout.text.tagging import BE_FORMS, MODALS

from .speaker import speaker_of

if TYPE_CHECKING:  # imported where a table is made: the runner's checks load these modules without it
    import pandas as pd

__all__ = ["Reference", "parties", "issuer", "joint_name", "joint_agent", "people_of", "references", "reference_table"]


def people_of(country: str) -> str:
    """The name given to a country's people, apart from its government: "people of Cuba"."""
    return f"people of {country}"


def parties(statement: Statement) -> tuple[str, ...]:
    """The members of "both sides": the speaker's two actors when two speak together; the speaker (a
    country) and the other country the body names most; else the two countries it names most (ties:
    first named)."""
    return statement.derived("actions.parties", _parties)


def _parties(statement: Statement) -> tuple[str, ...]:
    speaker = speaker_of(statement)
    if len(speaker.actors) == 2:
        return speaker.actors
    counts: dict[str, int] = {}
    for m in statement.mentions:
        if statement.kind_of(m.actor) == "country":
            counts[m.actor] = counts.get(m.actor, 0) + 1
    ranked = sorted(counts, key=lambda a: -counts[a])
    if len(speaker.actors) == 1 and statement.kind_of(speaker.actors[0]) == "country":
        others = [a for a in ranked if a != speaker.actors[0]]
        return (speaker.actors[0], others[0]) if others else ()
    return tuple(ranked[:2])


def issuer(statement: Statement) -> tuple[str, str]:
    """(the speaker as one agent, the rule and evidence that say so); ("", "") if no rule found it.
    Several actors speaking together are one joint agent ("United States + Japan", or both sides)."""
    speaker = speaker_of(statement)
    if not speaker.known:
        return "", ""
    who = speaker.actors[0] if len(speaker.actors) == 1 else joint_agent(statement, *speaker.actors)
    return who, f"{speaker.rule}: {speaker.evidence[:80]}"


class Reference(NamedTuple):
    """A place where a sentence refers to an actor: by name, by pronoun or by a phrase such as "the
    regime", with the rule that resolved it."""

    sentence: str
    start: int
    end: int
    text: str
    actor: str  # canonical name, "Both sides"-style joint name, or "" when unresolved
    rule: str
    possessive: bool


_PRONOUNS = {"we": "we", "us": "we", "our": "we", "ours": "we", "i": "we", "me": "we", "my": "we",
             "they": "they", "them": "they", "their": "they", "it": "it", "its": "it",
             "he": "he", "him": "he", "his": "he", "she": "he", "her": "he"}
_POSSESSIVE = {"our", "their", "its", "my", "his", "her"}
#: Verbs of saying: the pronoun after one opens the clause reported ("Iraq said it would allow").
_SAYING = {"said", "says", "say", "announced", "announces", "stated", "states", "declared", "declares", "added",
           "noted", "warned", "insisted", "confirmed", "reiterated", "stressed", "told", "argued", "claimed"}
#: A contracted verb after a pronoun ("We’ve", "they’re", "I’m", "we’ll", "it’s" is left alone: "it is").
_CONTRACTION = re.compile(r"[’'](?:ve|re|ll|d|m)$", re.I)
#: Phrases that refer to a government without naming it.
_PHRASE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?P<what>regime|government|authorities|junta)\b(?!\s+of\b)")
_GOVERNMENT_WORDS = re.compile(r"^[\s’']*(?:s\s+)?(?:\w+\s+)?(?:regime|government|authorities|junta|military)\b", re.I)


def joint_name(statement: Statement) -> str:
    """The name of "both parties" in the actor list ("Both sides" if it has none)."""
    return next((a.name for a in statement.actor_lexicon.actors if a.kind == "joint"), "Both sides")


def references(statement: Statement) -> list[Reference]:
    """Every actor reference in the body, in text order: mentions, and pronouns and phrases resolved by
    the rules above (worked out once per statement)."""
    return list(statement.derived("actions.references", _references))


_SINGLE = ("country", "organization", "institution", "group")


def _governed(statement: Statement) -> dict[str, str]:
    """What "the regime" and "the government" can stand for: the one regime the actor file names in
    the text ("the Ortega-Murillo regime"), and the one country named with such a word ("the
    Nicaraguan government", "Cuba's regime"); "" where none or several."""
    regimes = {m.actor for m in statement.mentions if statement.kind_of(m.actor) == "institution"
               and "regime" in m.actor.lower()}
    governed = set()
    for m in statement.mentions:
        if statement.kind_of(m.actor) == "country" and _GOVERNMENT_WORDS.match(statement.text[m.end:m.end + 40]):
            governed.add(m.actor)
    if len(governed) == 1:
        country = next(iter(governed))
        regimes |= {r for r in regimes if statement.actors[r].country == country}
    regime = next(iter(regimes)) if len(regimes) == 1 else (next(iter(governed)) if not regimes and
                                                            len(governed) == 1 else "")
    government = next(iter(governed)) if len(governed) == 1 else ""
    if not government and len(regimes) == 1:
        government = statement.actors[next(iter(regimes))].country
    return {"regime": regime, "junta": regime, "government": government, "authorities": government}


def _references(statement: Statement) -> tuple[Reference, ...]:
    joint = joint_name(statement)
    who, why = issuer(statement)
    speakers = speaker_of(statement).actors
    governed = _governed(statement)
    unknown = _unrecognised_names(statement)
    peoples = _peoples(statement)
    previous_id = ""
    out: list[Reference] = []
    previous_group = ""  # the agent "A + B" (or both sides) of the sentence before, when it opened with one
    previous_singles: list[str] = []
    previous_people: list[str] = []
    for s in statement.sentences:
        mentions = [m for m in statement.mentions if s.start <= m.start < s.end]
        subject_joint = bool(mentions) and statement.kind_of(mentions[0].actor) == "joint" \
            and mentions[0].start - s.start < 40
        opening = _opening_group(statement, s, mentions)
        items: list[Reference] = [Reference(s.id, m.start, m.end, m.text, m.actor, "named", False) for m in mentions]
        for m in _PHRASE.finditer(s.text):
            start = s.start + m.start()
            if any(x.start <= start < x.end for x in mentions):
                continue
            what = m.group("what")
            actor = governed[what]
            rule = (f"'the {what}': the one {'regime' if what in ('regime', 'junta') else 'government'} the "
                    "statement names" if actor else f"'the {what}': no single {what} named in the statement")
            items.append(Reference(s.id, start, s.start + m.end(), m.group(), actor, rule, False))
        for i, t in enumerate(s.tokens):
            word = _CONTRACTION.sub("", t.text)  # "We’ve", "we’ll", "I’m": the pronoun
            p = _PRONOUNS.get(word.lower()) if word.islower() or (word[:1].isupper() and word[1:].islower()) \
                or word == "I" else None
            nxt = s.tokens[i + 1].text.lower() if i + 1 < len(s.tokens) else ""
            if p == "it" and word.lower() == "it" and nxt in BE_FORMS | {"seems", "appears", "remains", "has", "will"}:
                continue  # "It was agreed that ...": no actor
            if t.text.lower() == "both" and (nxt in MODALS or nxt.endswith("ed")):
                items.append(Reference(s.id, t.start, t.end, t.text, joint, "'both' as a subject: both parties", False))
                continue
            if p is None or t.kind == "punct" or (word.lower() == "us" and word != "us"):
                continue
            if any(m.start <= t.start < m.end for m in mentions):
                continue
            before = [m for m in mentions if m.end <= t.start]
            if p == "we":
                after = s.text[t.end - s.start: t.end - s.start + 30].lower()
                if len(speakers) > 1:
                    actor, rule = who, f"'{word.lower()}': the speakers together ({why})"
                elif word.lower() == "our" and _OUR_BOTH.match(after) and len(parties(statement)) == 2:
                    actor, rule = joint, "'our two countries', 'our mutual …': the speaker and its counterpart"
                elif word.lower() in ("we", "our", "us") and (subject_joint or (opening and who in opening[1])):
                    actor, rule = opening[0] if opening else joint, ("'we'/'our' in a sentence whose subject is "
                                                                     "the speaker with others: those actors together")
                else:
                    actor, rule = who, (f"'{word.lower()}': the speaker ({why})" if who else
                                        f"'{word.lower()}': the speaker is unknown")
            elif p == "they":
                listed = _list_before(statement, s, before)
                plural = [m for m in before if statement.kind_of(m.actor) == "group"]
                subject = word.lower() == "they"
                if subject_joint and before:
                    actor, rule = joint, "'they'/'their' after both parties as the subject: both parties"
                elif opening and before:
                    actor, rule = opening[0], "'they'/'their' after actors joined by 'and' as the subject: those actors"
                elif listed:
                    actor, rule = listed, "'they'/'their': the actors joined by 'and' before it"
                elif subject and plural:
                    actor, rule = plural[-1].actor, "'they': the group named last before it"
                elif peoples.get(s.id) or (not before and peoples.get(previous_id)):
                    actor, rule = peoples.get(s.id) or peoples[previous_id], (
                        "'they'/'their': the one people named before it (\"the Cuban people\", \"Syrians\")")
                elif subject and previous_group:
                    actor, rule = previous_group, "'they' after a sentence whose subject is actors together: those actors"
                elif subject and not before and i <= 2 and len(speakers) > 1:
                    actor, rule = who, "'they' opening a sentence of a joint statement: its speakers"
                else:
                    actor, rule = "", "'they'/'their': no plural actor settled by the rules"
            elif p == "he":
                if nxt[:1].isupper() and word[:1].isupper() and word.lower() in ("his", "her"):
                    continue  # "His Majesty", "Her Excellency": a title
                people = [m for m in before if statement.kind_of(m.actor) == "person"]
                if len({m.actor for m in people}) == 1 or (people and people[-1].start > t.start - 120):
                    actor, rule = people[-1].actor, "'he'/'she': the person named last before it in the sentence"
                elif not people and len(set(previous_people)) == 1:
                    actor, rule = previous_people[0], "'he'/'she': the one person of the sentence before"
                else:
                    actor, rule = "", "'he'/'she': no single person before it; not guessed"
            elif word.lower() == "it" and not (_opens_clause(s, i) and (nxt in MODALS or nxt.endswith(("s", "ed")))):
                actor, rule = "", "'it' other than as the subject of a verb: not guessed"
            else:
                singles = [m for m in before if statement.kind_of(m.actor) in _SINGLE and m.form == "name"]
                between = singles and any(s.start <= u < t.start for u in unknown)
                if singles and not between:
                    actor, rule = singles[-1].actor, "'its'/'it': the nearest single actor named before it"
                elif between:
                    actor, rule = "", "'its'/'it': the sentence names something the tool does not recognise; not guessed"
                elif not before and len(set(previous_singles)) == 1:
                    actor, rule = previous_singles[0], "'its'/'it': the one single actor of the sentence before"
                else:
                    actor, rule = "", ("'its'/'it': no single actor before it" if not previous_singles else
                                       "'its'/'it': several actors in the sentence before; not guessed")
            items.append(Reference(s.id, t.start, t.end, t.text, actor, rule, t.text.lower() in _POSSESSIVE))
        items.sort(key=lambda r: r.start)
        out.extend(items)
        previous_singles = [m.actor for m in mentions if statement.kind_of(m.actor) in _SINGLE and m.form == "name"]
        previous_people = [m.actor for m in mentions if statement.kind_of(m.actor) == "person"]
        previous_group = joint if subject_joint else (opening[0] if opening else "")
        previous_id = s.id
    return tuple(out)


_PEOPLE = re.compile(r"(?:[Tt]he\s+)?(?:(?P<dem>[A-Z][\w-]+)\s+(?:people|citizens|protesters|population)\b"
                     r"|(?:people|citizens|population)\s+of\s+(?:the\s+)?(?P<of>[A-Z]))")


def _peoples(statement: Statement) -> dict[str, str]:
    """Sentence id → the one country whose people it names ("the Cuban people", "the people of Cuba",
    "Syrians"), for "they" and "their" after it; sentences naming none or several are left out."""
    out: dict[str, str] = {}
    for s in statement.sentences:
        found = set()
        for m in statement.mentions:
            if not (s.start <= m.start < s.end) or statement.kind_of(m.actor) != "country":
                continue
            around = statement.text[max(s.start, m.start - 25):min(s.end, m.end + 25)]
            plural_demonym = m.form == "demonym" and m.text.endswith("s") and m.text not in ("Swiss",)
            if plural_demonym or (_PEOPLE.search(around) and (
                    re.match(r"\s+(?:people|citizens|protesters|population)\b", statement.text[m.end:m.end + 20])
                    or re.search(r"(?:people|citizens|population)\s+of\s+(?:the\s+)?$",
                                 statement.text[max(s.start, m.start - 25):m.start]))):
                found.add(m.actor)
        if len(found) == 1:
            out[s.id] = next(iter(found))
    return out


#: "our" + these words: the speaker and its counterpart ("our two countries", "our mutual interests").
_OUR_BOTH = re.compile(r"\s*(?:two|respective|mutual|bilateral)\b|\s*(?:countries|nations|peoples|governments)\b")


def _opens_clause(sentence: Sentence, i: int) -> bool:
    """True if token ``i`` opens the sentence or a clause (after a comma, semicolon, "and", "but", "that",
    or a verb of saying: "Iraq said it would")."""
    return i == 0 or sentence.tokens[i - 1].text.lower() in {",", ";", "and", "but", "that", "—", "–"} | _SAYING


def _opening_group(statement: Statement, sentence: Sentence, mentions: list) -> tuple[str, tuple[str, ...]] | None:
    """The actors joined by "and" that open the sentence as its subject, as (joint agent, members); None if
    the sentence does not open so."""
    if len(mentions) < 2 or not _coordinated_subject(sentence, mentions):
        return None
    k = 1
    while k + 1 < len(mentions) and sentence.text[mentions[k].end - sentence.start:
                                                  mentions[k + 1].start - sentence.start].strip() in (",", "and", ", and"):
        k += 1
    members = tuple(dict.fromkeys(m.actor for m in mentions[:k + 1]))
    return (joint_agent(statement, *members), members) if len(members) > 1 else None


def _unrecognised_names(statement: Statement) -> list[int]:
    """The starts of the body's names that no mention covers (see :mod:`readout.text.names`)."""
    spans = name_spans(statement.text, [s.tokens for s in statement.sentences])
    return [n.start for n in spans if not any(m.start < n.end and n.start < m.end for m in statement.mentions)]


def _list_before(statement: Statement, sentence: Sentence, before: list) -> str:
    """The actors of a list "A and B" (or "A, B and C") that ends with the last mention before a
    "they"/"their", as one joint agent; "" if that mention ends no list."""
    if len(before) < 2:
        return ""
    group = [before[-1].actor]
    for j in range(len(before) - 1, 0, -1):
        gap = sentence.text[before[j - 1].end - sentence.start: before[j].start - sentence.start].strip().lower()
        if gap in ("and", ", and", ","):
            group.insert(0, before[j - 1].actor)
        else:
            break
    group = list(dict.fromkeys(group))
    return joint_agent(statement, *group) if len(group) > 1 else ""


_PREPOSITION = re.compile(r"\b(?:to|of|in|on|at|for|with|from|by|about|against|between|among|into|toward|towards)"
                          r"\s+(?:the\s+|both\s+)?$", re.I)


def _after_preposition(sentence: Sentence, start: int) -> bool:
    """True if a preposition (and perhaps "the") comes right before character ``start``."""
    return bool(_PREPOSITION.search(sentence.text[max(0, start - sentence.start - 20): start - sentence.start]))


def _coordinated_subject(sentence: Sentence, mentions: list) -> bool:
    """True if the sentence opens (within its first words) with two actors joined by "and"."""
    if len(mentions) < 2:
        return False
    a, b = mentions[0], mentions[1]
    between = sentence.text[a.end - sentence.start: b.start - sentence.start].strip().lower()
    return between == "and" and a.start - sentence.start < 60


def reference_table(statement: Statement) -> pd.DataFrame:
    """Every reference by pronoun (and each actor's first mention by name): sentence, words, actor, rule."""
    import pandas as pd

    seen: set[str] = set()
    rows = []
    members = " + ".join(parties(statement))
    joint = joint_name(statement)
    for r in references(statement):
        if r.rule == "named":
            if r.actor in seen:
                continue
            seen.add(r.actor)
            rule = f"named (first mention){'; both parties = ' + members if r.actor == joint and members else ''}"
        else:
            rule = r.rule
        rows.append((r.sentence, r.text, r.actor or "(unresolved)", rule))
    return pd.DataFrame(rows, columns=["sentence", "words", "actor", "rule"])




def joint_agent(statement: Statement, *members: str) -> str:
    """Actors acting together: both parties' joint name if they are the two parties, else "A + B (+ C)"."""
    both = parties(statement)
    if len(both) == 2 and set(members) == set(both):
        return joint_name(statement)
    return " + ".join(dict.fromkeys(members))
