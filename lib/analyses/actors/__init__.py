"""Who speaks, who does what to whom, and who promises what? Who "we" are (:mod:`.speaker`);
references and actions with agent, verb, category and target, who credits whom and each actor's
balance (:mod:`.actions`), with the one subject rule (:mod:`.subjects`); the commitment ledger
(:mod:`.commitments`); how much of the cast the tool recognised, and the warnings a reader sees
(:mod:`.coverage`); the annotated sentences the rules are scored on (:mod:`.validation`).

The names below are imported from their modules on first use, so importing the package costs
nothing until a name is needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readout._lazy import lazy_exports

if TYPE_CHECKING:
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
    from .coverage import (
        MAX_UNRESOLVED,
        MIN_NAMES_RECOGNISED,
        Coverage,
        cast_table,
        coverage_of,
        coverage_table,
        coverage_warnings,
        unrecognised_table,
    )
    from .speaker import SPEAKER_RULES, Speaker, find_speaker, speaker_of, speaker_reading
    from .subjects import Subject, coordinated, subject_before
    from .validation import action_scores, action_validation_table, annotated_sentences

#: Each public name and the module (in this package) that defines it.
_MODULE_OF = {
    "ActionScheme": "actions", "Reference": "actions", "Action": "actions", "load_action_scheme": "actions",
    "parties": "actions", "issuer": "actions", "references": "actions", "joint_agent": "actions", "extract_actions":
    "actions", "action_table": "actions", "reference_table": "actions", "credit_edges": "actions", "balance_table":
    "actions", "actions_reading": "actions", "CREDIT": "actions", "PRESSURE": "actions", "FIRM": "commitments",
    "SOFT": "commitments", "commitment_table": "commitments", "commitment_reading": "commitments", "Coverage":
    "coverage", "coverage_of": "coverage", "coverage_warnings": "coverage", "coverage_table": "coverage",
    "unrecognised_table": "coverage", "cast_table": "coverage", "MIN_NAMES_RECOGNISED": "coverage",
    "MAX_UNRESOLVED": "coverage", "Speaker": "speaker", "find_speaker": "speaker", "speaker_of": "speaker",
    "speaker_reading": "speaker", "SPEAKER_RULES": "speaker", "Subject": "subjects", "subject_before": "subjects",
    "coordinated": "subjects", "annotated_sentences": "validation", "action_validation_table": "validation",
    "action_scores": "validation"
}
__all__ = [
    "ActionScheme", "Reference", "Action", "load_action_scheme", "parties", "issuer", "references", "joint_agent",
    "extract_actions", "action_table", "reference_table", "credit_edges", "balance_table", "actions_reading",
    "CREDIT", "PRESSURE", "FIRM", "SOFT", "commitment_table", "commitment_reading", "Coverage", "coverage_of",
    "coverage_warnings", "coverage_table", "unrecognised_table", "cast_table", "MIN_NAMES_RECOGNISED",
    "MAX_UNRESOLVED", "Speaker", "find_speaker", "speaker_of", "speaker_reading", "SPEAKER_RULES", "Subject",
    "subject_before", "coordinated", "annotated_sentences", "action_validation_table", "action_scores"
]

__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF)
