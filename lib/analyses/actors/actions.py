"""Who does what to whom? Actors (with pronouns resolved), their actions, and who credits whom.

Built on the statement model's actor mentions and the offline tagger
(:func:`readout.text.tagging.tag_statement`), with transparent rules; each row says
which rule produced it.

The actors are the references of :mod:`.references` (names, and pronouns and phrases resolved).

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

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from readout.datafiles import read_yaml_mapping, word_list
from readout.errors import BadInputError
from readout.text.language import require_english
from readout.text.lemmas import forms_of, past_forms
from readout.text.statement import Sentence, Statement
from readout.text.tagging import BE_FORMS, MODALS, SUBORDINATORS, TaggedSentence, tag_statement

from .references import Reference, joint_name, parties, references
from .subjects import subject_before

if TYPE_CHECKING:  # imported where a table is made: the runner's checks load these modules without it
    import pandas as pd

__all__ = ["ActionScheme", "Action", "load_action_scheme", "extract_actions", "action_table", "credit_edges",
           "balance_table", "actions_reading"]


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
            for form in forms_of(lemma.strip().lower()):
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
    light_forms = frozenset(f for lemma in light_verbs for f in forms_of(lemma))
    for lemma in light_verbs:
        for form in forms_of(lemma):
            verbs.setdefault(form, (lemma, ""))
    negators = word_list(data, "negators", label, "action scheme")
    return ActionScheme(verbs, kinds, light_forms, objects, negators, label)


@cache
def _shipped() -> ActionScheme:
    return _parse(None)


def load_action_scheme(path: str | Path | None = None) -> ActionScheme:
    """The shipped scheme (``data/actions.yaml``), or the file at ``path`` (same layout) instead."""
    return _parse(path) if path else _shipped()


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


_ADJECTIVAL = {"committed", "dedicated", "determined", "pleased", "concerned", "engaged", "prepared"}
_NP_TAGS = ("DT", "JJ", "NN", "PRP$", "CD", "VBG", "VBN", "POS", "PDT")


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

    Raises :class:`~readout.errors.NotComputable` for text that is not English.
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
            if tt.tag == "VBG" and not any(w in BE_FORMS for w in prev[-2:]):
                continue  # a gerund or participle ("aimed at reducing corruption"), not an action reported
            if tt.tag == "VBN" and k + 1 < len(toks) and toks[k + 1].tag.startswith("NN") and (
                    k == 0 or toks[k - 1].tag in ("DT", "JJ", "PRP$", "IN", "TO", "CD", "VB", "VBP", "VBZ", "VBD")):
                continue  # a participle used as an adjective ("the shared challenges", "address shared challenges")
            passive = bool(prev) and tt.tag in ("VBN", "VBD") and any(w in BE_FORMS for w in prev[-2:]) \
                and word in past_forms(lemma) \
                and not (word in _ADJECTIVAL and nxt[:1] == ["to"])  # "is committed to": no passive
            clause = prev[len(prev) - prev[::-1].index(",") :] if "," in prev else prev  # the window stays in its clause
            negated = any((w in scheme.negators or w.endswith("n't"))
                          and not (w == "not" and i + 1 < len(clause) and clause[i + 1] == "only")
                          for i, w in enumerate(clause))
            intended = bool(prev) and (prev[-1] == "to" or any(w in MODALS for w in prev[-2:]))
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
_CLAUSE_OPENERS = SUBORDINATORS | {"which", "who", "and", "but", "or", "so", "while", "yet"}
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

    joint = joint_name(statement)
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
