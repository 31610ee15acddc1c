"""Who is the subject of a verb or a marker of promise? The one rule, for actions and commitments alike.

The subject of the verb (or marker) at character ``before`` is the nearest actor reference before
it that is not:

* a possessive ("Honduras's efforts"),
* inside a prepositional phrase: a preposition (``IN``/``TO``, not a subordinator such as "that"
  or "while") before it, determiners, "both" and "also" skipped ("to the United States"),
* the object of an earlier verb other than "be" ("which has long supported Honduras"), unless
  only adverbs and modals stand between it and the verb: then it opens a clause of its own
  ("noted the U.S. will continue", "announce the United States intends to").

When that reference ends a list of actors joined by "and" ("A and B", "A, B and C"), the subject
is the list, acting together (:func:`~readout.analyses.actors.references.joint_agent`).
"""

from __future__ import annotations

from typing import NamedTuple

from readout.text.statement import Sentence, Statement
from readout.text.tagging import BE_FORMS, SUBORDINATORS, TaggedSentence

from .references import joint_agent

__all__ = ["Subject", "subject_before", "coordinated"]



class Subject(NamedTuple):
    """The subject found: ``actor`` ("" if none), the ``rule`` that read it, and its ``words`` as written."""

    actor: str
    rule: str
    words: str


def coordinated(statement: Statement, sentence: Sentence, refs: list, i: int) -> list[str]:
    """The actors of the list that ends at reference ``i`` ("A, B and C", "A and B"); [that actor] if none."""
    group = [refs[i].actor]
    j = i
    while j >= 1:
        gap = sentence.text[refs[j - 1].end - sentence.start: refs[j].start - sentence.start].strip().lower()
        if j == i and gap in ("and", ", and"):
            pass  # the list's last link
        elif j < i and gap == ",":
            pass  # an earlier item: "A, B and C"
        else:
            break
        group.insert(0, refs[j - 1].actor)
        j -= 1
    actors = [a for a in dict.fromkeys(group) if a]
    return actors if len(actors) > 1 else [refs[i].actor]


def _opens_clause(toks: tuple, index: dict[int, int], end: int, before: int) -> bool:
    """True if only adverbs and modals ("also", "will") stand between a reference ending at ``end``
    and the verb at ``before``."""
    verb = index.get(before)
    if verb is None:
        return False
    between = [tt for tt in toks[:verb] if tt.token.start >= end]
    return all(tt.tag in ("RB", "MD") for tt in between)


def subject_before(statement: Statement, sentence: Sentence, refs: list, before: int,
                   tagged: TaggedSentence) -> Subject:
    """The subject of the verb or marker at character ``before``, among the sentence's references
    ``refs`` (in text order), read by the module's rule from the sentence's tags."""
    toks = tagged.tokens
    index = {tt.token.start: i for i, tt in enumerate(toks)}
    candidates = []
    for r in refs:
        if r.end > before or r.possessive:
            continue
        k = index.get(r.start)
        if k is None:  # a mention that starts inside a token: take it
            candidates.append(r)
            continue
        j = k - 1
        while j >= 0 and toks[j].tag in ("DT", "PDT") or (j >= 0 and toks[j].token.text.lower() in ("both", "also")):
            j -= 1
        if j >= 0 and toks[j].tag in ("IN", "TO") and toks[j].token.text.lower() not in SUBORDINATORS:
            continue  # inside a prepositional phrase: "to the United States"
        if j >= 0 and toks[j].tag.startswith("VB") and toks[j].token.text.lower() not in BE_FORMS \
                and not _opens_clause(toks, index, r.end, before):
            continue  # the object of an earlier verb: "which has long supported Honduras"
        candidates.append(r)
    if not candidates:
        return Subject("", "", "")
    last = candidates[-1]
    group = coordinated(statement, sentence, refs, refs.index(last))
    if len(group) > 1:
        first = next(r for r in refs if r.actor == group[0])
        return Subject(joint_agent(statement, *group), "actors joined by 'and': a joint agent",
                       statement.text[first.start:last.end])
    return Subject(last.actor, "the nearest reference before the verb, not in a prepositional phrase", last.text)
