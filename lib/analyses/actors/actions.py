"""Who does what to whom? Actors (with pronouns resolved), their actions, and who credits whom.

Built on the statement model's actor mentions and the offline tagger
(:func:`readout.text.tagging.tag_statement`), with transparent rules; each row says
which rule produced it.

**References.** An actor is named (a mention from the actor list), or referred
to by a pronoun, resolved by these rules, shown next to each resolution:

* "we", "us", "our": the issuer, known from the dateline's capital
  (Washington: the United States; Tegucigalpa: Honduras; ...) or a header line
  naming the Department of State; but the parties together when the sentence's
  subject is both parties, or "we" is followed by "together" in its clause.
  Without an issuer, "we" stays unresolved.
* "they", "them", "their": both parties, when the sentence's own subject or the
  previous sentence's agent is both parties or actors joined by "and"; else
  unresolved.
* "it", "its": the last single actor named before it (outside a prepositional
  phrase), in the sentence or the one before; "it is / was ..." is left alone.
* "both" standing alone as a subject: both parties.
Words in capitals ("US", "IT") are names or acronyms, never these pronouns.

Both parties (the "joint" actor of the actor list, e.g. "the two sides") are
the two states the statement names most; their names are shown. A statement
naming fewer than two states keeps "both sides" as an actor of its own.

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

from readout.datafiles import read_yaml_mapping
from readout.errors import BadInputError
from readout.text.language import require_english
from readout.text.statement import Sentence, Statement
from readout.text.tagging import TaggedSentence, tag_statement

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
    negators = data.get("negators") or []
    if not isinstance(negators, list):
        raise BadInputError(label, "action scheme: 'negators' must be a list of words")
    negators = frozenset(str(n).lower() for n in negators)
    return ActionScheme(verbs, kinds, light_forms, objects, negators, label)


@cache
def _shipped() -> ActionScheme:
    return _parse(None)


def load_action_scheme(path: str | Path | None = None) -> ActionScheme:
    """The shipped scheme (``data/actions.yaml``), or the file at ``path`` (same layout) instead."""
    return _parse(path) if path else _shipped()


# --- references -----------------------------------------------------------------------------

def parties(statement: Statement) -> tuple[str, ...]:
    """The two states the body names most (ties: first named): the members of "both sides"."""
    kinds = {a.name: a.kind for a in statement.actor_lexicon.actors}
    counts: dict[str, int] = {}
    for m in statement.mentions:
        if kinds.get(m.actor) == "state":
            counts[m.actor] = counts.get(m.actor, 0) + 1
    return tuple(sorted(counts, key=lambda a: -counts[a])[:2])


#: Capitals (lower case) whose dateline names the issuing government.
CAPITALS = {"washington": "United States", "tegucigalpa": "Honduras", "guatemala city": "Guatemala",
            "san salvador": "El Salvador", "mexico city": "Mexico", "brussels": "European Union"}


def issuer(statement: Statement) -> tuple[str, str]:
    """(the issuing actor, the rule that says so): from the dateline's capital, or a header line naming
    the U.S. Department of State; ("", "") if neither says."""
    place = statement.dateline.place if statement.dateline else ""
    for capital, actor in CAPITALS.items():
        if capital in place.lower():
            return actor, f"dateline {place!r}: the capital of the issuer"
    for line in statement.header:
        if "department of state" in line.text.lower():
            return "United States", "header names the Department of State"
    return "", ""


class Reference(NamedTuple):
    """A place where a sentence refers to an actor: by name or by pronoun, with the rule that resolved it."""

    sentence: str
    start: int
    end: int
    text: str
    actor: str  # canonical name, "Both sides"-style joint name, or "" when unresolved
    rule: str
    possessive: bool


_PRONOUNS = {"we": "we", "us": "we", "our": "we", "ours": "we", "they": "they", "them": "they", "their": "they",
             "it": "it", "its": "it"}
_POSSESSIVE = {"our", "their", "its"}


def _joint_name(statement: Statement) -> str:
    kinds = {a.name: a.kind for a in statement.actor_lexicon.actors}
    return next((a for a, k in kinds.items() if k == "joint"), "Both sides")


def references(statement: Statement) -> list[Reference]:
    """Every actor reference in the body, in text order: mentions, and pronouns resolved by the rules above
    (worked out once per statement)."""
    return list(statement.derived("actions.references", _references))


def _references(statement: Statement) -> tuple[Reference, ...]:
    kinds = {a.name: a.kind for a in statement.actor_lexicon.actors}
    joint = _joint_name(statement)
    who, why = issuer(statement)
    out: list[Reference] = []
    previous_agent_joint = False
    last_single = ""
    last_single_sentence = -2
    for n, s in enumerate(statement.sentences):
        mentions = [m for m in statement.mentions if s.start <= m.start < s.end]
        subject_joint = bool(mentions) and kinds.get(mentions[0].actor) == "joint" and mentions[0].start - s.start < 40
        coordinated = _coordinated_subject(s, mentions)
        items: list[Reference] = [Reference(s.id, m.start, m.end, m.text, m.actor, "named", False) for m in mentions]
        for i, t in enumerate(s.tokens):
            word = t.text
            p = _PRONOUNS.get(word.lower()) if word.islower() or (word[:1].isupper() and word[1:].islower()) else None
            nxt = s.tokens[i + 1].text.lower() if i + 1 < len(s.tokens) else ""
            if p == "it" and word.lower() == "it" and nxt in _BE | {"seems", "appears", "remains", "has", "will"}:
                continue  # "It was agreed that ...": no actor
            if t.text.lower() == "both" and (nxt in _MODALS or nxt.endswith("ed")):
                items.append(Reference(s.id, t.start, t.end, t.text, joint, "'both' as a subject: both parties", False))
                continue
            if p is None or t.kind == "punct":
                continue
            if any(m.start <= t.start < m.end for m in mentions):
                continue
            clause = s.text[t.start - s.start: t.start - s.start + 60].lower()
            if p == "we":
                if subject_joint or coordinated or re.match(r"\w+\s+(?:\w+\s+){0,4}together\b", clause):
                    actor, rule = joint, "'we'/'our' where both parties are the subject: both parties"
                else:
                    actor, rule = who, (f"'we'/'our': the issuer ({why})" if who else
                                        "'we': no issuer found (no capital in the dateline)")
            elif p == "they":
                if (subject_joint or coordinated) and any(m.end <= t.start for m in mentions):
                    actor, rule = joint, "'they'/'their' after both parties as the subject: both parties"
                elif previous_agent_joint:
                    actor, rule = joint, "'they' after a sentence whose agent is both parties: both parties"
                else:
                    actor, rule = "", "'they': no plural actor before it"
            else:
                before = [m for m in mentions if m.end <= t.start and kinds.get(m.actor) in ("state", "organization")]
                free = [m for m in before if not _after_preposition(s, m.start)]
                if free:
                    actor, rule = free[-1].actor, ("'its'/'it': the last single actor named before it, outside a "
                                                   "prepositional phrase")
                elif before:
                    actor, rule = before[-1].actor, "'its'/'it': the last single actor named before it"
                elif last_single and last_single_sentence == n - 1:
                    actor, rule = last_single, "'its'/'it': the last single actor of the previous sentence"
                else:
                    actor, rule = "", "'its'/'it': no single actor before it"
            items.append(Reference(s.id, t.start, t.end, t.text, actor, rule, t.text.lower() in _POSSESSIVE))
        items.sort(key=lambda r: r.start)
        out.extend(items)
        singles = [m.actor for m in mentions if kinds.get(m.actor) in ("state", "organization")]
        if singles:
            last_single, last_single_sentence = singles[-1], n
        previous_agent_joint = subject_joint or coordinated
    return tuple(out)


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
            else:
                if coordinated and last_agent:
                    agent, rule = last_agent, "coordinated with the action before it: the same agent"
                else:
                    agent, rule, _ = subject_before(statement, s, mine, tt.token.start, ts)
                target, is_actor = _target_after(s, ts, k + _light_object(toks, k, scheme) if word in scheme.light
                                                 else k, mine)
            if category == "report own achievement":
                target, is_actor = agent, bool(agent)  # self-credit: what it reports is its own
            out.append(Action(s.id, agent, tt.token.text, lemma, category, scheme.kinds.get(category, "other"),
                              target, is_actor, mode, passive, rule))
            last_agent = agent or last_agent
    return out


def action_table(statement: Statement, actions: list[Action]) -> pd.DataFrame:
    """One row per action: sentence, agent, verb, lemma, category, target, mode, rule, and the sentence quoted."""
    import pandas as pd

    text = {s.id: s.text for s in statement.sentences}
    rows = [(a.sentence, a.agent or "(unresolved)", a.verb, a.lemma, a.category, a.target or "—",
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
