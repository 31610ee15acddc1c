"""What changed between two statements?

First, sentence by sentence (:func:`align`): each sentence of B, the later statement, is set against
the sentences of A, the earlier, and called

- **kept**: the same sentence, or nearly (word similarity at least :data:`KEPT`; a word or two may have
  changed, and are marked);
- **reworded**: the same sentence with words changed (similarity at least :data:`REWORDED`);
- **added**: B's sentence matches none of A's;
- **dropped**: A's sentence matches none of B's;
- **moved**: kept or reworded, but out of A's order (not on the longest run of matches that keeps
  A's order).

Then what changed, in a reader's terms (:func:`what_changed`, a :class:`Diff`; :func:`findings` as
lines): the tone aimed at each actor before and after (:mod:`readout.analyses.stance`;
:class:`ToneShift` says how a direction is read), the actors named in one statement only
(:mod:`readout.analyses.actors.named`), the commitments and the other acts added, dropped or changed
(the events of :mod:`readout.analyses.actors.events`, set side by side along the alignment, a kept
sentence too: "will support" and "may support" are alike), the themes gained and lost (share of words,
:mod:`readout.analyses.topics.themes`), length and readability. A statement that is not English keeps
its alignment, names and length; the rest is said not to be read.

The similarity of two sentences is difflib's ratio over their words, lower-cased (2 × matching words
/ all words, 0 to 1: 1 the same words in the same order). Pairs are made greedily, the most similar
first, each sentence in at most one pair. :data:`KEPT` was set on the ten labelled pairs of real
statements (``../shared/pairs``): at 0.8 the tool's count of kept sentences equals the hand count on
all ten (5 and 4 on the two pairs that keep sentences, 0 on the others, whose closest sentences are at
most 0.60 alike; on one pair by two errors that cancel, docs/validation.md says which).
:data:`REWORDED` has no hand count to be set against: a sentence half of whose words survive in order
is called reworded, a judgement a reader should check in the marked words.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readout.text.statement import Sentence, Statement

if TYPE_CHECKING:
    import pandas as pd

    from readout.analyses.actors.events import Event
    from readout.analyses.actors.named import NamedActor
    from readout.analyses.lexicons import Lexicons
    from readout.analyses.stance import ActorTone

__all__ = ["KEPT", "REWORDED", "CLEARLY_MORE", "CHANGE_COLUMNS", "Link", "ToneShift", "EventChange", "ThemeShift",
           "Diff", "Findings", "align", "similarity", "word_changes", "run_spacing", "joined", "carried_over",
           "what_changed", "findings", "marked_text", "diff_text", "change_rows", "alignment_table", "tone_table",
           "actor_table", "commitment_table", "act_table", "theme_table"]

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
    """B's sentence as runs of its text, each marked: ("same", text), ("added", B's text) or ("dropped", A's
    text), in reading order; the text as written, punctuation and spacing kept. Tokens are compared in lower
    case (the similarity itself reads words only: :func:`similarity`)."""
    def piece(s: Sentence, i: int, j: int) -> str:
        return s.text[s.tokens[i].start - s.start : s.tokens[j - 1].end - s.start]

    matcher = difflib.SequenceMatcher(None, [t.text.lower() for t in a.tokens], [t.text.lower() for t in b.tokens],
                                      autojunk=False)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", piece(b, j1, j2)))
            continue
        if i2 > i1:
            runs.append(("dropped", piece(a, i1, i2)))
        if j2 > j1:
            runs.append(("added", piece(b, j1, j2)))
    return runs


def run_spacing(runs: list[tuple[str, str]]) -> list[bool]:
    """Whether a space stands before each run of :func:`word_changes` when they are written one after the
    other: yes, except before the first and before punctuation."""
    return [i > 0 and text[:1] not in ",.;:!?)’'\"" for i, (_, text) in enumerate(runs)]


def joined(runs: list[tuple[str, str]], mark: Callable[[str, str], str]) -> str:
    """Runs of :func:`word_changes` as one text, each passed through ``mark(op, text)``, spaced by
    :func:`run_spacing`."""
    return "".join((" " if space else "") + mark(op, text) for (op, text), space in zip(runs, run_spacing(runs)))


#: How much more of the same tone (per word of the statement) counts as a shift in its direction: a
#: factor of two, a judgement (docs/validation.md, "Changes between two statements", gives the figure
#: at 1.5 and 3 too).
CLEARLY_MORE = 2.0


def _side(t: ActorTone | None) -> int:
    """+1 praised (praise above pressure), −1 pressed, 0 neither or balanced or not aimed at."""
    if t is None or t.praise == t.pressure:
        return 0
    return 1 if t.praise > t.pressure else -1


@dataclass(frozen=True)
class ToneShift:
    """The tone aimed at one actor in A (``before``) and B (``after``; None where none is aimed), and the
    statements' lengths in words.

    The **direction**: each side is praised (more praise than pressure), pressed (more pressure than
    praise) or neither; a change of side is ``warmer`` (toward praised) or ``cooler``. On the same side,
    the side's weight per word of its statement at least :data:`CLEARLY_MORE` times A's is firmer that
    way (``cooler`` for pressure, ``warmer`` for praise), at most 1 / :data:`CLEARLY_MORE` of it the
    reverse; else ``same``. An actor that only one statement names has no tone in the other: praise of
    it in B alone reads warmer. The words are the diplomatic-tone lexicon's, so a change of tone said in
    other words ("we recognize the desires of ...") is not seen."""

    actor: str
    before: ActorTone | None
    after: ActorTone | None
    words_a: int
    words_b: int

    @property
    def direction(self) -> str:
        """``warmer``, ``cooler`` or ``same`` (see the class note)."""
        a, b = _side(self.before), _side(self.after)
        if a != b:
            return "warmer" if b > a else "cooler"
        if a == 0 or self.before is None or self.after is None:
            return "same"
        weight = (lambda t: t.praise) if a > 0 else (lambda t: t.pressure)  # noqa: E731
        ratio = (weight(self.after) / max(self.words_b, 1)) / (weight(self.before) / max(self.words_a, 1))
        if ratio >= CLEARLY_MORE:
            return "warmer" if a > 0 else "cooler"
        if ratio <= 1 / CLEARLY_MORE:
            return "cooler" if a > 0 else "warmer"
        return "same"


@dataclass(frozen=True)
class EventChange:
    """An event added (``after`` only), dropped (``before`` only) or changed (both): ``firmer`` or ``softer``
    (a promise's strength), ``changed`` (its mode: now negated, no longer a promise, "will support" →
    "supports"); the events, with the sentences they are in."""

    kind: str
    before: Event | None
    after: Event | None

    @property
    def promise(self) -> bool:
        """True when either side is a commitment (the diff lists it with the commitments)."""
        return bool(self.before is not None and self.before.commitment or self.after is not None and self.after.commitment)


@dataclass(frozen=True)
class ThemeShift:
    """A theme's share of the words (0-1) in A and in B, and the words that matched it in each; ``kind`` is
    ``gained`` when its share rose by at least :data:`~readout.analyses.topics.themes.SUBSTANCE_SHARE` (the
    share at which a theme is "in substance") and it is matched at least twice in B, ``lost`` when it fell
    by as much and it is matched at least twice in A (one word in a long sentence gives the theme the whole
    sentence's words), else ``""``."""

    theme: str
    share_a: float
    share_b: float
    kind: str
    evidence_a: str = ""  # the words that matched the theme, by frequency ("economic (1)")
    evidence_b: str = ""


@dataclass(frozen=True)
class Diff:
    """What changed from A to B: the alignment, the actors named in one only, the tone aimed at each actor,
    the commitments changed, the other events added, dropped or changed, the themes, and each statement's
    Flesch-Kincaid grade (None where it cannot be computed)."""

    a: Statement
    b: Statement
    links: list[Link]
    actors_added: list[NamedActor]
    actors_dropped: list[NamedActor]
    tone: list[ToneShift]
    commitments: list[EventChange]
    events: list[EventChange]
    themes: list[ThemeShift]
    grade_a: float | None
    grade_b: float | None
    notes: tuple[str, ...] = ()  # what could not be read, and why ("A does not look like English: ...")

    def count(self, kind: str) -> int:
        """How many lines of the alignment are ``kind`` (kept, reworded, moved, added, dropped)."""
        return sum(1 for link in self.links if link.kind == kind)


def _tones_by_actor(statement: Statement, lexicons: Lexicons | None) -> dict[str, ActorTone]:
    """The tone aimed at each actor, an institution of a country counted with its country ("the Kremlin"
    is Russia's government; its people stay apart: "people of Russia")."""
    from readout.analyses.stance import ActorTone, actor_tones

    out: dict[str, ActorTone] = {}
    for name, t in actor_tones(statement, lexicons.tone if lexicons else None).items():
        actor = statement.actors.get(name)
        unit = actor.country if actor is not None and actor.kind == "institution" and actor.country else name
        into = out.setdefault(unit, ActorTone(unit))
        into.praise += t.praise
        into.pressure += t.pressure
        into.sentences.extend(x for x in t.sentences if x not in into.sentences)
        into.evidence.extend(t.evidence)
    return out


def _act(e: Event) -> str:
    """The act an event's cue names, in dictionary form: "will support", "supports" and "supported" → support."""
    from lemminflect import getLemma

    word = (e.cue.split() or [""])[-1].lower()
    found = getLemma(word, upos="VERB") if word.isalpha() else ()
    return found[0] if found else word


def _event_changes(links: list[Link], a: Statement, b: Statement, lexicons: Lexicons | None) -> list[EventChange]:
    """The events of each line of the alignment set side by side (a kept sentence too): in B's sentence and
    not in A's, added; the reverse, dropped; in both (the same actor, and the same category or the same act)
    with another strength or mode, changed. An event added and one dropped that are the same act (actor,
    category, recipient and verb) are one act restated in other words: compared, not listed twice."""
    from readout.analyses.actors.events import extract_events

    def by_sentence(statement: Statement) -> dict[str, list[Event]]:
        out: dict[str, list[Event]] = {}
        for e in extract_events(statement, lexicons.scheme if lexicons else None):
            out.setdefault(e.sentence, []).append(e)
        return out

    in_a, in_b = by_sentence(a), by_sentence(b)
    out: list[EventChange] = []
    for link in links:
        old = list(in_a.get(link.a.id, [])) if link.a is not None else []
        new = in_b.get(link.b.id, []) if link.b is not None else []
        for e in new:
            twin = next((x for same in ((lambda x: (x.actor, x.event, _act(x)) == (e.actor, e.event, _act(e))),
                                        (lambda x: (x.actor, _act(x)) == (e.actor, _act(e))),
                                        (lambda x: (x.actor, x.event) == (e.actor, e.event)))
                         for x in old if same(x)), None)
            if twin is None:
                out.append(EventChange("added", None, e))
                continue
            old.remove(twin)
            out += _compared(twin, e)
        out += [EventChange("dropped", x, None) for x in old]
    # an act restated in a sentence rewritten elsewhere (same actor, act, category and recipient) is no change
    dropped = [c.before for c in out if c.kind == "dropped"]
    restated: list[EventChange] = []
    for c in [c for c in out if c.kind == "added"]:
        e = c.after
        twin = next((x for x in dropped if x is not None and e is not None and
                     (x.actor, x.event, x.recipient, _act(x)) == (e.actor, e.event, e.recipient, _act(e))), None)
        if twin is not None and e is not None:
            dropped.remove(twin)
            out = [x for x in out if x is not c and x.before is not twin]
            restated += _compared(twin, e)
    return out + restated


def _compared(before: Event, after: Event) -> list[EventChange]:
    """How an event held in both statements changed: firmer or softer (a promise's strength), changed (its
    mode, or a promise no longer one), or not at all ([])."""
    if before.commitment and after.commitment and before.commitment != after.commitment:
        return [EventChange("firmer" if after.commitment == "firm" else "softer", before, after)]
    if before.mode != after.mode or bool(before.commitment) != bool(after.commitment):
        return [EventChange("changed", before, after)]
    return []


def _themes(a: Statement, b: Statement, lexicons: Lexicons | None) -> list[ThemeShift]:
    from readout.analyses.topics.themes import SUBSTANCE_SHARE, load_theme_lexicon, read_themes, theme_share_table

    lexicon = lexicons.themes if lexicons else load_theme_lexicon()
    shares_a, shares_b = (theme_share_table(read_themes(s, lexicon)) for s in (a, b))
    out = []
    for theme in shares_b.index:
        x, y = float(shares_a.loc[theme, "word_share"]), float(shares_b.loc[theme, "word_share"])
        if x or y:
            many_a, many_b = (int(t.loc[theme, "matches"]) >= 2 for t in (shares_a, shares_b))
            kind = "gained" if y - x >= SUBSTANCE_SHARE and many_b else \
                "lost" if x - y >= SUBSTANCE_SHARE and many_a else ""
            out.append(ThemeShift(theme, x, y, kind, str(shares_a.loc[theme, "evidence"] or ""),
                                  str(shares_b.loc[theme, "evidence"] or "")))
    return sorted(out, key=lambda t: -abs(t.share_b - t.share_a))


def _grade(statement: Statement) -> float | None:
    from readout.analyses.style.readability import readability_scores
    from readout.errors import NotComputable

    try:
        return readability_scores(statement)[1]["flesch_kincaid_grade"]
    except NotComputable:
        return None


def what_changed(a: Statement, b: Statement, lexicons: Lexicons | None = None) -> Diff:
    """Everything :class:`Diff` holds, for A (the earlier statement) and B, read with ``lexicons`` (the tone
    lexicon, the event scheme and the themes; the shipped files when None)."""
    from readout.analyses.actors.named import named_actors

    from readout.analyses.actors.named import one_sided
    from readout.errors import NotComputable

    from readout.text.language import looks_english

    links = align(a, b)
    named_a, named_b = named_actors(a), named_actors(b)
    notes = [f"{side} does not look like English: the tone toward actors, the commitments, the acts and the themes "
             "are not read (the lexicons and the parser are English); the sentences, names and length are."
             for side, s in (("A", a), ("B", b)) if not looks_english(s)]
    tone, events = [], []
    if not notes:
        tones_a, tones_b = _tones_by_actor(a, lexicons), _tones_by_actor(b, lexicons)
        tone = [ToneShift(actor, tones_a.get(actor), tones_b.get(actor), a.n_words, b.n_words)
                for actor in dict.fromkeys([*tones_a, *tones_b])]
        try:
            events = _event_changes(links, a, b, lexicons)
        except NotComputable as exc:  # too little text to read
            notes.append(f"Commitments and acts are not read: {exc}")
    themes = _themes(a, b, lexicons) if not notes else []  # the theme lexicon is English too
    return Diff(a, b, links, one_sided(named_b, named_a), one_sided(named_a, named_b), tone,
                [c for c in events if c.promise], [c for c in events if not c.promise], themes,
                _grade(a), _grade(b), tuple(notes))


_MARK = {"kept": "=", "reworded": "~", "moved": ">", "added": "+", "dropped": "-"}


def _tone_words(t: ActorTone | None, side: str, words: int) -> str:
    if t is None:
        return f"{side} aims none"
    per = 100 / max(words, 1)
    return (f"{side} {t.tone:+.2f} (praise {t.praise}, pressure {t.pressure}; per 100 words {t.praise * per:.1f} and "
            f"{t.pressure * per:.1f}: {side} {', '.join(t.sentences)})")


def _promise(e: Event, side: str) -> str:
    """'will support' (firm, B p1s2); a side that is no promise says its mode: 'supports' (done, B p1s2)."""
    negated = ", negated" if e.mode == "negated" and e.commitment else ", conditional" if e.mode == "conditional" else ""
    return f"'{e.cue}' ({e.commitment or e.mode}{negated}, {side} {e.sentence})"


def _whose(e: Event) -> str:
    return (e.actor or "an actor not recognised") + (f" to {e.recipient}" if e.recipient else "")


#: The acts (events that are no promise) a line of :func:`findings` lists before "and N more".
_LISTED = 4


def findings(d: Diff) -> list[str]:
    """What changed, one line each, findings first: the tone toward each actor (shifts first), the actors
    named in one statement only, the commitments changed, the other acts added, dropped or changed (the
    first :data:`_LISTED` of each), the themes gained and lost, length and readability, and how much of B
    is A's. Each line names its sentences ("A p2s1" is A's)."""
    lines = list(d.notes)
    lines += [f"Tone toward {t.actor}: {t.direction}. {_tone_words(t.before, 'A', d.a.n_words)}; "
              f"{_tone_words(t.after, 'B', d.b.n_words)}." for t in sorted(d.tone, key=lambda t: t.direction == "same")]
    if not d.tone and not d.notes:
        lines.append("Tone: neither statement aims its tone at an actor the tool recognises.")
    for side, named in (("B", d.actors_added), ("A", d.actors_dropped)):
        lines.append(f"Named in {side} only: " + ("; ".join(f"{x.text} ({side} {', '.join(x.sentences)})"
                                                            for x in named) or "none") + ".")
    for c in d.commitments:
        e = c.after or c.before
        assert e is not None
        if c.before is not None and c.after is not None:
            lines.append(f"Commitment {c.kind}: {_whose(e)}, {_promise(c.before, 'A')} → {_promise(c.after, 'B')}.")
        else:
            lines.append(f"Commitment {c.kind}: {_whose(e)}, {_promise(e, 'A' if c.after is None else 'B')}.")
    if not d.commitments:
        lines.append("Commitments: none added, dropped or changed.")
    for kind in ("added", "dropped", "changed"):
        acts = [c for c in d.events if c.kind == kind]
        shown = [f"{_whose(c.after or c.before)}, " + (f"{_promise(c.before, 'A')} → {_promise(c.after, 'B')}"  # type: ignore[arg-type]
                 if c.before is not None and c.after is not None else _promise(c.after or c.before, "A" if c.after is None else "B"))  # type: ignore[arg-type]
                 for c in acts[:_LISTED]]
        if acts:
            more = f"; and {len(acts) - _LISTED} more (the table of acts)" if len(acts) > _LISTED else ""
            lines.append(f"Acts {kind} (not promises): " + "; ".join(shown) + more + ".")
    lines += [f"Theme {t.kind}: {t.theme} ({t.share_a:.0%} of A's words, {t.share_b:.0%} of B's; matched in "
              f"{'B' if t.kind == 'gained' else 'A'}: {t.evidence_b if t.kind == 'gained' else t.evidence_a})."
              for t in d.themes if t.kind]
    grades = "" if d.grade_a is None or d.grade_b is None else (
        f"; Flesch-Kincaid grade {d.grade_a:.1f} → {d.grade_b:.1f}")
    lines += [f"Length: {d.a.n_words} → {d.b.n_words} words{grades}.",
              f"B carries over {carried_over(d.links):.0%} of its words from A, in sentences kept. Of B's "
              f"sentences, {d.count('kept')} kept, {d.count('reworded')} reworded, {d.count('moved')} moved and "
              f"{d.count('added')} added; {d.count('dropped')} of A's dropped (kept: at least {KEPT:.0%} of the "
              f"words alike, in order; reworded: at least {REWORDED:.0%})."]
    return lines


_SENTENCES = re.compile(r"\b([AB]) (p\d+s\d+(?:, p\d+s\d+)*)")


@dataclass(frozen=True)
class Findings:
    """The lines of :func:`findings` as a page shows them: a bulleted list whose sentence ids ("A p2s1", "B p1s2,
    p3s1") link to the sentences on the report's redline page (``redline.html#a-p2s1``). The text is escaped
    first, so words quoted from a statement never become markup; ``str()`` gives one line each."""

    lines: tuple[str, ...]

    def _repr_html_(self) -> str:
        def linked(m: re.Match) -> str:
            side = m.group(1)
            ids = ", ".join(f'<a href="redline.html#{side.lower()}-{sid}">{sid}</a>' for sid in m.group(2).split(", "))
            return f"{side} {ids}"

        items = "".join(f"<li>{_SENTENCES.sub(linked, html.escape(line))}</li>" for line in self.lines)
        return f'<ul class="readout-reading">{items}</ul>'

    def __str__(self) -> str:
        return "\n".join(f"- {line}" for line in self.lines)

    def __repr__(self) -> str:
        return str(self)


def marked_text(link: Link) -> str:
    """A line's sentence as plain text: one whose words changed (reworded, or kept with a few words changed)
    with the changes marked ``[-dropped-]{+added+}``, else B's sentence (A's for a dropped one)."""
    if link.a is not None and link.b is not None and link.a.text != link.b.text:
        text = joined(word_changes(link.a, link.b),
                      lambda op, w: w if op == "same" else f"[-{w}-]" if op == "dropped" else f"{{+{w}+}}")
    else:
        sentence = link.b if link.b is not None else link.a
        text = sentence.text if sentence is not None else ""
    return " ".join(text.split())  # one line: a sentence broken across lines ("THE WHITE HOUSE,\nJune 13") too


def alignment_table(d: Diff) -> pd.DataFrame:
    """One row per line of the alignment, in B's order with A's dropped sentences where they stood: change
    (kept, reworded, moved, added, dropped), sentence_a and sentence_b (ids, "" where none), similarity
    (0-1; blank for added and dropped), and the text, its changed words marked."""
    import pandas as pd

    rows = [(link.kind, link.a.id if link.a else "", link.b.id if link.b else "",
             link.similarity if link.a and link.b else None, marked_text(link)) for link in d.links]
    return pd.DataFrame(rows, columns=["change", "sentence_a", "sentence_b", "similarity", "text"])


def tone_table(d: Diff) -> pd.DataFrame:
    """One row per actor aimed at in either statement, the shifts first: direction (warmer, cooler, same),
    then for A and for B the tone (−1 only pressed to +1 only praised; blank when none is aimed), praise and
    pressure (sums of the lexicon's weights) and the sentences."""
    import pandas as pd

    def side(t: ActorTone | None) -> tuple:
        return (None, 0, 0, "") if t is None else (t.tone, t.praise, t.pressure, ", ".join(t.sentences))

    rows = [(t.actor, t.direction, *side(t.before), *side(t.after))
            for t in sorted(d.tone, key=lambda t: t.direction == "same")]
    return pd.DataFrame(rows, columns=["actor", "direction", "tone_a", "praise_a", "pressure_a", "sentences_a",
                                       "tone_b", "praise_b", "pressure_b", "sentences_b"]).set_index("actor")


def actor_table(d: Diff) -> pd.DataFrame:
    """One row per actor named in one statement only: named_in (B only, A only), the actor as first named,
    and the sentences that name it (ids in that statement)."""
    import pandas as pd

    rows = [("B only", x.text, ", ".join(x.sentences)) for x in d.actors_added]
    rows += [("A only", x.text, ", ".join(x.sentences)) for x in d.actors_dropped]
    return pd.DataFrame(rows, columns=["named_in", "actor", "sentences"])


def _changes_table(changes: list[EventChange]) -> pd.DataFrame:
    import pandas as pd

    def said(e: Event | None) -> str:
        return "" if e is None else f"'{e.cue}' ({e.commitment or 'no promise'}, {e.mode})"

    rows = []
    for c in changes:
        e = c.after or c.before
        assert e is not None
        rows.append((c.kind, e.actor, e.event, e.recipient, said(c.before), said(c.after),
                     c.before.sentence if c.before else "", c.after.sentence if c.after else ""))
    return pd.DataFrame(rows, columns=["change", "actor", "act", "recipient", "before", "after", "sentence_a",
                                       "sentence_b"])


def commitment_table(d: Diff) -> pd.DataFrame:
    """One row per commitment added, dropped or changed: change (added, dropped, firmer, softer, changed),
    actor, act (PLOVER category), recipient, before and after (the words that carry it, firm or soft or no
    promise, and its mode), and the sentences (A's and B's ids)."""
    return _changes_table(d.commitments)


def act_table(d: Diff) -> pd.DataFrame:
    """One row per other event (no promise on either side) added, dropped or changed in mode, with the
    columns of :func:`commitment_table`."""
    return _changes_table(d.events)


def theme_table(d: Diff) -> pd.DataFrame:
    """One row per theme found in either statement, the largest change first: its share of the words in A
    and in B (0-1), the change (B − A) and whether it was gained or lost."""
    import pandas as pd

    rows = [(t.theme, t.share_a, t.share_b, t.share_b - t.share_a, t.kind) for t in d.themes]
    return pd.DataFrame(rows, columns=["theme", "share_a", "share_b", "change", "gained_or_lost"]).set_index("theme")


#: The columns of :func:`change_rows` (the corpus engine's ``change.parquet``).
CHANGE_COLUMNS = ("pair", "change", "kind", "actor", "event", "theme", "before", "after", "sentence_a", "sentence_b")


def change_rows(pair: str, d: Diff) -> list[tuple[str, ...]]:
    """Every change of ``d`` as rows of :data:`CHANGE_COLUMNS`, all text: ``change`` is note (what was not
    read, and why, in ``after``), tone, actor, commitment, act (an event that is no promise), theme or sentence; ``event`` a commitment's or act's PLOVER
    category, ``theme`` a theme's name;
    ``kind`` its direction or sort (warmer/cooler/same; B only/A only;
    added/dropped/firmer/softer/changed; gained/lost; kept/reworded/moved/added/dropped); ``before`` and
    ``after`` the value in A and in B (a tone score, the words of a promise, a theme's share, a sentence);
    the sentences by id in A and B ("" where none)."""
    rows: list[tuple[str, ...]] = [(pair, "note", "not read", "", "", "", "", note, "", "") for note in d.notes]
    for t in d.tone:
        rows.append((pair, "tone", t.direction, t.actor, "", "", "" if t.before is None else f"{t.before.tone:+.2f}",
                     "" if t.after is None else f"{t.after.tone:+.2f}", ", ".join(t.before.sentences if t.before else []),
                     ", ".join(t.after.sentences if t.after else [])))
    for kind, named in (("B only", d.actors_added), ("A only", d.actors_dropped)):
        rows += [(pair, "actor", kind, x.text, "", "", "", "", ", ".join(x.sentences) if kind == "A only" else "",
                  ", ".join(x.sentences) if kind == "B only" else "") for x in named]
    for c in [*d.commitments, *d.events]:
        e = c.after or c.before
        assert e is not None
        rows.append((pair, "commitment" if c.promise else "act", c.kind, e.actor, e.event, "",
                     f"{c.before.cue} ({c.before.commitment or 'no promise'}, {c.before.mode})" if c.before else "",
                     f"{c.after.cue} ({c.after.commitment or 'no promise'}, {c.after.mode})" if c.after else "",
                     c.before.sentence if c.before else "", c.after.sentence if c.after else ""))
    rows += [(pair, "theme", t.kind or "same", "", "", t.theme, f"{t.share_a:.4f}", f"{t.share_b:.4f}", "", "")
             for t in d.themes]
    rows += [(pair, "sentence", link.kind, "", "", "", link.a.text if link.a else "", link.b.text if link.b else "",
              link.a.id if link.a else "", link.b.id if link.b else "") for link in d.links]
    return rows


def diff_text(a: Statement, b: Statement, lexicons: Lexicons | None = None) -> str:
    """The diff of A and B as plain text, for the terminal: what each is, then what changed
    (:func:`findings`), then B line by line (``=`` kept, ``~`` reworded with the changed words marked
    ``[-dropped-]{+added+}``, ``>`` moved, ``+`` added, ``-`` A's dropped sentence where it stood), each
    with its sentence id in A and B."""
    d = what_changed(a, b, lexicons)
    count = lambda s: f"{len(s.sentences)} sentence{'s' if len(s.sentences) != 1 else ''}"  # noqa: E731
    lines = [f"A: {a.title} ({count(a)})", f"B: {b.title} ({count(b)})", "",
             "What changed:", *(f"  {line}" for line in findings(d)), ""]
    for link in d.links:
        where = " ".join(x for x in (f"A {link.a.id}" if link.a else "", f"B {link.b.id}" if link.b else "") if x)
        score = f" ({link.similarity:.2f})" if link.a and link.b and link.a.text != link.b.text else ""
        lines.append(f"{_MARK[link.kind]} {where}{score}: {marked_text(link)}")
    return "\n".join(lines)
