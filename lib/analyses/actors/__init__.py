"""Who does what to whom, and who promises what? References and actions with agent, verb,
category and target, who credits whom and each actor's balance (:mod:`.actions`); the
commitment ledger (:mod:`.commitments`); the annotated sentences they are scored on
(:mod:`.validation`).
"""

from __future__ import annotations

from .actions import (
    CREDIT,
    PRESSURE,
    Action,
    ActionScheme,
    Reference,
    action_table,
    actions_reading,
    balance_table,
    credit_edges,
    extract_actions,
    issuer,
    joint_agent,
    load_action_scheme,
    parties,
    reference_table,
    references,
)
from .commitments import FIRM, SOFT, commitment_reading, commitment_table
from .subjects import Subject, coordinated, subject_before
from .validation import action_scores, action_validation_table, annotated_sentences

__all__ = [
    "ActionScheme", "Reference", "Action", "load_action_scheme", "parties", "issuer", "references",
    "joint_agent", "extract_actions", "action_table", "reference_table", "credit_edges", "balance_table",
    "actions_reading", "CREDIT", "PRESSURE", "FIRM", "SOFT", "commitment_table", "commitment_reading",
    "Subject", "subject_before", "coordinated", "annotated_sentences", "action_validation_table",
    "action_scores"
]
