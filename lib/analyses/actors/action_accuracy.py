"""Do the event rules read our own sentences as we do? A unit check on an annotated set.

The annotated set (``data/action_validation.csv``) holds 44 sentences in the style of diplomatic
readouts, written for this project, each annotated by hand with its main event in PLOVER's
categories: actor, event, recipient, mode and commitment (the file's header says how). They include
passives ("Honduras was congratulated by ..."), negations ("did not agree": a rejection; "did not
condemn"), requests ("urged Mexico to ..."), promises ("will support", "pledged to"), actors acting
together ("the United States and Honduras agreed") and five sentences that report no event toward
another actor. Each sentence is read as a statement of its own; its main event is the first one
the rules find in the sentence's main clause (:attr:`~readout.analyses.actors.events.Event.main`), else
the first one they find (:func:`~readout.analyses.actors.events.extract_events`), none if they find none.

A field is right when it matches the annotation, a blank one included (the rules must find no event
where none is annotated, no recipient where no actor is acted upon): actors and recipients name the
same actors (an institution, official or people may stand for its country), or, annotated as written
in brackets, the rules name no actor and their subject or object as written ends in the same word.
The rules and the set share an author: the figures show the rules do what they claim, not how they
fare on statements in the wild (``python -m readout validate`` has those).
"""

from __future__ import annotations

import csv
import io
import re
from importlib import resources

import pandas as pd

from readout.text.statement import Statement, parse_statement

from .events import Event, EventScheme, extract_events, load_event_scheme

__all__ = ["FIELDS", "annotated_sentences", "action_validation_table", "action_scores", "action_misses"]

#: The fields annotated and checked, in the order shown.
FIELDS = ("event", "actor", "recipient", "mode", "commitment")


def annotated_sentences() -> list[dict[str, str]]:
    """Every annotated sentence: text, actor, event, recipient, mode, commitment ("" where blank)."""
    raw = resources.files("readout").joinpath("data/action_validation.csv").read_text(encoding="utf-8")
    lines = "\n".join(line for line in raw.splitlines() if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(lines)))


def _last_word(words: str) -> str:
    found = re.findall(r"[a-z]{3,}", words.lower())
    return found[-1] if found else ""


def _country(statement: Statement, name: str) -> str:
    actor = statement.actors.get(name)
    return actor.country if actor is not None and actor.kind != "country" and actor.country else name


def _same(statement: Statement, gold: str, names: tuple[str, ...], words: str) -> bool:
    """True when the annotation ``gold`` and the actors ``names`` (or, for a bracketed annotation,
    the words as written) agree (see the module note)."""
    if gold.startswith("("):
        return not names and bool(_last_word(gold)) and _last_word(gold) == _last_word(words)
    wanted = {g.strip() for g in gold.split(";") if g.strip()}
    return set(names) == wanted or {_country(statement, n) for n in names} == wanted


def _shown(names: str, words: str) -> str:
    return names or (f"({words})" if words else "")


def action_validation_table(scheme: EventScheme | None = None) -> pd.DataFrame:
    """One row per annotated sentence: each field as annotated and as found (an actor or recipient the
    rules name by its words only, in brackets), and whether it is right."""
    scheme = scheme or load_event_scheme()
    rows = []
    for gold in annotated_sentences():
        statement = parse_statement(gold["text"])
        found: list[Event] = extract_events(statement, scheme)
        main = next((e for e in found if e.main), found[0] if found else None)
        if main is None:
            read = dict.fromkeys(FIELDS, "")
            right = {f: not gold[f] for f in FIELDS}
        else:
            read = {"event": main.event, "actor": _shown(main.actor, main.actor_words),
                    "recipient": _shown(main.recipient, main.recipient_words if not main.recipients else ""),
                    "mode": main.mode, "commitment": main.commitment}
            right = {"event": main.event == gold["event"],
                     "actor": bool(gold["actor"]) and _same(statement, gold["actor"], main.actors, main.actor_words),
                     "recipient": (not main.recipients) if not gold["recipient"]
                     else _same(statement, gold["recipient"], main.recipients, main.recipient_words),
                     "mode": main.mode == gold["mode"], "commitment": main.commitment == gold["commitment"]}
        row = {"text": gold["text"]}
        for f in FIELDS:
            row |= {f"{f}_annotated": gold[f], f"{f}_found": read[f], f"{f}_right": right[f]}
        rows.append(row)
    return pd.DataFrame(rows)


def action_scores(table: pd.DataFrame) -> pd.DataFrame:
    """Per field of ``table`` (:func:`action_validation_table`): sentences, how many are annotated with a
    value (not blank), how many the rules read right (blank for blank counts), and that share (0-1)."""
    rows = [(f, len(table), int((table[f"{f}_annotated"] != "").sum()), int(table[f"{f}_right"].sum()),
             float(table[f"{f}_right"].mean())) for f in FIELDS]
    return pd.DataFrame(rows, columns=["field", "sentences", "annotated", "right", "share_right"]).set_index("field")


def action_misses(table: pd.DataFrame) -> pd.DataFrame:
    """The sentences of ``table`` with a field read wrong: the sentence, then each wrong field as
    "annotated → found" (a blank one as "—"), right fields left empty."""
    wrong = ~table[[f"{f}_right" for f in FIELDS]].all(axis=1)
    rows = table[wrong]
    out = pd.DataFrame({"text": rows["text"]})
    for f in FIELDS:
        out[f] = [("" if ok else f"{a or '—'} → {b or '—'}") for ok, a, b in
                  zip(rows[f"{f}_right"], rows[f"{f}_annotated"], rows[f"{f}_found"])]
    return out.reset_index(drop=True)
