"""How much of the statement's cast did the tool recognise? Names recognised, events attributed, and
the warnings a reader sees when either is low.

* **Names recognised** (0-1): of the names in the body that could be actors (runs of capitalised
  words, :func:`readout.text.names.name_spans`: not dates, titles, laws, events or programmes), the
  share that a mention (the gazetteer, an organisation known by its form, a person found by a title
  or role) overlaps, or that the gazetteer knows as a place (a capital: "in Kinshasa"). Low when
  the statement names actors the tool does not know: its "who" tables then leave them out.
* **Unattributed events** (0-1): of the events (:func:`~readout.analyses.actors.events.extract_events`),
  the share whose actor no parse relation names (:attr:`~readout.analyses.actors.events.Event.attributed`
  false): a subject that names no actor the tool knows ("The resolution condemns …"), a pronoun with
  no antecedent (a "we" with no speaker found), or no subject found at all. Such an event counts, but
  gives no credit, pressure or commitment.

The thresholds below are read off the 60 labelled statements of the development corpus: there,
names recognised run from 17% to 100% (median 84%; 7 statements below 60%, mostly travel notices and
readouts full of places, offices and programmes), and unattributed events from 0% to 82% (median
32%, 192 of 579 events; 7 statements above 50%; read with events.py as committed with this threshold,
issue #24: `git log -S "192 of 579" lib/analyses/actors/coverage.py` finds it). A
statement below :data:`MIN_NAMES_RECOGNISED` or above :data:`MAX_UNATTRIBUTED` is in the corpus's
worst eighth on that measure, and its page says so next to the actor lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from readout.text.mentions import find_mentions
from readout.text.names import NameSpan, name_spans
from readout.text.statement import Statement

from .events import Event
from .speaker import speaker_of

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Coverage", "coverage_of", "coverage_warnings", "coverage_table", "unrecognised_table", "cast_table",
           "MIN_NAMES_RECOGNISED", "MAX_UNATTRIBUTED"]

#: Below this share of names recognised, the page warns that actors may be missing.
MIN_NAMES_RECOGNISED = 0.6
#: Above this share of unattributed events, the page warns that "who does what" is incomplete.
MAX_UNATTRIBUTED = 0.5


@dataclass(frozen=True)
class Coverage:
    """What the actor layer recognised in one statement: names (``names_recognised`` of ``names``,
    with the ones it did not recognise as written), events whose actor no parse relation names
    (``unattributed`` of ``events``), and whether a rule found the speaker."""

    names: int
    names_recognised: int
    unrecognised: tuple[str, ...]
    events: int
    unattributed: int
    speaker_known: bool

    @property
    def name_share(self) -> float | None:
        """Names recognised / names, 0-1; None when the body has no name."""
        return self.names_recognised / self.names if self.names else None

    @property
    def unattributed_share(self) -> float | None:
        """Events with no actor the parse names / events, 0-1; None when there is no event."""
        return self.unattributed / self.events if self.events else None


def _recognised(statement: Statement, span: NameSpan) -> bool:
    """True if a mention overlaps the name, or the gazetteer knows it as a place ("in Kinshasa")."""
    return any(m.start < span.end and span.start < m.end for m in statement.mentions) or bool(
        find_mentions(span.text, statement.actor_lexicon))


def coverage_of(statement: Statement, events: list[Event] | None = None) -> Coverage:
    """The statement's coverage (see the module note); ``events`` as extracted (None: not counted)."""
    spans = name_spans(statement.text, [s.tokens for s in statement.sentences])
    missed = [n.text for n in spans if not _recognised(statement, n)]
    found = events or []
    return Coverage(len(spans), len(spans) - len(missed), tuple(dict.fromkeys(missed)), len(found),
                    sum(1 for e in found if not e.attributed), speaker_of(statement).known)


def coverage_warnings(cover: Coverage) -> list[str]:
    """The warnings a reader should see next to the actor and tone readings (none when coverage is
    within the thresholds): an unknown speaker, few names recognised, many unattributed events."""
    out = []
    if not cover.speaker_known:
        out.append("The speaker could not be read from the header, signature, dateline or opening: \"we\" and "
                   "\"our\" are left unresolved.")
    share = cover.name_share
    if share is not None and share < MIN_NAMES_RECOGNISED:
        shown = ", ".join(cover.unrecognised[:5]) + (" …" if len(cover.unrecognised) > 5 else "")
        out.append(f"Only {share:.0%} of the names in the text ({cover.names_recognised} of {cover.names}) are "
                   f"actors the tool recognises; not recognised: {shown}. Actor tables may miss who matters; an "
                   "actors file (actors_path) can add them.")
    unattributed = cover.unattributed_share
    if unattributed is not None and unattributed > MAX_UNATTRIBUTED:
        out.append(f"{unattributed:.0%} of the events ({cover.unattributed} of {cover.events}) have no actor the "
                   "parse names: who credits, presses or promises is incomplete.")
    return out


def coverage_table(cover: Coverage) -> pd.DataFrame:
    """One row per measure: the value (0-1), the count behind it, the threshold and whether it is met."""
    import pandas as pd

    rows = [("names_recognised", cover.name_share, f"{cover.names_recognised} of {cover.names}",
             f"at least {MIN_NAMES_RECOGNISED:.0%}",
             None if cover.name_share is None else cover.name_share >= MIN_NAMES_RECOGNISED),
            ("unattributed_events", cover.unattributed_share, f"{cover.unattributed} of {cover.events}",
             f"at most {MAX_UNATTRIBUTED:.0%}",
             None if cover.unattributed_share is None else cover.unattributed_share <= MAX_UNATTRIBUTED)]
    return pd.DataFrame(rows, columns=["measure", "share", "count", "threshold", "within"]).set_index("measure")


def unrecognised_table(cover: Coverage) -> pd.DataFrame:
    """The names the tool did not recognise, as written, in text order (one row each)."""
    import pandas as pd

    return pd.DataFrame({"name": list(cover.unrecognised)})


_FOUND_BY = {"name": "actor list", "demonym": "actor list (demonym)", "capital": "actor list (capital)",
             "person": "title or role in the text"}


def cast_table(statement: Statement) -> pd.DataFrame:
    """Every actor the statement names, most mentioned first: the actor as shown ("Daniel Ortega
    (Nicaragua)" for a person whose country the text gives), its kind and country, its mentions, the
    sentence of its first mention, and how it was found (the actor list, or the text: a title or role,
    the form of an organisation's name)."""
    import pandas as pd

    rows: dict[str, list] = {}
    named = {a.name for a in statement.named}
    for m in statement.mentions:
        actor = statement.actors.get(m.actor)
        if actor is None:
            continue
        if m.actor not in rows:
            sentence = statement.sentence_of(m.start)
            how = ("form of the name" if actor.kind == "organization" else "title or role in the text") \
                if m.actor in named else _FOUND_BY.get(m.form, "actor list")
            rows[m.actor] = [actor.shown, actor.kind, actor.country or "", 0, sentence.id if sentence else "", how]
        rows[m.actor][3] += 1
    table = pd.DataFrame(list(rows.values()), columns=["actor", "kind", "country", "mentions", "first_sentence",
                                                       "found_by"])
    return table.sort_values("mentions", ascending=False, kind="stable").reset_index(drop=True)
