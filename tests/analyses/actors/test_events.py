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


def test_a_state_of_commitment_is_a_firm_promise_by_its_subject_read_once():
    # "are committed" read as a passive would have no actor ("by" no one); the parser hangs the subject on
    # "are"; "committed to supporting Ukraine" is one promise with its recipient, not also one aimed at no one
    assert events("The United States and its allies are committed to supporting Ukraine.") == [
        ("United States", "AGREE", "Ukraine", "future", "firm")]


def test_a_pronoun_subject_is_the_one_actor_named_as_a_subject_before_it():
    found = events("While Russia has derided our warnings, they have been amassing troops on Ukraine's borders.")
    assert ("Russia", "MOBILIZE") in [(a, e) for a, e, *_ in found]
    assert events("Russia says it’s drawing down its forces.")[0][:2] == ("Russia", "RETREAT")
    # two actors named as subjects before it, or one that "he" cannot stand for: not guessed
    found = events("While Russia derides our warnings and NATO waits, it is amassing troops.")
    assert [(a, e) for a, e, *_ in found if e == "MOBILIZE"] == [("", "MOBILIZE")]
    found = events("While Russia derides our warnings, he is attacking Ukraine.")
    assert [(a, e) for a, e, *_ in found if e == "ASSAULT"] == [("", "ASSAULT")]


def test_a_modifier_is_an_event_only_when_it_names_its_actor():
    assert events("The two countries enjoy shared values and a shared commitment to democracy.") == []
    found = [(a, e, r) for a, e, r, *_ in events("The killings were carried out by the Kremlin-backed Wagner Group.")]
    assert found == [("Wagner Group", "ASSAULT", ""), ("Kremlin", "SUPPORT", "Wagner Group")]


def test_a_participle_describing_a_noun():
    # what was done to the noun: designated with no "by" is the speaker's designation of it
    st = parse_statement(HEADER + "The prisons designated today are run by the Syrian regime.")
    e = next(e for e in extract_events(st) if e.event == "SANCTION")
    assert (e.actor, e.recipient_words) == ("United States", "The prisons")
    # what the noun does: "a network funding the Houthis" is the network's act
    st = parse_statement(HEADER + "The United States is designating members of a network funding the Houthis.")
    e = next(e for e in extract_events(st) if e.event == "AID")
    assert (e.actor, e.actor_words, e.recipient) == ("", "a network", "Houthis")


def test_an_act_let_or_helped_is_no_promise_of_the_one_let():
    # the modal is the speaker's: Russia promises nothing, and its act is only what the speaker refuses
    assert events("We will not allow Russia to use Belarus to attack Ukraine.") == [
        ("United States", "REJECT", "Russia", "negated", "firm")]
    assert events("We will help Ukraine to defend itself.") == [("United States", "AGREE", "Ukraine", "future", "firm")]
    # a clause reported to someone is still coded: "told X that ..." is no infinitive
    assert ("Russia", "ASSAULT", "Ukraine", "done", "") in events("We told Russia that its forces attacked Ukraine.")


def test_committed_to_an_act_is_one_firm_promise_with_its_partner():
    assert events("We are committed to strengthening cooperation with Japan.") == [
        ("United States", "AGREE", "Japan", "future", "firm")]


def test_a_light_verb_in_the_passive():
    st = parse_statement("Sanctions were imposed on Iran by the European Union.")
    assert [(e.actor, e.event, e.cue) for e in extract_events(st)] == [("European Union", "SANCTION", "Sanctions imposed")]


def test_a_war_is_no_recipient_of_what_is_done_about_it():
    # the war's doer is not who its financing goes to; what it is "against" is not who a condemnation accuses
    found = events("We will restrict the funds that finance Russia's war against Ukraine.")
    assert [r for _, e, r, *_ in found if e == "AID"] == [""]
    assert events("We condemn Russia's war against Ukraine.") == [("United States", "ACCUSE", "Russia", "done", "")]


def test_the_new_rules_leave_their_neighbours_alone():
    # a review's counterexamples to the rules above, each read as the guideline reads it
    assert events("We will support Ukraine's armed forces.") == [("United States", "AGREE", "Ukraine", "future", "firm")]
    assert events("We may support Ukraine, and we will support the reforms.") == [
        ("United States", "AGREE", "Ukraine", "future", "soft"), ("United States", "AGREE", "", "future", "firm")]
    assert events("We sanctioned Russia last year and we will sanction Russia again.") == [
        ("United States", "SANCTION", "Russia", "done", ""), ("United States", "SANCTION", "Russia", "future", "firm")]
    # a passive with no "by" is no state of commitment; "engaged in" a war is no consultation
    assert [a for a, *_ in events("War crimes have been committed in Bucha.")] == [""]
    assert events("Russia is engaged in a war against Ukraine.") == []
    # an earlier subject inside a relative clause, or one that names no actor, is no antecedent
    assert [a for a, e, *_ in events("The people who Russia detained said they would protest.") if e != "COERCE"] == [""]
    assert [a for a, *_ in events("The report that NATO published says they are amassing troops.")] == [""]
    # the recipient of a passive light verb and of a participle: the preposition's object, not the noun
    assert events("Sanctions were imposed on Iran by the European Union.")[0][:3] == ("European Union", "SANCTION", "Iran")
    assert events("The aid provided to Ukraine by Japan is vital.") == [("Japan", "AID", "Ukraine", "done", "")]


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
