"""Events read from the parse: the constructions issue #24 names, modes and commitments, the scheme file.

The sentences are our own (unit checks of each rule); how the events fare on real statements is
measured by ``python -m readout validate`` on the shared corpus and the PLOVER records.
"""

from __future__ import annotations

import pytest

from readout import parse_statement
from readout.analyses.actors.events import CATEGORIES, QUADS, event_table, extract_events, load_event_scheme
from readout.errors import BadInputError

HEADER = "Office of the Spokesperson\n\nPress Statement\n\n"


def events(body: str) -> list[tuple[str, str, str, str, str]]:
    """(actor, event, recipient, mode, commitment) of every event of a statement by the U.S. spokesperson."""
    st = parse_statement(HEADER + body)
    return [(e.actor, e.event, e.recipient, e.mode, e.commitment) for e in extract_events(st)]


def test_a_conjoined_verb_keeps_its_subject_and_a_negated_promise_counts():
    found = events("We will never accept the annexation that Russia attempted, and will maintain our support for "
                   "Ukraine's territorial integrity.")
    assert ("United States", "REJECT", "", "negated", "firm") in found  # "will never accept": a firm refusal
    assert ("United States", "AGREE", "Ukraine", "future", "firm") in found  # support promised: AGREE
    assert not any(actor == "Russia" for actor, *_ in found)


def test_a_coordinated_subject_acts_together_and_a_hope_binds_no_one_else():
    found = events("The United States, the Republic of Korea and Japan condemn the launches, commit to strengthen "
                   "trilateral cooperation, and hope the DPRK will return to talks.")
    trio = "United States + South Korea + Japan"
    assert (trio, "ACCUSE", "", "done", "") in found
    assert (trio, "AGREE", "", "future", "firm") in found
    assert (trio, "REQUEST", "North Korea", "hoped", "") in found
    assert not any(actor == "North Korea" for actor, *_ in found)  # "will return" is asked, not promised


def test_a_possessor_is_no_recipient_of_credit():
    found = events("We will restrict the funds that finance Russia's war.")
    assert ("United States", "SANCTION", "", "future", "firm") in found
    assert not any(recipient == "Russia" and event in ("AID", "SUPPORT") and actor for actor, event, recipient, *_
                   in found)


def test_the_statements_own_main_act_is_read():
    assert events("The United States is imposing sanctions on three entities.") == [
        ("United States", "SANCTION", "", "done", "")]
    assert ("United States", "SUPPORT", "Jordan", "done", "") in events(
        "The President reaffirmed strong U.S. support for Jordan.")


def test_consequences_are_the_speakers_threat_and_must_is_a_request():
    assert events("Russia will face consequences.") == [("United States", "THREATEN", "Russia", "future", "firm")]
    assert events("Pyongyang must immediately cease its destabilizing actions.") == [
        ("United States", "REQUEST", "North Korea", "hoped", "")]


def test_passive_agent_and_recipient():
    st = parse_statement("Honduras was congratulated by Guatemala for its progress.")
    (e,) = extract_events(st)
    assert (e.actor, e.event, e.recipient, e.rule) == ("Guatemala", "SUPPORT", "Honduras",
                                                       "passive: the actor follows 'by'")


def test_an_unattributed_event_keeps_its_subject_as_written():
    st = parse_statement(HEADER + "The resolution condemns the violence.")
    (e,) = extract_events(st)
    assert (e.actor, e.attributed, e.actor_words, e.event) == ("", False, "The resolution", "ACCUSE")
    table = event_table(st, [e])
    assert table.loc[0, "actor"] == "(The resolution)" and table.loc[0, "text"] == "The resolution condemns the violence."


def test_the_scheme_has_plovers_categories_and_quads():
    scheme = load_event_scheme()
    assert set(scheme.quads) == set(CATEGORIES) and set(scheme.quads.values()) == set(QUADS)
    assert scheme.verbs["condemn"] == "ACCUSE" and scheme.nouns["sanction"] == "SANCTION"
    assert scheme.verbs["call on"] == "REQUEST" and "call" not in scheme.verbs  # only with its preposition


@pytest.mark.parametrize("text, problem", [
    ("categories:\n  PRAISE:\n    quad: verbal cooperation\n    verbs: [praise]\n", "'PRAISE' is not a PLOVER category"),
    ("categories:\n  SUPPORT:\n    quad: kind words\n    verbs: [praise]\n", "needs 'quad:'"),
    ("categories:\n  SUPPORT:\n    quad: verbal cooperation\n    verbs: [praise]\n  ACCUSE:\n"
     "    quad: verbal conflict\n    verbs: [praise]\n", "'praise' is listed under both SUPPORT and ACCUSE"),
    ("categories:\n  SUPPORT:\n    quad: verbal cooperation\n    verb: [praise]\n", "unknown key(s) verb"),
])
def test_a_malformed_scheme_is_refused_in_one_line(tmp_path, text, problem):
    bad = tmp_path / "actions.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(BadInputError, match="actions.yaml: action scheme") as refused:
        load_event_scheme(bad)
    assert problem in str(refused.value) and "\n" not in str(refused.value)
