"""Who credits whom, who presses whom, who promises what: the events of :mod:`.events` added up.

Every table here is read off the events (:func:`~readout.analyses.actors.events.extract_events`),
and counts only what they say:

* **Credit and pressure.** An event of a cooperation quad (verbal: AGREE, CONSULT, SUPPORT, CONCEDE;
  material: COOPERATE, AID, RETREAT) credits its recipient; one of a conflict quad (REQUEST, ACCUSE,
  REJECT, THREATEN; PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT) presses it. An edge runs from each
  actor of the event to each recipient (actors acting together each give it), so only an event with
  an actor the parse names and a recipient that is an actor makes one. A negated event is no edge
  ("did not condemn" presses no one), except a rejection: the events read a negated act of verbal
  cooperation as REJECT ("will never recognise"), which presses its recipient.
* **Commitments.** The events that carry a commitment, firm or soft: an actor's own future act. A
  negated one is kept and shown as negated ("will never recognise" is a firm commitment not to);
  counts of commitments include the negated ones, and say so. Another actor's hoped-for act is never
  a commitment (the events read it as the asker's REQUEST).
* **Not attributed.** An event whose actor no parse relation names (a subject the tool does not know
  as an actor, "The resolution condemns ...", or none found) counts among the events but gives no
  edge, no balance and no commitment; the readings say how many there are.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from readout.analyses.readings import Reading
from readout.text.statement import Statement

from .events import CONFLICT, COOPERATION, Event

if TYPE_CHECKING:  # imported where a table is made: the runner's checks load these modules without it
    import pandas as pd

__all__ = ["EVENT_COLUMNS", "BALANCE_COLUMNS", "event_frame", "event_view", "edge_kind", "credit_edges",
           "commitment_ledger", "balance_table", "events_reading", "unattributed_reading", "ledger_reading"]

#: The columns of one row per event: the report's events table and the corpus's event level (which
#: adds ``key`` and ``file`` before them).
EVENT_COLUMNS = ("sentence", "text", "actor", "actor_kind", "actor_country", "event", "quad", "recipient",
                 "recipient_country", "mode", "commitment", "cue", "rule", "actor_words", "recipient_words")


def _country(statement: Statement, name: str) -> str:
    """The country an actor is or belongs to: a country itself, its people's country, an institution's,
    organisation's or person's country where the actor list or the text gives one; "" otherwise."""
    if name.startswith("people of "):
        return name.removeprefix("people of ")
    actor = statement.actors.get(name)
    if actor is None:
        return ""
    return name if actor.kind == "country" else actor.country or ""


def _kind(statement: Statement, members: tuple[str, ...]) -> str:
    if not members:
        return ""
    if len(members) > 1:
        return "joint"
    return "people" if members[0].startswith("people of ") else statement.kind_of(members[0])


def _countries(statement: Statement, members: tuple[str, ...]) -> str:
    return " + ".join(dict.fromkeys(c for c in (_country(statement, m) for m in members) if c))


def event_frame(statement: Statement, events: list[Event]) -> pd.DataFrame:
    """One row per event, in text order (:data:`EVENT_COLUMNS`): the sentence's id and text; the actor
    ("" when none is attributed), its kind ("joint" for actors acting together) and country (" + "
    between several); the PLOVER category and its quad; the recipient and its country; the mode,
    the commitment (firm, soft or ""), the cue words, the rule that read the actor, and the subject
    and object as written."""
    import pandas as pd

    text = {s.id: s.text for s in statement.sentences}
    rows = [(e.sentence, text[e.sentence], e.actor, _kind(statement, e.actors), _countries(statement, e.actors),
             e.event, e.quad, e.recipient, _countries(statement, e.recipients), e.mode, e.commitment, e.cue, e.rule,
             e.actor_words, e.recipient_words) for e in events]
    return pd.DataFrame(rows, columns=list(EVENT_COLUMNS))


def event_view(frame: pd.DataFrame) -> pd.DataFrame:
    """The events as a page shows them: sentence, actor (its subject as written in brackets when no actor
    is attributed, "(none found)" when the rules found no subject), event, recipient (likewise, or
    blank), mode, commitment, cue and the rule that read the actor. The page quotes each sentence by its
    id (:func:`readout.report.display.for_statement`)."""
    view = frame.copy()
    view["actor"] = [a or (f"({w})" if w else "(none found)") for a, w in zip(frame["actor"], frame["actor_words"])]
    view["recipient"] = [r or (f"({w})" if w else "") for r, w in zip(frame["recipient"], frame["recipient_words"])]
    return view[["sentence", "actor", "event", "recipient", "mode", "commitment", "cue", "rule"]]


def edge_kind(event: Event) -> str:
    """"credit", "pressure", or "" for an event that gives no edge (no actor, no recipient, negated)."""
    if not event.attributed or not event.recipients:
        return ""
    if event.mode == "negated" and event.event != "REJECT":
        return ""
    return "credit" if event.quad in COOPERATION else "pressure" if event.quad in CONFLICT else ""


def credit_edges(events: list[Event]) -> pd.DataFrame:
    """Directed actor → recipient edges (:func:`edge_kind`), one row per (from, to, kind) in the order of
    their first event: ``events`` (how many) and ``sentences`` (each event's sentence and cue)."""
    import pandas as pd

    edges: dict[tuple[str, str, str], list[str]] = {}
    for e in events:
        kind = edge_kind(e)
        if not kind:
            continue
        for a in e.actors:
            for r in e.recipients:
                if a != r:
                    edges.setdefault((a, r, kind), []).append(f"{e.sentence} ({e.cue})")
    rows = [(a, r, kind, len(v), "; ".join(v)) for (a, r, kind), v in edges.items()]
    return pd.DataFrame(rows, columns=["from_actor", "to_actor", "kind", "events", "sentences"])


def commitment_ledger(statement: Statement, events: list[Event]) -> pd.DataFrame:
    """One row per event that carries a commitment, in text order: sentence, actor, strength (firm or
    soft), negated (True for a commitment not to act: "will never recognise"), the event's category,
    recipient and mode, its cue, and the sentence quoted."""
    import pandas as pd

    text = {s.id: s.text for s in statement.sentences}
    rows = [(e.sentence, e.actor, e.commitment, e.mode == "negated", e.event, e.recipient, e.mode, e.cue,
             text[e.sentence]) for e in events if e.commitment]
    return pd.DataFrame(rows, columns=["sentence", "actor", "strength", "negated", "event", "recipient", "mode",
                                       "cue", "text"])


#: The columns of :func:`balance_table`.
BALANCE_COLUMNS = ("as_agent", "as_target", "commitments", "credit_given", "credit_received", "pressure_given",
                   "pressure_received")


def balance_table(events: list[Event]) -> pd.DataFrame:
    """Per actor (actors acting together counted for each of them), over the events whose actor the
    parse names: events it acts in (``as_agent``), events it is a recipient of (``as_target``),
    commitments it makes (negated ones included), and the events by which it gives and receives credit
    and pressure (:func:`edge_kind`). Most active first; a symmetric text gives its parties equal
    columns."""
    import pandas as pd

    rows: dict[str, dict[str, int]] = {}

    def bump(actor: str, col: str) -> None:
        rows.setdefault(actor, dict.fromkeys(BALANCE_COLUMNS, 0))[col] += 1

    for e in events:
        if not e.attributed:
            continue
        kind = edge_kind(e)
        for a in e.actors:
            bump(a, "as_agent")
            if e.commitment:
                bump(a, "commitments")
            if kind:
                bump(a, f"{kind}_given")
        for r in e.recipients:
            bump(r, "as_target")
            if kind:
                bump(r, f"{kind}_received")
    table = pd.DataFrame.from_dict(rows, orient="index", columns=list(BALANCE_COLUMNS)).rename_axis("actor")
    return table.sort_values(["as_agent", "as_target"], ascending=False, kind="stable") if len(table) else table


def _plural(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def unattributed_reading(events: list[Event]) -> Reading:
    """How many events have no actor the parse names, and why: a subject as written that names no actor
    the tool knows (or a pronoun it could not resolve), or no subject found."""
    missing = [e for e in events if not e.attributed]
    if not missing:
        return Reading("The parse names the actor of every event." if events else "No event, so none unattributed.")
    written = [e.actor_words for e in missing if e.actor_words]
    why = []
    if written:
        why.append(f"{len(written)} {'has' if len(written) == 1 else 'have'} a subject that names no actor the tool "
                   f"knows, or a pronoun it could not resolve (such as “{written[0]}”)")
    if len(missing) > len(written):
        n = len(missing) - len(written)
        why.append(f"{n} {'has' if n == 1 else 'have'} no subject the rules found")
    return Reading(f"{_plural(len(missing), 'event')} of {len(events)} {'has' if len(missing) == 1 else 'have'} no "
                   f"actor the parse names: {'; '.join(why)}. They are listed among the events, but count in no "
                   "edge, balance or commitment.")


def events_reading(events: list[Event] | object) -> str:
    """A few plain sentences: how many events, who acts most, who credits whom, who presses whom, who
    promises what, and how many events have no actor the parse names."""
    if not isinstance(events, list):  # not computed: the reason, as given
        return str(events)
    if not events:
        return "No event of the scheme's categories is found in this statement."
    acting = Counter(e.actor for e in events if e.attributed)
    parts = [f"{_plural(len(events), 'event')}"
             + ("; the most active actors are " + ", ".join(f"{a} ({n})" for a, n in acting.most_common(3))
                if acting else ", none with an actor the parse names") + "."]
    edges = credit_edges(events)
    for kind, verb, none in (("credit", "Credit flows", "No actor credits another."),
                             ("pressure", "Pressure", "No actor presses another.")):
        rows = edges[edges["kind"] == kind].to_dict("records")
        parts.append(none if not rows else f"{verb}: " + "; ".join(
            f"{'from ' if kind == 'credit' else ''}{r['from_actor']} {'to' if kind == 'credit' else 'on'} "
            f"{r['to_actor']} ({r['events']})" for r in rows) + ".")
    promises = [e for e in events if e.commitment]
    if promises:
        by = Counter(e.actor for e in promises)
        negated = sum(1 for e in promises if e.mode == "negated")
        parts.append(f"{_plural(len(promises), 'commitment')} ({sum(1 for e in promises if e.commitment == 'firm')} "
                     f"firm{f', {negated} of them negated' if negated else ''}), made by "
                     + ", ".join(f"{a} ({n})" for a, n in by.most_common()) + ".")
    else:
        parts.append("No actor commits itself to a future act.")
    parts.append(str(unattributed_reading(events)))
    return " ".join(parts)


def ledger_reading(ledger: pd.DataFrame) -> Reading:
    """One or two sentences: how many commitments (negated ones included, and said so), how firm, and
    who makes them."""
    if ledger.empty:
        return Reading("The statement records no commitment: no actor's own future act is stated with a word of "
                       "commitment (\"will\", \"committed to\", \"seek to\", \"can\").")
    firm = int((ledger["strength"] == "firm").sum())
    negated = ledger[ledger["negated"]]
    by = ledger["actor"].value_counts()
    text = (f"{_plural(len(ledger), 'commitment')}: {firm} firm and {len(ledger) - firm} soft. Made by: "
            + ", ".join(f"{a} ({n})" for a, n in by.items()) + ".")
    if len(negated):
        text += (f" {_plural(len(negated), 'is a commitment', 'are commitments')} not to act (negated, counted "
                 f"above): " + "; ".join(f"{r['actor']}, “{r['cue']}”" for r in negated.to_dict("records")) + ".")
    else:
        text += " None is negated."
    return Reading(text)
