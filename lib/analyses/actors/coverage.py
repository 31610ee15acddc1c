"""How much of the statement's cast did the tool recognise? Names recognised, agents resolved, and
the warnings a reader sees when either is low.

* **Names recognised** (0-1): of the names in the body that could be actors (runs of capitalised
  words, :func:`readout.text.names.name_spans`: not dates, titles, laws, events or programmes), the
  share that a mention (the gazetteer, an organisation known by its form, a person found by a title
  or role) overlaps, or that the gazetteer knows as a place (a capital: "in Kinshasa"). Low when
  the statement names actors the tool does not know: its "who" tables then leave them out.
* **Unresolved agents** (0-1): of the actions, the share whose agent no rule resolved (a "we" with no
  speaker found, a pronoun with no antecedent, no subject at all). An action whose subject is a thing
  ("The resolution condemns …") is not unresolved.

The thresholds below are read off the 60 labelled statements of the development corpus: there,
names recognised run from 17% to 100% (median 84%; 7 statements below 60%, mostly travel notices and
readouts full of places, offices and programmes), and unresolved agents from 0% to 75% (median 0%;
8 statements above 30%, mostly White House texts with no signature). A statement below
:data:`MIN_NAMES_RECOGNISED` or above :data:`MAX_UNRESOLVED` is in the corpus's worst eighth on that
measure, and its page says so next to the actor lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from readout.text.mentions import find_mentions
from readout.text.names import NameSpan, name_spans
from readout.text.statement import Statement

from .actions import Action
from .speaker import speaker_of

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Coverage", "coverage_of", "coverage_warnings", "coverage_table", "unrecognised_table", "cast_table",
           "MIN_NAMES_RECOGNISED", "MAX_UNRESOLVED"]

#: Below this share of names recognised, the page warns that actors may be missing.
MIN_NAMES_RECOGNISED = 0.6
#: Above this share of unresolved agents, the page warns that "who does what" is incomplete.
MAX_UNRESOLVED = 0.3


@dataclass(frozen=True)
class Coverage:
    """What the actor layer recognised in one statement: names (``names_recognised`` of ``names``,
    with the ones it did not recognise as written), actions with an unresolved agent (``unresolved``
    of ``actions``), and whether a rule found the speaker."""

    names: int
    names_recognised: int
    unrecognised: tuple[str, ...]
    actions: int
    unresolved: int
    speaker_known: bool

    @property
    def name_share(self) -> float | None:
        """Names recognised / names, 0-1; None when the body has no name."""
        return self.names_recognised / self.names if self.names else None

    @property
    def unresolved_share(self) -> float | None:
        """Actions with an unresolved agent / actions, 0-1; None when there is no action."""
        return self.unresolved / self.actions if self.actions else None


def _recognised(statement: Statement, span: NameSpan) -> bool:
    """True if a mention overlaps the name, or the gazetteer knows it as a place ("in Kinshasa")."""
    return any(m.start < span.end and span.start < m.end for m in statement.mentions) or bool(
        find_mentions(span.text, statement.actor_lexicon))


def coverage_of(statement: Statement, actions: list[Action] | None = None) -> Coverage:
    """The statement's coverage (see the module note); ``actions`` as extracted (None: not counted)."""
    spans = name_spans(statement.text, [s.tokens for s in statement.sentences])
    missed = [n.text for n in spans if not _recognised(statement, n)]
    acts = actions or []
    unresolved = sum(1 for a in acts if not a.agent and not a.subject)
    return Coverage(len(spans), len(spans) - len(missed), tuple(dict.fromkeys(missed)), len(acts), unresolved,
                    speaker_of(statement).known)


def coverage_warnings(cover: Coverage) -> list[str]:
    """The warnings a reader should see next to the actor and tone readings (none when coverage is
    within the thresholds): an unknown speaker, few names recognised, many unresolved agents."""
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
    unresolved = cover.unresolved_share
    if unresolved is not None and unresolved > MAX_UNRESOLVED:
        out.append(f"{unresolved:.0%} of the actions ({cover.unresolved} of {cover.actions}) have an agent the rules "
                   "could not resolve: who credits or presses whom is incomplete.")
    return out


def coverage_table(cover: Coverage) -> pd.DataFrame:
    """One row per measure: the value (0-1), the count behind it, the threshold and whether it is met."""
    import pandas as pd

    rows = [("names_recognised", cover.name_share, f"{cover.names_recognised} of {cover.names}",
             f"at least {MIN_NAMES_RECOGNISED:.0%}",
             None if cover.name_share is None else cover.name_share >= MIN_NAMES_RECOGNISED),
            ("unresolved_agents", cover.unresolved_share, f"{cover.unresolved} of {cover.actions}",
             f"at most {MAX_UNRESOLVED:.0%}",
             None if cover.unresolved_share is None else cover.unresolved_share <= MAX_UNRESOLVED)]
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
