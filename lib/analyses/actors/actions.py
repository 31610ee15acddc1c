"""Who does what to whom? Actors (with pronouns resolved), their actions, and who credits whom.

Built on the statement model's actor mentions and the offline tagger
(:func:`readout.text.tagging.tag_statement`), with transparent rules; each row says
which rule produced it.

**References.** An actor is named (a mention: the gazetteer, an organisation
known by its form, a person found by title or role), or referred to by a
pronoun or phrase, resolved by these rules, shown next to each resolution; what
they cannot settle stays unresolved (a wrong actor is worse than none):

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

**Actions.** Every verb (by its tag) whose dictionary form is in the action
scheme (``data/actions.yaml``) is an action of its category. Its agent is the
reference that is the verb's subject: the nearest before it in the sentence
that is not inside a prepositional phrase ("to the United States") and not a
possessive ("its") nor the object of an earlier verb; references joined by
"and" (and commas) are a joint agent; a verb coordinated with an earlier
action ("highlighted ..., and outlined") shares its agent; in the passive ("was
congratulated by X") the agent follows "by" and the target is the subject ("is
committed to" is no passive). The target is the actor or noun phrase right
after the verb. A light verb ("expressed", "reiterated") takes its category
from the noun after it ("expressed support", "expressed concern"). A negator
up to three words before the verb in the same clause ("did not agree"; not
"not only") marks the action negated. An infinitive ("to dismantle") or a
modal ("can support", "will support") is an intended action, not one reported
done; an infinitive after an urging ("urged Mexico to support") is the urged
party's, and is "requested": nobody has undertaken it. These are positional rules, not a parse: the
validation set measures how often they are right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from readout.datafiles import read_yaml_mapping, word_list
from readout.errors import BadInputError
from readout.text.language import require_english
from readout.text.statement import Sentence, Statement
from readout.text.tagging import TaggedSentence, tag_statement

from .speaker import speaker_of
from .subjects import subject_before

if TYPE_CHECKING:  # imported where a table is made: the runner's checks load these modules without it
    import pandas as pd

__all__ = ["ActionScheme", "Reference", "Action", "load_action_scheme", "parties", "issuer", "references", "joint_agent",
           "extract_actions", "action_table", "reference_table", "credit_edges", "balance_table", "actions_reading", "CREDIT",
           "PRESSURE"]

CREDIT = ("credit",)
PRESSURE = ("pressure",)

_IRREGULAR = {"hold": ("held",), "meet": ("met",), "make": ("made",), "undertake": ("undertook", "undertaken"),
              "fight": ("fought",), "freeze": ("froze", "frozen"), "cut": ("cut",), "seek": ("sought",),
              "lead": ("led",), "give": ("gave", "given"), "take": ("took", "taken"), "say": ("said",),
              "send": ("sent",), "shake": ("shook", "shaken")}
_VOWELS = set("aeiou")
_IRREGULAR_PARTICIPLES = {f for forms in _IRREGULAR.values() for f in forms}


def _forms(lemma: str) -> set[str]:
    """The inflected forms of a regular (or listed irregular) English verb."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    else:
        forms.add(lemma + "s")
    stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
    forms |= {stem + "ed" if not lemma.endswith("e") else lemma + "d", stem + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] in _VOWELS:
        forms.add(lemma + "ed")
    if len(lemma) >= 3 and lemma[-1] not in _VOWELS | {"w", "x", "y"} and lemma[-2] in _VOWELS \
            and lemma[-3] not in _VOWELS:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # commit: committed, committing
    forms |= set(_IRREGULAR.get(lemma, ()))
    return forms


@dataclass(frozen=True)
class ActionScheme:
    """Verb forms → (lemma, category); category → kind; light verbs and what their objects make them."""

    verbs: dict[str, tuple[str, str]]
    kinds: dict[str, str]
    light: frozenset[str]
    objects: dict[str, str]
    negators: frozenset[str]
    source: str


def _parse(path: str | Path | None) -> ActionScheme:
    data, label = read_yaml_mapping(path, "actions.yaml", "action scheme")
    categories = data.get("categories")
    if not isinstance(categories, dict) or not categories:
        raise BadInputError(label, "action scheme needs 'categories:', each with a kind and a list of verbs")
    verbs: dict[str, tuple[str, str]] = {}
    kinds = {}
    for name, spec in categories.items():
        if not isinstance(name, str) or not isinstance(spec, dict) or not isinstance(spec.get("verbs"), list) \
                or not all(isinstance(v, str) and v.strip() for v in spec["verbs"]):
            raise BadInputError(label, f"action scheme: category {name!r} needs 'verbs:', a list of verbs (text)")
        kinds[name] = str(spec.get("kind") or "other")
        for lemma in spec["verbs"]:
            for form in _forms(lemma.strip().lower()):
                verbs.setdefault(form, (lemma.strip().lower(), name))
    light = data.get("light verbs") or {}
    if not isinstance(light, dict) or not isinstance(light.get("verbs") or [], list) \
            or not isinstance(light.get("objects") or {}, dict):
        raise BadInputError(label, "action scheme: 'light verbs' must map 'verbs' to a list and 'objects' to a "
                                   "mapping of noun: category")
    objects = {str(k).lower(): str(v) for k, v in (light.get("objects") or {}).items()}
    multi = sorted(k for k in objects if " " in k.strip())
    if multi:
        raise BadInputError(label, f"action scheme: light-verb objects are single nouns, not {multi}")
    unknown = sorted({v for v in objects.values() if v not in kinds})
    if unknown:
        raise BadInputError(label, f"action scheme: light-verb objects name unknown categories: {unknown}")
    light_verbs = [str(v).lower() for v in light.get("verbs") or []]
    light_forms = frozenset(f for lemma in light_verbs for f in _forms(lemma))
    for lemma in light_verbs:
        for form in _forms(lemma):
            verbs.setdefault(form, (lemma, ""))
    negators = word_list(data, "negators", label, "action scheme")
    return ActionScheme(verbs, kinds, light_forms, objects, negators, label)


@cache
def _shipped() -> ActionScheme:
    return _parse(None)


def load_action_scheme(path: str | Path | None = None) -> ActionScheme:
    """The shipped scheme (``data/actions.yaml``), or the file at ``path`` (same layout) instead."""
    return _parse(path) if path else _shipped()


# --- references -----------------------------------------------------------------------------

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
             "they": "they", "them": "they", "their": "they", "it": "it", "its": "it"}
_POSSESSIVE = {"our", "their", "its", "my"}
#: Phrases that refer to a government without naming it.
_PHRASE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?P<what>regime|government|authorities|junta)\b(?!\s+of\b)")
_GOVERNMENT_WORDS = re.compile(r"^[\s’']*(?:s\s+)?(?:\w+\s+)?(?:regime|government|authorities|junta|military)\b", re.I)


def _joint_name(statement: Statement) -> str:
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
    joint = _joint_name(statement)
    who, why = issuer(statement)
    speakers = speaker_of(statement).actors
    governed = _governed(statement)
    unknown = _unrecognised_names(statement)
    peoples = _peoples(statement)
    previous_id = ""
    out: list[Reference] = []
    previous_group = ""  # the agent "A + B" (or both sides) of the sentence before, when it opened with one
    previous_singles: list[str] = []
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
            word = t.text
            p = _PRONOUNS.get(word.lower()) if word.islower() or (word[:1].isupper() and word[1:].islower()) \
                or word == "I" else None
            nxt = s.tokens[i + 1].text.lower() if i + 1 < len(s.tokens) else ""
            if p == "it" and word.lower() == "it" and nxt in _BE | {"seems", "appears", "remains", "has", "will"}:
                continue  # "It was agreed that ...": no actor
            if t.text.lower() == "both" and (nxt in _MODALS or nxt.endswith("ed")):
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
            elif word.lower() == "it" and not (_opens_clause(s, i) and (nxt in _MODALS or nxt.endswith(("s", "ed")))):
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
    """True if token ``i`` opens the sentence or a clause (after a comma, semicolon, "and", "but", "that")."""
    return i == 0 or sentence.tokens[i - 1].text.lower() in (",", ";", "and", "but", "that", "—", "–")


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
    from readout.text.names import name_spans

    spans = name_spans(statement.text, [(s.start, s.end) for s in statement.sentences])
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
    joint = _joint_name(statement)
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


# --- actions --------------------------------------------------------------------------------

class Action(NamedTuple):
    """One action: who (agent) did what (verb lemma, category) to whom or what (target), and how it was read."""

    sentence: str
    agent: str
    verb: str  # as written
    lemma: str
    category: str
    kind: str  # credit, self-credit, cooperation, pressure, action
    target: str  # an actor's name, or the noun phrase as written ("" if none)
    target_is_actor: bool
    mode: str  # "done", "intended" (infinitive or modal), "requested" (asked of the agent), "negated"
    passive: bool
    rule: str
    subject: str = ""  # the subject as written when it is no actor ("The resolution"); "" otherwise


_BE = {"is", "are", "was", "were", "be", "been", "being", "am"}
_SUBORDINATORS = {"that", "whether", "how", "as", "because", "while", "since", "although", "though", "after",
                  "before", "when", "if", "whereas", "unless", "once", "until", "where"}
_ADJECTIVAL = {"committed", "dedicated", "determined", "pleased", "concerned", "engaged", "prepared"}
_MODALS = {"can", "could", "will", "would", "shall", "should", "may", "might", "must"}
_NP_TAGS = ("DT", "JJ", "NN", "PRP$", "CD", "VBG", "VBN", "POS", "PDT")


def joint_agent(statement: Statement, *members: str) -> str:
    """Actors acting together: both parties' joint name if they are the two parties, else "A + B (+ C)"."""
    both = parties(statement)
    if len(both) == 2 and set(members) == set(both):
        return _joint_name(statement)
    return " + ".join(dict.fromkeys(members))


def _target_after(s: Sentence, tagged: TaggedSentence, k: int, refs: list[Reference]) -> tuple[str, bool]:
    """The actor or noun phrase right after token ``k`` (skipping a particle such as "on")."""
    toks = tagged.tokens
    j = k + 1
    while j < len(toks) and (toks[j].tag.startswith("RB") or toks[j].token.text.lower() in ("on", "upon", "for",
                                                                                           "with", "to")):
        j += 1
    if j >= len(toks):
        return "", False
    start = toks[j].token.start
    hit = next((r for r in refs if r.start <= start < r.end or (r.start >= start and r.start - start <= 4
                                                                   and toks[j].tag == "DT")), None)
    if hit is not None and hit.actor and not hit.possessive:
        return hit.actor, True
    end = j
    while end < len(toks) and toks[end].tag.startswith(_NP_TAGS):
        end += 1
    if end == j:
        return "", False
    return " ".join(tt.token.text for tt in toks[j:end]), False


def _light_object(toks: tuple, k: int, scheme: ActionScheme) -> int:
    """How many tokens after light verb ``k`` its object noun ends ("reiterated its commitment": 2); 0 if none."""
    for j in range(k + 1, min(len(toks), k + 4)):
        if toks[j].token.text.lower() in scheme.objects:
            return j - k
    return 0


def extract_actions(statement: Statement, scheme: ActionScheme | None = None) -> list[Action]:
    """Every action in the body, in text order (see the module note for the rules).

    Raises :class:`~readout.text.language.NotComputable` for text that is not English.
    """
    require_english(statement, "Actions")
    scheme = scheme or load_action_scheme()
    tagged = tag_statement(statement)
    refs = references(statement)
    out: list[Action] = []
    for ts in tagged.sentences:
        s = ts.sentence
        mine = [r for r in refs if r.sentence == s.id]
        toks = ts.tokens
        last_agent = ""
        for k, tt in enumerate(toks):
            word = tt.token.text.lower()
            after_modal = k > 0 and (toks[k - 1].tag in ("MD", "TO") or toks[k - 1].token.text.lower() in scheme.negators
                                     or toks[k - 1].token.text.lower().endswith("n't"))
            if word not in scheme.verbs or not (tt.tag.startswith("VB") or (after_modal and tt.tag == "NN")):
                continue  # (the tagger reads "can support" as a noun at times: after a modal, "to" or "not", a verb)
            lemma, category = scheme.verbs[word]
            nxt = [x.token.text.lower() for x in toks[k + 1: k + 4]]
            if lemma == "call" and (not nxt or nxt[0] not in ("on", "upon", "for")):
                continue
            if word in scheme.light:
                obj = next((scheme.objects[w] for w in nxt if w in scheme.objects), "")
                category = obj or category
            if not category:
                continue
            prev = [x.token.text.lower() for x in toks[max(0, k - 3): k]]
            if tt.tag == "VBG" and not any(w in _BE for w in prev[-2:]):
                continue  # a gerund or participle ("aimed at reducing corruption"), not an action reported
            if tt.tag == "VBN" and k + 1 < len(toks) and toks[k + 1].tag.startswith("NN") and (
                    k == 0 or toks[k - 1].tag in ("DT", "JJ", "PRP$", "IN", "TO", "CD", "VB", "VBP", "VBZ", "VBD")):
                continue  # a participle used as an adjective ("the shared challenges", "address shared challenges")
            passive = bool(prev) and tt.tag in ("VBN", "VBD") and any(w in _BE for w in prev[-2:]) \
                and (word.endswith(("ed", "en")) or word in _IRREGULAR_PARTICIPLES) \
                and not (word in _ADJECTIVAL and nxt[:1] == ["to"])  # "is committed to": no passive
            clause = prev[len(prev) - prev[::-1].index(",") :] if "," in prev else prev  # the window stays in its clause
            negated = any((w in scheme.negators or w.endswith("n't"))
                          and not (w == "not" and i + 1 < len(clause) and clause[i + 1] == "only")
                          for i, w in enumerate(clause))
            intended = bool(prev) and (prev[-1] == "to" or any(w in _MODALS for w in prev[-2:]))
            urged = next((a for a in reversed(out) if a.sentence == s.id and a.kind == "pressure"
                          and a.target_is_actor), None) if prev and prev[-1] == "to" else None
            coordinated = bool(prev) and prev[-1] in ("and", "or") or (len(prev) >= 2 and prev[-2:] == [",", "and"])
            if coordinated and out and out[-1].sentence == s.id and out[-1].mode == "intended":
                intended = True  # "to prevent and reduce crime": both intended
            mode = "negated" if negated else "requested" if urged else "intended" if intended else "done"
            if urged is not None:
                agent, rule = urged.target, "an infinitive after an urging: the party urged (requested, not undertaken)"
                target, is_actor = _target_after(s, ts, k, mine)
            elif passive:
                by = next((i for i in range(k + 1, len(toks)) if toks[i].token.text.lower() == "by"), None)
                agent_ref = next((r for r in mine if by is not None and r.start >= toks[by].token.end), None)
                agent = agent_ref.actor if agent_ref else ""
                subject = subject_before(statement, s, mine, tt.token.start, ts).actor
                target, is_actor = subject, bool(subject)
                rule = "passive: the agent follows 'by', the subject is the target"
            elif (by_ref := _by_agent(toks, k, mine)) is not None:
                agent, rule = by_ref.actor, "a participle with 'by': the actor after 'by' ('agreements signed by Russia')"
                passive = True
                target, is_actor = "", False
            else:
                if coordinated and last_agent:
                    agent, rule = last_agent, "coordinated with the action before it: the same agent"
                else:
                    agent, rule, _ = subject_before(statement, s, mine, tt.token.start, ts)
                target, is_actor = _target_after(s, ts, k + _light_object(toks, k, scheme) if word in scheme.light
                                                 else k, mine)
            if category == "report own achievement":
                target, is_actor = agent, bool(agent)  # self-credit: what it reports is its own
            subject = "" if agent or passive or urged is not None or (coordinated and last_agent) \
                else _subject_phrase(ts, k)
            if subject:
                rule = "the subject is no actor: the noun phrase that opens the clause"
            out.append(Action(s.id, agent, tt.token.text, lemma, category, scheme.kinds.get(category, "other"),
                              target, is_actor, mode, passive, rule, subject))
            last_agent = agent or last_agent
    return out


def _by_agent(toks: tuple, k: int, refs: list[Reference]) -> Reference | None:
    """The actor right after "by" when the participle at ``k`` follows a noun ("the agreements signed by
    Russia": a passive without "be"); None otherwise."""
    if toks[k].tag != "VBN" or k == 0 or not toks[k - 1].tag.startswith("NN") or k + 1 >= len(toks) \
            or toks[k + 1].token.text.lower() != "by":
        return None
    after = toks[k + 1].token.end
    ref = next((r for r in refs if r.start >= after), None)
    return ref if ref is not None and ref.actor and ref.start - after <= 5 else None


#: Words that open a clause (its subject follows them).
_CLAUSE_OPENERS = _SUBORDINATORS | {"which", "who", "and", "but", "or", "so", "while", "yet"}
#: Subjects that are references, not things: a pronoun the rules did not resolve stays unresolved.
_PRONOUN_SUBJECTS = {"we", "i", "they", "it", "he", "she", "you", "us", "them", "this", "that", "there"}


def _subject_phrase(tagged: TaggedSentence, k: int) -> str:
    """The noun phrase that opens the clause of the verb at token ``k``, as written ("The resolution",
    "These measures", "An overwhelming majority"), when that phrase is no pronoun; "" if none."""
    toks = tagged.tokens
    start = 0
    for j in range(k - 1, -1, -1):
        word = toks[j].token.text
        if word in (",", ";", ":", "—", "–", "(") or word.lower() in _CLAUSE_OPENERS:
            start = j + 1
            break
    words = []
    for tt in toks[start:k]:
        if tt.tag.startswith(("DT", "JJ", "NN", "PRP$", "CD", "POS", "PDT")) or (words and tt.tag in ("VBN", "VBG")):
            words.append(tt.token.text)
            continue
        break
    if not words or not any(tt.tag.startswith("NN") for tt in toks[start:start + len(words)]):
        return ""
    if words[0].lower() in _PRONOUN_SUBJECTS and len(words) == 1:
        return ""
    return " ".join(words)


def action_table(statement: Statement, actions: list[Action]) -> pd.DataFrame:
    """One row per action: sentence, agent, verb, lemma, category, target, mode, rule, and the sentence quoted."""
    import pandas as pd

    text = {s.id: s.text for s in statement.sentences}
    rows = [(a.sentence, a.agent or (f"(no actor: {a.subject})" if a.subject else "(unresolved)"), a.verb, a.lemma,
             a.category, a.target or "—",
             a.mode + (", passive" if a.passive else ""), a.rule, text[a.sentence]) for a in actions]
    return pd.DataFrame(rows, columns=["sentence", "agent", "verb", "lemma", "category", "target", "mode", "rule",
                                       "text"])


def credit_edges(actions: list[Action]) -> pd.DataFrame:
    """Directed actor → actor edges: credit (praise, support, self-credit) and pressure (urging, concern,
    condemnation, sanctions), counted over actions done or intended (not negated, not merely requested
    of the agent by another); with their sentences."""
    import pandas as pd

    edges: dict[tuple[str, str, str], list[str]] = {}
    for a in actions:
        if a.mode in ("negated", "requested") or not a.agent or not a.target_is_actor or not a.target:
            continue
        kind = "credit" if a.kind in ("credit", "self-credit") else "pressure" if a.kind == "pressure" else ""
        if kind:
            edges.setdefault((a.agent, a.target, kind), []).append(f"{a.sentence} ({a.lemma})")
    rows = [(src, dst, kind, len(v), "; ".join(v)) for (src, dst, kind), v in edges.items()]
    return pd.DataFrame(rows, columns=["from_actor", "to_actor", "kind", "actions", "evidence"])


def _members(agent: str, joint: str, both: tuple[str, ...]) -> list[str]:
    if agent == joint:
        return list(both) if len(both) == 2 else [joint]
    return agent.split(" + ")


def balance_table(statement: Statement, actions: list[Action], commitments: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per actor (both parties split into their members): actions as agent, times as target, commitments
    made, self-credit (its own achievements reported), credit given and received (praise, support), pressure
    given and received (urging, concern, condemnation, sanctions); negated actions left out. A symmetric text
    gives the parties equal columns."""
    import pandas as pd

    joint = _joint_name(statement)
    both = parties(statement)
    rows: dict[str, dict[str, int]] = {}
    cols = ["as_agent", "as_target", "commitments", "self_credit", "credit_given", "credit_received",
            "pressure_given", "pressure_received"]

    def bump(actor: str, col: str) -> None:
        if actor:
            rows.setdefault(actor, dict.fromkeys(cols, 0))[col] += 1

    for a in actions:
        if a.mode in ("negated", "requested"):
            continue
        agents = _members(a.agent, joint, both) if a.agent else []
        targets = _members(a.target, joint, both) if a.target_is_actor else []
        if a.kind == "self-credit":
            for x in agents:
                bump(x, "as_agent")
                bump(x, "self_credit")
            continue
        for x in agents:
            bump(x, "as_agent")
            if a.kind == "credit" and targets:
                bump(x, "credit_given")
            if a.kind == "pressure" and targets:
                bump(x, "pressure_given")
        for y in targets:
            bump(y, "as_target")
            if a.kind == "credit":
                bump(y, "credit_received")
            if a.kind == "pressure":
                bump(y, "pressure_received")
    if isinstance(commitments, pd.DataFrame) and len(commitments):
        for who in commitments.loc[~commitments["negated"], "who"]:
            for x in _members(str(who), joint, both):
                if x and x != "(unresolved)":
                    bump(x, "commitments")
    table = pd.DataFrame.from_dict(rows, orient="index", columns=cols).rename_axis("actor")
    return table.sort_values(["as_agent", "as_target"], ascending=False, kind="stable") if len(table) else table


def actions_reading(statement: Statement, actions: list[Action] | object, commitments: pd.DataFrame | object) -> str:
    """Two or three plain sentences: how many actions, who acts most, who credits whom, and the commitments."""
    import pandas as pd

    if not isinstance(actions, list):  # not computed: the reason, as given
        return str(actions)
    if not actions:
        return "No action of the scheme's verbs is found in this statement."
    done = [a for a in actions if a.mode != "negated"]
    by_agent: dict[str, int] = {}
    for a in done:
        if a.agent:
            by_agent[a.agent] = by_agent.get(a.agent, 0) + 1
    top = sorted(by_agent.items(), key=lambda kv: -kv[1])[:3]
    edges = credit_edges(actions)
    if not top:
        return (f"{len(actions)} action{'s' if len(actions) != 1 else ''}, none with an agent the rules could "
                "resolve to a named actor; see the table.")
    credit = edges[(edges["kind"] == "credit") & (edges["from_actor"] != edges["to_actor"])]
    self_credit = edges[(edges["kind"] == "credit") & (edges["from_actor"] == edges["to_actor"])]
    pressure = edges[edges["kind"] == "pressure"]
    parts = [f"{len(actions)} actions; the most active agents are "
             + ", ".join(f"{a} ({n})" for a, n in top) + "."]
    if len(credit):
        parts.append("Credit flows " + "; ".join(f"from {r['from_actor']} to {r['to_actor']} ({r['actions']})"
                                                for r in credit.to_dict("records")) + ".")
    if len(self_credit):
        parts.append("Self-credit: " + "; ".join(f"{r['from_actor']} ({r['actions']})" for r in self_credit.to_dict("records"))
                     + ".")
    parts.append("No actor presses another." if pressure.empty else
                 "Pressure: " + "; ".join(f"{r['from_actor']} on {r['to_actor']} ({r['actions']})"
                                          for r in pressure.to_dict("records")) + ".")
    if isinstance(commitments, pd.DataFrame):
        live = commitments[~commitments["negated"]] if len(commitments) else commitments
        parts.append(f"{len(live)} commitment{'s' if len(live) != 1 else ''} "
                     f"({int((live['strength'] == 'firm').sum()) if len(live) else 0} firm).")
    return " ".join(parts)
