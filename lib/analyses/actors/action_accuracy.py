"""How often do the action rules find the right agent, category and target? Checked on an annotated set.

The annotated set (``data/action_validation.csv``) holds 44 sentences in the
style of diplomatic readouts, written for this project, each with the agent,
the action category and the target of its main action as its author reads
them; they include passives ("Honduras was congratulated by ..."), negations
("did not agree") and coordinated agents ("the United States and Honduras
agreed"). Each sentence is parsed as a statement of its own; its main action is
the first one reported done (or negated), else the first one found.

* precision of a field: extracted values that match / values extracted;
* recall: extracted values that match / values annotated (a blank annotation,
  such as a target the author leaves open, is not counted).

Agents match when they name the same actors (both parties count as their two
members); a target naming an actor must name the same one; a noun-phrase
target matches when one contains the other. The rules and the set share an
author: the figures show the rules do what they claim, not how they fare on
statements in the wild.
"""

from __future__ import annotations

import csv
import io
from importlib import resources

import pandas as pd

from readout.text.statement import Statement, parse_statement

from .actions import ActionScheme, extract_actions, load_action_scheme
from .references import parties

__all__ = ["annotated_sentences", "action_validation_table", "action_scores"]


def annotated_sentences() -> list[dict[str, str]]:
    """Every annotated sentence: text, agent, category, target ("" where left open)."""
    raw = resources.files("readout").joinpath("data/action_validation.csv").read_text(encoding="utf-8")
    lines = "\n".join(line for line in raw.splitlines() if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(lines)))


def _members(name: str, statement: Statement) -> frozenset[str]:
    joint = next((a.name for a in statement.actor_lexicon.actors if a.kind == "joint"), "Both sides")
    if name == joint:
        return frozenset(parties(statement)) or frozenset({joint})
    return frozenset(x.strip() for x in name.split(" + ") if x.strip())


def action_validation_table(scheme: ActionScheme | None = None) -> pd.DataFrame:
    """One row per annotated sentence: the annotation, what the rules extracted, and whether each field matches."""
    scheme = scheme or load_action_scheme()
    actors = None
    rows = []
    for gold in annotated_sentences():
        statement = parse_statement(gold["text"])
        actors = actors or {a.name for a in statement.actor_lexicon.actors}
        found = extract_actions(statement, scheme)
        main = next((a for a in found if a.mode in ("done", "negated")), found[0] if found else None)
        agent = main.agent if main else ""
        category = main.category if main else ""
        target = main.target if main else ""
        agent_ok = bool(agent) and _members(agent, statement) == _members(gold["agent"], statement)
        if gold["target"] in actors or " + " in gold["target"]:
            target_ok = bool(target) and _members(target, statement) == _members(gold["target"], statement)
        else:
            g, t = gold["target"].lower(), target.lower()
            target_ok = bool(g and t) and (g in t or t in g)
        rows.append((gold["text"], gold["agent"], agent, agent_ok, gold["category"], category,
                     category == gold["category"], gold["target"], target, target_ok))
    return pd.DataFrame(rows, columns=["text", "agent_annotated", "agent_found", "agent_right",
                                       "category_annotated", "category_found", "category_right",
                                       "target_annotated", "target_found", "target_right"])


def action_scores(scheme: ActionScheme | None = None) -> pd.DataFrame:
    """Per field (agent, category, target): annotated, extracted, right, precision and recall (0-1)."""
    table = action_validation_table(scheme)
    rows = []
    for field in ("agent", "category", "target"):
        annotated = int((table[f"{field}_annotated"] != "").sum())
        extracted = int((table[f"{field}_found"] != "").sum())
        right = int(table[f"{field}_right"].sum())
        rows.append((field, annotated, extracted, right, right / extracted if extracted else 0.0,
                     right / annotated if annotated else 0.0))
    return pd.DataFrame(rows, columns=["field", "annotated", "extracted", "right", "precision", "recall"]
                        ).set_index("field")
