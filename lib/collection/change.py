"""What changed between two statements, sentence by sentence?

The first step of a diff of two statements (A, the earlier, and B): each sentence of B is set against
the sentences of A and called

- **kept**: the same sentence, or nearly (word similarity at least :data:`KEPT`);
- **reworded**: the same sentence with words changed (similarity at least :data:`REWORDED`);
- **added**: B's sentence matches none of A's;
- **dropped**: A's sentence matches none of B's;
- **moved**: kept or reworded, but out of A's order (not on the longest run of matches that keeps
  A's order).

The similarity of two sentences is difflib's ratio over their words, lower-cased (2 × matching words
/ all words, 0 to 1: 1 the same words in the same order). Pairs are made greedily, the most similar
first, each sentence in at most one pair. :data:`KEPT` was set on the ten labelled pairs of real
statements (``../shared/pairs``): at 0.8 the tool's count of kept sentences equals the hand count on
all ten (5 and 4 on the two pairs that keep sentences, 0 on the others, whose closest sentences are at
most 0.60 alike). :data:`REWORDED` has no hand count to be set against: a sentence half of whose words
survive in order is called reworded, a judgement a reader should check in the marked words.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from readout.text.statement import Sentence, Statement

__all__ = ["KEPT", "REWORDED", "Link", "align", "carried_over", "diff_text", "similarity", "word_changes"]

#: Similarity at or above which B's sentence is A's, kept (set on ../shared/pairs: see the module).
KEPT = 0.8
#: Similarity at or above which B's sentence is A's, reworded (a judgement: see the module).
REWORDED = 0.5


def _words(sentence: Sentence) -> list[str]:
    return [w.lower() for w in sentence.words]


def similarity(a: Sentence, b: Sentence) -> float:
    """How alike two sentences are: difflib's ratio over their lower-cased words, 0 (no word in common in
    order) to 1 (the same words in the same order)."""
    return difflib.SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio()


@dataclass(frozen=True)
class Link:
    """One line of the alignment: ``kind`` is kept, reworded, added, dropped or moved; ``a`` and ``b`` the
    sentences (``a`` is ``None`` for an added one, ``b`` for a dropped one); ``similarity`` 0 to 1 (0 for
    added and dropped); ``reworded`` tells a moved sentence that also changed words from one moved whole."""

    kind: str
    a: Sentence | None
    b: Sentence | None
    similarity: float = 0.0
    reworded: bool = False


def _in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of ``pairs`` (A index, B index; sorted by B) whose A indices rise too: the matches
    that keep A's order (the others moved)."""
    best: list[list[tuple[int, int]]] = []
    for pair in pairs:
        longest = max((run for run in best if run[-1][0] < pair[0]), key=len, default=[])
        best.append([*longest, pair])
    return set(max(best, key=len, default=[]))


def align(a: Statement, b: Statement) -> list[Link]:
    """B's sentences in order, each kept, reworded, moved or added, with A's dropped sentences placed
    where they stood (after the line of the A sentence before them)."""
    scores = sorted(((similarity(x, y), i, j) for i, x in enumerate(a.sentences) for j, y in enumerate(b.sentences)),
                    key=lambda s: (-s[0], s[1], s[2]))
    match_a: dict[int, tuple[int, float]] = {}
    match_b: dict[int, tuple[int, float]] = {}
    for score, i, j in scores:
        if score < REWORDED:
            break
        if i not in match_a and j not in match_b:
            match_a[i], match_b[j] = (j, score), (i, score)
    ordered = _in_order(sorted(((i, j) for j, (i, _) in match_b.items()), key=lambda p: p[1]))
    links: list[Link] = []
    for j, y in enumerate(b.sentences):
        if j not in match_b:
            links.append(Link("added", None, y))
            continue
        i, score = match_b[j]
        kind = ("kept" if score >= KEPT else "reworded") if (i, j) in ordered else "moved"
        links.append(Link(kind, a.sentences[i], y, score, score < KEPT))
    for k in range(len(a.sentences)):  # each dropped sentence after the line of the A sentence before it
        if k in match_a:
            continue
        before = [(link.a.index, n) for n, link in enumerate(links)
                  if link.a is not None and link.a.index < a.sentences[k].index]
        links.insert(max(before)[1] + 1 if before else 0, Link("dropped", a.sentences[k], None))
    return links


def carried_over(links: list[Link]) -> float:
    """The share of B's words in sentences kept from A (kept, or moved whole): 0 to 1, boilerplate carried
    over (0 for a statement with no words)."""
    words = sum(link.b.n_words for link in links if link.b is not None)
    kept = sum(link.b.n_words for link in links if link.b is not None and link.a is not None and not link.reworded)
    return kept / words if words else 0.0


def word_changes(a: Sentence, b: Sentence) -> list[tuple[str, str]]:
    """B's sentence as runs of words, each marked: ("same", words), ("added", words) or ("dropped", A's
    words), in reading order; the words as written."""
    old, new = list(a.words), list(b.words)
    matcher = difflib.SequenceMatcher(None, [w.lower() for w in old], [w.lower() for w in new], autojunk=False)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", " ".join(new[j1:j2])))
            continue
        if i2 > i1:
            runs.append(("dropped", " ".join(old[i1:i2])))
        if j2 > j1:
            runs.append(("added", " ".join(new[j1:j2])))
    return runs


_MARK = {"kept": "=", "reworded": "~", "moved": ">", "added": "+", "dropped": "-"}


def diff_text(a: Statement, b: Statement) -> str:
    """The diff of A and B as plain text, for the terminal: what each is, the counts and the share of B
    carried over, the actors named in one only, then B line by line (``=`` kept, ``~`` reworded with the
    changed words marked ``[-dropped-]{+added+}``, ``>`` moved, ``+`` added, ``-`` A's dropped sentence
    where it stood), each with its sentence id in A and B."""
    links = align(a, b)
    count = {kind: sum(1 for link in links if link.kind == kind) for kind in _MARK}
    named_a = {m.actor for m in a.mentions}
    named_b = {m.actor for m in b.mentions}
    lines = [f"A: {a.title} ({len(a.sentences)} sentences)", f"B: {b.title} ({len(b.sentences)} sentences)",
             f"B carries over {carried_over(links):.0%} of its words from A, in sentences kept whole. Of B's "
             f"sentences, {count['kept']} kept, {count['reworded']} reworded, {count['moved']} moved and "
             f"{count['added']} added; {count['dropped']} of A's dropped (kept: at least {KEPT:.0%} of the words "
             f"alike, in order; reworded: at least {REWORDED:.0%}).",
             "Named in B only: " + (", ".join(sorted(named_b - named_a)) or "none") + "; in A only: "
             + (", ".join(sorted(named_a - named_b)) or "none") + ".", ""]
    for link in links:
        where = " ".join(x for x in (f"A {link.a.id}" if link.a else "", f"B {link.b.id}" if link.b else "") if x)
        if link.kind in ("reworded", "moved") and link.reworded and link.a and link.b:
            text = " ".join(w if op == "same" else f"[-{w}-]" if op == "dropped" else f"{{+{w}+}}"
                            for op, w in word_changes(link.a, link.b))
            lines.append(f"{_MARK[link.kind]} {where} ({link.similarity:.2f}): {text}")
        else:
            sentence = link.b if link.b is not None else link.a
            lines.append(f"{_MARK[link.kind]} {where}: {sentence.text}")
    return "\n".join(lines)
