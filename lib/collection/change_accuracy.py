"""How much of what a reader marked as changed between two statements does the diff find?

Read against a folder of hand-labelled pairs (``../shared/pairs``: ``labels.csv`` and ``statements/``;
its README describes the columns): for each pair the diff (:func:`readout.collection.change.what_changed`)
of its two texts, A the earlier, and four figures, each with its misses:

* **points found**: each labelled point that B adds (``added_points``) or that A says and B no longer
  does (``dropped_points``; "nothing of substance" is no point) is placed in its text, in the sentence
  that shares the most content words with it (words in dictionary form, stop words left out; at least
  two, or half the point's); it is found when the diff marks that sentence added or reworded (B's) or
  dropped or reworded (A's). A point no sentence holds is a miss ("not placed"). On a pair that keeps no
  sentence whole, every point is found by construction: the figure then says only that nothing new was
  taken for kept.
* **actor changes found**: each labelled actor of ``actors_added`` is found when an actor the diff names
  in B only is the same actor (:func:`readout.analyses.actors.named.same_actor` on their keys; the
  label's words in brackets and after "as", "who" or "where" are its note, not its name; a label that
  lists actors, "allies and partners", is found when each of them is); each of ``actors_dropped``,
  likewise among those named in A only.
* **tone-shift direction**: the first actor of the label's first clause ("cooler toward the Russian
  government ...") against the diff's direction toward the actor with the same key (else one that holds
  it; an actor the diff aims no tone at reads "same"); "firmer" is cooler. A second figure counts every
  clause and actor of the label.
* **pairs with commitment changes right**: the diff reports a commitment added, dropped or changed on the
  pairs whose label names one, and none where the label says "none".
"""

from __future__ import annotations

import re
from pathlib import Path

from readout.errors import BadInputError
from readout.text.statement import Statement, load_statement

__all__ = ["PAIR_COLUMNS", "PAIR_FIGURES", "pair_figures", "place_point", "tone_clauses"]

#: The columns a pairs folder's ``labels.csv`` must have.
PAIR_COLUMNS = ("pair", "file_a", "file_b", "added_points", "dropped_points", "actors_added", "actors_dropped",
                "commitments_changed", "tone_shift")
#: The names of the figures, in the order they are printed.
PAIR_FIGURES = ("pair points found", "pair actor changes found", "pair tone-shift direction",
                "pair tone-shift direction, every actor labelled", "pairs with commitment changes right")

_NOTE = re.compile(r"\s*\([^)]*\)|\s+(?:as|who|where|which)\s.*$")
_CLAUSE = re.compile(r"\b(warmer|cooler|same|firmer)\s+toward\s+(.+)$", re.I)


def _items(cell: str) -> list[str]:
    items = [x.strip() for x in (cell or "").split(";") if x.strip()]
    return [] if [x.lower() for x in items] in (["none"], ["nothing of substance"]) else [
        x for x in items if not x.lower().startswith("nothing of substance")]


def _content(text: str) -> set[str]:
    from readout.analyses.actors.named import _words

    return {w.lower() for w in _words(text)}


def place_point(point: str, statement: Statement) -> tuple[str, int]:
    """The id of the sentence of ``statement`` that shares the most content words with ``point`` and how many
    it shares; ("", 0) when the best shares fewer than two words and fewer than half the point's."""
    words = _content(point)
    best = max(((len(words & _content(s.text)), -s.index, s.id) for s in statement.sentences), default=(0, 0, ""))
    if best[0] < 2 and best[0] * 2 < len(words) or best[0] == 0:
        return "", 0
    return best[2], best[0]


def tone_clauses(label: str) -> list[tuple[str, str]]:
    """(direction, actor as labelled, its note in brackets kept) for each clause and actor of a ``tone_shift``
    label: "cooler toward Russia and Putin (from warning ...)" → (cooler, Russia), (cooler, Putin (from
    warning ...)); firmer is cooler; what follows a comma is the clause's note."""
    out = []
    for clause in label.split(";"):
        m = _CLAUSE.search(clause.strip())
        if m:
            direction = "cooler" if m.group(1).lower() == "firmer" else m.group(1).lower()
            actors = re.split(r",(?![^()]*\))", m.group(2))[0]  # "survivors, A stresses ...": the rest is a note
            for actor in re.split(r"\s+and\s+(?![^()]*\))", actors):
                out.append((direction, actor.strip()))
    return out


def _label_keys(label: str, statement: Statement) -> list[frozenset[str]]:
    """The keys a labelled actor may be found by: its name without its note, then the names in its brackets."""
    from readout.analyses.actors.named import actor_key

    main = _NOTE.sub("", label).strip()
    inner = [x.strip() for b in re.findall(r"\(([^)]*)\)", label) for x in b.split(",") if x.strip()]
    return [k for k in (actor_key(x, statement.actor_lexicon) for x in [main, *inner] if x) if k]


def _our_direction(label: str, diff, statement: Statement) -> tuple[str, str]:  # noqa: ANN001 - a Diff
    """The diff's direction toward the labelled actor and the actor it read it for ("same", "" when none)."""
    from readout.analyses.actors.named import actor_key, same_actor

    ours = [(t, actor_key(t.actor, statement.actor_lexicon)) for t in diff.tone]
    for key in _label_keys(label, statement):
        exact = [t for t, k in ours if k == key]
        near = [t for t, k in ours if same_actor(k, key)]
        if exact or near:
            t = (exact or near)[0]
            return t.direction, t.actor
    return "same", ""


def pair_figures(folder: str | Path) -> list:
    """The figures of the module note on a folder of labelled pairs, as :class:`~readout.collection.validation.Score`
    objects. Raises :class:`~readout.errors.BadInputError` for a missing folder, file or column."""
    from readout.analyses.actors.named import same_actor
    from readout.collection.change import what_changed
    from readout.collection.validation import Score, _csv_rows

    folder = Path(folder)
    labels = folder / "labels.csv"
    if not labels.is_file():
        raise BadInputError(labels, "not found: a pairs folder needs labels.csv and statements/")
    rows = _csv_rows(labels, PAIR_COLUMNS)
    points, actors, tone, every, commitments = (Score(name, 0, 0) for name in PAIR_FIGURES)
    listed = 0
    for row in rows:
        pair = row["pair"]
        a, b = load_statement(folder / row["file_a"]), load_statement(folder / row["file_b"])
        d = what_changed(a, b)
        kind_a = {link.a.id: link.kind if link.reworded or link.b is None else "kept" for link in d.links if link.a}
        kind_b = {link.b.id: link.kind if link.reworded or link.a is None else "kept" for link in d.links if link.b}
        for side, cell, statement, kinds, changed in (("added", row["added_points"], b, kind_b, ("added", "reworded", "moved")),
                                                      ("dropped", row["dropped_points"], a, kind_a, ("dropped", "reworded", "moved"))):
            for point in _items(cell):
                points.total += 1
                sid, _ = place_point(point, statement)
                if sid and kinds.get(sid) in changed:
                    points.right += 1
                else:
                    where = f"placed in {sid}, {kinds.get(sid)}" if sid else "not placed"
                    points.misses.append(f"{pair} {side}: {point} ({where})")
        listed += len(d.actors_added) + len(d.actors_dropped)
        for side, cell, statement, found in (("added", row["actors_added"], b, d.actors_added),
                                             ("dropped", row["actors_dropped"], a, d.actors_dropped)):
            for label in _items(cell):
                actors.total += 1
                keys = _label_keys(label, statement)
                members = [_label_keys(m, statement) for m in re.split(r",\s*|\s+and\s+", _NOTE.sub("", label))
                           if m.strip()]
                if any(same_actor(k, x.key) for k in keys for x in found) or len(members) > 1 and all(
                        any(same_actor(k, x.key) for k in m for x in found) for m in members):
                    actors.right += 1
                else:
                    actors.misses.append(f"{pair} {side}: {label}")
        clauses = tone_clauses(row["tone_shift"])
        for n, (direction, label) in enumerate(clauses):
            ours, actor = _our_direction(label, d, b)
            if ours == "same" and not actor:
                ours, actor = _our_direction(label, d, a)
            right = ours == direction
            for score in (every, tone) if n == 0 else (every,):
                score.total += 1
                score.right += right
                if not right:
                    score.misses.append(f"{pair}: {direction} toward {label}; the diff reads {ours}"
                                        + (f" toward {actor}" if actor else " (no tone aimed at it in either)"))
        labelled = bool(_items(row["commitments_changed"])) and not row["commitments_changed"].lower().startswith("none")
        commitments.total += 1
        if labelled == bool(d.commitments):
            commitments.right += 1
        else:
            commitments.misses.append(f"{pair}: labelled {'a change' if labelled else 'none'}, the diff reports "
                                      f"{len(d.commitments)}")
    actors.notes.append(f"the diff listed {listed} actors as named in one statement only across the {len(rows)} "
                        f"pairs, against {actors.total} labelled: the figure is recall, and the lists hold more "
                        "than a reader would mark")
    points.notes.append("a point is found in the sentence that shares most content words with it; on pairs that "
                        "keep no sentence whole every placed point is found by construction")
    tone.notes.append("the label's first clause, first actor; 'firmer' counts as cooler")
    return [points, actors, tone, every, commitments]
